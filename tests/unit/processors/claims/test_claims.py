"""Claims extraction: the seed fixture, a hand-written test set of news passages
(claims_cases.jsonl), exact offsets under a normalizer that changes them, and lexicon
coverage (every lexicon row is used by some passage).

The expectations in claims_cases.jsonl were written as a reader marks the passages, not
copied from the extractor's output. Conventions:
- content_starts/content_ends: the first/last words of what was said, compared after
  dediacritization and folding. Indirect content starts after إن/أن, and after the
  pronoun the complementizer carries ("أنه سيزور" → "سيزور", like the seed's "أننا لم
  نحصل" → "لم نحصل"); direct content is what is inside the quotation marks.
- An unquoted content runs to the end of its sentence, or to the clause where the next
  claim starts ("...، مضيفاً أن").
- hedged/negated/according_to default to false/false/null; speaker null means
  unattributed; "carry": true marks a speaker taken over from the previous claim.
- "exact_count" (default true): nothing else may be reported.
"""

from __future__ import annotations

import re

import pytest

from processors.claims.extract import MAX_CONTENT_DEPTH, extract_claims
from processors.claims.lexicons import LEXICON_DIR, fold, read_rows
from processors.model import Figure
from processors.text.normalize import normalize

from ..support import folded
from .claims_support import assert_offsets, check_case, describe


def _fields(case: dict, norm) -> dict:
    return {name: norm(case[name]) for name in ("title", "body") if case.get(name)}


def _originals(case: dict) -> dict:
    return {name: case[name] for name in ("title", "body") if case.get(name)}


# ---------------------------------------------------------------------------- seed
def _seed_figures(article: dict) -> list[Figure]:
    """Figures built here from the digits of the article (independent of
    processors.figures.extract): a number glued to a hyphen is a designator (إس-300), not a count."""
    figures = []
    for name in ("title", "body"):
        for m in re.finditer(r"(?<![\d\-])\d+(?![\d\-])", article[name]):
            figures.append(
                Figure(name, m.start(), m.end(), m.group(), int(m.group()), "cardinal", id=f"f{len(figures)}")
            )
    return figures


def test_seed_fixture(normalizer, seed_article, seed_expected):
    article, expected, norm = seed_article, seed_expected, normalizer
    figures = _seed_figures(article)
    claims = extract_claims(_fields(article, norm), figures)
    assert_offsets(claims, _originals(article))

    def lines_of(c):
        text = article[c.field]
        return text.count("\n", 0, c.content.start)

    left = list(claims)
    problems = []
    for exp in expected["claims"]:
        found = [
            c
            for c in left
            if c.field == exp["field"]
            and lines_of(c) == exp["line"]
            and folded(c.content.text).startswith(folded(exp["content_starts"]))
        ]
        if not found:
            problems.append(f"missing {exp}")
            continue
        c = found[0]
        left.remove(c)
        where = f"line {exp['line']} {exp['content_starts']!r}"
        if not folded(c.content.text).endswith(folded(exp["content_ends"])):
            problems.append(f"{where}: content ends {c.content.text[-30:]!r}")
        if folded(c.speaker.text if c.speaker else None) != folded(exp["speaker"]):
            problems.append(f"{where}: speaker {c.speaker and c.speaker.text!r}")
        lemma = c.cue["lemma"] if c.cue else None
        if folded(lemma) != folded(exp.get("cue_lemma")):
            problems.append(f"{where}: cue {lemma!r}")
        if exp.get("cue") and folded(c.cue["text"]) != folded(exp["cue"]):
            problems.append(f"{where}: cue text {c.cue['text']!r}")
        for key in ("type", "speaker_full"):
            if key in exp and folded(getattr(c, key)) != folded(exp[key]):
                problems.append(f"{where}: {key} {getattr(c, key)!r}")
        for key in ("speaker_role", "according_to"):
            span = getattr(c, key)
            if key == "speaker_role" and key not in exp:
                continue  # the annotation gives roles only where the line names one
            if folded(span.text if span else None) != folded(exp.get(key)):
                problems.append(f"{where}: {key} {span and span.text!r}")
        for flag in ("hedged", "negated"):
            if getattr(c, flag) != exp.get(flag, False):
                problems.append(f"{where}: {flag} {getattr(c, flag)}")
        got = sorted(f.value for f in c.figures)
        if got != sorted(exp.get("figures", [])):
            problems.append(f"{where}: figures {got}")
    for c in list(left):
        opt = expected.get("optional_claims", [])
        if any(c.field == o["field"] and lines_of(c) == o["line"] for o in opt):
            left.remove(c)
    if left:
        problems.append("reported but not a claim:\n" + describe(left))
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------------ test set
def test_enough_passages(claims_cases):
    assert len(claims_cases) >= 150
    assert sum(len(c["expect"]) for c in claims_cases) >= 200


def test_passage(claims_case, normalizer):
    case = claims_case
    claims = extract_claims(_fields(case, normalizer), [])
    assert_offsets(claims, _originals(case))
    problems = check_case(case, claims)
    assert not problems, "\n".join(problems) + "\nfound:\n" + describe(claims)


def test_figures_attached_inside_content_only():
    body = "وقال الوزير إن 30 جنديا أصيبوا. وبلغ عدد القتلى 12 شخصا."
    figs = [
        Figure("body", body.index("30"), body.index("30") + 2, "30", 30, "cardinal", id="a"),
        Figure("body", body.index("12"), body.index("12") + 2, "12", 12, "cardinal", id="b"),
    ]
    (claim,) = extract_claims({"body": normalize(body)}, figs)
    assert [f.id for f in claim.figures] == ["a"]


def test_empty_fields():
    assert extract_claims({}, []) == []
    assert extract_claims({"body": normalize("")}, []) == []


def test_pathological_input_is_bounded():
    # Time is measured by benchmarks/adversarial.py (growth exponents), not asserted
    # here; what a test can hold is the output bound: contents cover any character at
    # most MAX_CONTENT_DEPTH times, and every span indexes the original.
    text = ("قال " * 20000) + ("أن " * 20000) + "«" * 5000 + "x" * 100000
    claims = extract_claims({"body": normalize(text)}, [])
    assert sum(c.content.end - c.content.start for c in claims) <= MAX_CONTENT_DEPTH * len(text)
    for c in claims:
        assert text[c.content.start : c.content.end] == c.content.text


# ---------------------------------------------------------------- lexicon coverage
def _passage_words(cases: list[dict]) -> list[set[str]]:
    """Per passage, its folded words and the same words without clitics (و ف ب ل ال لل)
    and pronoun suffixes, so a lexicon row "كلمة" is used by "كلمته"."""
    out = []
    for case in cases:
        text = " ".join(case.get(k, "") for k in ("title", "body"))
        words = set()
        for w in re.findall(r"[\w\u064b-\u0652\u0640]+", fold(text)):
            forms = {w}
            for _ in range(2):
                for f in list(forms):
                    for pre in ("و", "ف", "ب", "ل", "ال", "لل", "وال", "بال"):
                        if f.startswith(pre) and len(f) > len(pre) + 1:
                            forms.add(f[len(pre) :])
                    for suf in ("ه", "ها", "هم", "هما", "نا", "ي"):
                        if f.endswith(suf) and len(f) > len(suf) + 2:
                            stem = f[: -len(suf)]
                            forms.add(stem)
                            if stem.endswith("ت"):
                                forms.add(stem[:-1] + "ه")
                    if f.endswith("ه") and len(f) > 3:
                        forms.add(f[:-1])  # feminine role: "المتحدثة" → "متحدث"
            words |= forms
        out.append(words)
    return out


def _phrase_used(phrase: str, texts: list[str], words: list[set[str]]) -> bool:
    parts = fold(phrase).split()
    if len(parts) == 1:
        return any(parts[0] in w for w in words)
    return any(fold(phrase) in t for t in texts)


def _claims_lexicons() -> list[str]:
    return sorted(p.name for p in LEXICON_DIR.glob("claims_*.tsv"))


@pytest.mark.parametrize("name", _claims_lexicons())
def test_every_lexicon_row_is_used(name, claims_cases):
    words = _passage_words(claims_cases)
    texts = [fold(" ".join(c.get(k, "") for k in ("title", "body"))) for c in claims_cases]
    lemmas = {}
    for case, w in zip(claims_cases, words):
        for exp in case["expect"]:
            if exp.get("cue_lemma"):
                lemmas.setdefault(fold(exp["cue_lemma"]), []).append((w, exp))
    unused = []
    for row in read_rows(name):
        if name == "claims_cues.tsv":
            lemma, forms = fold(row[0]), row[5].split()
            used = any(
                any(fold(f) in w or any(fold(f) + s in w for s in ("ه", "ها", "هم")) for f in forms)
                for w, _ in lemmas.get(lemma, [])
            )
        elif name == "claims_carryover.tsv":
            used = any(e.get("carry") for _, e in lemmas.get(fold(row[0]), []))
        elif name == "claims_according_to.tsv":
            marker = fold(row[0]).rstrip(" ل")
            used = any(marker in t for t in texts) and any(
                e.get("according_to") for c in claims_cases for e in c["expect"]
            )
        else:
            variants = [row[0]]
            if len(row) > 2 and row[2].strip():
                variants += row[2].split("|") if "|" in row[2] else row[2].split()
            used = any(_phrase_used(v, texts, words) for v in variants)
        if not used:
            unused.append(row[0])
    assert not unused, f"{name}: rows no passage uses: {unused}"


def test_lexicons_load_and_fold():
    from processors.claims import lexicons as lx

    assert lx.CUES["وقال"].lemma == "قال"
    assert lx.CUES[fold("مضيفاً")].kind == "participle"
    assert lx.CUES[fold("وتأكيدها")].kind == "noun"
    assert ("لا", "سيما") in lx.NEGATIONS


# ---------------------------------------------------------------- speaker resolution
def _claims(body: str):
    return extract_claims({"body": normalize(body)}, [])


def test_speaker_resolution_explicit_and_carried():
    body = "وقال وزير الصحة خالد العلي إن الوضع مستقر. وأضاف أن المستشفيات جاهزة."
    said, added = _claims(body)
    assert (said.speaker_resolution, said.speaker_reason) == ("explicit", None)
    assert added.speaker_resolution == "carried"
    # The carried speaker points at the mention it was resolved to.
    assert (added.speaker.start, added.speaker.end) == (said.speaker.start, said.speaker.end)
    assert added.to_dict()["speaker_resolution"] == "carried"


def test_speaker_reason_when_none():
    (passive,) = _claims("وقيل إن الوزير سيستقيل قريبا.")
    assert (passive.speaker, passive.speaker_resolution, passive.speaker_reason) == (None, None, "passive")
    (alone,) = _claims("وأضاف أن المستشفيات جاهزة لاستقبال المصابين.")
    assert (alone.speaker, alone.speaker_reason) == (None, "no_antecedent")
    # The feminine أوضحت agrees with no earlier speaker: none rather than a wrong one.
    body = "وقال الوزير إن الوضع مستقر. وأوضحت أن المستشفيات جاهزة."
    _, explained = _claims(body)
    assert (explained.speaker, explained.speaker_reason) == (None, "disagreeing_antecedent")


def test_resolution_fields_follow_the_schema():
    from jsonschema import Draft202012Validator

    import schemas

    definitions = schemas.load("definitions")
    claim_schema = {"$ref": definitions["$id"] + "#/$defs/claim"}
    validator = Draft202012Validator(claim_schema, registry=schemas._registry())
    found = _claims("وقال الوزير إن الوضع مستقر. وأوضحت أن المستشفيات جاهزة. وقيل إن الطرق مغلقة.")
    assert {c.speaker_reason for c in found} == {None, "disagreeing_antecedent", "passive"}
    for c in found:
        d = c.to_dict()
        d["id"] = "a:1:claim:0"
        assert not list(validator.iter_errors(d)), d


def test_honorific_resolved_like_a_pronoun():
    body = "استقبل سماحة المفتي عبدالله الراشد الوفد، وأكد سماحته أن الحوار واجب."
    (said,) = _claims(body)
    assert said.speaker_resolution == "pronoun"
    assert said.speaker.text == "المفتي عبدالله الراشد"
    (alone,) = _claims("وقال سموه إن الزيارة ناجحة.")
    assert (alone.speaker, alone.speaker_resolution, alone.speaker_reason) == (None, None, "unresolved_pronoun")
