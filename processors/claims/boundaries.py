"""Where an unquoted content ends because the narration resumes.

    narrator_cut(t, a, b) -> int     b, or the token where a journalist's comment on
                                     the claim starts inside [a, b) ("، في إشارة إلى")

The comment phrases are data (claims_narrator.tsv). Their positions are found once per
field (rare second words, a C-level scan), then each content bisects them.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress, count

from processors.claims.lexicons import NARRATOR_LEADS, fold, read_rows
from processors.claims.tokens import COMMAS, Tokens

_PHRASES = tuple(tuple(fold(r[0]).split()) for r in read_rows("claims_narrator.tsv"))
_SECOND = frozenset(p[1] for p in _PHRASES if len(p) > 1)


def _starts(t: Tokens) -> list[int]:
    found = t.memo.get("narrator")
    if found is None:
        found = []
        key, word = t.key, t.word
        for i in compress(count(), map(_SECOND.__contains__, key)):
            if i == 0 or key[i - 1] != "في" or not word[i - 1]:
                continue
            s = i - 1
            if any(tuple(key[s : s + len(p)]) == p for p in _PHRASES):
                # "، وذلك في إشارة": the comment starts at وذلك, after the comma.
                if s > 0 and word[s - 1] and key[s - 1] in NARRATOR_LEADS:
                    s -= 1
                found.append(s)
        t.memo["narrator"] = found
    return found


def narrator_cut(t: Tokens, a: int, b: int) -> int:
    starts = _starts(t)
    if not starts:
        return b
    k = bisect_right(starts, a)
    if k < len(starts) and starts[k] < b:
        s = starts[k]
        # Only as a comment after the claim: after a comma, or "وذلك" (never the
        # content's own first words).
        if s > a and (t.key[s] in NARRATOR_LEADS or (not t.word[s - 1] and t.text[s - 1] in COMMAS)):
            return s
    return b


def conjunct_end(t: Tokens, a: int, b: int) -> int:
    """A noun-phrase content ends at a comma followed by و and a new clause: "وأدانت
    المنظمة الحكم، ووصفته بأنه ..." (the object was "الحكم"). A list goes on after a
    comma without و ("...، الأحد، في الأجواء")."""
    word, text, key = t.word, t.text, t.key
    for m in range(a + 1, b - 1):
        if not word[m] and text[m] in COMMAS and word[m + 1] and key[m + 1][:1] == "و" and len(key[m + 1]) > 3:
            return m
    return b
