"""Figures on hand-written news sentences (figures_cases.jsonl), offsets, pathological input.

Each case: {"id", "text", "expect": [{"text", "value", "kind", "counted", "approx",
"range", "unit", "currency"}], "not": [...]} (CASES.md). Absent keys mean: kind
"cardinal", the others None. Every counting figure and ordinal the extractor reports
must be expected (no extras); typed figures (year/date/time/identifier) are checked only
when listed; "not" lists texts that must not be reported as a counting figure or an
ordinal. Texts are compared folded (support.folded), as a reader would. Every case runs
under the real normalizer and the fake one (the `normalizer` fixture).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.figures.extract import COUNTING_KINDS, extract_figures
from processors.text.normalize import Normalized, normalize

from ..support import NORMALIZERS, folded

REPORTED = COUNTING_KINDS | {"ordinal"}


def check_offsets(norm: Normalized, figures) -> None:
    for f in figures:
        assert norm.original[f.start : f.end] == f.text, f
        assert f.id is None
        if f.counted is not None:
            assert norm.original[f.counted_start : f.counted_end] == f.counted, f
    assert [f.start for f in figures] == sorted(f.start for f in figures)


def test_case(figures_case, normalizer):
    case = figures_case
    norm = normalizer(case["text"])
    figures = extract_figures(norm, "body")
    check_offsets(norm, figures)
    got = "\n".join(
        f"  {f.kind} {f.value!r} {f.text!r} counted={f.counted!r} approx={f.approx} "
        f"range={f.range} unit={f.unit} currency={f.currency}"
        for f in figures
    )
    used = set()
    for exp in case["expect"]:
        matches = [i for i, f in enumerate(figures) if i not in used and folded(f.text) == folded(exp["text"])]
        assert matches, f"missing {exp}\ngot:\n{got}"
        i = matches[0]
        used.add(i)
        f = figures[i]
        assert f.kind == exp.get("kind", "cardinal"), f"{exp}\ngot:\n{got}"
        if "value" in exp or f.kind in REPORTED:
            want = exp.get("value")
            assert (f.value is None) == (want is None) and (want is None or f.value == pytest.approx(want, rel=1e-3)), (
                f"{exp}\ngot:\n{got}"
            )
        assert folded(f.counted) == folded(exp.get("counted")), f"{exp}\ngot:\n{got}"
        for name in ("approx", "unit", "currency"):
            assert getattr(f, name) == exp.get(name), f"{name}: {exp}\ngot:\n{got}"
        assert (f.range is None and exp.get("range") is None) or f.range == pytest.approx(exp.get("range")), (
            f"{exp}\ngot:\n{got}"
        )
    extra = [f for i, f in enumerate(figures) if i not in used and f.kind in REPORTED]
    assert not extra, f"unexpected {extra}\ngot:\n{got}"
    for text in case.get("not", []):
        bad = [f for f in figures if f.kind in REPORTED and folded(text) in folded(f.text)]
        assert not bad, f"{text!r} reported as {bad}"


def test_enough_cases(figures_cases):
    assert len(figures_cases) >= 300


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "text",
    [
        "1" * 100_000,
        "١" * 100_000,
        "1,000" * 20_000,
        "ثلاثة " * 10_000,
        "و" + "ثلاثمائة وخمسة " * 10_000,
        "ألف " * 10_000,
        "ب" * 100_000,
        "أكثر من " * 10_000 + "5",
        ("1612 منشأة عسكرية " * 5_000),
        "-1" * 50_000,
        "الثالث " * 10_000,
    ],
    ids=[
        "digits",
        "arabic-digits",
        "separators",
        "words",
        "compound",
        "scales",
        "long-word",
        "qualifiers",
        "phrases",
        "hyphens",
        "ordinals",
    ],
)
def test_pathological_inputs_finish(text):
    norm = normalize(text)
    figures = extract_figures(norm, "body")
    check_offsets(norm, figures)


def test_repeated_number_words_are_separate_figures():
    figures = extract_figures(normalize("ثلاثة " * 1000), "body")
    assert len(figures) == 1000 and {f.value for f in figures} == {3}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩,.٫٬-/:%$ وبلالفثةمنيعشرأإآىـًٌَُِّْ\nدولارطنكمسبع", max_size=80))
def test_offsets_hold_on_arbitrary_text(text):
    for normalizer in NORMALIZERS.values():
        norm = normalizer(text)
        check_offsets(norm, extract_figures(norm, "title"))
