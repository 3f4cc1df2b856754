"""Hedging and negation of a claim's content."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from processors.claims.lexicons import HEDGES, NEGATION_RELATIVES, NEGATIONS, fold
from processors.claims.tokens import CLAUSE_PUNCT, Tokens, scanned
from processors.claims.words import BARE, DEFINITE

_HEDGE_FIRST = frozenset(p[0] for p in HEDGES)
_NEG_FIRST = frozenset(p[0] for p in NEGATIONS)
# Words that may open a hedge/negation phrase, also with و/ف written on them (what
# `bare` would strip), so one set lookup per token finds the candidates.
_HEDGE_AT = _HEDGE_FIRST | frozenset(c + w for c in "وف" for w in _HEDGE_FIRST if len(w) >= 2)
_NEG_AT = _NEG_FIRST | frozenset(c + w for c in "وف" for w in _NEG_FIRST if len(w) >= 2)
_EXCEPTIVE_REACH = 8
# Their bits for `Tokens.having`.
_HEDGE_BIT = scanned(_HEDGE_AT.__contains__)
_NEG_BIT = scanned(_NEG_AT.__contains__)


def _word_at(t: Tokens, i: int, end: int) -> str | None:
    if i < end and t.word[i]:
        return BARE[t.key[i]]
    return None


def _phrase_kind(table: dict, t: Tokens, i: int, end: int) -> tuple[str, int] | None:
    """Longest phrase of `table` starting at token i: (kind, number of words)."""
    w1 = _word_at(t, i, end)
    if w1 is None:
        return None
    raw = t.key[i]
    w2 = _word_at(t, i + 1, end)
    if w2 is not None:
        for first in {w1, raw}:
            kind = table.get((first, w2))
            if kind:
                return kind, 2
    kind = table.get((raw,)) or table.get((w1,))
    if kind:
        return kind, 1
    return None


def _candidates(t: Tokens, bit: int, a: int, b: int) -> list[int]:
    """Tokens among [a, b) that may open a phrase of the table: contents cover most of
    an article, so each field's candidates are found once (`Tokens.having`), and
    each content takes its slice of them. (Callers still check that it is a word.)"""
    found = t.having(bit)
    return found[bisect_left(found, a) : bisect_left(found, b)]


def hedged(t: Tokens, a: int, b: int, own=lambda i, a: True) -> bool:
    """Whether the content tokens [a, b) are hedged; `own(i, a)` tells whether token i
    belongs to this content rather than to a quotation nested in it."""
    for i in _candidates(t, _HEDGE_BIT, a, b):
        if not t.word[i] or not own(i, a):
            continue
        found = _phrase_kind(HEDGES, t, i, b)
        if found is None:
            continue
        kind, _ = found
        if kind == "word":
            return True
        if kind == "cue":
            continue  # hedges the claim it introduces, not a content it appears in
        # "قد يشمل" (may include) hedges; "قد انطلقت" (has started) does not.
        nxt = _word_at(t, i + 1, b)
        if nxt and nxt[0] in "ينت" and nxt != "تم" and not _perfect(nxt):
            return True
    return False


def _perfect(w: str) -> bool:
    """A past verb that starts like an imperfect one: "قد نفذت" (has been carried out),
    "قد تراجعت", "قد نفذوا" are not hedged; "قد تنفذ", "قد يتراجعون" are."""
    if w.endswith("وا"):
        return True
    if w.endswith("ت"):
        return w[0] == "ن" or (w[0] == "ت" and len(w) >= 5)
    return w[0] == "ن" and len(w) == 3  # "قد نفذ", "قد نشر": an imperfect has 4 letters


@lru_cache(maxsize=1024)  # (lemmas are a closed set: the cue table's)
def hedging_cue(lemma: str) -> bool:
    """A cue that hedges its own claim: "ورجح محللون أن ..." (judged it likely)."""
    return HEDGES.get((fold(lemma),)) == "cue"


def negated(t: Tokens, a: int, b: int, own=lambda i, a: True) -> bool:
    skip_to = a  # a two-word phrase also covers the next token
    for i in _candidates(t, _NEG_BIT, a, b):
        if i < skip_to or not t.word[i] or not own(i, a):
            continue
        found = _phrase_kind(NEGATIONS, t, i, b)
        if found is None:
            continue
        kind, width = found
        if kind == "neg" and not _in_relative(t, i, a) and not _exceptive(t, i, b) and not _privative(t, i, b):
            return True
        skip_to = i + width
    return False


def _in_relative(t: Tokens, i: int, a: int) -> bool:
    """ "أن الاتفاق الذي لم يوقع بعد سيصمد": the negation is inside a relative clause and
    the content itself asserts something positive."""
    return i > a and t.word[i - 1] and BARE[t.key[i - 1]] in NEGATION_RELATIVES


def _privative(t: Tokens, i: int, b: int) -> bool:
    """غير before a definite adjective makes a compound adjective, not a negation:
    "الصادرات غير النفطية سجلت نموا" (non-oil exports grew). As a predicate it
    negates: "إن الأنباء غير صحيحة"."""
    if BARE[t.key[i]] != "غير":
        return False
    nxt = i + 1
    return nxt < b and t.word[nxt] and DEFINITE[t.key[nxt]]


def _exceptive(t: Tokens, i: int, b: int) -> bool:
    """A negation closed by إلا in the same clause restricts rather than negates:
    "لن تؤدي إلا إلى مطالب إضافية" (will only lead to more demands)."""
    for j in range(i + 1, min(b, i + 1 + _EXCEPTIVE_REACH)):
        if not t.word[j]:
            if t.text[j] in CLAUSE_PUNCT:
                return False
            continue
        if NEGATIONS.get((t.key[j],)) == "exceptive":
            return True
    return False
