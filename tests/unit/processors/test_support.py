"""The shared test helpers (support.py) hold what the extractor tests assume of them: a
fake normalizer that keeps the interface of Normalized, a comparison that folds, and a
case loader that refuses cases without a stable id."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.text.fold import fold_letters

from .support import CaseFileError, fake_normalize, folded, load_cases

# --- the case loader -------------------------------------------------------------------


def _case_file(tmp_path, *lines: str):
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cases_load_in_file_order_skipping_blank_and_comment_lines(tmp_path):
    path = _case_file(tmp_path, '{"id": "x002", "text": "b"}', "", "// a comment", '{"id": "x001", "text": "a"}')
    assert [c["id"] for c in load_cases(path, r"x\d{3}")] == ["x002", "x001"]


@pytest.mark.parametrize(
    "lines, problem",
    [
        (['{"id": "x001"}', '{"text": "no id"}'], "line 2: id None"),
        (['{"id": "x001"}', '{"id": 2}'], "line 2: id 2"),
        (['{"id": "x1"}'], "line 1: id 'x1'"),
        (['{"id": "x001"}', '{"id": "x002"}', '{"id": "x001"}'], "line 3: id 'x001' already used on line 1"),
    ],
    ids=["missing", "not-a-string", "bad-form", "duplicate"],
)
def test_a_case_without_a_stable_unique_id_is_refused(tmp_path, lines, problem):
    with pytest.raises(CaseFileError, match=re.escape(problem)):
        load_cases(_case_file(tmp_path, *lines), r"x\d{3}")


# --- the fake normalizer ---------------------------------------------------------------

_DROPPED = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u200c\u200d"


def test_the_fake_changes_offsets_and_leaves_digits_as_written():
    original = "قالَ  الوزيــر\tإنّ ٣٫٥ ملايين"
    n = fake_normalize(original)
    assert n.display == "قال الوزير إن ٣٫٥ ملايين"
    assert len(n.display) < len(original)
    s = n.display.index("الوزير")
    assert n.to_original(s, s + len("الوزير")) == (original.index("الوزيــر"), original.index("\tإنّ"))
    assert n.to_original(0, 0) == (0, 0)
    assert n.to_original(len(n.display), len(n.display)) == (len(original), len(original))


def test_the_fake_key_is_the_real_letter_fold_of_display():
    n = fake_normalize("أعلنَ إنّ مدرسةً في الكوفى")
    assert n.key == fold_letters(n.display) == "اعلن ان مدرسه في الكوفي"


# No deadline: a loaded machine must not fail a property that holds.
@settings(deadline=None)
@given(st.text(alphabet="ابتأإآةىـ٣3 \t\n" + _DROPPED + "\u0653\u200f", max_size=40), st.data())
def test_every_fake_span_maps_back_to_what_was_written(text, data):
    n = fake_normalize(text)
    assert len(n.key) == len(n.display)
    start = data.draw(st.integers(0, len(n.display)))
    end = data.draw(st.integers(start, len(n.display)))
    s, e = n.to_original(start, end)
    assert 0 <= s <= e <= len(text)
    # The original slice, less what the fake drops and with space runs as one, is the
    # display slice.
    written = re.sub("[ \t]+", " ", "".join(c for c in text[s:e] if c not in _DROPPED))
    assert written == n.display[start:end]


# --- the comparison --------------------------------------------------------------------


def test_folded_compares_as_a_reader_would():
    assert folded("«أعلنَ»  الوزيرُ\n٣٫٥ مليون") == folded('"اعلن" الوزير 3.5 مليون') == "اعلن الوزير 3.5 مليون"
    assert folded("١٬٦١٢ منشأةً") == "1,612 منشاه"
    assert folded(None) is None
    assert folded("") == ""
