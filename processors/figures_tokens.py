"""Tokens for the figures extractor: digit runs, Arabic words, Latin words, signs.

One linear regex pass over `Normalized.display`; offsets index display (the extractor maps
them to the original). Each token keeps its folded form (processors.numbers.fold) and two
facts about the gap before it: `adj` (no space: "و52", "إس-300") and `nl` (a line break,
which ends any phrase).
"""

from __future__ import annotations

import re

from processors.numbers import IGNORABLE, fold

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


# The kind of a token from its first character.
_KIND = {chr(c): NUM for r in ((0x30, 0x3A), (0x660, 0x66A), (0x6F0, 0x6FA)) for c in range(*r)}
_KIND.update({chr(c): WORD for r in ((0x621, 0x63B), (0x640, 0x660), (0x670, 0x6D4), (0x6FA, 0x700), (0x200B, 0x200E)) for c in range(*r)})
_KIND.update({c: LATIN for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"})
_KIND.update({chr(c): NUM for c in range(0x30, 0x3A)})
# Same-length fold for texts without diacritics/tatweel (the normalizer removed them):
# a token's folded form is then a slice of the folded text.
_FOLD_SAME_LENGTH = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك",
     **{chr(c): chr(c + 32) for c in range(0x41, 0x5B)}}
)
_HAS_IGNORABLE = re.compile("[" + "".join(sorted(IGNORABLE)) + "]")


class Tokens:
    __slots__ = ("text", "kind", "start", "end", "fold", "adj", "nl", "n")

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [m.span() for m in _TOKEN.finditer(text)]
        same_length = _HAS_IGNORABLE.search(text) is None
        folded_text = text.translate(_FOLD_SAME_LENGTH) if same_length else ""
        kinds = _KIND
        kind: list[str] = []
        folded: list[str] = []
        adj: list[bool] = []
        nl: list[bool] = []
        prev = 0
        for s, e in spans:
            k = kinds.get(text[s], SIGN)
            if k == NUM:
                f = text[s:e]
            elif same_length:
                f = folded_text[s:e]
            else:
                f = fold(text[s:e])
                if not f:
                    k = SIGN  # a stray diacritic or tatweel on its own is no word
            kind.append(k)
            folded.append(f)
            if s == prev:
                adj.append(True)
                nl.append(False)
            else:
                adj.append(False)
                # usually one space between words: no need to search for a line break
                nl.append(not (s - prev == 1 and text[prev] == " ") and "\n" in text[prev:s])
            prev = e
        self.kind = kind
        self.start = [s for s, _ in spans]
        self.end = [e for _, e in spans]
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
