"""Tokens for the figures extractor: digit runs, Arabic words, Latin words, signs.

One linear regex pass over `Normalized.display`; offsets index display (the extractor maps
them to the original). Each token keeps its folded form (processors.figures.numbers.fold) and two
facts about the gap before it: `adj` (no space: "و52", "إس-300") and `nl` (a line break,
which ends any phrase).
"""

from __future__ import annotations

import re

from processors.figures.numbers import IGNORABLE, fold
from processors.text.fold import fold_letters

NUM, WORD, LATIN, SIGN = "n", "a", "l", "s"

_TOKEN = re.compile(
    # Digits of the three scripts with their separators; "," "." "٫" "٬" and the Arabic
    # comma "،" ("2،5") only between digits, so "52." and "52، و" end the number.
    # No nested quantifier: linear on 100k digits.
    r"(?P<n>[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u060c\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*)"
    # Arabic letters with diacritics, tatweel and zero-width joiners left in a word.
    r"|(?P<a>[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06fa-\u06ff\u200b-\u200d]+)"
    r"|(?P<l>[A-Za-z]+)"
    r"|(?P<s>\S)"
)


# The kind of a token from its first character.
_KIND = {chr(c): NUM for r in ((0x30, 0x3A), (0x660, 0x66A), (0x6F0, 0x6FA)) for c in range(*r)}
_KIND.update(
    {
        chr(c): WORD
        for r in ((0x621, 0x63B), (0x640, 0x660), (0x670, 0x6D4), (0x6FA, 0x700), (0x200B, 0x200E))
        for c in range(*r)
    }
)
_KIND.update({c: LATIN for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"})
_KIND.update({chr(c): NUM for c in range(0x30, 0x3A)})


# Same-length fold for texts without diacritics/tatweel (the normalizer removed them):
# a token's folded form is then a slice of the folded text.
def _fold_same_length(text: str) -> str:
    text = fold_letters(text)
    lowered = text.lower()
    # a few capitals lowercase to two characters ("İ"); then keep the capitals
    return lowered if len(lowered) == len(text) else text


_HAS_IGNORABLE = re.compile("[" + "".join(sorted(IGNORABLE)) + "]")


class Tokens:
    __slots__ = ("text", "kind", "start", "end", "fold", "adj", "nl", "n")

    def __init__(self, text: str) -> None:
        # list comprehensions rather than one loop with appends: this runs over every
        # token of every article and is most of the extractor's time
        self.text = text
        spans = [m.span() for m in _TOKEN.finditer(text)]
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        kinds = _KIND
        kind = [kinds.get(text[s], SIGN) for s in starts]
        if _HAS_IGNORABLE.search(text) is None:
            folded_text = _fold_same_length(text)
            folded = [folded_text[s:e] for s, e in spans]
        else:
            folded = [text[s:e] if k == NUM else fold(text[s:e]) for (s, e), k in zip(spans, kind)]
            # a stray diacritic or tatweel on its own is no word
            kind = [SIGN if not f else k for k, f in zip(kind, folded)]
        prev_ends = [0] + ends[:-1]
        self.kind = kind
        self.start = starts
        self.end = ends
        self.fold = folded
        self.adj = [s == p for s, p in zip(starts, prev_ends)]
        self.nl = [
            s - p > 1 and "\n" in text[p:s] or (s - p == 1 and text[p] == "\n") for s, p in zip(starts, prev_ends)
        ]
        self.n = len(kind)

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.kind[i] == WORD

    def f(self, i: int) -> str:
        """Folded form of token i, or "" outside the text (saves bounds checks)."""
        return self.fold[i] if 0 <= i < self.n else ""

    def joined(self, i: int) -> bool:
        """Token i follows token i-1 on the same line (no line break between)."""
        return 0 < i < self.n and not self.nl[i]
