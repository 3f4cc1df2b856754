"""Headline claims: in a title, a short phrase before a colon is the speaker of what
follows ("أوكرانيا: الجولة الثالثة من المفاوضات ...").

The only claim without a cue or a source marker, and only in a title, so it is read
apart, before the cues (its words are then consumed).
"""

from __future__ import annotations

from processors.claims.attribution import set_speaker
from processors.claims.lexicons import HEADLINE_LABELS
from processors.claims.reading import Content, Draft, FieldReading
from processors.claims.words import BARE, digit


def headline_claim(rd: FieldReading) -> None:
    """ "أوكرانيا: الجولة الثالثة ..." — in a title, a short phrase before a colon is
    the speaker of what follows."""
    t = rd.t
    colon = t.text.index(":") if ":" in t.text else None
    if colon is None or colon == 0 or colon + 1 >= t.n:
        return
    words = t.words_in(0, colon)
    if not 1 <= len(words) <= 6 or any(rd.cues[i] for i in range(colon)):
        return
    first = t.key[words[0]]
    if BARE[first] in HEADLINE_LABELS or first in HEADLINE_LABELS:
        return
    if any(not t.word[i] and t.opens[i] < 0 and t.closes[i] < 0 for i in range(colon)):
        return
    if any(digit(t, i) for i in words):
        return  # "كأس العالم 2018: ...": an event, not a speaker
    n = colon + 1
    if t.opens[n] >= 0 and rd.q[t.opens[n]].close >= t.n - 2:
        content = Content("headline", quote=t.opens[n])
    else:
        content = Content("headline", start=n)
    d = Draft(None, None, content, 0, t.sent[0])
    speaker, role = rd.sp.split_role(0, colon)
    set_speaker(rd, d, speaker, role)
    rd.consumed.update(range(0, colon + 1))
    rd.keep(d)
