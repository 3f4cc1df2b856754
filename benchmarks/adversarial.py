"""Adversarial articles: does any text make the processors super-linear?

Each family is a function n -> a VALID raw article (url, source, title, body) built from
one structure repeated n times: quotation marks, reporting cues with complementizers,
speaker phrases, according-to markers, number words, digit groups, ranges, brackets,
names, diacritics, ligatures, a single 100k-character word, text without spaces or
with only line breaks. `FAMILIES` maps each name to its function (the tests import it).

The benchmark enriches each family's article at n and at factor x n (what
streams.pipeline.process does after validation: processors.enrich.enrich, then
orjson.dumps of the findings as published (`to_dict`), whose length is the output
size), and prints per family
the time, the output bytes, and the growth exponents

    time   log(t2 / t1) / log(factor)       bytes  log(b2 / b1) / log(factor)

1.0 is linear, 2.0 quadratic; an exponent above 1.25 is flagged. Short runs make time
exponents noisy, so n is doubled (both sizes kept under the worker's 1,000,000-byte
article limit) until the run at n takes at least 50 ms, and each time is the best of
a few repeats.

    python -m benchmarks.adversarial [--n 500] [--factor 4] [--families a,b] [--repeats 3]

Exit status 1 when a family is flagged (or its article would be over the limit).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from typing import Any, Callable

import orjson

from processors.enrich import enrich

MAX_ARTICLE_BYTES = 1_000_000  # streams.settings' default KHABAR_MAX_ARTICLE_BYTES
FLAG_EXPONENT = 1.25
MIN_RUN_S = 0.05

Article = dict[str, Any]


def _article(name: str, n: int, body: str, title: str | None = None) -> Article:
    return {
        "url": f"https://adversarial.example/{name}/{n}",
        "source": "adversarial",
        "title": title if title is not None else "خبر عاجل: وزارة الصحة تعلن نتائج جديدة",
        "body": body,
    }


def _family(name: str, unit: str, title: str | None = None, head: str = "", tail: str = "") -> Callable[[int], Article]:
    """A family whose body is `unit` repeated n times (between a head and a tail)."""

    def make(n: int) -> Article:
        return _article(name, n, head + unit * n + tail, title)

    make.__name__ = name
    make.__doc__ = f"{unit!r} x n"
    return make


def _cycle(name: str, units: list[str], title: str | None = None) -> Callable[[int], Article]:
    """A family whose body cycles through `units`, n pieces in all."""

    def make(n: int) -> Article:
        return _article(name, n, "".join(units[k % len(units)] for k in range(n)), title)

    make.__name__ = name
    make.__doc__ = " | ".join(units) + " cycled, n pieces"
    return make


def _nested_quotes(n: int) -> Article:
    """«“"قال ... n levels of quotations opened, then all closed."""
    opens = "".join("«قال الوزير: “إن " if k % 2 == 0 else "قال المتحدث: «إن " for k in range(n))
    closes = "".join("”»" if k % 2 == 0 else "»" for k in reversed(range(n)))
    return _article("quotes_nested", n, opens + "الوضع مستقر" + closes + ".")


def _nested_straight(n: int) -> Article:
    """قال "... n straight quotations nested by their shape, then all closed."""
    return _article("quotes_straight_nested", n, 'قال الوزير "إن ' * n + "الوضع مستقر" + '"' * n + ".")


def _nested_parens(n: int) -> Article:
    return _article("parens_nested", n, "قال الوزير إن " + "(الوضع " * n + "مستقر" + ")" * n + ".")


def _long_word(n: int) -> Article:
    """One word of 50 x n letters (n = 2000: a 100,000-character word)."""
    return _article("long_word", n, "قال الوزير إن " + ("بسمتلك" * (50 * n // 6 + 1))[: 50 * n] + " انتهى.")


def _long_digits(n: int) -> Article:
    """One run of 20 x n digits, then one of groups "1,234,567,..."."""
    return _article(
        "long_digits", n, "بلغ العدد " + "1234567890" * (2 * n) + " شخصا، و" + "1," + ",".join(["234"] * n) + " دولار."
    )


def _no_spaces(n: int) -> Article:
    return _article("no_spaces", n, "قالالوزيرإن«الوضع»،3مليون،بحسبالوزارة:" * n)


def _newlines_only(n: int) -> Article:
    return _article("newlines_only", n, "\n" * (20 * n) + "قال الوزير إن الوضع مستقر." + "\n\r\n" * (10 * n))


def _stacked_marks(n: int) -> Article:
    """One letter carrying 20 x n alternating hamza above and below (which NFKC has to
    put in canonical order)."""
    return _article("marks_stacked", n, "قال الوزير إن ا" + "\u0654\u0655" * (10 * n) + " انتهى.")


def _long_speaker(n: int) -> Article:
    """A speaker "name" of 20 x n letters, carried over to n claims ("وأضاف أن")."""
    return _article("speaker_long_carry", n, "قال " + "س" * (20 * n) + " إن الوضع مستقر. " + "وأضاف أن الحل قريب. " * n)


def _names(n: int) -> Article:
    """n different full names sharing one surname, each later quoted by the surname."""
    first = ["فلاديمير", "محمد", "أحمد", "سامي", "منى", "خالد", "عمر", "ليلى"]
    parts = []
    for k in range(n):
        parts.append(f"وقال الرئيس {first[k % len(first)]} {first[(k // 8) % len(first)]} بوتين إن الوضع صعب. ")
        parts.append("وقال بوتين إن الحل قريب. ")
    return _article("names_same_surname", n, "".join(parts))


def _long_dateline(n: int) -> Article:
    """A title "مصر: ..." whose text after the place runs n clauses: the dateline rules
    (processors/claims/headline.py) read it once."""
    return _article("headline_dateline", n, "نص.", "مصر: السيسي يعين حكومة جديدة " + "وحريق كبير يلتهم مخزنا " * n)


FAMILIES: dict[str, Callable[[int], Article]] = {
    # quotation marks
    "quotes_unbalanced": _family("quotes_unbalanced", "قال الوزير: «"),
    "quotes_balanced": _family("quotes_balanced", "قال الوزير: «الوضع مستقر تماما». "),
    "quotes_open_only": _family("quotes_open_only", "«"),
    "quotes_close_only": _family("quotes_close_only", "قال الوزير إن الوضع »مستقر» "),
    "quotes_straight": _family("quotes_straight", 'قال الوزير: "الوضع '),
    "quotes_mixed": _family("quotes_mixed", '«قال “الوزير" إن» ”وأكد« "أن '),
    "quotes_nested": _nested_quotes,
    "quotes_straight_nested": _nested_straight,
    "quotes_crossing": _family("quotes_crossing", '" «قال إن «قال إن " '),
    "colons": _family("colons", "قال الوزير: "),
    "colons_bare": _family("colons_bare", "الوزير: "),
    "headline_dateline": _long_dateline,
    # cues and complementizers
    "cue_qala_an": _family("cue_qala_an", "قال أن "),
    "cue_wa_adaf_an": _family("cue_wa_adaf_an", "وأضاف أن "),
    "cue_akkada_an": _family("cue_akkada_an", "أكد أن "),
    "cue_participle": _family("cue_participle", "مضيفا أن "),
    "cue_comma_clauses": _family("cue_comma_clauses", "وقال الوزير إن الوضع مستقر، مضيفا أن "),
    "next_acts": _family("next_acts", "قالت الوزارة إن الوضع مستقر لكنه لم يكشف، إلا أنها أكدت أن "),
    "speech_participles": _family("speech_participles", "قالت الوزارة إن الوضع مستقر، داعيا السكان، داعية "),
    "cue_nested": _family("cue_nested", "قال الوزير إن الرئيس أكد أن "),
    "cue_noun": _family("cue_noun", "تأكيدها على أن "),
    "cue_postposed": _family("cue_postposed", "«الوضع تحت السيطرة»، قال الوزير، "),
    "cue_qad": _family("cue_qad", "وكانت الوزارة قد أعلنت أن "),
    "cue_nominal": _family("cue_nominal", "وأعلنت الوزارة تدمير منشأة "),
    "cue_object": _family("cue_object", "واتهمت الحكومة المعارضة بالتحريض "),
    "cue_object_apposed": _family("cue_object_apposed", "ووصف الرئيس الإيراني، حسن روحاني، الإجراءات بأنها "),
    "cue_object_name": _family("cue_object_name", "ووصفت طهران العقوبات بأنها وقال دان كوتس عدم ذكر "),
    "cue_in_quote": _family("cue_in_quote", 'وقال: «قال لي "لن ننسحب"، '),
    "cue_relative": _family("cue_relative", "أعلنت النقابة مشاركة الناس في التظاهرات التي قدرت الشرطة عدد "),
    "cue_own_words": _family("cue_own_words", "وأضاف قائلا نحن مستمرون، ونقول إن "),
    "quotes_named": _family("quotes_named", 'وقالت شركة "نور"، في مقابلة مع شبكة "سي ان ان"، '),
    "quotes_subject": _family("quotes_subject", 'وأضاف "الفهيد"، الأحد، أن '),
    "quotes_name_in_phrase": _family("quotes_name_in_phrase", 'وقالت وكالة الفضاء "ناسا"، الثلاثاء، إن '),
    "cues_mixed": _cycle("cues_mixed", ["قال أن ", "وأضاف أن ", "أكد أن ", "مضيفا أن ", "«", "قال: ", "، "]),
    # speakers
    "speaker_role_chain": _family(
        "speaker_role_chain", "المتحدث باسم وزارة الدفاع الروسية ", head="وقال ", tail="إن الوضع مستقر."
    ),
    "speaker_commas": _family("speaker_commas", "قال إيغور كوناشينكوف، المتحدث باسم وزارة الدفاع، "),
    "speaker_before": _family("speaker_before", "الوزارة "),
    "speaker_honorific": _family("speaker_honorific", "استقبل سمو الأمير الوفد، وقال سموه إن "),
    "speaker_pronoun": _family("speaker_pronoun", "زار الوزير موسكو أمس. لكنه أكد أن الخلاف قائم، لكنه قال إن "),
    "speaker_backward": _family("speaker_backward", "وسائل إعلام في أوكرانيا ", tail="أعلنت أن الوضع مستقر."),
    "names_same_surname": _names,
    "speaker_long_carry": _long_speaker,
    # according-to
    "according_bihasab": _family("according_bihasab", "وبحسب وزارة الصحة، "),
    "according_wifqan": _family("according_wifqan", "وفقا لوزارة الصحة "),
    "according_trailing": _family("according_trailing", "ارتفع العدد إلى 50، وفقا للوزارة، "),
    "according_ma": _family("according_ma", "بحسب ما أعلنت الوزارة "),
    "according_hasabama": _family("according_hasabama", "ارتفع العدد، حسبما أفاد مسؤولون، "),
    "according_own_words": _family("according_own_words", "وقال الوزير إن العدد ارتفع. وتراجعت الأسعار، حسب تعبيره. "),
    "according_relative": _family("according_relative", "قتل 5 وفق المرصد الذي أكد أن "),
    "according_clause": _family("according_clause", "وقع الحادث، إذ قتل 5، بحسب مصادر طبية، "),
    "according_quoted": _family("according_quoted", 'ارتفع العدد، بحسب ما نقلت "رويترز"، وفقا لـ "سانا" '),
    "according_as": _family("according_as", "ارتفع العدد إلى 50، كما قالت الوزارة. ارتفع العدد، كما قالت الوزارة، "),
    "according_rule": _family("according_rule", "وتنفذ الأعمال، وفق الخطة المعتمدة، ووفقا للقانون فإن "),
    "according_line": _family(
        "according_line", "وقال الوزير إن العدد ارتفع إلى 50. وفقا لرويترز. ارتفع العدد إلى 50. بحسب الوكالة. "
    ),
    # numbers
    "number_words": _family("number_words", "ثلاثة وعشرون "),
    "number_compounds": _family("number_compounds", "ثلاثة آلاف وخمسمائة وثلاثة وعشرون جنديا، "),
    "number_scale_chain": _family("number_scale_chain", "مليون و"),
    "number_and_chain": _family("number_and_chain", "و5 "),
    "number_hundreds_chain": _family("number_hundreds_chain", "4 مئة و"),
    "number_hundreds_words": _family("number_hundreds_words", "ثلاث مئة و"),
    "digit_groups": _family("digit_groups", "1,234,567 "),
    "long_digits": _long_digits,
    "ranges": _family("ranges", "بين 5 و10 "),
    "ranges_chain": _family("ranges_chain", "من 5 إلى 10 إلى "),
    "percent_money": _family("percent_money", "40 في المئة من 500 مليون دولار، "),
    "approx": _family("approx", "نحو أكثر من حوالي 40 شخصا على الأقل "),
    "counted_long": _family("counted_long", "منشأة عسكرية ", head="دمرت 1612 ", tail="."),
    "ordinals": _family("ordinals", "الملك محمد السادس الجولة الثالثة "),
    "dates": _family("dates", "15 يونيو/حزيران 2022 "),
    # punctuation
    "parens_nested": _nested_parens,
    "parens_unbalanced": _family("parens_unbalanced", "(قال الوزير إن "),
    "punct_runs": _family("punct_runs", "؟!.،؛:"),
    "commas": _family("commas", "الوزارة، "),
    "dots_abbrev": _family("dots_abbrev", "د.م.ع."),
    # letters
    "marks_stacked": _stacked_marks,
    "diacritics_tatweel": _family("diacritics_tatweel", "قـــــالَ الوَزِيـــرُ إِنَّ الوَضْعَ مُسْتَقِرٌّ. "),
    "ligatures": _family("ligatures", "\ufdfa\ufdfb\ufdfd"),
    "presentation_forms": _family(
        "presentation_forms", "\ufed7\ufe8e\ufedd \ufe8d\ufedf\ufeee\ufeae\ufef3\ufeae \ufe87\ufee5 "
    ),
    "html_entities": _family("html_entities", "&amp;lt;p&amp;gt;قال الوزير المتحدث &#1571;ن "),
    "long_word": _long_word,
    "prepositions_peeled": _family("prepositions_peeled", "ب", head="قتل خمسة أشخاص، و", tail=" آخرين"),
    "no_spaces": _no_spaces,
    "newlines_only": _newlines_only,
    "newline_quotes": _family("newline_quotes", "«قال إن\n"),
    # mixed
    "mixed": _cycle(
        "mixed",
        [
            "قال الوزير: «",
            "وأضاف أن ",
            "ثلاثة وعشرون ",
            "1,234,567 ",
            "بين 5 و10 ",
            "وبحسب وزارة الصحة، ",
            "(",
            "\ufdfa",
            "الرئيس فلاديمير بوتين ",
            "40 في المئة ",
            "\n",
            "“",
            "قـــال ",
        ],
    ),
}


def article_bytes(article: Article) -> int:
    return len(orjson.dumps(article))


def run_once(article: Article) -> tuple[float, int]:
    """Seconds to enrich the article and serialize its findings, and their size."""
    t0 = time.perf_counter()
    findings = enrich(article, "adversarial")
    size = len(orjson.dumps(findings.to_dict()))
    return time.perf_counter() - t0, size


def measure(article: Article, repeats: int) -> tuple[float, int]:
    best, size = math.inf, 0
    for _ in range(repeats):
        t, size = run_once(article)
        best = min(best, t)
    return best, size


def exponent(a: float, b: float, factor: float) -> float:
    if a <= 0 or b <= 0:
        return float("nan")
    return math.log(b / a) / math.log(factor)


def bench_family(name: str, n: int, factor: int, repeats: int) -> dict[str, Any]:
    make = FAMILIES[name]
    # Grow n until one run at n takes MIN_RUN_S, while the larger article fits.
    while True:
        big = make(n * factor)
        if article_bytes(big) > MAX_ARTICLE_BYTES:
            if n == 1:
                return {"family": name, "error": "article over the size limit at n = 1"}
            n //= 2
            continue
        t1, _ = run_once(make(n))
        bigger = make(2 * n * factor)
        if t1 >= MIN_RUN_S or article_bytes(bigger) > MAX_ARTICLE_BYTES:
            break
        n *= 2
    small = make(n)
    big = make(n * factor)
    t1, b1 = measure(small, repeats)
    t2, b2 = measure(big, repeats)
    et, eb = exponent(t1, t2, factor), exponent(b1, b2, factor)
    return {
        "family": name,
        "n": n,
        "in_bytes": (article_bytes(small), article_bytes(big)),
        "time_s": (t1, t2),
        "out_bytes": (b1, b2),
        "time_exp": et,
        "bytes_exp": eb,
        "flagged": et > FLAG_EXPONENT or eb > FLAG_EXPONENT,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.adversarial", description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=500, help="repeats of the smaller article (grown until a run takes 50 ms)")
    ap.add_argument("--factor", type=int, default=4, help="the larger article has factor x n repeats")
    ap.add_argument("--families", default="", help="comma-separated names (default: all)")
    ap.add_argument("--repeats", type=int, default=3, help="each time is the best of this many runs")
    args = ap.parse_args(argv)
    names = [f.strip() for f in args.families.split(",") if f.strip()] or list(FAMILIES)
    unknown = [f for f in names if f not in FAMILIES]
    if unknown:
        ap.error(f"unknown families: {', '.join(unknown)} (known: {', '.join(FAMILIES)})")
    print(f"{'family':<22} {'n':>6} {'in KB':>13} {'time ms':>17} {'out KB':>17} {'t exp':>6} {'b exp':>6}")
    bad = 0
    for name in names:
        r = bench_family(name, args.n, args.factor, args.repeats)
        if "error" in r:
            print(f"{name:<22} ERROR {r['error']}")
            bad += 1
            continue
        (i1, i2), (t1, t2), (b1, b2) = r["in_bytes"], r["time_s"], r["out_bytes"]
        flag = "  <-- super-linear" if r["flagged"] else ""
        print(
            f"{name:<22} {r['n']:>6} {i1 / 1e3:>6.0f}/{i2 / 1e3:<6.0f} {t1 * 1e3:>8.1f}/{t2 * 1e3:<8.1f}"
            f" {b1 / 1e3:>8.0f}/{b2 / 1e3:<8.0f} {r['time_exp']:>6.2f} {r['bytes_exp']:>6.2f}{flag}",
            flush=True,
        )
        bad += r["flagged"]
    print(f"{len(names)} families, {bad} flagged (exponent > {FLAG_EXPONENT})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
