"""A noun-phrase content right after the verb, when the verb's subject is not after it.

After a verb, a definite noun is normally its subject ("نفت الوزارة ..."). But when the
subject came first ("الشركة نفت بشدة تلك المزاعم") or is a pronoun ("لكنه نفى التهم
الموجهة إليه"), the noun phrase after the verb is its object: what was denied,
announced, confirmed. Only cues whose content may be a bare noun phrase (nominal =
bare in claims_cues.tsv: نفى، أعلن، أكد، توقع ...) take one.

    pronoun_subject(t, i) -> (gender, opens) | None    "لكنه"/"إلا أنها" right before the cue
    object_start(t, j, limit) -> int | None       where the object noun phrase begins
"""

from __future__ import annotations

from processors.claims.lexicons import (
    ADJECTIVES,
    ADVERBS,
    COMPLEMENTIZERS,
    DEMONSTRATIVES,
    load_word_tuples,
)
from processors.claims.tokens import Tokens
from processors.claims.words import BARE, DEFINITE, STOP, nisba, nominal_head

# Two-word adverbials between a verb and its object, from claims_adverbs.tsv.
_ADVERB_PHRASES = frozenset(p for p in load_word_tuples("claims_adverbs.tsv") if len(p) > 1)


def pronoun_subject(t: Tokens, i: int) -> tuple[str | None, int] | None:
    """If the cue at i has a pronoun subject written on the particle before it
    ("لكنه نفى", "ولكنها أكدت", "إلا أنه نفى"): (its gender, the token where the
    clause opens); else None."""
    p = i - 1
    if p < 0 or not t.word[p] or t.sent[p] != t.sent[i]:
        return None
    key = t.key[p]
    for suf, gender in (("ها", "f"), ("ه", "m")):
        if key.endswith(suf) and key[: -len(suf)] in ("لكن", "ولكن", "فلكن"):
            return (gender, p)
        if key.endswith(suf) and key[: -len(suf)] in ("ان", "وان") and p > 0 and BARE[t.key[p - 1]] == "الا":
            return (gender, p - 1)
    return None


def object_start(t: Tokens, j: int, limit: int) -> int | None:
    """Where the object noun phrase after a verb starts: a definite noun ("التهم
    الموجهة إليه"), a demonstrative ("تلك المزاعم") or a verbal noun ("وجود خطة"),
    after at most one manner adverb ("بشدة")."""
    if j < limit and t.word[j] and BARE[t.key[j]] in ADVERBS:
        j += 1
    elif j + 2 < limit and t.word[j] and t.word[j + 1] and (BARE[t.key[j]], t.key[j + 1]) in _ADVERB_PHRASES:
        j += 2  # "نفت على الدوام أي ضلوع"
    if j >= limit or not t.word[j]:
        return None
    key = t.key[j]
    if key in COMPLEMENTIZERS or STOP[key] is not None:
        return None
    if BARE[key] in ("اي", "ما") and j + 1 < limit and t.word[j + 1]:
        return j  # "نفت أي ضلوع لها", "نفى ما تردد"
    if BARE[key] in DEMONSTRATIVES or (DEFINITE[key] and not key.startswith(("لل", "بال", "كال"))) or nominal_head(key):
        return j
    return None


_ADJECTIVES = ADJECTIVES


def may_be_adjective(t: Tokens, head: int, j: int) -> bool:
    """Whether the definite word at j may be an adjective of the word at head rather
    than a new noun phrase: a relational adjective ("الروسية"), a feminine word after a
    feminine one ("الهيئة المستقلة"), or a participle ("المتحدة", "الموجهة")."""
    key, head_key = BARE[t.key[j]], BARE[t.key[head]]
    if nisba(key) or key in _ADJECTIVES:
        return True
    if key.endswith("ه") and head_key.endswith("ه"):
        return True
    return key.startswith("الم")
