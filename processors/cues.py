"""Finding reporting cues and according-to markers among the tokens of a field."""

from __future__ import annotations

from processors.claims_lexicons import ACCORDING_TO, CUE_BLOCKERS, CUES, Cue
from processors.claims_tokens import Token
from processors.claims_words import bare, complementizer


def cue_at(tokens: list[Token], i: int) -> Cue | None:
    """The cue that token i is, unless the context shows it does not report a claim."""
    tok = tokens[i]
    if not tok.word:
        return None
    cue = CUES.get(tok.key)
    if cue is None:
        return None
    prev = _previous_word(tokens, i)
    # "ما قاله الوزير", "التصريحات التي أدلى بها": a relative clause names a statement
    # without reporting it.
    if prev is not None and CUE_BLOCKERS.get(bare(prev.key)) == "before":
        return None
    # "ويُذكر أن ..." is the journalist's background note, not an attribution.
    if CUE_BLOCKERS.get(bare(tok.key)) == "impersonal":
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and complementizer(nxt):
            return None
    return cue


def _previous_word(tokens: list[Token], i: int) -> Token | None:
    if i > 0 and tokens[i - 1].word and tokens[i - 1].sentence == tokens[i].sentence:
        return tokens[i - 1]
    return None


def according_at(tokens: list[Token], i: int) -> tuple[int, bool] | None:
    """If an according-to marker starts at token i: (index of the source's first token,
    whether that token carries the marker's ل). "وبحسب بيان للكرملين" → (i+1, False);
    "وفقا لوزارة الصحة" → (i+1, True); "نقلا عن مصادر" → (i+2, False)."""
    tok = tokens[i]
    if not tok.word:
        return None
    # Only the conjunction و is stripped: "فحسب" (only) is not "حسب".
    first = tok.key
    if first not in _FIRST_WORDS and first.startswith("و"):
        first = first[1:]
    if first not in _FIRST_WORDS:
        return None
    for marker in ACCORDING_TO:
        if marker[0] != first:
            continue
        j = i + 1
        ok = True
        for part in marker[1:]:
            if j >= len(tokens) or not tokens[j].word:
                ok = False
                break
            if part == "ل":
                if tokens[j].key.startswith("ل") and len(tokens[j].key) > 2:
                    return j, True
                ok = False
                break
            if bare(tokens[j].key) != part and tokens[j].key != part:
                ok = False
                break
            j += 1
        if ok and j < len(tokens):
            return j, False
    return None


_FIRST_WORDS = frozenset(m[0] for m in ACCORDING_TO)
# Words that may open a marker, with the conjunction: "وبحسب", "ووفق".
MARKER_WORDS = _FIRST_WORDS | frozenset("و" + w for w in _FIRST_WORDS)
