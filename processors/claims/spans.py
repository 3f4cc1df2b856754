"""From drafts to claims: every span mapped from display offsets to the original text
(`Normalized.to_original`), the cue without its conjunction ("وقال" → "قال"), and the
content's hedging and negation read from the words that are its own (not those of a
quotation nested in it: «وقال لي "لن ننسحب"»).
"""

from __future__ import annotations

from functools import partial

from processors.claims.flags import hedged, hedging_cue, negated
from processors.claims.lexicons import CUES, MARKER_CUES
from processors.claims.reading import Draft, FieldReading
from processors.model import Claim, Span, SpeakerReason

# Why a claim has no speaker, when no resolution step said: a passive cue has none.
_NO_SPEAKER: dict[str, SpeakerReason] = {"قيل": "passive"}


def _own(rd: FieldReading, i: int, a: int) -> bool:
    """Token i speaks for the claim whose content starts at a, i.e. it is not inside
    a quotation nested in that content: in «وقال لي "لن ننسحب"، وهذا موقف ثابت»
    the لن is the inner speaker's, not the outer claim's."""
    r = rd.t.quote[i]
    return r < 0 or rd.q[r].open < a


def _own_unquoted(rd: FieldReading, i: int, a: int) -> bool:
    """_own for a content that is not itself a quotation: a partial quotation of
    the speaker's own words is still theirs (in 'إن السوق "لم تكن تتوقع تمديدا"'
    the لم negates the content), unless another claim reports it ('إن الرئيس قال
    "لن ننسحب"'). Inside a quotation, a nested one is always another voice."""
    r = rd.t.quote[i]
    if r < 0 or rd.q[r].open < a:
        return True
    # The walk up the enclosing quotations, stopping at the first opened before a,
    # meets a reported one iff the nearest reported one on the way up (computed
    # once per region: unclosed « can nest thousands deep) opens at or after a.
    # (Parents open before their children; a stray straight quote, open = -1,
    # ends the walk.)
    above = rd.quoted_above
    if above is None:
        above = rd.quoted_above = []
        for k, q in enumerate(rd.q):
            if q.open < 0:
                above.append(-1)
            elif k in rd.quoted:
                above.append(k)
            else:
                above.append(above[q.parent] if q.parent >= 0 else -1)
    r = above[r]
    return r < 0 or rd.q[r].open < a


def _span(rd: FieldReading, start: int, end: int) -> Span:
    # Speakers and roles recur from claim to claim: map each range once.
    found = rd.spans.get((start, end))
    if found is None:
        s, e = rd.norm.to_original(start, end)
        found = rd.spans[start, end] = (s, e, rd.norm.original[s:e])
    return Span(rd.field, *found)  # type: ignore[arg-type]


def to_claim(rd: FieldReading, d: Draft) -> Claim:
    cue = None
    if d.cue_index is not None and d.cue is not None:
        i = d.cue_index
        start = rd.t.start[i]
        key = rd.t.key[i]
        # "وقال" → "قال", "وبتأكيده" → "تأكيده": the conjunction is not the cue.
        while len(key) > 2 and key[0] in "وفبل" and (CUES.get(key[1:]) or MARKER_CUES.get(key[1:])) is d.cue:
            start = rd.skip_letters(start, 1)
            key = key[1:]
        span = _span(rd, start, rd.t.end[i])
        cue = {"text": span.text, "lemma": d.cue.lemma, "field": rd.field, "start": span.start, "end": span.end}
    a, b = d.tokens
    ctype = d.content.type
    own = partial(_own, rd) if d.content.quote >= 0 else partial(_own_unquoted, rd)
    return Claim(
        field=rd.field,  # type: ignore[arg-type]
        type=ctype,  # type: ignore[arg-type]  # one of the claim types, set by the rules
        content=_span(rd, *d.display),
        cue=cue,
        speaker=_span(rd, *d.speaker) if d.speaker else None,
        speaker_role=_span(rd, *d.role) if d.role else None,
        speaker_full=d.speaker_full,
        according_to=_span(rd, *d.according) if d.according else None,
        hedged=hedged(rd.t, a, b, own) or bool(d.cue is not None and hedging_cue(d.cue.lemma)),
        negated=negated(rd.t, a, b, own) or bool(d.cue is not None and d.cue.negates),
        sentence=d.sentence,
        speaker_resolution=(d.resolution or "explicit") if d.speaker else None,
        speaker_reason=None if d.speaker else (d.reason or _NO_SPEAKER.get(d.cue.lemma if d.cue else "", "not_found")),
    )
