"""processors.text.normalize: display, key, the offset map back to the original, arabic_share.

Expected values are written from the rules (Unicode, the lexicon rows, the seed's
hand-annotated traps), not copied from the code's output; camel-tools is used as an
independent oracle where it has the same rule.
"""

from __future__ import annotations

import unicodedata

import pytest
from camel_tools.utils.charsets import AR_DIAC_CHARSET, AR_LETTERS_CHARSET
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from processors.text import normalize as nz
from processors.text.normalize import arabic_share, normalize

from ..support import load_seed

TRAPS = load_seed("expected")["normalization_traps"]

ARABIC_INDIC = {chr(0x0660 + d): str(d) for d in range(10)}
PERSIAN = {chr(0x06F0 + d): str(d) for d in range(10)}
# camel-tools' letters, less tatweel (which display deletes and camel-tools keeps).
AR_LETTERS = AR_LETTERS_CHARSET - {"\u0640"}


def original_of(n, start, end):
    s, e = n.to_original(start, end)
    return n.original[s:e]


def find_display(n, text):
    """Span of `text` in n.display (exactly once)."""
    i = n.display.find(text)
    assert i >= 0, f"{text!r} not in display {n.display!r}"
    assert n.display.find(text, i + 1) < 0, f"{text!r} twice in display"
    return i, i + len(text)


def rows_chars(action):
    for first, last, act, to, _why in nz.DISPLAY_ROWS:
        if act == action:
            for cp in range(int(first[2:], 16), int(last[2:], 16) + 1):
                yield chr(cp), to


# --- the seed traps ---------------------------------------------------------------------


@pytest.mark.parametrize("trap", TRAPS, ids=[t["text"] for t in TRAPS])
def test_trap_maps_back_to_its_line_in_the_original(trap, seed_article):
    body = seed_article["body"]
    n = normalize(body)
    shown = normalize(trap["text"]).display
    start = 0
    found = []
    while (i := n.display.find(shown, start)) >= 0:
        s, e = n.to_original(i, i + len(shown))
        found.append((body[s:e], body.count("\n", 0, s)))
        start = i + 1
    assert (trap["text"], trap["line"]) in found


def test_trap_run_together_words_are_not_split(seed_article):
    # "الروسيوالأوكراني": two words typed together; display must not guess a split.
    n = normalize(seed_article["body"])
    s, e = find_display(n, "الروسيوالأوكراني")
    assert original_of(n, s, e) == "الروسيوالأوكراني"
    assert "الروسي والأوكراني" not in n.display


def test_trap_alef_madda_for_tanween_kept_in_display_folded_in_key():
    # "وقفآ" was meant as "وقفاً": display keeps what was written, key meets the right word.
    n = normalize("قد يشمل وقفآ محتملاً")
    assert "وقفآ" in n.display
    s, e = find_display(n, "وقفآ")
    assert n.key[s:e] == "وقفا"
    assert n.key[s:e] == normalize("وقفاً").key
    assert original_of(n, s, e) == "وقفآ"


@pytest.mark.parametrize(
    "written, meant",
    [("ثانى", "ثاني"), ("فى", "في"), ("لدي", "لدى")],
)
def test_trap_yeh_and_alef_maksura_meet_in_key(written, meant):
    n = normalize(written)
    assert n.display == written  # never "corrected" in display
    assert n.key == normalize(meant).key == written.replace("ى", "ي")


def test_trap_typo_is_kept_and_round_trips(seed_article):
    n = normalize(seed_article["body"])
    s, e = find_display(n, "بيلاوسيا")
    assert n.key[s:e] == "بيلاوسيا"
    assert original_of(n, s, e) == "بيلاوسيا"


def test_trap_conjunction_before_number_is_left_to_figures(seed_article):
    # "و 40": display keeps the space; joining words is not normalization's job.
    n = normalize(seed_article["body"])
    s, e = find_display(n, "و 40 وحدات")
    assert original_of(n, s, e) == "و 40 وحدات"


def test_trap_single_diacritic_inside_word(seed_article):
    n = normalize(seed_article["body"])
    s, e = find_display(n, "ستنفذ")
    assert original_of(n, s, e) == "ستُنفذ"
    # The damma is part of what was written for ت, not a character of its own.
    assert original_of(n, s + 1, s + 2) == "تُ"
    assert original_of(n, s + 2, e) == "نفذ"


def test_seed_body_is_changed_only_where_the_rules_say(seed_article):
    body = seed_article["body"]
    n = normalize(body)
    # The seed's only changes: diacritics (the damma of ستُنفذ, tanween fath) deleted.
    expected = "".join(c for c in body if c not in AR_DIAC_CHARSET)
    assert n.display == expected.strip()
    assert n.display.count("\n") == body.strip().count("\n")


# --- each class of character ------------------------------------------------------------


def test_every_arabic_diacritic_is_deleted_and_kept_with_its_letter():
    for mark in sorted(AR_DIAC_CHARSET):  # camel-tools' own diacritic set
        n = normalize("ب" + mark + "ت")
        assert n.display == "بت", hex(ord(mark))
        assert original_of(n, 0, 1) == "ب" + mark


def test_every_arabic_combining_mark_is_in_the_delete_table():
    deleted = set(c for c, _ in rows_chars("delete"))
    for lo, hi in [(0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF)]:
        for cp in range(lo, hi + 1):
            if unicodedata.category(chr(cp)) in ("Mn", "Me", "Cf"):
                assert chr(cp) in deleted, f"U+{cp:04X} {unicodedata.name(chr(cp), '')}"


@pytest.mark.parametrize("char", [c for c, _ in rows_chars("delete")][::1], ids=lambda c: f"U+{ord(c):04X}")
def test_delete_row(char):
    n = normalize("ب" + char + "ت")
    assert n.display == "بت"
    assert n.to_original(0, 2) == (0, 3)  # the deleted character sits inside the span


def test_tatweel_between_letters():
    n = normalize("كتـــاب")
    assert n.display == "كتاب"
    assert original_of(n, 0, 4) == "كتـــاب"


@pytest.mark.parametrize("char", [c for c, _ in rows_chars("space")], ids=lambda c: f"U+{ord(c):04X}")
def test_space_row(char):
    assert normalize("ب" + char + "ت").display == "ب ت"
    assert normalize("ب" + char + char + " " + char + "ت").display == "ب ت"


@pytest.mark.parametrize("char", [c for c, _ in rows_chars("newline")], ids=lambda c: f"U+{ord(c):04X}")
def test_newline_row(char):
    assert normalize("ب" + char + "ت").display == "ب\nت"
    assert normalize("ب " + char + " \t" + char + char + " ت").display == "ب\nت"


@pytest.mark.parametrize("char, to", list(rows_chars("map")), ids=lambda c: f"U+{ord(c):04X}" if len(c) == 1 else c)
def test_map_row(char, to):
    n = normalize("ب " + char + " ت")
    assert n.display == "ب " + to + " ت"
    assert original_of(n, 2, 3) == char


@pytest.mark.parametrize("char, to", list(rows_chars("expand")), ids=lambda c: f"U+{ord(c):04X}" if len(c) == 1 else c)
def test_expand_row_agrees_with_camel_tools(char, to):
    n = normalize("و" + char + "!")
    assert n.display == "و" + normalize_unicode(char) + "!"
    assert n.display == "و" + to + "!"
    assert all(original_of(n, i, i + 1) == char for i in range(1, 1 + len(to)))


@pytest.mark.parametrize(
    "written, value",
    [("١٬٦١٢", "1,612"), ("٣٫٥", "3.5"), ("۱۲۳٫۴۵", "123.45"), ("٢٠٢٢", "2022"), ("١٢٣٤٥٦٧٨٩٠", "1234567890")],
)
def test_arabic_numbers_keep_their_separators(written, value):
    # camel-tools' arclean would give "1'612" and "3,5".
    n = normalize(f"تدمير {written} منشأة")
    assert n.display == f"تدمير {value} منشأة"
    s, e = find_display(n, value)
    assert original_of(n, s, e) == written


@pytest.mark.parametrize("char", list("،؛؟«»٪"))
def test_arabic_punctuation_is_kept(char):
    assert normalize(f"قال{char} نعم").display == f"قال{char} نعم"


@pytest.mark.parametrize("text", ["😀 خبر 👍🏽", "السعر 5 €", "Привет мир", "日本語", "עברית", "∑ ≠ ∞"])
def test_other_scripts_and_symbols_are_kept(text):
    n = normalize(text)
    assert n.display == text
    assert n.key == text.replace("ة", "ه")


@pytest.mark.parametrize(
    "written, shown",
    [
        ("ﻻ", "لا"),  # lam-alef ligature
        ("ﺑﺴﻢ", "بسم"),  # initial/medial/final presentation forms
        ("ﷺ", "صلى الله عليه وسلم"),
        ("１２３", "123"),  # fullwidth
        ("ﬁ", "fi"),
        ("…", "..."),
        ("ا\u0654", "أ"),  # decomposed hamza composes
        ("ا\x1b\u0653", "آ"),  # ... also across a deleted control character
        ("ب\u0651\u064e", "ب"),  # shadda + fatha in non-canonical order
        ("كﹶتب", "كتب"),  # isolated fatha form: no space appears inside the word
    ],
)
def test_nfkc_and_presentation_forms(written, shown):
    n = normalize(f"و {written} و")
    assert n.display == f"و {shown} و"
    assert n.display == normalize_unicode(n.display)
    s, e = find_display(n, shown)
    assert original_of(n, s, e) == written


@pytest.mark.parametrize(
    "written, shown",
    [
        ("a  b", "a b"),
        ("  a b  ", "a b"),
        ("a\t\tb", "a b"),
        ("a\r\nb", "a\nb"),
        ("a\n\n\n\nb", "a\nb"),
        ("a \n \n b", "a\nb"),
        ("a\u00a0\u00a0b", "a b"),
        ("\n\na\n\n", "a"),
        ("a \u200b b", "a b"),
        ("a\u200b\u200b b", "a b"),
    ],
)
def test_whitespace(written, shown):
    assert normalize(written).display == shown


def test_a_collapsed_run_maps_to_all_of_it():
    n = normalize("قال   \n\n  نعم")
    assert n.display == "قال\nنعم"
    assert original_of(n, 3, 4) == "   \n\n  "


@pytest.mark.parametrize(
    "written, shown, entity",
    [
        ("قال&nbsp;نعم", "قال نعم", "&nbsp;"),
        ("A&amp;B", "A&B", "&amp;"),
        ("&quot;نعم&quot;", '"نعم"', "&quot;"),
        ("&#1606;", "ن", "&#1606;"),
        ("&#x646;", "ن", "&#x646;"),
        ("A&amp;quot;B", 'A"B', "&amp;quot;"),  # escaped twice by a feed
        ("5 &lt; 6", "5 < 6", "&lt;"),
        ("&#128;", "€", "&#128;"),  # the windows-1252 slot HTML decodes as €
    ],
)
def test_html_entities(written, shown, entity):
    n = normalize(written)
    assert n.display == shown
    i = written.index(entity)
    # Every character of the entity is accounted for: it maps back to all of it.
    assert any(n.to_original(d, d + 1) == (i, i + len(entity)) for d in range(len(n.display)))


def test_unknown_entity_and_bare_ampersand_stay_text():
    assert normalize("AT&T و &foo; و a & b").display == "AT&T و &foo; و a & b"


@pytest.mark.parametrize("name, becomes", list(nz.HTML_TAGS.items()))
def test_html_tag_row(name, becomes):
    shown = {"newline": "قال\nنعم", "space": "قال نعم", "delete": "قالنعم"}[becomes]
    for tag in (f"<{name}>", f"</{name}>", f'<{name.upper()} class="x">', f"<{name}/>"):
        assert normalize(f"قال{tag}نعم").display == shown, tag


def test_markup_like_text_stays():
    for text in ("a<b and c>d", "<عاجل> خبر", "3 < 5 > 2", "<xyz>"):
        assert normalize(text).display == text


def test_tags_comments_and_escaped_tags():
    n = normalize("<p>قال:</p><!-- ad --><p>نعم</p>&lt;br&gt;لا")
    assert n.display == "قال:\nنعم\nلا"
    # The first paragraph's text maps back exactly, tags excluded.
    s, e = find_display(n, "قال:")
    assert original_of(n, s, e) == "قال:"


# --- the key ----------------------------------------------------------------------------


@pytest.mark.parametrize("src, dst", [(a, b) for a, b in nz.KEY_FOLDS])
def test_key_row(src, dst):
    n = normalize("و" + src + "ب")
    assert n.display == "و" + src + "ب"
    assert n.key == "و" + dst + "ب"


@given(st.text(alphabet=st.sampled_from(sorted(AR_LETTERS) + [" "]), max_size=60))
def test_key_agrees_with_camel_tools_folds(text):
    n = normalize(text)
    camel = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(n.display)))
    assert n.key == camel.replace("ی", "ي").replace("ک", "ك")


@given(st.text(alphabet=st.sampled_from(sorted(AR_LETTERS | AR_DIAC_CHARSET) + [" "]), max_size=60))
def test_display_agrees_with_camel_tools_dediac(text):
    expected = " ".join(dediac_ar(normalize_unicode(text)).split())
    assert normalize(text).display == expected


# --- properties over arbitrary Unicode -------------------------------------------------

ALL = st.characters(categories=["L", "M", "N", "P", "S", "Z", "C"])  # incl. Cs, Mn, Cc, Cf
FRAGMENTS = st.sampled_from(
    [
        "ب",
        "ا",
        "أ",
        "ى",
        "ة",
        "\u064b",
        "\u0651",
        "\u064e",
        "\u0654",
        "\u0653",
        "\u0670",
        "\u0640",
        "\u200b",
        "\u200d",
        "\u200f",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\u00a0",
        "٣",
        "۴",
        "٫",
        "٬",
        "1",
        ".",
        "&",
        "&amp;",
        "&lt;",
        "&#1614;",
        "&#x301;",
        "<br>",
        "</p>",
        "<b>",
        "<",
        ">",
        "ﻻ",
        "ﷺ",
        "\ufdfd",
        "\ufe70",
        "é",
        "e",
        "\u0301",
        "\u0610",
        "\ud800",
        "\udfff",
        "😀",
        "€",
        "Ж",
        "\u1100",
        "\u1161",
        "\u11a8",
        "가",
    ]
)
TEXTS = st.one_of(
    st.text(ALL, max_size=80),
    st.lists(FRAGMENTS, max_size=40).map("".join),
    st.lists(st.one_of(FRAGMENTS, st.text(ALL, max_size=3)), max_size=30).map("".join),
)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_normalize_never_raises_and_is_idempotent(text):
    n = normalize(text)
    assert normalize(n.display).display == n.display
    assert len(n.key) == len(n.display)
    assert n.key == nz.fold_key(n.display)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.data())
def test_every_span_maps_to_a_valid_slice(text, data):
    n = normalize(text)
    size = len(n.display)
    start = data.draw(st.integers(0, size))
    end = data.draw(st.integers(start, size))
    s, e = n.to_original(start, end)
    assert 0 <= s <= e <= len(text)
    if start == end:
        assert s == e
        return
    assert e > s
    # The span covers exactly its first and last characters' originals, and whatever
    # lies between them.
    assert s == n.to_original(start, start + 1)[0]
    assert e == n.to_original(end - 1, end)[1]
    if end - start >= 2:
        middle = data.draw(st.integers(start + 1, end - 1))
        assert n.to_original(start, middle)[0] == s and n.to_original(middle, end)[1] == e
        assert n.to_original(start, middle)[1] <= n.to_original(middle, end)[1]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_each_character_comes_from_its_original_slice(text):
    n = normalize(text)
    previous = (0, 0)
    for i, ch in enumerate(n.display):
        s, e = n.to_original(i, i + 1)
        assert s >= previous[0] and e >= previous[1]  # in order
        previous = (s, e)
        if ch in " \n":
            continue
        # What was written there, normalized on its own, shows this character.
        assert ch in normalize(text[s:e]).display or ch in nz.fold_key(normalize(text[s:e]).display)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.sampled_from(list(ARABIC_INDIC) + list(PERSIAN))), max_size=40).map("".join))
def test_a_digit_maps_back_to_the_digit_that_was_written(text):
    n = normalize(text)
    for i, ch in enumerate(n.display):
        if not ch.isascii() or not ch.isdigit():
            continue
        s, e = n.to_original(i, i + 1)
        written = text[s:e]
        # The slice starts with the digit that was written, in whatever script ...
        if written[0] in ARABIC_INDIC or written[0] in PERSIAN:
            assert ch == ARABIC_INDIC.get(written[0]) or ch == PERSIAN.get(written[0])
        else:
            assert written[0] == ch
        # ... and what follows it was written on it (a mark, an entity for a mark) or
        # deleted after it: no other digit hides in the slice.
        shown = normalize(written).display
        assert shown[:1] == ch and not any(c.isdigit() for c in shown[1:])


def test_zero_length_spans_and_bad_spans():
    n = normalize("  قال\u064b  نعم  ")
    assert n.display == "قال نعم"
    assert n.to_original(0, 0) == (2, 2)
    assert n.to_original(4, 4) == (n.original.index("نعم"),) * 2
    assert n.to_original(7, 7) == (n.original.index("نعم") + 3,) * 2
    for bad in ((-1, 2), (3, 2), (0, 8)):
        with pytest.raises(ValueError):
            n.to_original(*bad)
    empty = normalize("")
    assert (empty.display, empty.key, empty.to_original(0, 0)) == ("", "", (0, 0))


def test_a_list_of_offsets_is_still_accepted():
    # The first version's constructor form, used by test doubles in other processors.
    original = "قالَ  نعم"
    n = nz.Normalized(original, "قال نعم", "قال نعم", [0, 1, 2, 4, 6, 7, 8, 9])
    assert n.to_original(0, 3) == (0, 3)
    assert n.to_original(4, 7) == (6, 9)
    assert n.to_original(0, 7) == (0, 9)


def test_nfkc_tables_match_unicode():
    """_is_boundary must never split what NFKC joins: a boundary character has ccc 0, is
    not the second of a canonical pair, and does not decompose to start with one."""
    seconds = set()
    for cp in range(0x110000):
        d = unicodedata.decomposition(chr(cp))
        if d and not d.startswith("<") and len(d.split()) == 2:
            seconds.add(chr(int(d.split()[1], 16)))
    seconds.update(chr(cp) for cp in range(0x1161, 0x1176))  # Hangul V
    seconds.update(chr(cp) for cp in range(0x11A8, 0x11C3))  # Hangul T
    # The marks kept until NFKC has composed them are exactly the deleted ones it composes.
    deleted = {ord(c) for c, _ in rows_chars("delete")}
    assert nz._COMPOSING == {ord(c) for c in seconds} & deleted
    for cp in range(0x110000):
        c = chr(cp)
        if nz._is_boundary(c):
            first = unicodedata.normalize("NFKD", c)[:1]
            assert unicodedata.combining(c) == 0, hex(cp)
            assert not first or (unicodedata.combining(first) == 0 and first not in seconds), hex(cp)


# --- linear time on pathological input --------------------------------------------------

MB = 1_000_000


def _big_inputs():
    article = load_seed("article")
    sample = article["title"] + "\n" + article["body"]
    return {
        "mixed": (sample * (MB // len(sample) + 1))[:MB],
        "one word": "كتاب" * (MB // 4),
        "digits": "١٢٣٤٥٦٧٨٩٠" * (MB // 10),
        "diacritics": "\u064b" * MB,
        "letter+marks": "ب\u0651\u064e" * (MB // 3),
        "spaces": " \n\t" * (MB // 3),
        "entities": "&" + "amp;" * (MB // 4),
        "nested numeric": "&#38;" + "#38;" * (MB // 4),
        "tags": "<p" * (MB // 2),
        "emoji+nbsp": "😀\u00a0" * (MB // 2),
        "hangul jamo": "\u1100\u1161\u11a8" * (MB // 3),
    }


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", list(_big_inputs()))
def test_a_megabyte_finishes(name):
    # Guarded by the timeout (quadratic behaviour on 1 MB would take hours), not by a
    # wall-clock assertion: speed is measured in benchmarks/normalize.py.
    text = _big_inputs()[name]
    n = normalize(text)
    assert len(n.key) == len(n.display)
    s, e = n.to_original(0, len(n.display)) if n.display else (0, 0)
    assert 0 <= s <= e <= len(text)


def test_work_grows_linearly():
    # The number of map segments is the Python-level work: it must grow with the input,
    # not faster.
    unit = "قال الوزيرُ  إن ١٬٦١٢ منشأةً &amp; <br> دُمِّرت.\n\n"
    small = normalize(unit * 1000)._map
    large = normalize(unit * 2000)._map
    assert len(large.ds) <= 2 * len(small.ds) + 2


# --- arabic_share -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, share",
    [
        ("", 0.0),
        ("123 !!", 0.0),
        ("كتب", 1.0),
        ("abc", 0.0),
        ("كتب abc", 0.5),
        ("كَتَبَ 2022 😀", 1.0),  # marks, digits, emoji are not letters
        ("ﻻ", 1.0),  # presentation forms are Arabic
        ("پچگ", 1.0),  # Arabic script, whatever the language
        ("كتـــب abc", 0.5),  # tatweel is not a letter
        ("Привет كتب", 3 / 9),
    ],
)
def test_arabic_share(text, share):
    assert arabic_share(text) == pytest.approx(share)


def test_arabic_share_of_the_seed_is_high(seed_article):
    assert arabic_share(seed_article["body"]) > 0.95


@given(st.text(ALL, max_size=50))
def test_arabic_share_is_a_share(text):
    assert 0.0 <= arabic_share(text) <= 1.0


# --- markup made by decoding ------------------------------------------------------------


@pytest.mark.parametrize(
    "written, shown",
    [
        ("&#38;lt;", "<"),  # "&" escaped numerically, then "&lt;"
        ("&amp;amp;amp;lt;", "<"),  # escaped three times: one match
        ("قال&#60;br&#62;نعم", "قال\nنعم"),  # a tag spelled with entities is still a tag
        ("&lt;p&gt;نعم&lt;/p&gt;", "نعم"),
    ],
)
def test_markup_made_by_decoding_is_removed_too(written, shown):
    n = normalize(written)
    assert n.display == shown
    assert normalize(n.display).display == shown
