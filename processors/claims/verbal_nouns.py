"""Claims opened by a verbal noun followed by أن: "تأكيدها على أن ...", "تأكيد الوزارة
أن ...".

A verbal noun reports only with an explicit أن, and its speaker is its owner (a pronoun
suffix pointing back, or the noun after it), so it is read apart from verbs.
"""

from __future__ import annotations

from processors.claims.attribution import set_speaker
from processors.claims.carried import carry
from processors.claims.content import content_now
from processors.claims.lexicons import Cue
from processors.claims.reading import Draft, FieldReading
from processors.claims.words import STOP, complementizer

_TIME_WORDS = 3


def noun_claim(rd: FieldReading, i: int, cue: Cue) -> Draft | None:
    """ "تأكيدها على أن ...": a verbal noun with أن after it. Its speaker is the
    owner named before it ("جددت فيه موسكو تأكيدها"), or after it ("تأكيد الوزارة
    أن"), or the previous speaker."""
    limit = rd.limit(i)
    sentence = rd.t.sent[i]
    key = rd.t.key[i]
    suffixed = any(key.endswith(s) for s in ("ه", "ها", "هم", "هما")) and not key.endswith("ة")
    content = content_now(rd, i + 1, limit, cue, nominal=False)
    if content is not None and suffixed:
        d = Draft(i, cue, content, i, sentence)
        back = rd.sp.backward(i, rd.t.sentence_start(i), after_an=True)
        if back is not None:
            d.anchor = back[0]
            set_speaker(rd, d, *rd.sp.split_role(*back))
        else:
            carry(rd, d)
        return d
    if content is not None:
        return None
    sp = rd.sp.forward(i + 1, limit, None)
    if sp.speaker is None:
        return None
    k = sp.next
    # "تصريح المدير جون ليهي الاثنين أن ...", "إعلان الوزارة أمس أن": a time word
    # between the owner and أن is the verbal noun's adjunct (a few words at most).
    while k < min(limit, sp.next + _TIME_WORDS) and rd.t.word[k] and STOP[rd.t.key[k]] == "time":
        k += 1
    content = content_now(rd, k, limit, cue, nominal=False)
    if content is not None and k > sp.next and not complementizer(rd.t, k):
        # Only before أن: "في تصريحات بثتها اليوم "..."" has no owner after the noun
        # (بثتها is a verb), and the quotation is the verb's before it.
        content = None
    if content is None:
        return None
    d = Draft(i, cue, content, i, sentence)
    set_speaker(rd, d, sp.speaker, sp.role)
    return d
