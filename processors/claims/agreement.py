"""Verb agreement for resolving a cue with no subject of its own.

Arabic marks the subject's gender on the verb: "قالت" (she/it-feminine said), "قال"
(he said), "تقول"/"يقول". A cue with no subject ("وأوضحت أن ...", "مضيفة أن ...",
"تأكيدها") takes the speaker of an earlier claim, but only one its form agrees with:
in "...، إلا أن الشركة نفت التقارير. وقال المتحدث ... وأوضحت أن ..." the feminine
أوضحت goes back to الشركة, not to the last man named.

Only gender is used. Number is not reliable: a verb before its subject stays singular
("قال المسؤولون"), and non-human plurals take the feminine singular ("قالت المصادر").

    cue_gender(key, cue) -> "m" | "f" | None       the form of the cue token
    noun_gender(key) -> "m" | "f" | None           a speaker's head word, as a fallback
    agrees(a, b) -> bool                           unknown agrees with anything
"""

from __future__ import annotations

from processors.claims.lexicons import CUES, FIRST_PERSON_QALA, Cue
from processors.claims.words import ROLE


def _strip(key: str, cue: Cue) -> str:
    """The cue form without the conjunction or preposition written on it."""
    while len(key) > 2 and key[0] in "وفبل" and CUES.get(key[1:]) is cue:
        key = key[1:]
    return key


def cue_gender(key: str, cue: Cue | None) -> str | None:
    """The gender the cue form marks on its subject, or None (plural, dual, first
    person, or a form that does not say)."""
    if cue is None or cue.kind == "marker":
        return None
    key = _strip(key, cue)
    lemma = cue.key
    if cue.kind == "noun":
        # "تأكيدها" (her/its-f), "تأكيده" (his); a bare noun says nothing.
        if key.endswith("هما") or key.endswith("هم"):
            return None
        if key.endswith("ها"):
            return "f"
        if key.endswith("ه") and not key.endswith("يه") and key[:-1] + "ها" in CUES:
            return "m"
        return None
    if cue.kind == "participle":
        if key.endswith(("ين", "ون", "ان")):
            return None
        return "f" if key.endswith("ه") else "m"
    if key == lemma:
        return "m"  # the lemma is the third person masculine past: قال، أعلن، لفت
    if key in FIRST_PERSON_QALA:
        return None
    if key.endswith(("وا", "ون", "ان", "تا", "نا")):
        return None
    if key.endswith("ت"):
        return "f"  # قالت، أضافت، نفت، لفتت
    if key.endswith("ا") and len(key) > len(lemma):
        return None  # dual قالا
    if key[:1] == "ي":
        return "m"  # يقول، يؤكد
    if key[:1] == "ت":
        return "f"  # تقول، تؤكد (or "you": not in news narration)
    return None  # نقول، أقول


def noun_gender(key: str) -> str | None:
    """The gender of a speaker's first word when no cue showed it: a teh marbuta
    (folded ه) marks the feminine ("الوزارة", "الشركة", "المتحدثة"); a role word without
    it the masculine ("الوزير", "المتحدث")."""
    if len(key) > 3 and key.endswith("ه") and not key.endswith(("اه", "وه")):
        return "f"
    if ROLE[key] == "trigger":
        return "m"
    return None


def agrees(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


# How many different speakers back a disagreeing cue may look.
MAX_SPEAKERS_BACK = 4


# How many claims back a subjectless cue may pass over claims `skip` rules out.
MAX_SKIPPED = 8


def antecedent(speakers: list, gender: str | None, skip=None):
    """The claim whose speaker a subjectless cue takes: the latest one (`speakers` in
    reading order, each with `.speaker` and `.gender`) whose gender agrees with the
    cue's, among the last few different speakers; None if none agrees. Claims for
    which `skip` is true (a report nested in another one's content) are passed over,
    at most MAX_SKIPPED of them."""
    if not speakers:
        return None
    seen = set()
    skipped = 0
    # (An index walk, not reversed(): mypyc cannot compile reversed() over a list of Any.)
    for k in range(len(speakers) - 1, -1, -1):
        d = speakers[k]
        if skip is not None and skipped < MAX_SKIPPED and skip(d):
            skipped += 1
            continue
        if agrees(gender, d.gender):
            return d
        seen.add(d.speaker)
        if len(seen) >= MAX_SPEAKERS_BACK:
            break
    return None
