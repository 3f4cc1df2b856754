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
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress, count
from typing import Callable, Mapping

from processors.claims.agreement import agrees, antecedent, cue_gender, noun_gender
from processors.claims.boundaries import conjunct_end, narrator_cut
from processors.claims.cues import MARKER_WORDS, according_at, cue_at, impersonal, subject_relative
from processors.claims.flags import hedged, hedging_cue, negated
from processors.claims.lexicons import (
    CARRYOVER,
    COMPLEMENTIZERS,
    HEADLINE_LABELS,
    MARKER_CUES,
    SPEAKER_STOPS,
    Cue,
    fold,
)
from processors.claims.objects import may_be_adjective, object_start, pronoun_subject
from processors.claims.speakers import SpeakerReader
from processors.claims.tokens import CLAUSE_PUNCT, COMMAS, Quote, Tokens, find_quotes, tokenize
from processors.claims.words import (
    BARE,
    DEFINITE,
    STOP,
    complementizer,
    digit,
    nominal_head,
    participle,
    role,
    stop_kind,
)
from processors.model import Claim, Field, Figure, Span
from processors.text.fold import MARKS
from processors.text.normalize import Normalized
from processors.text.sentences import split_sentences

FIELD_ORDER: tuple[Field, ...] = ("title", "body")
# How far after the speaker the content may begin ("وقالت الوزارة في بيان نشرته على
# موقعها الرسمي مساء الخميس إن ...").
CONTENT_WINDOW = 30
# How many claim contents may cover one token (see _FieldReader._bound_depth): the
# contents of a field add up to at most this many times its length.
MAX_CONTENT_DEPTH = 3
# A speaker, role, source or name phrase is at most ten words, but a "word" can be a
# hundred thousand letters; a speaker is copied into every claim it is carried over to
# ("وأضاف أن ..." a thousand times), so a longer phrase is not taken as one. (The longest
# in 3,000 real articles is 88 characters.) Display characters.
MAX_PHRASE_CHARS = 200
_TIME_PHRASES = frozenset({("في", "وقت", "سابق"), ("في", "وقت", "لاحق"), ("في", "وقت", "متاخر")})
# كان in the forms that open "كان + subject + قد + verb" (folded, without و/ف).
_KANA = frozenset({"كان", "كانت", "كانوا", "كانا", "كانتا"})


def _plain_circumstance(key: str) -> bool:
    """An occasion noun without a pronoun suffix: "بيان", "البيان", "تصريح"."""
    key = BARE[key]
    if key.startswith("ال"):
        key = key[2:]
    return SPEAKER_STOPS.get(key) == "circumstance"


_ASKING = frozenset("؟?")


@dataclass(slots=True)
class _Content:
    type: str
    start: int = -1  # first token (unquoted content)
    quote: int = -1  # quotation region (quoted content)
    skip: int = 0  # letters of a proclitic to skip on the first token ("بوقوع")
    end: int = -1  # token where an unquoted content is known to end (before a cue)
    nominal: bool = False


@dataclass(slots=True)
class _Draft:
    """A claim being read, in display offsets and token indices."""

    cue_index: int | None
    cue: Cue | None
    content: _Content
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
    resolution: str | None = None  # explicit | carried | pronoun (Claim.speaker_resolution)
    reason: str | None = None  # why there is no speaker (Claim.speaker_reason)


@dataclass(slots=True)
class _Name:
    order: tuple[int, int]  # (field rank, display offset) for "seen earlier"
    last: str  # folded last word
    words: int
    norm: Normalized
    end: int  # display offset where the name ends

    @property
    def text(self) -> str:
        """The original text, mapped only when a surname is linked to the name (most
        names found are never needed)."""
        s, e = self.norm.to_original(self.order[1], self.end)
        return self.norm.original[s:e]


@dataclass(slots=True)
class _Source:
    marker: int
    span: tuple[int, int]  # display offsets of the source ("بيان للكرملين")
    speaker: tuple[int, int]
    role: tuple[int, int] | None
    end: int  # token after the source phrase
    sentence: int
    cue_index: int | None = None
    cue: Cue | None = None
    used: bool = False


class _Names:
    """Full names seen in an article, by their last word, in text order: a surname
    finds the last full name before it by bisection, not by looking at every name with
    that surname (an article naming the same family a thousand times)."""

    __slots__ = ("keys", "names", "seq")

    def __init__(self) -> None:
        self.keys: dict[str, list[tuple[tuple[int, int], int]]] = {}
        self.names: dict[str, list[_Name]] = {}
        self.seq = 0

    def add(self, name: _Name) -> None:
        keys = self.keys.setdefault(name.last, [])
        names = self.names.setdefault(name.last, [])
        key = (name.order, self.seq)
        self.seq += 1
        k = bisect_right(keys, key)
        keys.insert(k, key)
        names.insert(k, name)

    def before(self, last: str, here: tuple[int, int]) -> _Name | None:
        """The name with this last word seen last before `here` (of several at the same
        place, the first remembered)."""
        keys = self.keys.get(last)
        if not keys:
            return None
        k = bisect_left(keys, (here,))
        if k == 0:
            return None
        order = keys[k - 1][0]
        return self.names[last][bisect_left(keys, (order,), 0, k)]


def extract_claims(fields: Mapping[Field, Normalized], figures: list[Figure]) -> list[Claim]:
    names = _Names()  # full names seen, by their last word
    claims: list[Claim] = []
    for rank, name in enumerate(FIELD_ORDER):
        norm = fields.get(name)
        if norm is None or not norm.display.strip():
            continue
        claims.extend(_FieldReader(name, rank, norm, names).read())
    _attach_figures(claims, figures)
    return claims


def _attach_figures(claims: list[Claim], figures: list[Figure]) -> None:
    """Each claim lists the figures inside its content, in the order of `figures`.
    Figures are sorted by start once per field and each content bisects them, rather
    than every claim scanning every figure. (A figure's start is at or before its
    end, so one inside [c.start, c.end] starts at or before c.end.)"""
    by_field: dict[str, list[tuple[int, int]]] = {}
    for k, f in enumerate(figures):
        by_field.setdefault(f.field, []).append((f.start, k))
    starts: dict[str, list[int]] = {}
    for name, field_rows in by_field.items():
        field_rows.sort()
        starts[name] = [s for s, _ in field_rows]
    for claim in claims:
        rows = by_field.get(claim.field)
        if not rows:
            claim.figures = []
            continue
        c = claim.content
        field_starts = starts[claim.field]
        lo = bisect_left(field_starts, c.start)
        hi = bisect_right(field_starts, c.end, lo)
        inside = sorted(k for _, k in rows[lo:hi] if figures[k].end <= c.end)
        claim.figures = [figures[k] for k in inside]


class _FieldReader:
    def __init__(self, field: str, rank: int, norm: Normalized, names: _Names):
        self.field = field
        self.rank = rank
        self.norm = norm
        self.text = norm.display
        self.names = names
        sentences = split_sentences(self.text)
        self.t: Tokens = tokenize(self.text, sentences)
        t = self.t
        self.q: list[Quote] = find_quotes(t, self.text)
        n = t.n
        # Most words are neither a cue nor a source marker: one C-level scan of the
        # keys finds the few that may be, and only those are looked at in context.
        self.cues: list[Cue | None] = [None] * n
        self.cue_tokens: list[int] = []
        self.according: list[tuple[int, bool] | None] = [None] * n
        self.marker_tokens: list[int] = []
        for i in compress(count(), map(_CANDIDATE_KEYS.__contains__, t.key)):
            key = t.key[i]
            if key in _CUE_KEYS:
                cue = self.cues[i] = cue_at(t, i)
                if cue is not None:
                    self.cue_tokens.append(i)
            if key in MARKER_WORDS:
                acc = self.according[i] = according_at(t, i)
                if acc is not None:
                    self.marker_tokens.append(i)
        self.sp = SpeakerReader(t, self.q, self.cues, self.according)
        self.drafts: list[_Draft] = []
        self.last_in_sentence: dict[int, _Draft] = {}
        self.last_with_speaker: _Draft | None = None
        self.with_speaker: list[_Draft] = []  # claims with a speaker, in reading order
        self.consumed: set[int] = set()
        # Source markers in token order, also by marker and by sentence: a long field
        # has many of them, and each claim looks only at its own sentence or span.
        self.sources: list[_Source] = []
        self.source_at: dict[int, _Source] = {}
        self.source_markers: list[int] = []
        self.sources_in: dict[int, list[_Source]] = {}
        self.source_marks_in: dict[int, list[int]] = {}
        self.source_next: dict[int, list[int]] = {}
        self.source_next_eligible: dict[int, list[int]] = {}
        self.posed_cache: dict[int, bool] = {}
        self.spans: dict[tuple[int, int], tuple[int, int, str]] = {}
        self.quoted: set[int] = set()  # quotation regions that are some claim's content
        self._quoted_above: list[int] | None = None  # see _own_unquoted
        self._before: dict[int, list] | None = None  # see _claim_before
        self._clause_ends: list[int] | None = None  # see _clause_end
        self._clause_verdict: list[bool | None] = []
        self._clause_next: list[int] = []
        self._comma_markers: list[int] | None = None  # see _cut_at_source

    # ------------------------------------------------------------------- reading
    def read(self) -> list[Claim]:
        for a, b in self.sp.names():
            self._remember_name(a, b)
        self._read_sources()
        if self.field == "title":
            self._headline()
        for i in self.cue_tokens:
            if i in self.consumed:
                continue
            cue = self.cues[i]
            if cue is None:  # (cue_tokens are the tokens with a cue)
                continue
            if cue.kind == "verb":
                draft = self._verb(i, cue)
            elif cue.kind == "participle":
                draft = self._participle(i, cue)
            else:
                draft = self._noun(i, cue)
            if draft is not None:
                self._admit(draft)
        self._source_claims()
        self._close_contents()
        return [self._claim(d) for d in sorted(self.drafts, key=lambda d: (d.display[0], d.anchor)) if not d.dropped]

    def _limit(self, i: int) -> int:
        """End of the sentence of token i, or the paragraph break before it."""
        return self.t.sentence_end(i)

    def _admit(self, d: _Draft) -> None:
        if d.cue_index is not None:
            # The words between the cue and its content belong to this claim; a noun
            # cue among them ("قال الوزير في تصريحات صحفية إن") starts no second claim.
            start = d.content.start if d.content.quote < 0 else self.q[d.content.quote].open
            # (Cues are read in text order, so only the words after this cue can still
            # be skipped: a content before its cue, "«...»، قال الوزير", marks nothing,
            # rather than its whole sentence once per claim.)
            self.consumed.update(range(d.cue_index, start))
        # A cue inside a quotation reports a claim only when it opens a quotation of its
        # own (a quote inside a quote): «قال لي "لن ننسحب"».
        anchor_q = self.t.quote[d.anchor]
        if anchor_q >= 0 and self.q[anchor_q].words >= 3:
            inner = d.content.quote
            if inner < 0 or not self._inside(inner, anchor_q):
                return
        if d.according is None:
            self._attach_source(d)
        self._keep(d)

    def _keep(self, d: _Draft) -> None:
        self.drafts.append(d)
        self.last_in_sentence[d.sentence] = d
        if d.speaker is not None:
            self.last_with_speaker = d
            self.with_speaker.append(d)

    def _inside(self, r: int, outer: int) -> bool:
        # A parent opens before its child, so once the chain reaches a region opened
        # before `outer` it cannot meet it: the walk is as long as the nesting between
        # the two, not the whole depth (thousands of unclosed «).
        q = self.q
        top = q[outer].open
        while r >= 0:
            r = q[r].parent
            if r == outer:
                return True
            if r >= 0 and 0 <= q[r].open < top:
                return False
        return False

    # -------------------------------------------------------------------- cues
    def _verb(self, i: int, cue: Cue) -> _Draft | None:
        t = self.t
        limit = self._limit(i)
        j = i + 1
        j = self._skip_saying(j, limit)
        if impersonal(t.key[i]) and self.sp.forward(j, limit, cue).speaker is None:
            return None  # "إن الضحية يعتقد أنه توفي": it is believed (a hedge)
        content = self._content_now(j, limit, cue)
        sentence = t.sent[i]
        if content is not None and content.nominal and content.start == j:
            # "وتوقع تقرير لوكالة تصنيف دولية أن ...": a verbal noun right after the
            # verb is its subject when an explicit content follows.
            sp = self.sp.forward(j, limit, None)
            if sp.speaker is not None:
                later = self._find_content(sp.next, limit, cue)
                if later is not None and not later.nominal:
                    content = None
        if content is not None:
            d = _Draft(i, cue, content, i, sentence)
            self._subject_before(d, i, cue)
            return d
        obj = self._object_after_subject(i, j, limit, cue)
        if obj is not None:
            return obj
        pre = self._subject_before_qad(i)
        if pre is not None:
            # "وكانت البلاد قد أعلنت خلوها من شلل الأطفال عام 2006": the subject came
            # before قد, so what follows the verb is its content, not its subject.
            content = self._find_content(j, limit, cue)
            if content is None:
                return None
            d = _Draft(i, cue, content, pre[0], sentence)
            self._set_speaker(d, *self.sp.split_role(*pre))
            return d
        sp = self.sp.forward(j, limit, cue)
        if sp.speaker is None:
            # "وزارة الخارجية أكدت في بيان أن", "الرئيس أكد له أن", "وأكد في بيان أن":
            # no subject after the verb, an adjunct before the content.
            content = self._find_content(sp.next, limit, cue)
            if content is None:
                return None
            d = _Draft(i, cue, content, i, sentence)
            self._subject_before(d, i, cue)
            return d
        k = self._skip_saying(sp.next, limit)
        content = self._find_content(k, limit, cue)
        if cue.lemma in _RELAY_LEMMAS:
            return self._relay(i, cue, sp, content, sentence) if content is not None else None
        if (
            content is not None
            and content.quote < 0
            and cue.nominal == "bare"
            and self._punct_between(sp.next, content.start)
        ):
            # "وأدانت المنظمة الحكم، ووصفته بأنه ...": the verb has its object; the أن
            # after the comma is another clause's.
            split = self._object_in_subject(sp.phrase, limit, cue)
            if split is not None:
                content = None
        if content is None:
            split = self._object_in_subject(sp.phrase, limit, cue)
            if split is not None:
                d = _Draft(i, cue, split[1], i, sentence)
                self._set_speaker(d, *self.sp.split_role(*split[0]))
                return d
            content = self._preposed(i, sp.next, limit)
            if content is None:
                return None
        d = _Draft(i, cue, content, i, sentence)
        self._set_speaker(d, sp.speaker, sp.role)
        return d

    def _object_after_subject(self, i: int, j: int, limit: int, cue: Cue) -> _Draft | None:
        """ "الشركة نفت بشدة تلك المزاعم", "لكنه نفى التهم الموجهة إليه": with the
        subject before the verb or a pronoun, the noun phrase after the verb is its
        content, not its subject (claims_objects)."""
        if cue.nominal != "bare":
            return None
        t = self.t
        pron = pronoun_subject(t, i)
        back = None
        if pron is None:
            if t.key[i][0] in "وف" and t.key[i][1:] in _CUE_KEYS:
                return None
            back = self.sp.backward(i, t.sentence_start(i))
            if back is None:
                return None
        k = object_start(t, j, limit)
        if k is None:
            return None
        d = _Draft(i, cue, _Content("indirect", start=k, nominal=True), i, t.sent[i])
        if back is not None:
            d.anchor = back[0]
            self._set_speaker(d, *self.sp.split_role(*back))
        else:
            assert pron is not None  # (one of the two was found)
            d.anchor = pron[1]  # "، إلا أنها نفت ...": a clause of its own
            self._pronoun(d, pron[0])
        return d

    def _object_in_subject(
        self, phrase: tuple[int, int] | None, limit: int, cue: Cue
    ) -> tuple[tuple[int, int], _Content] | None:
        """ "نفت الوزارة الاتهامات الموجهة إليها": the phrase after the verb holds the
        subject and the object; after a definite subject only an adjective goes on, so
        "الاتهامات" starts the content. A speaker is never the cue's object."""
        if cue.nominal != "bare" or phrase is None:
            return None
        a, b = self.sp.subject_only(*phrase)
        if nominal_head(self.t.key[a]):
            return None  # "وتوقع إلقاء اللوم على موسكو": إلقاء opens the content
        t = self.t
        while b < phrase[1] and t.word[b] and (t.key[b].startswith("لل") or may_be_adjective(t, b - 1, b)):
            b += 1  # "الأمين العام للجامعة العربية": a genitive with لل and its adjectives
        if b >= phrase[1] or object_start(self.t, b, limit) != b or may_be_adjective(self.t, b - 1, b):
            return None
        n = b + 1
        if n < phrase[1] and t.word[n] and not DEFINITE[t.key[n]] and stop_kind(t, n) is None:
            return None  # "النائب العام الشيخ سعود المعجب": a title before a name, not an object
        return (a, b), _Content("indirect", start=b, nominal=True)

    def _relay(self, i: int, cue: Cue, sp, content: _Content, sentence: int) -> _Draft | None:
        """ "ونقلت وكالة رويترز عن مسؤول أمني أن ...": the speaker is the one after عن;
        the relay is the claim's according_to. No عن, no claim (نقل is also "moved")."""
        t = self.t
        k = sp.next
        start = content.start if content.quote < 0 else self.q[content.quote].open
        if not (k < start and t.word[k] and BARE[t.key[k]] == "عن"):
            return None
        src = self.sp.forward(k + 1, start, None)
        if src.speaker is None:
            return None
        d = _Draft(i, cue, content, i, sentence)
        for m in range(src.next, start):
            noun = self.cues[m]
            if noun is not None and noun.kind == "noun":
                d.cue_index, d.cue = m, noun  # "عن الرئيس قوله إن": the cue is قوله
                break
        self._set_speaker(d, src.speaker, src.role)
        d.according = self._speaker_offsets(*sp.phrase)
        return d

    def _antecedent_np(self, comma: int) -> tuple[int, int] | None:
        """The noun phrase right before "، التي"/"، الذي", read leftwards: a name
        (up to three bare words), definite words chained to a definite word on their
        right ("الأنباء القطرية"), a construct head before a definite word ("وكالة
        الأنباء"), role words. It stops before a definite word followed by a bare one:
        in "التقى الوزير رئيس البعثة، الذي أكد" the antecedent is "رئيس البعثة"."""
        t = self.t
        first = t.sentence_start(comma)
        k = comma - 1
        right = None  # the accepted word on the right
        names = 0
        while k >= first and comma - k <= MAX_ANTECEDENT_WORDS:
            if not t.word[k] or self.cues[k] is not None or self.according[k] is not None:
                break
            key = t.key[k]
            if key in COMPLEMENTIZERS or stop_kind(t, k) is not None or _object_cue(key) is not None:
                break
            if DEFINITE[key]:
                if right is not None and not DEFINITE[t.key[right]]:
                    break
            elif role(t, k) == "trigger":
                pass
            elif right is not None and DEFINITE[t.key[right]]:
                pass  # a construct head: "وكالة الأنباء"
            elif names == comma - 1 - k and names < MAX_NAME_WORDS:
                names += 1  # the name's words, from its end
            else:
                break
            right = k
            k -= 1
        if right is None:
            return None
        return right, comma

    def _punct_between(self, a: int, b: int) -> bool:
        t = self.t
        return any(not t.word[m] and t.text[m] in CLAUSE_PUNCT for m in range(a, min(b, a + CONTENT_WINDOW)))

    def _pronoun(self, d: _Draft, gender: str | None) -> None:
        """A pronoun subject ("لكنه", "إلا أنها"): the speaker of the claim just
        before, in this sentence or the one before, if it agrees; else none."""
        last = self.drafts[-1] if self.drafts else None
        if (
            last is not None
            and last.speaker is not None
            and last.sentence >= d.sentence - 1
            and agrees(gender, last.gender)
        ):
            self._copy_speaker(d, last)
            d.resolution = "pronoun"
        else:
            d.reason = "unresolved_pronoun"

    def _subject_before_qad(self, i: int) -> tuple[int, int] | None:
        """The subject of "كان + subject + قد + verb": "وكانت البلاد قد أعلنت",
        "وكان رئيس الوزراء العراقي محمد شياع السوداني قد أكد", also with an adjunct
        between the subject and قد ("وكانت الوزارة، في بيان سابق، قد أعلنت")."""
        t = self.t
        if i == 0 or not t.word[i - 1] or BARE[t.key[i - 1]] != "قد":
            return None
        first = t.sentence_start(i)
        back = self.sp.backward(i, first)
        if back is not None:
            return back
        k = first
        if not (k < i - 1 and t.word[k] and BARE[t.key[k]] in _KANA):
            return None
        sp = self.sp.forward(k + 1, i - 1, None)
        return sp.phrase

    def _subject_before(self, d: _Draft, i: int, cue: Cue) -> None:
        """No subject after the verb: it is before it ("الوزير قال إن"), or, for a verb
        that opens its clause with و ("وأضاف أن"), the previous claim's speaker."""
        t = self.t
        conj = t.key[i][0] in "وف" and t.key[i][1:] in _CUE_KEYS
        back = None if conj else self.sp.backward(i, t.sentence_start(i))
        if back is None and not conj:
            back = self.sp.interrupted(i, t.sentence_start(i))
        if back is None and subject_relative(t, i):
            back = self._antecedent_np(i - 2)  # "الوكالة، التي أشارت"
        if back is None and not conj:
            back = self._subject_before_qad(i)
        if back is not None:
            d.anchor = back[0]
            self._set_speaker(d, *self.sp.split_role(*back))
        elif (pron := pronoun_subject(t, i)) is not None:
            self._pronoun(d, pron[0])
        elif fold(cue.lemma) in CARRYOVER:
            self._carry(d)

    def _participle(self, i: int, cue: Cue) -> _Draft | None:
        """ "مضيفاً أننا لم نحصل": the speaker is that of the verb the participle
        depends on, the last claim of the sentence, else the sentence's subject."""
        limit = self._limit(i)
        content = self._content_now(self._skip_saying(i + 1, limit), limit, cue)
        if content is None:
            return None
        t = self.t
        sentence = t.sent[i]
        d = _Draft(i, cue, content, i, sentence)
        governing = self.last_in_sentence.get(sentence)
        if governing is not None and governing.anchor < i and governing.speaker:
            self._copy_speaker(d, governing)
            return d
        first = t.sentence_start(i)
        head = t.key[first]
        if t.word[first] and first < i and stop_kind(t, first) is None and not DEFINITE[head] and not digit(t, first):
            # "وتحدث الوزير عن الأزمة، مشيرا إلى أن ...": the subject of the sentence's verb.
            sp = self.sp.forward(first + 1, i, None)
            if sp.speaker is not None and sp.phrase is not None:
                a, b = self.sp.subject_only(*sp.phrase)
                self._set_speaker(d, *self.sp.split_role(a, b))
                return d
        # "بدوره، ذكر رئيس اللجنة ... حاجة المحافظة، مضيفا أن": past an opener and
        # its comma, the subject of the verb that opens the clause.
        k = first + 1
        while k < min(i, first + 3) and t.word[k]:
            k += 1
        if k < i and not t.word[k] and t.text[k] in COMMAS and self._verb_subject(d, k + 1, i):
            return d
        back = self.sp.backward(i, first) if first < i else None
        if back is not None and back[0] == first:
            # "الوزير محذرا: ...", "الرئيس مؤكدا أن ...": the phrase before the
            # participle, alone in its clause, is who speaks.
            self._set_speaker(d, *self.sp.split_role(*back))
            d.anchor = first
            return d
        self._carry(d)
        return d

    def _noun(self, i: int, cue: Cue) -> _Draft | None:
        """ "تأكيدها على أن ...": a verbal noun with أن after it. Its speaker is the
        owner named before it ("جددت فيه موسكو تأكيدها"), or after it ("تأكيد الوزارة
        أن"), or the previous speaker."""
        limit = self._limit(i)
        sentence = self.t.sent[i]
        key = self.t.key[i]
        suffixed = any(key.endswith(s) for s in ("ه", "ها", "هم", "هما")) and not key.endswith("ة")
        content = self._content_now(i + 1, limit, cue, nominal=False)
        if content is not None and suffixed:
            d = _Draft(i, cue, content, i, sentence)
            back = self.sp.backward(i, self.t.sentence_start(i), after_an=True)
            if back is not None:
                d.anchor = back[0]
                self._set_speaker(d, *self.sp.split_role(*back))
            else:
                self._carry(d)
            return d
        if content is not None:
            return None
        sp = self.sp.forward(i + 1, limit, None)
        if sp.speaker is None:
            return None
        content = self._content_now(sp.next, limit, cue, nominal=False)
        if content is None:
            return None
        d = _Draft(i, cue, content, i, sentence)
        self._set_speaker(d, sp.speaker, sp.role)
        return d

    def _skip_saying(self, j: int, limit: int) -> int:
        """ "وأردف قائلا: ..." — a participle of saying right after a cue only
        introduces the content; it is not a second claim."""
        saying = self.cues[j] if j < limit else None
        if saying is not None and saying.kind == "participle" and saying.lemma == "قال":
            self.consumed.add(j)
            return j + 1
        if j < limit and stop_kind(self.t, j) == "saying":
            return j + 1  # "لافتا الانتباه إلى أن", "وتابع بالقول إن"
        return j

    # ----------------------------------------------------------------- contents
    def _quote_is_speech(self, r: int, after_intro: bool) -> bool:
        q = self.q[r]
        if self.sp.label_quote(r):
            return False
        return q.words >= 3 or (after_intro and q.words >= 1)

    def _content_now(self, k: int, limit: int, cue: Cue, nominal: bool = True) -> _Content | None:
        """A content that starts right at token k (no subject in between)."""
        t = self.t
        if k >= limit:
            return None
        if not t.word[k]:
            opens = t.opens[k]
            if opens >= 0 and self._quote_is_speech(opens, True):
                return _Content("direct", quote=opens)
            if t.text[k] == ":":
                return self._after_colon(k, limit)
            return None
        if BARE[t.key[k]] in cue.preps and k + 1 < limit and complementizer(t, k + 1):
            return self._after_complementizer(k + 1, limit)  # "أشار إلى أن"
        if cue.nominal == "no" and BARE[t.key[k]] in cue.preps and k + 2 < limit and t.word[k + 1]:
            # A stance noun between the preposition and أن: "معربا عن ثقته بأن ...",
            # "أعرب عن أمله في أن ...".
            n = k + 2
            if t.word[n] and BARE[t.key[n]] in cue.preps and n + 1 < limit:
                n += 1
            if complementizer(t, n):
                return self._after_complementizer(n, limit)
        if complementizer(t, k):
            return self._after_complementizer(k, limit)
        if nominal and cue.nominal != "no":
            return self._nominal_at(k, limit, cue, True)
        return None

    def _after_complementizer(self, k: int, limit: int) -> _Content | None:
        n = k + 1
        if n >= self.t.n:
            return None
        opens = self.t.opens[n]
        if opens >= 0 and self.q[opens].words >= 1:
            return _Content("direct", quote=opens)  # على أن "مهام ..."
        if n >= limit:
            return None
        return _Content("indirect", start=n)

    def _after_colon(self, k: int, limit: int) -> _Content | None:
        n = k + 1
        if n < self.t.n and self.t.opens[n] >= 0 and self.q[self.t.opens[n]].words >= 1:
            return _Content("direct", quote=self.t.opens[n])
        if n >= limit:
            return None
        return _Content("direct", start=n)

    def _nominal_at(self, m: int, limit: int, cue: Cue, first: bool) -> _Content | None:
        t = self.t
        key = t.key[m]
        if BARE[key] in cue.preps and m + 1 < limit and t.word[m + 1] and not complementizer(t, m + 1):
            if stop_kind(t, m + 1) is None:
                return _Content("indirect", start=m + 1, nominal=True)  # "كشف عن ارتفاع"
        if "ب" in cue.preps and key.startswith("ب") and nominal_head(key[1:]):
            return _Content("indirect", start=m, skip=1, nominal=True)  # "أفادت ... بوقوع"
        if (
            cue.nominal == "bare"
            and BARE[key] in ("ما", "اي")
            and m + 1 < limit
            and t.word[m + 1]
            and not (key == "اي" and m > 0 and t.text[m - 1] in COMMAS)
        ):
            # (After a comma, أي is "that is": "أعلنت الهيئة النتائج ...، أي أقل بـ13
            # مقعدا من الأغلبية" explains a number, it is not "any".)
            return _Content("indirect", start=m, nominal=True)  # "نفى ما تردد", "نفت أي نية"
        if cue.nominal == "bare" and (digit(t, m) or (not DEFINITE[key] and nominal_head(key))):
            return _Content("indirect", start=m, nominal=True)  # "أعلنت الوزارة تدمير"
        return None

    def _find_content(self, k: int, limit: int, cue: Cue) -> _Content | None:
        """The content after the speaker, past adjuncts of time, place and occasion
        ("في كلمته خلال الاجتماع، لقد ...", "صباح الخميس، ثامن أيام العمليات، تدمير")."""
        t = self.t
        nominal: _Content | None = None
        end = min(limit, k + CONTENT_WINDOW)
        m = k
        while m < end:
            if not t.word[m]:
                opens = t.opens[m]
                if opens >= 0 and nominal is not None:
                    return nominal  # 'ونفت الهيئة وجود "أي تجاوزات جوهرية"': one phrase
                if opens >= 0 and self._quote_is_speech(opens, m == k):
                    return _Content("direct", quote=opens)
                mark = t.text[m]
                if nominal is not None and mark in CLAUSE_PUNCT and not (m + 1 < limit and complementizer(t, m + 1)):
                    # "ونفى الراشدي ما نقلته وسائل إعلام عن ...، واصفا الأنباء بأنها
                    # ...", "حذرت الهيئة من موجة حر، مع توقع أن ...": the noun phrase
                    # was the content; an أن further on belongs to another clause. (An
                    # أن right after the comma closes an adjunct: "أكد، في كلمة أمام
                    # أنصاره، أن ...".)
                    return nominal
                if mark == ":":
                    return self._after_colon(m, limit)
                if mark in COMMAS and m + 1 < limit and BARE[t.key[m + 1]] == "لقد":
                    return _Content("direct", start=m + 1)  # "...، لقد اتفقنا"
                m += 1
                continue
            if complementizer(t, m):
                if m > k and t.word[m - 1] and stop_kind(t, m - 1) == "prep" and BARE[t.key[m - 1]] not in cue.preps:
                    # "بعد أن", "قبل أن", "منذ أن": conjunctions of time, not "that".
                    m += 1
                    continue
                return self._after_complementizer(m, limit)
            other = self.cues[m]
            if other is not None:
                if m == k and cue.nominal == "bare" and other.kind == "noun":
                    # "ونفت الحكومة مزاعم المعارضة بأن ...": the reported claim is the
                    # denied content; مزاعم is read as a claim of its own too.
                    return _Content("indirect", start=m, nominal=True)
                if other.kind == "noun":
                    m += 1  # "قال الوزير في تصريح لوكالة ... إن": the occasion, not a claim
                    continue
                if m + 1 < limit and self._skip_saying(m, limit) == m + 1 and self.cues[m] is not None:
                    m += 1  # "وتابع زوكربيرغ حديثه قائلا: ...": قائلا only introduces it
                    continue
                break  # another cue: the next claim
            if self.according[m] is not None:
                m = self._skip_source(m)
                continue
            if nominal is None and cue.nominal != "no" and self._may_open(m, k):
                nominal = self._nominal_at(m, limit, cue, m == k)
            m += 1
        return nominal

    def _may_open(self, m: int, k: int) -> bool:
        """A noun-phrase content starts right after the speaker, after a comma, or
        after a time word; not inside an adjunct ("في بيان صادر عن مكتبه")."""
        if m == k:
            return True
        t = self.t
        if m - 3 >= k and tuple(t.key[m - 3 : m]) in _TIME_PHRASES:
            return True  # "أعلنت ... في وقت سابق اعتقال 20 شخصا"
        if (not t.word[m - 1] and t.text[m - 1] in CLAUSE_PUNCT) or stop_kind(t, m - 1) == "time":
            return True
        # After the occasion of speaking, with at most one adjective: "ونفت الوزارة في
        # بيان منفصل صحة ما يتداول", "وأعلن الجيش في بيان تدمير ...".
        for p in (m - 1, m - 2):
            # Not after a suffixed occasion, whose noun governs an object: "خلال
            # لقائه أنصاره".
            if p - 1 < k or not t.word[p] or not _plain_circumstance(t.key[p]) or stop_kind(t, p - 1) != "prep":
                continue
            if p == m - 2 and (
                not t.word[m - 1]
                or stop_kind(t, m - 1) is not None
                or DEFINITE[t.key[m - 1]]
                or nominal_head(t.key[m - 1])
                or stop_kind(t, m) is not None  # "في بيان صادر عن مكتبها"
            ):
                continue
            return True
        return False

    def _skip_source(self, m: int) -> int:
        s = self.source_at.get(m)
        return m + 1 if s is None else max(s.end, m + 1)

    def _preposed(self, i: int, after: int, limit: int) -> _Content | None:
        """A cue after its content: "«الوضع تحت السيطرة»، قال الوزير." or "الوضع تحت
        السيطرة، قال الوزير." The speaker phrase must end the clause."""
        t = self.t
        if t.key[i][0] in "وف" and t.key[i][1:] in _CUE_KEYS:
            return None  # "وقال" opens a new clause; it never follows its content
        p = i - 1
        if p >= 0 and t.text[p] in COMMAS:
            p -= 1
        if p < 0:
            return None
        if t.closes[p] >= 0 and self.q[t.closes[p]].words >= 2:
            return _Content("direct", quote=t.closes[p])
        if t.text[i - 1] in COMMAS:
            first = t.sentence_start(i)
            words = sum(t.word[first : min(i - 1, first + 5)])
            if words >= 3 and t.word[first] and stop_kind(t, first) != "prep":
                return _Content("direct", start=first, end=i - 1)
        return None

    # ----------------------------------------------------------------- speakers
    def _speaker_offsets(self, a: int, b: int) -> tuple[int, int]:
        t = self.t
        start = t.start[a]
        if t.key[a].startswith("وال") or t.key[a].startswith("فال"):
            start = self._skip_letters(start, 1)  # "والرئيس" → "الرئيس"
        return start, t.end[b - 1]

    def _set_speaker(self, d: _Draft, speaker: tuple[int, int], role: tuple[int, int] | None) -> None:
        s, e = self._speaker_offsets(*speaker)
        if e - s > MAX_PHRASE_CHARS:
            return  # not a speaker: a "word" of thousands of letters (see MAX_PHRASE_CHARS)
        d.speaker = (s, e)
        d.role = self._speaker_offsets(*role) if role else None
        if d.role is not None and d.role[1] - d.role[0] > MAX_PHRASE_CHARS:
            d.role = None
        d.resolution = "explicit"
        d.gender = self._cue_gender(d) or noun_gender(BARE[self.t.key[speaker[0]]])
        self._link(d, *speaker)
        if role is None:
            self._remember_speaker(*speaker)

    def _copy_speaker(self, d: _Draft, src: _Draft) -> None:
        d.speaker, d.role, d.speaker_full = src.speaker, src.role, src.speaker_full
        d.gender = src.gender or self._cue_gender(d)
        d.resolution = "carried"

    def _own_subject(self, d: _Draft) -> bool:
        """ "وكتب الأمير رسالة للبرلمان، يوضح فيها أنه ...": a subjectless cue inside
        a sentence that opened with another verb takes that verb's subject, when it
        agrees, before reaching back to an earlier claim."""
        t = self.t
        i = d.cue_index
        if i is None:
            return False
        first = t.sentence_start(i)
        if not (first + 1 < i and t.word[first]):
            return False
        earlier = self.last_in_sentence.get(d.sentence)
        if earlier is not None and earlier.speaker is not None:
            return False  # "وأكدت الأمم المتحدة أن ...، وقالت إن": the earlier claim's
        return self._verb_subject(d, first, i)

    def _lead_subject(self, d: _Draft) -> bool:
        """No claim before has a speaker: "كشف باسم التميمي سبب نشر الفيديو. وقال إن
        ...": the subject of the verb that opens the sentence before, when it agrees."""
        t = self.t
        if d.cue_index is None:
            return False
        first = t.sentence_start(d.cue_index)
        if first == 0 or d.cue_index != first or t.text[first - 1] in _ASKING:
            return False  # (after a question, the dialogue's other voice speaks)
        prev = t.sentence_start(first - 1)
        return self._verb_subject(d, prev, first - 1)

    def _verb_subject(self, d: _Draft, first: int, end: int) -> bool:
        """The subject of the verb at `first` (before `end`), as d's speaker."""
        t = self.t
        if not t.word[first] or first + 1 >= end:
            return False
        if stop_kind(t, first) is not None or DEFINITE[t.key[first]] or digit(t, first):
            return False
        sp = self.sp.forward(first + 1, end, None)
        if sp.speaker is None or sp.phrase is None:
            return False
        a, b = self.sp.subject_only(*sp.phrase)
        if STOP[t.key[a]] == "deixis":
            return False  # "ذكر هذه الحكاية كاتب السيناريو": a demonstrative phrase is the object
        if not agrees(self._cue_gender(d), noun_gender(BARE[t.key[a]])):
            return False
        self._set_speaker(d, *self.sp.split_role(a, b))
        d.resolution = "carried"
        return True

    def _cue_gender(self, d: _Draft) -> str | None:
        return cue_gender(self.t.key[d.cue_index], d.cue) if d.cue_index is not None else None

    def _carry(self, d: _Draft) -> None:
        """ "وأضاف أن ...": the previous claim's speaker (same field), or an earlier one
        when the cue's form does not agree with it ("وأوضحت" after "قال الوزير")."""
        if d.cue is not None and d.cue.kind == "verb" and self._own_subject(d):
            return
        src = antecedent(self.with_speaker, self._cue_gender(d))
        if src is not None:
            self._copy_speaker(d, src)
        elif not self.with_speaker and d.cue is not None and d.cue_index is not None and self._lead_subject(d):
            return
        else:
            d.reason = "disagreeing_antecedent" if self.with_speaker else "no_antecedent"

    def _link(self, d: _Draft, a: int, b: int) -> None:
        """A surname alone ("بوتين") → the full name the article gave earlier
        ("فلادمير بوتين"), in this field before it or in an earlier field."""
        words = self.t.words_in(a, b)
        if len(words) != 1:
            return
        last = self.t.key[words[0]]
        here = (self.rank, self.t.start[a])
        best = self.names.before(last, here)
        if best is not None:
            d.speaker_full = best.text

    def _remember_name(self, a: int, b: int) -> None:
        t = self.t
        words = t.words_in(a, b)
        if len(words) < 2 or t.end[b - 1] - t.start[a] > MAX_PHRASE_CHARS:
            return
        name = _Name((self.rank, t.start[a]), t.key[words[-1]], len(words), self.norm, t.end[b - 1])
        self.names.add(name)

    def _remember_speaker(self, a: int, b: int) -> None:
        """ "قال فلاديمير بوتين إن": a speaker of two or more undefined words is a name."""
        words = self.t.words_in(a, b)
        if 2 <= len(words) <= 4 and not any(DEFINITE[self.t.key[w]] for w in words):
            self._remember_name(a, b)

    # ------------------------------------------------------------------ sources
    def _read_sources(self) -> None:
        t = self.t
        for m in self.marker_tokens:
            acc = self.according[m]
            if acc is None or (t.quote[m] >= 0 and self.q[t.quote[m]].words >= 3):
                continue  # (marker_tokens are the tokens with a marker)
            first, has_l = acc
            limit = self._limit(m)
            if first >= limit:
                continue
            cue_index = cue = None
            start = first
            what = BARE[t.key[first]] == "ما" or (has_l and t.key[first] == "لما")
            if what and first + 2 < limit and t.word[first + 1] and t.word[first + 2]:
                # "بحسب ما أعلنت الوزارة", "وفقا لما ذكرته بعثة المراقبة", "بحسب ما
                # نقلته الوكالة": the source is the verb's subject; the verb may carry
                # ما's pronoun (ذكرته), and is the claim's cue if it is one.
                said = _object_cue(t.key[first + 1])
                if said is not None:
                    cue_index, cue = first + 1, said
                    self.consumed.add(cue_index)
                start = first + 2
                if start < limit and t.word[start] and t.key[start] in _RESUMPTIVE:
                    start += 1  # "وفق ما أفاد به المكتب"
                has_l = False
            sp = self.sp.forward(start, limit, None, source=has_l)
            if sp.speaker is None or sp.phrase is None:
                continue
            a, b = sp.phrase
            s, e = self._speaker_offsets(a, b)
            if has_l:
                # "وفقا لوزارة الصحة" → "وزارة الصحة"; "وفقا للبيانات الرسمية" →
                # "بيانات الرسمية" (the preposition never stays in a speaker).
                s = self._skip_letters(s, 2 if t.key[a].startswith("لل") else 1)
            speaker = self._speaker_offsets(*sp.speaker)
            if sp.speaker[0] == a and has_l:
                speaker = (s, speaker[1])
            role = self._speaker_offsets(*sp.role) if sp.role else None
            if e - s > MAX_PHRASE_CHARS:
                continue  # not a source: see MAX_PHRASE_CHARS
            source = _Source(m, (s, e), speaker, role, sp.next, t.sent[m], cue_index, cue)
            self.sources.append(source)
            self.source_at[m] = source
            self.source_markers.append(m)
            self.sources_in.setdefault(source.sentence, []).append(source)
            self.source_marks_in.setdefault(source.sentence, []).append(m)
            self.consumed.update(range(m, sp.next))

    def _attach_source(self, d: _Draft) -> None:
        """ "وبحسب بيان للكرملين، شدد بوتين ...": a marker earlier in the sentence, or
        between the speaker and the content, is the claim's source."""
        cue_at_ = d.cue_index if d.cue_index is not None else d.anchor
        content_start = d.content.start if d.content.quote < 0 else self.q[d.content.quote].open
        sources = self.sources_in.get(d.sentence)
        if not sources:
            return
        # The first unused source (in order) that ends before the anchor, or whose
        # marker is between the cue and the content. Used sources are skipped by
        # pointer jumps and the second kind is found by bisection, so a sentence with
        # thousands of markers and claims is not scanned once per claim. (A source that
        # ends before the anchor has its marker before it too.) A source posed after
        # its own clause ("مقتل 600 شخص، حسب الأرقام الحكومية، بينما قالت منظمات") is
        # that clause's, never a later claim's: skipped by the same jumps.
        markers = self.source_marks_in[d.sentence]
        best = len(sources)
        k = self._eligible(d.sentence, 0)
        while k < best and sources[k].marker < d.anchor:
            if sources[k].end <= d.anchor:
                best = k
                break
            k = self._eligible(d.sentence, k + 1)
        k = self._unused(d.sentence, bisect_right(markers, cue_at_))
        if k < best and sources[k].marker < content_start:
            if not (sources[k].end <= d.anchor and self._posed_after(sources[k])):
                best = k
        if best < len(sources):
            s = sources[best]
            d.according = s.span
            s.used = True

    def _unused(self, sentence: int, k: int) -> int:
        """Index of the first unused source of the sentence at or after k."""
        return self._first(sentence, k, self.source_next, lambda src: src.used)

    def _eligible(self, sentence: int, k: int) -> int:
        """Index of the first unused source at or after k that is not posed after its
        own clause (`_posed_after`, fixed per source)."""
        return self._first(sentence, k, self.source_next_eligible, lambda src: src.used or self._posed(src))

    def _posed(self, src: _Source) -> bool:
        posed = self.posed_cache.get(id(src))
        if posed is None:
            posed = self.posed_cache[id(src)] = self._posed_after(src)
        return posed

    def _first(self, sentence: int, k: int, pointers: dict[int, list[int]], skip: Callable[[_Source], bool]) -> int:
        """Index of the first source of the sentence at or after k that `skip` does not
        reject. nxt[i] > i means the sources in [i, nxt[i]) are all rejected (`skip`
        only ever turns true: `used` is only ever set), so runs of them are jumped
        over, and the jumps are shortened as they go."""
        sources = self.sources_in[sentence]
        n = len(sources)
        nxt = pointers.get(sentence)
        if nxt is None:
            nxt = pointers[sentence] = list(range(n))
        root = k
        while root < n and skip(sources[root]):
            root = max(nxt[root], root + 1)
        while k < root and k < n:
            j = max(nxt[k], k + 1)
            nxt[k] = root
            k = j
        return root

    def _posed_after(self, s: _Source) -> bool:
        """A marker after a comma or a dash, with a clause before it in its sentence,
        cites the source of that clause ("...، وفقا للوزارة", "– بحسب الوكالة -")."""
        t = self.t
        m = s.marker
        first = t.sentence_start(m)
        return m - first >= 3 and not t.word[m - 1] and (t.text[m - 1] in COMMAS or t.text[m - 1] in _DASHES)

    def _source_claims(self) -> None:
        """Unused markers make according_to claims: "وبحسب الوزارة، ارتفع العدد إلى
        50" (content after) or "ارتفع العدد إلى 50، وفقا للوزارة" (content before)."""
        t = self.t
        for s in self.sources:
            if s.used:
                continue
            first = t.sentence_start(s.marker)
            limit = self._limit(s.marker)
            content = None
            anchor = s.marker
            if s.end < limit and complementizer(t, s.end) and s.end + 1 < limit:
                # "وجاء على لسان المتحدث العسكري أن ..."
                content = _Content("according_to", start=s.end + 1)
            elif s.marker == first and s.end < limit:
                n = s.end
                if t.word[n]:
                    # "وبحسب البيان الذي أرسلته الوزارة إلى البرلمان، تبلغ ...": the
                    # source phrase runs on to the comma.
                    # ... or to فإن: "ووفق رواية الجيش فإن المسلحين ...".
                    while (
                        n < limit and t.text[n] not in COMMAS and not (t.word[n] and BARE[t.key[n]] in COMPLEMENTIZERS)
                    ):
                        n += 1
                while n < limit and not t.word[n] and t.opens[n] < 0:
                    n += 1
                # "وحسب الشرطة، فإن المشتبه به ...": فإن only introduces the content.
                if n < limit and t.word[n] and BARE[t.key[n]] in COMPLEMENTIZERS:
                    n += 1
                if n < limit:
                    content = _Content("according_to", start=n)
            elif s.marker > first and (t.text[s.marker - 1] in COMMAS or t.text[s.marker - 1] in _DASHES):
                owner = self._claim_before(s)
                if owner is not None:
                    # "وأضافت أن المخزونات تراجعت 3.6 مليون برميل، وفقا لبيانات إدارة
                    # معلومات الطاقة": the speaker cites the source; the claim is hers.
                    owner.according = s.span
                    s.used = True
                    continue
                words = sum(t.word[first : min(s.marker, first + 4)])
                if words >= 2:
                    content = _Content("according_to", start=first)
                    anchor = first
            if content is None:
                continue
            # Its cue is the marker ("وفقا", "بحسب"), also before "ما أعلنته".
            marker = MARKER_CUES.get(t.key[s.marker])
            d = (
                _Draft(s.marker, marker, content, anchor, s.sentence)
                if marker
                else _Draft(s.cue_index, s.cue, content, anchor, s.sentence)
            )
            d.speaker, d.role, d.according = s.speaker, s.role, s.span
            s.used = True
            if content.start == first:
                d.tokens = (first, s.marker - 1)  # fixed: ends before ", وفقا ..."
            self._keep(d)

    def _claim_before(self, s: _Source) -> _Draft | None:
        """The last claim of the marker's sentence whose cue comes before the marker and
        that has no source yet.

        Markers come in text order, so each sentence keeps its claims sorted by cue and
        a stack of those before the last marker seen: the top is the latest one (of
        equal cues, the first kept), and a claim that got a source leaves the stack for
        good. Every claim is pushed and popped once, however many markers."""
        if self._before is None:
            rows: dict[int, list[tuple[int, int, _Draft]]] = {}
            for k, d in enumerate(self.drafts):
                if d.according is None:
                    at = d.cue_index if d.cue_index is not None else d.anchor
                    rows.setdefault(d.sentence, []).append((at, -k, d))
            self._before = {sent: [sorted(r, key=lambda row: row[:2]), 0, []] for sent, r in rows.items()}
        state = self._before.get(s.sentence)
        if state is None:
            return None
        rows_, pos, stack = state
        while pos < len(rows_) and rows_[pos][0] < s.marker:
            stack.append(rows_[pos][2])
            pos += 1
        state[1] = pos
        while stack and stack[-1].according is not None:
            stack.pop()
        return stack[-1] if stack else None

    # ----------------------------------------------------------------- headline
    def _headline(self) -> None:
        """ "أوكرانيا: الجولة الثالثة ..." — in a title, a short phrase before a colon is
        the speaker of what follows."""
        t = self.t
        colon = t.text.index(":") if ":" in t.text else None
        if colon is None or colon == 0 or colon + 1 >= t.n:
            return
        words = t.words_in(0, colon)
        if not 1 <= len(words) <= 6 or any(self.cues[i] for i in range(colon)):
            return
        first = t.key[words[0]]
        if BARE[first] in HEADLINE_LABELS or first in HEADLINE_LABELS:
            return
        if any(not t.word[i] and t.opens[i] < 0 and t.closes[i] < 0 for i in range(colon)):
            return
        if any(digit(t, i) for i in words):
            return  # "كأس العالم 2018: ...": an event, not a speaker
        n = colon + 1
        if t.opens[n] >= 0 and self.q[t.opens[n]].close >= t.n - 2:
            content = _Content("headline", quote=t.opens[n])
        else:
            content = _Content("headline", start=n)
        d = _Draft(None, None, content, 0, t.sent[0])
        speaker, role = self.sp.split_role(0, colon)
        self._set_speaker(d, speaker, role)
        self.consumed.update(range(0, colon + 1))
        self._keep(d)

    # ----------------------------------------------------------------- closing
    def _close_contents(self) -> None:
        self.quoted = {d.content.quote for d in self.drafts if d.content.quote >= 0 and not d.dropped}
        self._close_ranges()

    def _close_ranges(self) -> None:
        """Fix each content's token range: a quotation is its inside; an unquoted
        content runs to the end of its sentence (or its quotation) but stops where a
        sibling claim opens a clause ("...، مضيفاً أن", "...، وأكد أن"); a claim whose
        cue sits inside another's content without opening a clause is nested in it
        ("قال إن الرئيس أكد أن ...") and is kept only with an explicit إن/أن or quote."""
        t = self.t
        drafts = sorted(self.drafts, key=lambda d: d.anchor)
        anchors = [d.anchor for d in drafts]
        m = len(drafts)
        # A content ends at the first sibling after its start that opens a clause.
        # Where each claim's clause starts (None: it opens none) is worked out the first
        # time a content reaches it, and runs of claims that open none are jumped over
        # (jump[k] > k: none of [k, jump[k]) opens one), so thousands of "قال أن" in one
        # sentence are not walked once per claim.
        unset = -2
        cuts: list[int | None] = [unset] * m
        jump = list(range(m + 1))

        def first_cut(lo: int, hi: int) -> int:
            k = lo
            while k < hi:
                c = cuts[k]
                if c == unset:
                    c = cuts[k] = self._clause_start(drafts[k])
                if c is not None:
                    break
                k = max(jump[k], k + 1)
            j = lo
            while j < k:
                step = max(jump[j], j + 1)
                jump[j] = k
                j = step
            return k

        # The claims passed over before that sibling are nested in the content. They
        # are marked through a difference array (+1 where a passed-over range starts,
        # -1 where it ends, the claim owning the range taken out of its own), so
        # overlapping ranges cost their number, not their length.
        passed = [0] * (m + 1)
        own = [0] * m
        for idx, d in enumerate(drafts):
            c = d.content
            if c.quote >= 0:
                q = self.q[c.quote]
                d.tokens = (q.open + 1, q.close)
                continue
            a = c.start
            if c.end >= 0:
                b = c.end
            elif d.tokens != (0, 0):
                b = d.tokens[1]
            else:
                b = self._limit(a)
                if t.quote[a] >= 0:
                    b = min(b, self.q[t.quote[a]].close)
                lo = bisect_left(anchors, a)
                hi = bisect_left(anchors, b, lo)  # the claims whose anchor is in [a, b)
                k = first_cut(lo, hi)
                if k == idx:  # (the claim itself does not end its own content)
                    k = first_cut(idx + 1, hi)
                if k < hi:
                    cut = cuts[k]
                    assert cut is not None  # (first_cut stops only at a claim that opens a clause)
                    b = cut
                    hi = k
                if lo < hi:
                    passed[lo] += 1
                    passed[hi] -= 1
                    if lo <= idx < hi:
                        own[idx] = 1
                b = self._cut_at_source(a, b)
                b = narrator_cut(t, a, b)
                if c.nominal:
                    b = self._clause_end(a, b)
                    b = conjunct_end(t, a, b)
            d.tokens = (a, b)
        depth = 0
        for k, d in enumerate(drafts):
            depth += passed[k]
            if depth - own[k] > 0:
                d.nested = True
        for d in drafts:
            # A nested noun phrase is part of the outer content, and so is a nested cue
            # with no speaker: "قال مسؤول إنه يرجح أن ..." (it is likely that).
            if d.nested and (d.content.nominal or d.speaker is None):
                d.dropped = True
        for d in drafts:
            a, b = self._trim(*d.tokens)
            if a >= b:
                d.dropped = True
                continue
            d.tokens = (a, b)
        for d in self._bound_depth([d for d in drafts if not d.dropped]):
            a, b = self._trim(*d.tokens)
            if a >= b:
                d.dropped = True
            d.tokens = (a, b)
        for d in drafts:
            if d.dropped:
                continue
            a, b = d.tokens
            s = t.start[a]
            if d.content.skip and a == d.content.start:
                s = self._skip_letters(s, d.content.skip)
            d.display = (s, t.end[b - 1])

    def _bound_depth(self, drafts: list[_Draft]) -> list[_Draft]:
        """At most MAX_CONTENT_DEPTH contents cover any token, so the contents of a
        field add up to at most MAX_CONTENT_DEPTH times its length whatever the text.

        News nests reported speech two or three deep (a quotation inside a quotation,
        "قال إن الرئيس أكد أن الوزير قال إن ..."), never more. A text can nest it without
        end: in «قال الوزير: «قال الوزير: «قال الوزير: «...» (each « left open) every
        quotation runs to the end of the paragraph, and reporting each in full would
        make the output grow with the square of the input. So the contents are swept
        in text order (the outer first where two start together), and where a fourth
        would cover a token, the one of the three reaching furthest (the outermost) is
        cut where the new one starts: there every claim is kept, each reporting the
        text up to the third quotation after its own. Returns the contents cut."""
        cut: list[_Draft] = []
        if len(drafts) <= MAX_CONTENT_DEPTH:
            return cut
        active: list[_Draft] = []
        for d in sorted(drafts, key=lambda d: (d.tokens[0], -d.tokens[1])):
            a = d.tokens[0]
            if len(active) >= MAX_CONTENT_DEPTH:
                active = [o for o in active if o.tokens[1] > a]
            if len(active) >= MAX_CONTENT_DEPTH:
                outer = max(active, key=lambda o: (o.tokens[1], -o.tokens[0]))
                outer.tokens = (outer.tokens[0], a)
                active.remove(outer)
                cut.append(outer)
            active.append(d)
        return cut

    def _clause_start(self, d: _Draft) -> int | None:
        """Where the clause of a sibling claim starts (an earlier content stops there),
        or None when the claim is nested inside the earlier content."""
        t = self.t
        a = d.anchor
        if a > 0 and stop_kind(t, a - 1) == "function":
            return a - 1  # "...، ثم أكد أن", "بينما قالت المعارضة", "لكنه حذر"
        if d.cue is not None and d.cue.kind == "participle":
            return a
        if a > 0 and not t.word[a - 1] and t.text[a - 1] in CLAUSE_PUNCT:
            return a
        key = t.key[a]
        if key[:1] in ("و", "ف") and (key[1:] in _CUE_KEYS or key[1:3] == "ال"):
            return a
        return None

    def _clause_end(self, a: int, b: int) -> int:
        """A noun-phrase content ends where the speaker's next clause opens: "ونفى
        متحدث وجود خطة لقطع الكهرباء، لكنه دعا المواطنين إلى الترشيد". (An indirect
        content may go on: "إن الوضع صعب، لكنه تحت السيطرة" is still what was said.)"""
        t = self.t
        puncts = self._clause_ends
        if puncts is None:
            # The clause punctuation of the field, once (C-level); whether a clause opens
            # after each one is decided the first time a content reaches it, and runs of
            # those that do not are jumped over, so contents sharing a long sentence do
            # not each walk it.
            puncts = self._clause_ends = list(compress(count(), map(CLAUSE_PUNCT.__contains__, t.text)))
            self._clause_verdict = [None] * len(puncts)
            self._clause_next = list(range(len(puncts)))
        verdict, nxt = self._clause_verdict, self._clause_next
        word = t.word
        first = k = bisect_right(puncts, a)
        found = False
        while k < len(puncts) and puncts[k] < b - 1:
            ok = verdict[k]
            if ok is None:
                m = puncts[k]
                ok = verdict[k] = bool(
                    m + 1 < t.n
                    and not word[m]
                    and word[m + 1]
                    and (stop_kind(t, m + 1) == "function" or participle(t.key[m + 1]))
                )
            if ok:
                found = True
                break
            k = max(nxt[k], k + 1)  # nxt[k] > k: [k, nxt[k]) open no clause
        j = first
        while j < k:  # everything in [first, k) opens no clause: jump straight to k
            step = max(nxt[j], j + 1)
            nxt[j] = k
            j = step
        if found:
            return puncts[k]  # "...، لكنه دعا", "...، واصفا هذه الأنباء بأنها"
        return b

    def _cut_at_source(self, a: int, b: int) -> int:
        """ "...، بحسب الوزارة." — a trailing source marker is not part of the content.
        (The markers after a comma are listed once per field: a content looks up the
        first after its start instead of walking every marker inside it.)"""
        markers = self._comma_markers
        if markers is None:
            text = self.t.text
            markers = self._comma_markers = [m for m in self.source_markers if m > 0 and text[m - 1] in COMMAS]
        k = bisect_right(markers, a)
        if k < len(markers) and markers[k] < b:
            return markers[k]
        return b

    def _trim(self, a: int, b: int) -> tuple[int, int]:
        word, opens, closes, text = self.t.word, self.t.opens, self.t.closes, self.t.text
        # A question mark stays: «من سيتحمل مسؤولية هذا الانهيار؟» asks, it does not assert.
        while b > a and not word[b - 1] and not (closes[b - 1] >= 0 and self.q[closes[b - 1]].open >= a):
            if text[b - 1] in _ASKING and b - 1 > a and word[b - 2]:
                break
            b -= 1
        while a < b and not word[a] and not (opens[a] >= 0 and self.q[opens[a]].close < b):
            a += 1
        return a, b

    def _skip_letters(self, pos: int, n: int) -> int:
        """Move past n letters and the diacritics written on them ("وَالرئيس")."""
        text = self.text
        for _ in range(n):
            pos += 1
            while pos < len(text) and text[pos] in MARKS:
                pos += 1
        return pos

    def _own(self, i: int, a: int) -> bool:
        """Token i speaks for the claim whose content starts at a, i.e. it is not inside
        a quotation nested in that content: in «وقال لي "لن ننسحب"، وهذا موقف ثابت»
        the لن is the inner speaker's, not the outer claim's."""
        r = self.t.quote[i]
        return r < 0 or self.q[r].open < a

    def _own_unquoted(self, i: int, a: int) -> bool:
        """_own for a content that is not itself a quotation: a partial quotation of
        the speaker's own words is still theirs (in 'إن السوق "لم تكن تتوقع تمديدا"'
        the لم negates the content), unless another claim reports it ('إن الرئيس قال
        "لن ننسحب"'). Inside a quotation, a nested one is always another voice."""
        r = self.t.quote[i]
        if r < 0 or self.q[r].open < a:
            return True
        # The walk up the enclosing quotations, stopping at the first opened before a,
        # meets a reported one iff the nearest reported one on the way up (computed
        # once per region: unclosed « can nest thousands deep) opens at or after a.
        # (Parents open before their children; a stray straight quote, open = -1,
        # ends the walk.)
        above = self._quoted_above
        if above is None:
            above = self._quoted_above = []
            for k, q in enumerate(self.q):
                if q.open < 0:
                    above.append(-1)
                elif k in self.quoted:
                    above.append(k)
                else:
                    above.append(above[q.parent] if q.parent >= 0 else -1)
        r = above[r]
        return r < 0 or self.q[r].open < a

    # ------------------------------------------------------------------- output
    def _span(self, start: int, end: int) -> Span:
        # Speakers and roles recur from claim to claim: map each range once.
        found = self.spans.get((start, end))
        if found is None:
            s, e = self.norm.to_original(start, end)
            found = self.spans[start, end] = (s, e, self.norm.original[s:e])
        return Span(self.field, *found)  # type: ignore[arg-type]

    def _claim(self, d: _Draft) -> Claim:
        cue = None
        if d.cue_index is not None and d.cue is not None:
            i = d.cue_index
            start = self.t.start[i]
            key = self.t.key[i]
            # "وقال" → "قال", "وبتأكيده" → "تأكيده": the conjunction is not the cue.
            while len(key) > 2 and key[0] in "وفبل" and (_CUE_KEYS.get(key[1:]) or MARKER_CUES.get(key[1:])) is d.cue:
                start = self._skip_letters(start, 1)
                key = key[1:]
            span = self._span(start, self.t.end[i])
            cue = {"text": span.text, "lemma": d.cue.lemma, "field": self.field, "start": span.start, "end": span.end}
        a, b = d.tokens
        ctype = d.content.type
        own = self._own if d.content.quote >= 0 else self._own_unquoted
        return Claim(
            field=self.field,  # type: ignore[arg-type]
            type=ctype,  # type: ignore[arg-type]  # one of the claim types, set by the rules
            content=self._span(*d.display),
            cue=cue,
            speaker=self._span(*d.speaker) if d.speaker else None,
            speaker_role=self._span(*d.role) if d.role else None,
            speaker_full=d.speaker_full,
            according_to=self._span(*d.according) if d.according else None,
            hedged=hedged(self.t, a, b, own) or bool(d.cue is not None and hedging_cue(d.cue.lemma)),
            negated=negated(self.t, a, b, own) or bool(d.cue is not None and d.cue.negates),
            sentence=d.sentence,
            speaker_resolution=(d.resolution or "explicit") if d.speaker else None,
            speaker_reason=None
            if d.speaker
            else (d.reason or _NO_SPEAKER.get(d.cue.lemma if d.cue else "", "not_found")),
        )


from processors.claims.lexicons import CUES as _CUE_KEYS  # noqa: E402

# Dashes that set off a source like commas: "– بحسب وكالة الصحافة الفرنسية -".
_DASHES = frozenset("-–—")
# How far back the antecedent of "، التي قال" may start.
MAX_ANTECEDENT_WORDS = 6
MAX_NAME_WORDS = 3
# Verbs that report only as a relay: "نقلت الوكالة عن مسؤول أن ..." (else "moved").
_RELAY_LEMMAS = frozenset({"نقل"})
# Why a claim has no speaker, when no resolution step said: a passive cue has none.
_NO_SPEAKER = {"قيل": "passive"}

# The pronoun that refers back to ما after a verb: "ما نقلته وكالة", "ما أفاد به".
_RESUMPTIVE = frozenset({"به", "بها", "عنه", "عنها"})


def _object_cue(key: str) -> Cue | None:
    """A verb cue, also with the object pronoun of a relative ما: "ما ذكرته البعثة"."""
    cue = _CUE_KEYS.get(key)
    if cue is None:
        for suf in ("ه", "ها"):
            if key.endswith(suf) and len(key) > len(suf) + 2:
                cue = _CUE_KEYS.get(key[: -len(suf)])
                if cue is not None:
                    break
    return cue if cue is not None and cue.kind == "verb" else None


_CANDIDATE_KEYS = frozenset(_CUE_KEYS) | MARKER_WORDS
