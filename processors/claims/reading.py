"""The state of reading one field: its tokens, quotations, cues and source markers, and
the claims drafted so far, passed explicitly to every stage of processors/claims.

Every stage reads and extends this one object rather than module globals, so that a
field is read start to end without anything left behind for the next (a title's
"أوكرانيا: ..." is the body's concern only through the article's `Names`). It also
holds the draft of a claim (`Draft`), its content (`Content`) and an according-to
source (`Source`, "وبحسب بيان للكرملين"), in display offsets and token indices.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from processors.claims.cues import find_cues
from processors.claims.lexicons import Cue
from processors.claims.speakers import SpeakerReader
from processors.claims.tokens import Quote, Tokens, find_quotes, mark_inside, tokenize
from processors.interrupt import checkpoint
from processors.model import SpeakerReason, SpeakerResolution
from processors.text.fold import MARKS
from processors.text.normalize import NormalizedText
from processors.text.sentences import split_sentences

if TYPE_CHECKING:
    from processors.claims.names import Names

# How far after the speaker the content may begin ("وقالت الوزارة في بيان نشرته على
# موقعها الرسمي مساء الخميس إن ...").
CONTENT_WINDOW = 30
# A speaker, role, source or name phrase is at most ten words, but a "word" can be a
# hundred thousand letters; a speaker is copied into every claim it is carried over to
# ("وأضاف أن ..." a thousand times), so a longer phrase is not taken as one. (The longest
# in 3,000 real articles is 88 characters.) Display characters.
MAX_PHRASE_CHARS = 200
ASKING = frozenset("؟?")


# Words after which a verb cue inside an unclosed quotation reports the quoted
# speaker's next claim ("...النادي وأضاف أن ..."), folded; also before a nested
# claim's speaker (ranges._subject_after_that).
THAT = frozenset({"ان", "بان"})
_FINAL = frozenset(".!?؟\n")


def void_misread_quotes(t: Tokens, q: list[Quote], cues: list[Cue | None], cue_tokens: list[int]) -> None:
    """A straight quotation opened by a mark shaped as a closing one ('وأضاف أن ...
    وهي من تثبت المدان بالقضية".', its opener never written) is no quotation where
    the narration resumes inside it as `end_unclosed_quotes` reads it ('... بالقضية".
    ولفت خلال حديثه لـ"سبق" أنه ...، مؤكداً أن ...، منوهاً بأن ... ولن نتردد في
    ذلك".'): both its marks are stray, and the quotations inside it are the
    narration's. (Paired with the next closing mark, it hid every cue between.) Such
    a mark glued to the word before often does open ('وقال" إنه لأمر مخجل ...".'),
    and then no cue of the narration is inside."""
    if not cue_tokens or not any(x.against for x in q):
        return
    void: set[int] = set()
    for j in cue_tokens:
        r = t.quote[j]
        cue = cues[j]
        if r >= 0 and r not in void and q[r].against and cue is not None and _resumes_narration(t, cue, j):
            void.add(r)
    if not void:
        return
    for r in void:
        x = q[r]
        t.opens[x.open] = -1
        if x.close < t.n and t.closes[x.close] == r:
            t.closes[x.close] = -1
    for r in void:
        q[r].open = q[r].close = -1
    t.quote[:] = [-1] * t.n
    mark_inside(t, q)
    for x in q:
        if x.parent in void and x.open >= 0:
            # The region around its opening mark now: not the voided one's parent,
            # which a straight quotation may have crossed and seen closed ('«... "...
            # »'), and a parent closed before its child opens sent
            # end_unclosed_quotes up a chain per region.
            x.parent = t.quote[x.open]


def end_unclosed_quotes(t: Tokens, q: list[Quote], cues: list[Cue | None], cue_tokens: list[int]) -> None:
    """An opening « or “ never closed in its paragraph ends where the narration
    takes up again, not at the paragraph's end: at a participle cue ('«الاحتفال يمثل
    ثمرة التعاون ...، لافتاً إلى أن ...'), at a verb cue that starts a sentence
    ('... المتوقعة منه. وأضاف الدلامي: ...') or و + a verb cue + أن ('... عنها
    وأضاف أن بعثة ...'). Such a quotation was typed without its closing mark: the
    speaker's own words do not report him in the third person. A cue inside a
    quotation nested in it and closed does not end it. (Before, the quotation ran to
    the paragraph's end and every claim after its cues was lost inside it.)"""
    if not cue_tokens:
        return
    # The quotations left open at a paragraph's end all close there, nested.
    groups: dict[int, list[int]] = {}
    for r, x in enumerate(q):
        if x.open >= 0 and (x.close >= t.n or t.closes[x.close] != r):
            groups.setdefault(x.close, []).append(r)
    outside: dict[int, int] = {}  # region cut → the region that held it
    for end, rs in groups.items():
        members = set(rs)
        p = 0  # rs[p:] are not cut yet
        k = bisect_right(cue_tokens, q[rs[0]].open)
        while p < len(rs) and k < len(cue_tokens) and cue_tokens[k] < end:
            j = cue_tokens[k]
            k += 1
            cue = cues[j]
            if cue is None or t.quote[j] not in members or q[rs[p]].open >= j or not _resumes_narration(t, cue, j):
                continue
            if cue.kind == "participle" and t.word[j - 1] and _starts_sentence(t, j - 1):
                j -= 1  # ('. وتابع قائلا: ...')
            close = j - 1 if not t.word[j - 1] and j - 1 > q[rs[p]].open else j
            outer = q[rs[p]].parent
            outer = outside.get(outer, outer)  # (one step: what held a run cut is never cut)
            while p < len(rs) and q[rs[p]].open < j:
                # (a mark right before the cue, '... والعالم "موضحا أن', opens
                # nothing: a region it opens ends at the cue, empty; closed before
                # its own mark it was never popped and hid the rest of the field)
                q[rs[p]].close = close if close > q[rs[p]].open else j
                outside[rs[p]] = outer
                p += 1
    if outside:
        # A quotation opened after the cue is no longer inside the ones cut there:
        # its parent is the one that held them (a step per run cut, not per region).
        for x in q:
            r = x.parent
            while r >= 0 and x.open >= 0 and q[r].close <= x.open:
                r = outside.get(r, q[r].parent)
            x.parent = r
        t.quote[:] = [-1] * t.n
        mark_inside(t, q)


def _resumes_narration(t: Tokens, cue: Cue, j: int) -> bool:
    if cue.kind == "participle":
        return True
    if cue.kind != "verb":
        return False
    if _starts_sentence(t, j):
        return True  # ('. وأضاف')
    n = j + 1
    while n < t.n and not t.word[n]:
        n += 1
    return t.text[j].startswith("و") and n < t.n and t.key[n] in THAT


def _starts_sentence(t: Tokens, j: int) -> bool:
    """Whether token j is the first word after a sentence's final mark. (Inside a
    quotation split_sentences ends no sentence, so its ends are looked at here.)"""
    s = t.sentence_start(j)
    b = j - 1
    while b >= s and not t.word[b]:
        if t.text[b] in _FINAL:
            return True
        b -= 1
    return b < s


@dataclass(slots=True)
class Content:
    type: str
    start: int = -1  # first token (unquoted content)
    quote: int = -1  # quotation region (quoted content)
    skip: int = 0  # letters of a proclitic to skip on the first token ("بوقوع")
    end: int = -1  # token where an unquoted content is known to end (before a cue)
    nominal: bool = False
    colon: bool = False  # unquoted speech after a colon ("وقال: الوضع مستقر")


@dataclass(slots=True)
class Draft:
    """A claim being read, in display offsets and token indices."""

    cue_index: int | None
    cue: Cue | None
    content: Content
    anchor: int  # first token of the claim's introduction (speaker or cue)
    sentence: int
    speaker: tuple[int, int] | None = None  # display offsets
    role: tuple[int, int] | None = None
    speaker_full: str | None = None
    according: tuple[int, int] | None = None
    tokens: tuple[int, int] = (0, 0)  # content token range, set when closed
    display: tuple[int, int] = (0, 0)
    nested: bool = False
    dropped: bool = False
    gender: str | None = None  # the speaker's, as the cue or the name shows it
    resolution: SpeakerResolution | None = None  # (Claim.speaker_resolution)
    reason: SpeakerReason | None = None  # why there is no speaker (Claim.speaker_reason)


@dataclass(slots=True)
class Source:
    marker: int
    span: tuple[int, int]  # display offsets of the source ("بيان للكرملين")
    speaker: tuple[int, int]
    role: tuple[int, int] | None
    end: int  # token after the source phrase
    sentence: int
    cue_index: int | None = None
    cue: Cue | None = None
    used: bool = False
    # "حسب تعبيره": the source is the one a pronoun refers to; its gender as the
    # pronoun shows it ("m", "f", or "" for a plural). None for a source named here.
    own: str | None = None


class FieldReading:
    def __init__(self, field: str, rank: int, norm: NormalizedText, names: Names):
        self.field = field
        self.rank = rank
        self.norm = norm
        self.text = norm.display
        self.names = names
        # (checkpoint: between the passes of a field's reading, where the time budget can
        # stop compiled code, processors/interrupt.py.)
        sentences = split_sentences(self.text)
        checkpoint()
        self.t: Tokens = tokenize(self.text, sentences)
        t = self.t
        checkpoint()
        self.q: list[Quote] = find_quotes(t, self.text)
        checkpoint()
        self.cues, self.cue_tokens, self.according, self.marker_tokens = find_cues(t)
        checkpoint()
        void_misread_quotes(t, self.q, self.cues, self.cue_tokens)
        end_unclosed_quotes(t, self.q, self.cues, self.cue_tokens)
        checkpoint()
        self.sp = SpeakerReader(t, self.q, self.cues, self.according)
        self.drafts: list[Draft] = []
        self.last_in_sentence: dict[int, Draft] = {}
        self.last_with_speaker: Draft | None = None
        self.with_speaker: list[Draft] = []  # claims with a speaker, in reading order
        self.consumed: set[int] = set()
        # Source markers in token order, also by marker and by sentence: a long field
        # has many of them, and each claim looks only at its own sentence or span.
        self.sources: list[Source] = []
        self.source_at: dict[int, Source] = {}
        self.source_markers: list[int] = []
        self.sources_in: dict[int, list[Source]] = {}
        self.source_marks_in: dict[int, list[int]] = {}
        self.source_next: dict[int, list[int]] = {}
        self.source_next_eligible: dict[int, list[int]] = {}
        self.posed_cache: dict[int, bool] = {}
        self.spans: dict[tuple[int, int], tuple[int, int, str]] = {}
        self.quoted: set[int] = set()  # quotation regions that are some claim's content
        self.quoted_above: list[int] | None = None  # see spans._own_unquoted
        self.before: dict[int, list] | None = None  # see according._claim_before
        self.clause_ends: list[int] | None = None  # see ranges._clause_end
        self.clause_verdict: list[bool | None] = []
        self.clause_next: list[int] = []
        self.comma_markers: list[int] | None = None  # see according.cut_at_source
        self.source_clauses: dict[int, list[int]] = {}  # see according._clause_opening

    def limit(self, i: int) -> int:
        """End of the sentence of token i, or the paragraph break before it."""
        return self.t.sentence_end(i)

    def keep(self, d: Draft) -> None:
        self.drafts.append(d)
        self.last_in_sentence[d.sentence] = d
        if d.speaker is not None:
            self.last_with_speaker = d
            self.with_speaker.append(d)

    def skip_letters(self, pos: int, n: int) -> int:
        """Move past n letters and the diacritics written on them ("وَالرئيس")."""
        text = self.text
        for _ in range(n):
            pos += 1
            while pos < len(text) and text[pos] in MARKS:
                pos += 1
        return pos
