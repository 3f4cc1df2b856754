"""Words, punctuation and quotations of one field, on the normalized display text.

The claims extractor reads tokens, not characters: a token keeps its [start, end) in
the display text (mapped to the original only when a span is reported) and its folded
`key` for lexicon lookups.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from processors.claims_lexicons import fold

# A word: letters, digits, diacritics, tatweel and joiners; hyphenated designators stay
# one word ("إس-300"), as do numbers with separators ("1,612", "2.5").
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_TOKEN = re.compile(
    rf"\d+(?:[.,\u066b\u066c]\d+)*|[\w{_MARKS}]+(?:-[\w{_MARKS}]+)*|\n|[^\s\w]",
)

OPEN_QUOTES = {"«": "»", "“": "”", "‹": "›"}
CLOSE_QUOTES = {v: k for k, v in OPEN_QUOTES.items()}
STRAIGHT_QUOTE = '"'
COMMAS = {"،", ","}
CLAUSE_PUNCT = {"،", ",", "؛", ";"}


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    word: bool
    sentence: int
    quote: int = -1  # innermost quotation region strictly containing this token
    opens: int = -1  # region this token opens
    closes: int = -1  # region this token closes


@dataclass(slots=True)
class Quote:
    open: int  # token index of the opening mark
    close: int  # token index of the closing mark (or one past the paragraph's end)
    words: int
    parent: int  # enclosing region or -1


def tokenize(text: str, sentences: list[tuple[int, int]]) -> list[Token]:
    starts = [s for s, _ in sentences]
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        s = m.start()
        t = m.group()
        word = t[0].isalnum() or t[0] == "_"
        sent = max(bisect_right(starts, s) - 1, 0)
        tokens.append(Token(s, m.end(), t, fold(t) if word else t, word, sent))
    return tokens


def find_quotes(tokens: list[Token]) -> list[Quote]:
    """Pair quotation marks within each paragraph: «» and “” by nesting, straight
    quotes by alternation. An unclosed « or “ runs to the end of its paragraph (a
    quotation that goes on in the next paragraph opens again there)."""
    regions: list[Quote] = []
    stack: list[tuple[str, int]] = []  # (closing mark expected, region index)
    straight: int | None = None

    def close_all(end_index: int) -> None:
        nonlocal straight
        while stack:
            _, r = stack.pop()
            regions[r].close = end_index
        if straight is not None:
            # An unpaired straight quote is a stray mark, not a quotation.
            tokens[regions[straight].open].opens = -1
            regions[straight].open = regions[straight].close = -1
            straight = None

    for i, tok in enumerate(tokens):
        t = tok.text
        if t == "\n":
            close_all(i)
            continue
        if tok.word:
            continue
        parent = stack[-1][1] if stack else (straight if straight is not None else -1)
        if t in OPEN_QUOTES:
            regions.append(Quote(i, -1, 0, parent))
            tok.opens = len(regions) - 1
            stack.append((OPEN_QUOTES[t], len(regions) - 1))
        elif t in CLOSE_QUOTES and stack and stack[-1][0] == t:
            _, r = stack.pop()
            regions[r].close = i
            tok.closes = r
        elif t == STRAIGHT_QUOTE:
            if straight is None:
                regions.append(Quote(i, -1, 0, parent))
                tok.opens = len(regions) - 1
                straight = len(regions) - 1
            else:
                regions[straight].close = i
                tok.closes = straight
                straight = None
    close_all(len(tokens))
    # Mark the tokens inside each region (innermost wins: regions are in opening order,
    # so later, inner ones overwrite), and count words.
    for r, q in enumerate(regions):
        if q.open < 0:
            continue
        n = 0
        for j in range(q.open + 1, q.close):
            tokens[j].quote = r
            n += tokens[j].word
        q.words = n
    return regions
