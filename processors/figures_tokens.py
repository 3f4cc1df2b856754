"""Tokens for the figures extractor: digit runs, Arabic words, Latin words, signs.

One linear regex pass over `Normalized.display`; offsets index display (the extractor maps
them to the original). Each token keeps its folded form (processors.numbers.fold) and two
facts about the gap before it: `adj` (no space: "و52", "إس-300") and `nl` (a line break,
which ends any phrase).
"""

from __future__ import annotations

import re

from processors.numbers import fold

NUM, WORD, LATIN, SIGN = "n", "a", "l", "s"

_TOKEN = re.compile(
    # Digits of the three scripts with their separators; "," "." "٫" "٬" only between
    # digits, so "52." ends a sentence. No nested quantifier: linear on 100k digits.
    r"(?P<n>[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*)"
    # Arabic letters with diacritics, tatweel and zero-width joiners left in a word.
    r"|(?P<a>[\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06fa-\u06ff\u200b-\u200d]+)"
    r"|(?P<l>[A-Za-z]+)"
    r"|(?P<s>\S)"
)


class Tokens:
    __slots__ = ("text", "kind", "start", "end", "fold", "adj", "nl", "n")

    def __init__(self, text: str) -> None:
        self.text = text
        kind: list[str] = []
        start: list[int] = []
        end: list[int] = []
        folded: list[str] = []
        adj: list[bool] = []
        nl: list[bool] = []
        prev = 0
        find = text.find
        for m in _TOKEN.finditer(text):
            s, e = m.span()
            k = m.lastgroup
            kind.append(k)
            start.append(s)
            end.append(e)
            folded.append(fold(m.group()) if k != NUM else m.group())
            adj.append(s == prev)
            nl.append(s != prev and find("\n", prev, s) != -1)
            prev = e
        self.kind = kind
        self.start = start
        self.end = end
        self.fold = folded
        self.adj = adj
        self.nl = nl
        self.n = len(kind)

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.kind[i] == WORD

    def f(self, i: int) -> str:
        """Folded form of token i, or "" outside the text (saves bounds checks)."""
        return self.fold[i] if 0 <= i < self.n else ""

    def joined(self, i: int) -> bool:
        """Token i follows token i-1 on the same line (no line break between)."""
        return 0 < i < self.n and not self.nl[i]
