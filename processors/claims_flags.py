"""Hedging and negation of a claim's content."""

from __future__ import annotations

from processors.claims_lexicons import HEDGES, NEGATIONS
from processors.claims_tokens import CLAUSE_PUNCT, Token
from processors.claims_words import bare

_HEDGE_FIRST = frozenset(p[0] for p in HEDGES)
_NEG_FIRST = frozenset(p[0] for p in NEGATIONS)
_RELATIVES = frozenset({"التي", "الذي", "الذين", "اللذين", "اللتين", "اللواتي", "ما"})
_EXCEPTIVE_REACH = 8


def _word_at(tokens: list[Token], i: int, end: int) -> str | None:
    if i < end and tokens[i].word:
        return bare(tokens[i].key)
    return None


def _phrase_kind(table: dict, tokens: list[Token], i: int, end: int) -> tuple[str, int] | None:
    """Longest phrase of `table` starting at token i: (kind, number of words)."""
    w1 = _word_at(tokens, i, end)
    if w1 is None:
        return None
    raw = tokens[i].key
    w2 = _word_at(tokens, i + 1, end)
    if w2 is not None:
        for first in {w1, raw}:
            kind = table.get((first, w2))
            if kind:
                return kind, 2
    kind = table.get((raw,)) or table.get((w1,))
    if kind:
        return kind, 1
    return None


def hedged(tokens: list[Token], a: int, b: int, own=lambda i, a: True) -> bool:
    """Whether the content tokens [a, b) are hedged; `own(i, a)` tells whether token i
    belongs to this content rather than to a quotation nested in it."""
    for i in range(a, b):
        tok = tokens[i]
        if not tok.word or (tok.key not in _HEDGE_FIRST and bare(tok.key) not in _HEDGE_FIRST):
            continue
        if not own(i, a):
            continue
        found = _phrase_kind(HEDGES, tokens, i, b)
        if found is None:
            continue
        kind, _ = found
        if kind == "word":
            return True
        # "قد يشمل" (may include) hedges; "قد انطلقت" (has started) does not.
        nxt = _word_at(tokens, i + 1, b)
        if nxt and nxt[0] in "ينت" and nxt != "تم":
            return True
    return False


def negated(tokens: list[Token], a: int, b: int, own=lambda i, a: True) -> bool:
    i = a
    while i < b:
        tok = tokens[i]
        if not tok.word or (tok.key not in _NEG_FIRST and bare(tok.key) not in _NEG_FIRST) or not own(i, a):
            i += 1
            continue
        found = _phrase_kind(NEGATIONS, tokens, i, b)
        if found is None:
            i += 1
            continue
        kind, width = found
        if kind == "neg" and not _in_relative(tokens, i, a) and not _exceptive(tokens, i, b):
            return True
        i += width
    return False


def _in_relative(tokens: list[Token], i: int, a: int) -> bool:
    """"أن الاتفاق الذي لم يوقع بعد سيصمد": the negation is inside a relative clause and
    the content itself asserts something positive."""
    return i > a and tokens[i - 1].word and bare(tokens[i - 1].key) in _RELATIVES


def _exceptive(tokens: list[Token], i: int, b: int) -> bool:
    """A negation closed by إلا in the same clause restricts rather than negates:
    "لن تؤدي إلا إلى مطالب إضافية" (will only lead to more demands)."""
    for j in range(i + 1, min(b, i + 1 + _EXCEPTIVE_REACH)):
        tok = tokens[j]
        if not tok.word:
            if tok.text in CLAUSE_PUNCT:
                return False
            continue
        if NEGATIONS.get((tok.key,)) == "exceptive":
            return True
    return False
