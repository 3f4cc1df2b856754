"""streams/commits.py: the commit guard caps raw offsets to what was handled here."""

from __future__ import annotations

from faust.types import TP

from streams.commits import CommitGuard


def test_raw_offsets_never_pass_the_message_after_the_last_handled():
    guard = CommitGuard("raw")
    guard.note_handled("raw", 0, 41)
    offsets = {TP("raw", 0): 57, TP("raw", 1): 12, TP("seen-changelog", 0): 300}
    # faust would commit 57 (it filled a "gap" up to messages fetched but never handed
    # over); raw:1 had nothing handled here; other topics are not the guard's business.
    assert guard.cap(offsets) == {TP("raw", 0): 42, TP("seen-changelog", 0): 300}


def test_an_offset_below_the_handled_one_is_kept():
    guard = CommitGuard("raw")
    guard.note_handled("raw", 3, 100)
    assert guard.cap({TP("raw", 3): 90}) == {TP("raw", 3): 90}


def test_a_partition_given_away_commits_nothing_until_handled_again():
    guard = CommitGuard("raw")
    guard.note_handled("raw", 2, 9)
    guard.forget("raw", 2)
    assert guard.last_handled("raw", 2) is None
    assert guard.cap({TP("raw", 2): 10}) == {}
    guard.note_handled("raw", 2, 15)
    assert guard.cap({TP("raw", 2): 30}) == {TP("raw", 2): 16}
