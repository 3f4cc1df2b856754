"""Full names an article gives ("فلاديمير بوتين"), so that a speaker named later by the
surname alone ("قال بوتين") is reported with the full name (`Claim.speaker_full`).

Names are remembered across the fields of one article (a title's name serves the body),
which is why they live in a `Names` object that `extract_claims` makes per article and
hands to each field's reading, not in the field's own state.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from processors.claims.reading import MAX_PHRASE_CHARS, Draft, FieldReading
from processors.claims.words import DEFINITE
from processors.text.normalize import NormalizedText


@dataclass(slots=True)
class Name:
    order: tuple[int, int]  # (field rank, display offset) for "seen earlier"
    last: str  # folded last word
    words: int
    norm: NormalizedText
    end: int  # display offset where the name ends

    @property
    def text(self) -> str:
        """The original text, mapped only when a surname is linked to the name (most
        names found are never needed)."""
        s, e = self.norm.to_original(self.order[1], self.end)
        return self.norm.original[s:e]


class Names:
    """Full names seen in an article, by their last word, in text order: a surname
    finds the last full name before it by bisection, not by looking at every name with
    that surname (an article naming the same family a thousand times)."""

    __slots__ = ("keys", "names", "seq", "phrases")

    def __init__(self) -> None:
        self.keys: dict[str, list[tuple[tuple[int, int], int]]] = {}
        self.names: dict[str, list[Name]] = {}
        self.seq = 0
        # The phrases remembered, as (field rank, first token, end token): a speaker
        # named again ("قال فلاديمير بوتين" of every claim of his) is the same name,
        # and of two names at one place `before` gives the first anyway.
        self.phrases: set[tuple[int, int, int]] = set()

    def add(self, name: Name) -> None:
        keys = self.keys.setdefault(name.last, [])
        names = self.names.setdefault(name.last, [])
        key = (name.order, self.seq)
        self.seq += 1
        k = bisect_right(keys, key)
        keys.insert(k, key)
        names.insert(k, name)

    def before(self, last: str, here: tuple[int, int]) -> Name | None:
        """The name with this last word seen last before `here` (of several at the same
        place, the first remembered)."""
        keys = self.keys.get(last)
        if not keys:
            return None
        k = bisect_left(keys, (here,))
        if k == 0:
            return None
        order = keys[k - 1][0]
        return self.names[last][bisect_left(keys, (order,), 0, k)]


def link(rd: FieldReading, d: Draft, a: int, b: int) -> None:
    """A surname alone ("بوتين") → the full name the article gave earlier
    ("فلادمير بوتين"), in this field before it or in an earlier field."""
    words = rd.t.words_in(a, b)
    if len(words) != 1:
        return
    last = rd.t.key[words[0]]
    here = (rd.rank, rd.t.start[a])
    best = rd.names.before(last, here)
    if best is not None:
        d.speaker_full = best.text


def remember_name(rd: FieldReading, a: int, b: int) -> None:
    t = rd.t
    phrase = (rd.rank, a, b)
    if phrase in rd.names.phrases:
        return
    rd.names.phrases.add(phrase)
    words = t.words_in(a, b)
    if len(words) < 2 or t.end[b - 1] - t.start[a] > MAX_PHRASE_CHARS:
        return
    name = Name((rd.rank, t.start[a]), t.key[words[-1]], len(words), rd.norm, t.end[b - 1])
    rd.names.add(name)


def remember_speaker(rd: FieldReading, a: int, b: int) -> None:
    """ "قال فلاديمير بوتين إن": a speaker of two or more undefined words is a name."""
    if (rd.rank, a, b) in rd.names.phrases:
        return
    words = rd.t.words_in(a, b)
    if 2 <= len(words) <= 4 and not any(DEFINITE[rd.t.key[w]] for w in words):
        remember_name(rd, a, b)
