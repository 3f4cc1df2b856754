"""processors.text.sentences: paragraph and sentence spans of display text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.text import sentences as sn
from processors.text.normalize import normalize
from processors.text.sentences import split_paragraphs, split_sentences


def sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


# --- paragraphs -------------------------------------------------------------------------


def test_paragraphs_are_lines_stripped_and_non_empty():
    text = "  أول فقرة. \n\n ثانية\n   \nثالثة  "
    assert [text[s:e] for s, e in split_paragraphs(text)] == ["أول فقرة.", "ثانية", "ثالثة"]


def test_seed_paragraphs_are_the_lines_of_the_body(seed_article):
    display = normalize(seed_article["body"]).display
    lines = [line for line in seed_article["body"].split("\n") if line.strip()]
    assert len(split_paragraphs(display)) == len(lines)


# --- sentence rules ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # . ! ? ؟ end a sentence before a space.
        ("انتهى الاجتماع. وبدأ آخر", ["انتهى الاجتماع.", "وبدأ آخر"]),
        ("هل انتهى؟ نعم", ["هل انتهى؟", "نعم"]),
        ("يا للهول! ثم صمت", ["يا للهول!", "ثم صمت"]),
        ("Is it? Yes", ["Is it?", "Yes"]),
        ("ماذا؟! لا أعرف", ["ماذا؟!", "لا أعرف"]),
        # the Arabic comma, colon and semicolon never do
        ("أعلنت أوكرانيا، الخميس، أن الجولة ستنعقد", ["أعلنت أوكرانيا، الخميس، أن الجولة ستنعقد"]),
        ("أوكرانيا: الجولة الثالثة ستنعقد", ["أوكرانيا: الجولة الثالثة ستنعقد"]),
        ("أغلقت الشرطة الطريق؛ لأن المتظاهرين تجمعوا", ["أغلقت الشرطة الطريق؛ لأن المتظاهرين تجمعوا"]),
        # numbers with dots
        ("بلغ العدد 1.612 منشأة و3.5 مليار", ["بلغ العدد 1.612 منشأة و3.5 مليار"]),
        ("بلغ العدد 5. وقال", ["بلغ العدد 5.", "وقال"]),
        ("زوروا news.example للمزيد", ["زوروا news.example للمزيد"]),
        # ellipsis: ends a sentence only before a space and a new word
        ("روسيا وأوكرانيا.. ومصافحة بين الوفدين", ["روسيا وأوكرانيا..", "ومصافحة بين الوفدين"]),
        ("وانتظر... ثم تكلم", ["وانتظر...", "ثم تكلم"]),
        ("من 1...5 درجات", ["من 1...5 درجات"]),
        # missing space after the mark between Arabic words
        ("ماذا؟قال الوزير", ["ماذا؟", "قال الوزير"]),
        ("انتهى الخميس.وقال الوزير", ["انتهى الخميس.", "وقال الوزير"]),
        # abbreviations and initials
        ("قال د. محمد إن الاجتماع انتهى. وأضاف", ["قال د. محمد إن الاجتماع انتهى.", "وأضاف"]),
        ("قال ود. محمد إن", ["قال ود. محمد إن"]),
        ("كتبه ج. ر. ر. تولكين", ["كتبه ج. ر. ر. تولكين"]),
        ("said J. Smith today", ["said J. Smith today"]),
        ("(د. محمد) قال", ["(د. محمد) قال"]),
    ],
)
def test_sentence_rules(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A final mark inside a quote continues to the closing quote.
        (
            "قال: «انتهت الجولة. وسنعود.» ثم غادر القاعة.",
            ["قال: «انتهت الجولة. وسنعود.»", "ثم غادر القاعة."],
        ),
        ('قال "لا أعرف. ربما غدا." ثم خرج', ['قال "لا أعرف. ربما غدا."', "ثم خرج"]),
        ("قال “نعم! سنفعل” وأضاف أن", ["قال “نعم! سنفعل” وأضاف أن"]),
        # The quote closes without a final mark: no sentence end there.
        ("ووصف الخطوة بأنها «مهمة» ثم غادر. وانتهى", ["ووصف الخطوة بأنها «مهمة» ثم غادر.", "وانتهى"]),
        # Nested quotes: only the outer close can end the sentence.
        ('قال: «رد "لا." وانصرف.» ثم سكت', ['قال: «رد "لا." وانصرف.»', "ثم سكت"]),
        # A quote left open runs to the end of its paragraph, never further.
        ("قال «لم ننته. سنكمل\nفقرة ثانية. جملة", ["قال «لم ننته. سنكمل", "فقرة ثانية.", "جملة"]),
        # A closing quote followed by a comma does not end the sentence.
        ("«انتهى.»، قال الوزير", ["«انتهى.»، قال الوزير"]),
    ],
)
def test_quotes(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("abbreviation", sorted(sn.ABBREVIATIONS))
def test_abbreviation_row(abbreviation):
    rows = {row[0]: row for row in sn._rows("sentences_abbreviations.tsv")}
    example = rows[abbreviation][2]
    assert abbreviation + "." in example
    # The row's example is one sentence: the abbreviation's dot does not end it.
    assert sentences(example) == [example]
    # The same dot after an ordinary word does end one (the row is what makes it hold).
    ordinary = example.replace(abbreviation + ".", "الأمر" + ".", 1)
    assert len(sentences(ordinary)) == 2


def test_seed_sentences_stay_inside_their_lines(seed_article):
    display = normalize(seed_article["body"]).display
    spans = split_sentences(display)
    paragraphs = split_paragraphs(display)
    for s, e in spans:
        assert "\n" not in display[s:e]
        assert any(ps <= s and e <= pe for ps, pe in paragraphs)
    texts = [display[s:e] for s, e in spans]
    # The headline-like line of the seed splits at its "..": two sentences.
    assert "انطلاق ثانى جولات مفاوضات روسيا وأوكرانيا.." in texts
    assert "ومصافحة بين الوفدين" in texts
    # Each of the other lines ends in a dot and is one sentence: (lines - 1) + 2.
    lines = [line for line in display.split("\n") if line]
    assert len(spans) == len(lines) + 1


# --- properties -------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "قال",
        "د",
        "م",
        "1",
        "3.5",
        " ",
        "  ",
        "\n",
        ".",
        "..",
        "...",
        "؟",
        "!",
        "،",
        "؛",
        "«",
        "»",
        '"',
        "“",
        "”",
        "ب",
        "x",
        "(",
        ")",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=80)))
def test_sentence_spans_are_ordered_stripped_and_inside_paragraphs(text):
    spans = split_sentences(text)
    paragraphs = split_paragraphs(text)
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert any(ps <= s and e <= pe for ps, pe in paragraphs)
        previous_end = e
    # Nothing but whitespace is left out.
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "text",
    [
        "ق.م" * 300_000,  # a megabyte "word" full of dots
        "قال. " * 200_000,
        "«" * 1_000_000,
        "..." * 300_000,
        "أ." * 500_000,
    ],
    ids=["dotted word", "short sentences", "open quotes", "dots", "initials"],
)
def test_a_megabyte_finishes(text):
    # Guarded by the timeout: quadratic behaviour would not finish.
    spans = split_sentences(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
