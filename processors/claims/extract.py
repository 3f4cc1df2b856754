"""Attributed claims: who said what, with which cue, in Arabic news.

    extract_claims(fields, figures) -> list[Claim]

`fields` maps "title"/"body" to `Normalized`; `figures` are the article's figures (ids
not needed). Every reported span indexes the ORIGINAL text of its field: the extractor
reads tokens of `Normalized.display` and maps each span with `to_original`.

How one claim is read (token by token, no morphological analysis):

1. A cue (processors/lexicons/claims_cues.tsv): a reporting verb in any person, tense or
   clitic form ("وقالت", "يؤكد"), a participle ("مضيفاً"), or a verbal noun followed
   by أن ("تأكيدها على أن").
2. Its speaker: the subject after the verb ("قال المتحدث ..."), before it ("الوزارة
   قد أعلنت"), the previous claim's speaker when the verb has none ("وأضاف أن"), or,
   for a participle, the speaker of the verb that governs it.
3. Its content: after إن/أن (indirect), inside quotation marks or after a colon or
   "، لقد" (direct), a noun phrase where the cue allows one ("أعلنت الوزارة تدمير
   ..."), or the quotation or clause before a post-posed cue ("«...»، قال الوزير").
   An unquoted content runs to the end of its sentence, or to the next claim that
   opens a clause of the same sentence ("...، مضيفاً أن ...").

Claims without a cue: a title "أوكرانيا: ..." (headline), and a sentence whose only
attribution is a source marker "وبحسب وزارة الصحة، ..." (according_to). A source marker
in front of a cue ("وبحسب بيان للكرملين، شدد بوتين على أن ...") is kept as the
claim's `according_to`.

A passive cue ("وقيل إن ...") reports a claim without a speaker, never carried over. A
source marker after a comma inside a claim ("وأضافت أن المخزونات تراجعت، وفقا لبيانات
إدارة معلومات الطاقة") is that claim's `according_to`.

Deliberately not claims: calls to act ("دعا", "طالب": they ask, they do not assert);
a cue in a relative clause ("ما قاله الوزير"); a cue negated by لم/لن ("ولم تؤكد
الشرطة أن ...": nothing was asserted); a cue's spelling after a preposition, which is
its verbal noun ("مع توقع أن"); "ويُذكر أن" (the journalist's note); a
cue inside someone's quotation, unless it opens a quotation of its own (a quote inside
a quote); a colon outside the title with no cue; a title without a colon or cue.

This module only runs the stages in order, over one `FieldReading` per field
(processors/claims/reading.py):

    reading.py       tokens, quotations, cues and markers (cues.py) of the field
    names.py         full names the article gives, for surnames later
    according.py     according-to sources, read before the cues
    headline.py      a title's "speaker: ..."
    verbs.py, participles.py, verbal_nouns.py
                     the claim each cue opens, with subjects.py (a subject before
                     its verb), content.py (where the content starts), carried.py
                     (speakers carried over) and attribution.py (setting a speaker)
    according.py     unused sources become claims of their own
    ranges.py        where each content ends
    spans.py         claims in original offsets, hedged and negated
    figures.py       the figures inside each content
"""

from __future__ import annotations

from typing import Mapping

from processors.claims.according import attach_source, read_sources, source_claims
from processors.claims.figures import attach_figures
from processors.claims.headline import headline_claim
from processors.claims.names import Names, remember_name
from processors.claims.participles import participle_claim
from processors.claims.ranges import MAX_CONTENT_DEPTH, close_contents
from processors.claims.reading import Draft, FieldReading
from processors.claims.spans import to_claim
from processors.claims.verbal_nouns import noun_claim
from processors.claims.verbs import verb_claim
from processors.interrupt import checkpoint
from processors.model import Claim, Field, Figure
from processors.text.normalize import NormalizedText

__all__ = ["FIELD_ORDER", "MAX_CONTENT_DEPTH", "extract_claims"]

FIELD_ORDER: tuple[Field, ...] = ("title", "body")


def extract_claims(fields: Mapping[Field, NormalizedText], figures: list[Figure]) -> list[Claim]:
    names = Names()  # full names seen, by their last word
    claims: list[Claim] = []
    for rank, name in enumerate(FIELD_ORDER):
        norm = fields.get(name)
        if norm is None or not norm.display.strip():
            continue
        claims.extend(_read_field(FieldReading(name, rank, norm, names)))
    attach_figures(claims, figures)
    return claims


def _read_field(rd: FieldReading) -> list[Claim]:
    for a, b in rd.sp.names():
        checkpoint()
        remember_name(rd, a, b)
    checkpoint()
    read_sources(rd)
    if rd.field == "title":
        headline_claim(rd)
    for i in rd.cue_tokens:
        checkpoint()  # (the time budget can stop a compiled loop here: processors/interrupt.py)
        if i in rd.consumed:
            continue
        cue = rd.cues[i]
        if cue is None:  # (cue_tokens are the tokens with a cue)
            continue
        if cue.kind == "verb":
            draft = verb_claim(rd, i, cue)
        elif cue.kind == "participle":
            draft = participle_claim(rd, i, cue)
        else:
            draft = noun_claim(rd, i, cue)
        if draft is not None:
            _admit(rd, draft)
    checkpoint()
    source_claims(rd)
    checkpoint()
    close_contents(rd)
    claims = []
    for d in sorted(rd.drafts, key=lambda d: (d.display[0], d.anchor)):
        checkpoint()
        if not d.dropped:
            claims.append(to_claim(rd, d))
    return claims


def _admit(rd: FieldReading, d: Draft) -> None:
    if d.cue_index is not None:
        # The words between the cue and its content belong to this claim; a noun
        # cue among them ("قال الوزير في تصريحات صحفية إن") starts no second claim.
        start = d.content.start if d.content.quote < 0 else rd.q[d.content.quote].open
        # (Cues are read in text order, so only the words after this cue can still
        # be skipped: a content before its cue, "«...»، قال الوزير", marks nothing,
        # rather than its whole sentence once per claim.)
        rd.consumed.update(range(d.cue_index, start))
    # A cue inside a quotation reports a claim only when it opens a quotation of its
    # own (a quote inside a quote): «قال لي "لن ننسحب"».
    anchor_q = rd.t.quote[d.anchor]
    if anchor_q >= 0 and rd.q[anchor_q].words >= 3:
        inner = d.content.quote
        if inner < 0 or not _inside(rd, inner, anchor_q):
            return
    if d.according is None:
        attach_source(rd, d)
    rd.keep(d)


def _inside(rd: FieldReading, r: int, outer: int) -> bool:
    # A parent opens before its child, so once the chain reaches a region opened
    # before `outer` it cannot meet it: the walk is as long as the nesting between
    # the two, not the whole depth (thousands of unclosed «).
    q = rd.q
    top = q[outer].open
    while r >= 0:
        r = q[r].parent
        if r == outer:
            return True
        if r >= 0 and 0 <= q[r].open < top:
            return False
    return False
