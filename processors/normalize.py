"""Arabic normalization with an exact map back to the original text.

INTERFACE (other processors rely on it; keep it stable):

    n = normalize(original)
    n.original   the text as received
    n.display    cleaned text (see the normalization issue)
    n.key        display with letters folded for matching; SAME LENGTH as display, so a
                 span of key is the same span of display
    n.to_original(start, end) -> (ostart, oend): the [start, end) span of display/key
                 mapped to the original, so original[ostart:oend] is what was written

    arabic_share(text) -> float in [0, 1]

This first version is a placeholder (identity); the real normalizer replaces the body.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Normalized:
    original: str
    display: str
    key: str
    # offsets[i] = index in original of display[i]; offsets[len(display)] = len(original)
    offsets: list[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(original: str) -> Normalized:
    return Normalized(original, original, original, list(range(len(original) + 1)))


def arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)
