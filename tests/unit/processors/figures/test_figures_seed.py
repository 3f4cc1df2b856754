"""Acceptance on the seed fixture: every hand-annotated figure and ordinal, exact offsets,
no model designator counted, no other cardinal."""

from __future__ import annotations

import pytest

from processors.figures.extract import extract_figures
from processors.text.normalize import normalize

from ..support import folded, load_seed


@pytest.fixture(scope="module")
def seed_figures(seed_article):
    """Every figure of the seed article with its line (0-based) in its field."""
    out = []
    for field in ("title", "body"):
        norm = normalize(seed_article[field])
        for f in extract_figures(norm, field):
            assert norm.original[f.start : f.end] == f.text
            if f.counted is not None:
                assert norm.original[f.counted_start : f.counted_end] == f.counted
            out.append((f, norm.original.count("\n", 0, f.start)))
    return out


def _find(figures, exp, used):
    for i, (f, line) in enumerate(figures):
        if i in used or f.field != exp["field"] or line != exp["line"]:
            continue
        if f.kind == exp["kind"] and f.value == exp["value"]:
            if "text" in exp and folded(f.text) != folded(exp["text"]):
                continue
            return i
    return None


def _each_found(seed_figures, expected):
    """(expected, index of its figure) for every expected entry, each figure used once."""
    used: set[int] = set()
    for exp in expected:
        i = _find(seed_figures, exp, used)
        assert i is not None, exp
        used.add(i)
        yield exp, i


def test_every_figure_with_its_counted_phrase(seed_figures, seed_expected):
    for exp, i in _each_found(seed_figures, seed_expected["figures"]):
        f = seed_figures[i][0]
        assert f.counted is not None, exp
        assert folded(f.counted).split()[0] == folded(exp["counted_head"]), (exp, f)
        assert folded(f.counted) == folded(exp["counted"]), (exp, f)


def test_every_ordinal(seed_figures, seed_expected):
    found = list(_each_found(seed_figures, seed_expected["ordinals"]))  # asserts each
    assert len(found) == len(seed_expected["ordinals"])


@pytest.mark.parametrize("nf", load_seed("expected")["not_figures"], ids=lambda nf: nf["text"])
def test_model_designators_are_not_counts(nf, seed_figures):
    for f, line in seed_figures:
        if f.field == nf["field"] and line == nf["line"] and folded(nf["text"]) in folded(f.text):
            assert f.kind == "identifier", f
        if f.kind == "cardinal":
            assert (
                folded(f.text) not in folded(nf["text"])
                or f.field != nf["field"]
                or line != nf["line"]
                or f.value not in (300, 1)
            ), f


def test_no_other_cardinal_or_ordinal(seed_figures, seed_expected):
    expected = sorted((e["field"], e["line"], e["value"]) for e in seed_expected["figures"])
    got = sorted((f.field, line, f.value) for f, line in seed_figures if f.kind == "cardinal")
    assert got == expected
    expected = sorted((e["field"], e["line"], e["value"]) for e in seed_expected["ordinals"])
    got = sorted((f.field, line, f.value) for f, line in seed_figures if f.kind == "ordinal")
    assert got == expected
    assert not [f for f, _ in seed_figures if f.kind in ("percent", "money", "measure", "fraction")]
