"""benchmarks.peers: reading Duckling's TSV, form classes, frames and the found/miss verdict.

No score is asserted: the benchmark measures; these tests check what it measures with.
"""

from __future__ import annotations

import pytest

from benchmarks import peers
from benchmarks.peers import FRAMES, Expression, Found, classify, frame_group, insert, judge, parse_tsv

# --- the TSV --------------------------------------------------------------------------


def test_tsv_rows_become_expressions_with_numbers():
    rows = parse_tsv(
        [
            "text\tvalue\tkind\n",
            "ثلاثون\t30\tcardinal\n",
            "\n",
            "-١٬٢٠٠٬٠٠٠\t-1.2e+06\tcardinal\r\n",
            "الحادي والعشرين\t21\tordinal\n",
        ]
    )
    assert rows == [
        Expression("ثلاثون", 30.0, "cardinal", 2),
        Expression("-١٬٢٠٠٬٠٠٠", -1200000.0, "cardinal", 4),
        Expression("الحادي والعشرين", 21.0, "ordinal", 5),
    ]


@pytest.mark.parametrize(
    "lines, message",
    [
        (["ثلاثون\t30\tcardinal"], "header"),
        (["text\tvalue\tkind", "ثلاثون\t30"], "line 2: expected 3"),
        (["text\tvalue\tkind", "ثلاثون\tثلاثين\tcardinal"], "not a number"),
        (["text\tvalue\tkind", "ثلاثون\t30\tnumeral"], "kind 'numeral'"),
        ([], "no header"),
    ],
)
def test_malformed_tsv_is_refused_naming_the_line(lines, message):
    with pytest.raises(ValueError, match=message):
        parse_tsv(lines)


# --- form classes ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind, cls",
    [
        ("525", "cardinal", "digits"),
        ("١٬٠٠٠٬٠٠٠", "cardinal", "digits"),
        ("ثلاثون", "cardinal", "spelled cardinal"),
        ("إحدى عشرة", "cardinal", "spelled cardinal"),
        ("ثلاثمائة", "cardinal", "spelled cardinal"),
        ("ثلاثمائة وخمسين", "cardinal", "compound with conjunction"),
        ("ثلاث و ثلاثون", "cardinal", "spaced conjunction"),
        ("خمسمائة و خمسة و عشرون", "cardinal", "spaced conjunction"),
        ("الفان", "cardinal", "scale words"),
        ("مليونين", "cardinal", "scale words"),
        ("3 ملايين", "cardinal", "mixed digits+words"),
        ("-١٫٢", "cardinal", "negative"),
        ("٧٧/١٠٠", "cardinal", "fraction"),
        ("٫٧٧", "cardinal", "decimal"),
        ("١٠٠٬٠٠٠٫٠", "cardinal", "decimal"),
        ("1 فاصلة 1", "cardinal", "decimal"),
        ("واحد فاصلة واحد", "cardinal", "decimal"),
        ("الثالث", "ordinal", "ordinal simple"),
        ("الخامس و العشرون", "ordinal", "ordinal compound"),
        ("#", "cardinal", "other"),
    ],
)
def test_form_class_by_simple_rules(text, kind, cls):
    assert classify(text, kind) == cls


def test_every_class_has_a_frame_group_with_two_frames_at_least():
    for group in peers.GROUPS:
        assert sum(f.group == group for f in FRAMES) >= 2, group
    assert frame_group(Expression("ثالث", 3, "ordinal")) == "ordinal_indefinite"
    assert frame_group(Expression("الثالث عشر", 13, "ordinal")) == "ordinal_definite"
    assert frame_group(Expression("-1.2", -1.2, "cardinal")) == "value"
    assert frame_group(Expression("١٠٠٠٠٫٠٠", 10000, "cardinal")) == "value"
    assert frame_group(Expression("ثلاثون", 30, "cardinal")) == "count"


# --- frames ---------------------------------------------------------------------------


@pytest.mark.parametrize("frame", FRAMES, ids=lambda f: f.id)
@pytest.mark.parametrize("text", ["٣٠", "خمسمائة و خمسة و عشرون", "-١٬٢٠٠٬٠٠٠٫٠٠"])
def test_insertion_keeps_the_offsets_of_the_expression(frame, text):
    sentence, start, end = insert(frame.template, text)
    assert sentence[start:end] == text
    assert sentence[:start] + "{x}" + sentence[end:] == frame.template


def test_a_frame_needs_exactly_one_slot():
    with pytest.raises(ValueError):
        insert("بلغ {x} و{x}", "3")
    with pytest.raises(ValueError):
        insert("بلغ العدد", "3")


def test_the_frames_alone_yield_no_figure():
    assert peers.frame_noise() == {}


# --- the verdict ----------------------------------------------------------------------

SENTENCE, START, END = insert("وقال المتحدث إن العدد بلغ {x} حسب البيان.", "ثلاثمائة وخمسين")


def fig(start, end, value, kind="cardinal"):
    return Found(start, end, SENTENCE[start:end], value, kind)


def test_one_figure_of_that_value_and_span_is_found():
    verdict = judge(SENTENCE, START, END, 350, "cardinal", [fig(START, END, 350)])
    assert verdict.found and verdict.reasons == []


def test_float_rounding_is_tolerated_but_not_another_value():
    assert judge(SENTENCE, START, END, 1.1, "cardinal", [fig(START, END, 1.1000000000000001)]).found
    assert judge(SENTENCE, START, END, 350, "cardinal", [fig(START, END, 351)]).reasons == ["value"]


def test_a_split_a_short_span_a_wrong_kind_and_nothing_are_misses():
    first = START + len("ثلاثمائة")
    split = judge(SENTENCE, START, END, 350, "cardinal", [fig(START, first, 300), fig(first + 2, END, 50)])
    assert not split.found and split.reasons == ["split into 2"]
    short = judge(SENTENCE, START, END, 350, "cardinal", [fig(START + 1, END, 350)])
    assert not short.found and short.reasons == ["span"]
    ordinal = judge(SENTENCE, START, END, 350, "cardinal", [fig(START, END, 350, "ordinal")])
    assert not ordinal.found and ordinal.reasons == ["kind"]
    assert judge(SENTENCE, START, END, 350, "ordinal", [fig(START, END, 350)]).reasons == ["kind"]
    nothing = judge(SENTENCE, START, END, 350, "cardinal", [fig(0, 4, 1)])
    assert not nothing.found and nothing.reasons == ["nothing"] and len(nothing.others) == 1


def test_khabar_is_judged_on_real_sentences():
    found, wrong_value = peers.run(
        [
            Expression("ثلاثون", 30, "cardinal"),
            Expression("ثلاثون", 31, "cardinal"),  # a wrong expectation must be a miss
        ]
    )
    assert found.found_all and set(found.verdicts) == {"C1", "C2"}
    assert not wrong_value.found_any
    assert all(v.reasons == ["value"] for v in wrong_value.verdicts.values())


def test_the_report_counts_per_class_kind_and_overall():
    expressions = [
        Expression("ثلاثون", 30, "cardinal"),
        Expression("525", 525, "cardinal"),
        Expression("الثالث", 3, "ordinal"),
    ]

    def fake(sentence):  # finds the digits only, and only in the first frame
        at = sentence.find("525")
        return [Found(at, at + 3, "525", 525, "cardinal")] if at >= 0 and "العدد" in sentence else []

    results = peers.run(expressions, fake)
    text = peers.report(results, show_misses=True)
    assert "**overall: 0/3**" in text and "(1/3 in at least one)" in text
    assert "| digits | 1 | 0/1 | 1/1 |" in text
    assert "| ordinal | 1 | 0/1 | 0/1 |" in text
    rows = {line.split(" | ")[0]: line for line in text.splitlines() if line.startswith("| C")}
    assert rows["| C1"].endswith("| 1/2 |") and rows["| C2"].endswith("| 0/2 |")
    assert "- «الثالث» (ordinal 3) — D1: nothing → nothing; D2: nothing → nothing" in text


# --- the command ----------------------------------------------------------------------


def test_a_missing_corpus_names_the_option(tmp_path, capsys):
    with pytest.raises(SystemExit):
        peers.main(["--tsv", str(tmp_path / "absent.tsv")])
    assert "--tsv" in capsys.readouterr().err


@pytest.mark.skipif(not peers.DEFAULT_TSV.is_file(), reason="the shared Duckling corpus is not here")
def test_the_benchmark_runs_end_to_end_on_the_shared_corpus(capsys):
    assert peers.main(["--show-misses"]) == 0
    out = capsys.readouterr().out
    assert len(peers.read_tsv(peers.DEFAULT_TSV)) == 193
    assert "/193**" in out and "| puckling" in out
