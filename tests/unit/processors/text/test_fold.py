"""processors.text.fold: the one fold every package compares words with.

Expected values are written from the module's rules (charmap_key.tsv, the MARKS set,
the digit blocks), not copied from its output. The normalizer's use of the same folds
for Normalized.key is tested in test_normalize.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.text.fold import LETTER_FOLDS, MARKS, fold, fold_letters


@pytest.mark.parametrize(
    "written, folded",
    [
        ("أعلن", "اعلن"),
        ("إن", "ان"),
        ("آخر", "اخر"),
        ("فى", "في"),
        ("مدرسة", "مدرسه"),
        ("ثلاثةُ", "ثلاثه"),  # a diacritic dropped
        ("ثلاثـة", "ثلاثه"),  # tatweel dropped
        ("أكّد", "اكد"),  # shadda dropped
        ("\u200fقال\u200e", "قال"),  # direction marks dropped
        ("٢٠٢٤", "2024"),  # Arabic-Indic digits
        ("۱۲", "12"),  # Persian digits
        ("Reuters", "reuters"),
        ("١٬٦١٢", "1٬612"),  # the separators are not digits: left as they are
    ],
)
def test_fold(written, folded):
    assert fold(written) == folded


@pytest.mark.parametrize("src, dst", LETTER_FOLDS)
def test_each_letter_fold_is_one_character_for_one(src, dst):
    assert len(src) == len(dst) == 1
    assert fold_letters("و" + src + "ب") == "و" + dst + "ب"
    assert fold("و" + src + "ب") == "و" + dst + "ب"


def test_fold_letters_leaves_marks_and_digits():
    # The same-length part: what the normalizer's key is made with, after display has
    # dropped the marks and made the digits ASCII already.
    assert fold_letters("أكّدَ ٣") == "اكّدَ ٣"


# No deadline: a loaded machine must not fail a property that holds.
@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from(sorted(MARKS) + [a for a, _ in LETTER_FOLDS] + list("ابت ٣3Aa")), max_size=40))
def test_fold_is_fold_letters_once_the_marks_are_gone(text):
    without_marks = "".join(c for c in text if c not in MARKS)
    assert len(fold_letters(text)) == len(text)
    assert fold(text) == fold(fold_letters(without_marks))
    assert fold(fold(text)) == fold(text)
