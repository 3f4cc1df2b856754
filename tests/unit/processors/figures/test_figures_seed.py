"""Acceptance on the seed fixture: every hand-annotated figure and ordinal, exact offsets,
no model designator counted, no other cardinal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from processors.figures.extract import extract_figures
from processors.figures.numbers import fold
from processors.text.normalize import normalize

SEED = Path(__file__).resolve().parents[3] / "fixtures" / "seed"
ARTICLE = json.loads((SEED / "article.json").read_text(encoding="utf-8"))
EXPECTED = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))


def key(text):
    return " ".join(fold(text or "").split())


def figures_with_lines():
    out = []
    for field in ("title", "body"):
        norm = normalize(ARTICLE[field])
        for f in extract_figures(norm, field):
            assert norm.original[f.start : f.end] == f.text
            if f.counted is not None:
                assert norm.original[f.counted_start : f.counted_end] == f.counted
            out.append((f, norm.original.count("\n", 0, f.start)))
    return out


FIGURES = figures_with_lines()


def _find(exp, used):
    for i, (f, line) in enumerate(FIGURES):
        if i in used or f.field != exp["field"] or line != exp["line"]:
            continue
        if f.kind == exp["kind"] and f.value == exp["value"]:
            if "text" in exp and key(f.text) != key(exp["text"]):
                continue
            return i
    return None


def test_every_figure_with_its_counted_phrase():
    used: set[int] = set()
    for exp in EXPECTED["figures"]:
        i = _find(exp, used)
        assert i is not None, exp
        used.add(i)
        f = FIGURES[i][0]
        assert f.counted is not None, exp
        assert key(f.counted).split()[0] == key(exp["counted_head"]), (exp, f)
        assert key(f.counted) == key(exp["counted"]), (exp, f)


def test_every_ordinal():
    used: set[int] = set()
    for exp in EXPECTED["ordinals"]:
        i = _find(exp, used)
        assert i is not None, exp
        used.add(i)


@pytest.mark.parametrize("nf", EXPECTED["not_figures"], ids=lambda nf: nf["text"])
def test_model_designators_are_not_counts(nf):
    for f, line in FIGURES:
        if f.field == nf["field"] and line == nf["line"] and key(nf["text"]) in key(f.text):
            assert f.kind == "identifier", f
        if f.kind == "cardinal":
            assert (
                key(f.text) not in key(nf["text"])
                or f.field != nf["field"]
                or line != nf["line"]
                or f.value not in (300, 1)
            ), f


def test_no_other_cardinal_or_ordinal():
    expected = sorted((e["field"], e["line"], e["value"]) for e in EXPECTED["figures"])
    got = sorted((f.field, line, f.value) for f, line in FIGURES if f.kind == "cardinal")
    assert got == expected
    expected = sorted((e["field"], e["line"], e["value"]) for e in EXPECTED["ordinals"])
    got = sorted((f.field, line, f.value) for f, line in FIGURES if f.kind == "ordinal")
    assert got == expected
    assert not [f for f, _ in FIGURES if f.kind in ("percent", "money", "measure", "fraction")]
