"""Words, punctuation and quotations of one field, on the normalized display text.

The claims extractor reads tokens, not characters: a token keeps its [start, end) in
the display text (mapped to the original only when a span is reported) and its folded
`key` for lexicon lookups.
"""

from __future__ import annotations

import re
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


_FOLDED: dict[str, str] = {}


def _fold_cached(word: str) -> str:
    key = _FOLDED.get(word)
    if key is None:
        if len(_FOLDED) > 200_000:
            _FOLDED.clear()
        key = _FOLDED[word] = fold(word)
    return key


def tokenize(text: str, sentences: list[tuple[int, int]]) -> list[Token]:
    """Tokens in order; each carries the index of the last sentence starting at or
    before it. (findall + str.find is cheaper than a match object per token.)"""
    starts = [s for s, _ in sentences]
    n_sent = len(starts)
    sent = 0
    nxt = starts[1] if n_sent > 1 else len(text) + 1
    tokens: list[Token] = []
    append = tokens.append
    find = text.find
    folded = _FOLDED
    pos = 0
    for t in _TOKEN.findall(text):
        s = find(t, pos)
        e = pos = s + len(t)
        while s >= nxt:
            sent += 1
            nxt = starts[sent + 1] if sent + 1 < n_sent else len(text) + 1
        c = t[0]
        if c.isalnum() or c == "_":
            key = folded.get(t)
            if key is None:
                key = _fold_cached(t)
            append(Token(s, e, t, key, True, sent))
        else:
            append(Token(s, e, t, t, False, sent))
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
    _mark_inside(tokens, regions)
    return regions


def _mark_inside(tokens: list[Token], regions: list[Quote]) -> None:
    """One sweep gives each token its innermost enclosing region and each region its
    word count (linear, even for thousands of unclosed «)."""
    closes_at: dict[int, list[int]] = {}
    for r, q in enumerate(regions):
        if q.open >= 0:
            closes_at.setdefault(q.close, []).append(r)
    words_before = [0] * (len(tokens) + 1)
    for j, tok in enumerate(tokens):
        words_before[j + 1] = words_before[j] + tok.word
    for q in regions:
        if q.open >= 0:
            q.words = words_before[q.close] - words_before[q.open + 1]
    stack: list[int] = []
    for j, tok in enumerate(tokens):
        for r in closes_at.get(j, ()):
            if stack and stack[-1] == r:
                stack.pop()
            elif r in stack:
                stack.remove(r)  # a straight quote crossing a «»
        tok.quote = stack[-1] if stack else -1
        if tok.opens >= 0:
            stack.append(tok.opens)
