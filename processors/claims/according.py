"""According-to sources: "وبحسب وزارة الصحة، ..." (حسب، وفقا لـ، نقلا عن ...).

A source is read once per field, before the cues: it may be a claim's according_to
("وبحسب بيان للكرملين، شدد بوتين على أن ..."), cite the claim before it ("وأضافت أن
المخزونات تراجعت، وفقا لبيانات إدارة معلومات الطاقة"), or, left unused, be a claim of
its own with the marker as cue. The bookkeeping that keeps this linear in the number of
markers and claims of a sentence lives here with it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable

from processors.claims.agreement import agrees
from processors.claims.attribution import cue_gender_of, speaker_offsets
from processors.claims.content import find_content
from processors.claims.cues import object_cue
from processors.claims.lexicons import (
    ACCORDING_TO,
    COMPLEMENTIZERS,
    CUES,
    MARKER_CUES,
    MARKER_PAIR_CUES,
    RESUMPTIVE,
    SOURCE_CLAUSE_OPENERS,
    SOURCE_CONTENT_OPENERS,
    SOURCE_HEADS,
    SUBJECT_RELATIVES,
    Cue,
    fold,
    load_set,
    read_rows,
)
from processors.claims.reading import CONTENT_WINDOW, MAX_PHRASE_CHARS, Content, Draft, FieldReading, Source
from processors.claims.tokens import COMMAS, Tokens
from processors.claims.words import BARE, ROLE, complementizer, stop_kind
from processors.interrupt import checkpoint

# Dashes that set off a source like commas: "– بحسب وكالة الصحافة الفرنسية -".
DASHES = frozenset("-–—")
# Words of a prepositional phrase that may follow a source at the end of its sentence
# ("وفق العاملين في المجال الإنساني.").
_SOURCE_TAIL_WORDS = 4
# Words of a quoted source name: 'بحسب "الفرنسية"'، 'وفقا لـ "بي بي سي"'، 'بحسب
# ما نقلت "البوابة العربية للأخبار التقنية"'. A longer quote is speech, not a name.
_QUOTED_SOURCE_WORDS = 4
# The particle of "كما قال X" markers ("as X said").
_AS = "كما"
# Tokens of a dateline before the dash: "دبي، الإمارات العربية المتحدة (CNN)--".
DATELINE_TOKENS = 12
# Rules, plans and manners one acts by (claims_rule_nouns.tsv): word → manner | rule.
_RULE_NOUNS = {fold(w): kind for w, kind in read_rows("claims_rule_nouns.tsv")}


def read_sources(rd: FieldReading) -> None:
    t = rd.t
    for m in rd.marker_tokens:
        checkpoint()  # (processors/interrupt.py)
        acc = rd.according[m]
        if acc is None or (t.quote[m] >= 0 and rd.q[t.quote[m]].words >= 3):
            continue  # (marker_tokens are the tokens with a marker)
        first, has_l = acc
        limit = rd.limit(m)
        if first >= limit:
            continue
        cue_index = cue = None
        start = first
        # ma: the token of ما, the marker itself when it is written with it
        # ("حسبما أفاد مسؤولون" is "حسب ما أفاد مسؤولون").
        ma = first
        what = BARE[t.key[first]] == "ما" or (has_l and t.key[first] == "لما")
        fused = not what and _fused_what(t.key[m])
        if fused:
            ma = m
            # Only a reporting verb makes the fused word a source: "حسبما هو مقرر"
            # (as planned), "حسبما تقتضي الحاجة" (as needed) name none.
            if object_cue(t.key[first]) is None:
                continue
        if (what or fused) and ma + 2 < limit and t.word[ma + 1] and (t.word[ma + 2] or t.opens[ma + 2] >= 0):
            # "بحسب ما أعلنت الوزارة", "وفقا لما ذكرته بعثة المراقبة", "بحسب ما
            # نقلته الوكالة": the source is the verb's subject; the verb may carry
            # ما's pronoun (ذكرته), and is the claim's cue if it is one.
            said = object_cue(t.key[ma + 1])
            if said is not None:
                cue_index, cue = ma + 1, said
                rd.consumed.add(cue_index)
            start = ma + 2
            if start < limit and t.word[start] and t.key[start] in RESUMPTIVE:
                start += 1  # "وفق ما أفاد به المكتب"
            has_l = False
        if start < limit and not t.word[start] and t.opens[start] >= 0:
            # 'وبحسب "الفرنسية"، فقد ...', 'بحسب ما نقلت «رويترز»': a short quoted
            # name is the source (wire copy names the agency so).
            q = rd.q[t.opens[start]]
            if 0 < q.words <= _QUOTED_SOURCE_WORDS and q.close < limit:
                _add_source(rd, m, (t.start[start + 1], t.end[q.close - 1]), None, q.close + 1, cue_index, cue)
            continue
        sp = rd.sp.forward(start, limit, None, source=has_l)
        if sp.speaker is None or sp.phrase is None:
            continue
        a, b = sp.phrase
        nxt, sp_speaker, sp_role = sp.next, sp.speaker, sp.role
        cut = _content_opener(t, a + 1, b)
        if cut is not None:
            # "وبحسب وكالة فرانس برس فقد ارتفع العدد": the phrase read on past
            # فقد, which opens the content.
            b = nxt = cut
            sp_speaker = (sp_speaker[0], min(sp_speaker[1], cut))
            if sp_role is not None and sp_role[1] > cut:
                sp_role = None
            if sp_speaker[0] >= sp_speaker[1]:
                continue
        s, e = speaker_offsets(rd, a, b)
        if has_l:
            # "وفقا لوزارة الصحة" → "وزارة الصحة"; "وفقا للبيانات الرسمية" →
            # "بيانات الرسمية" (the preposition never stays in a speaker).
            s = rd.skip_letters(s, 2 if t.key[a].startswith("لل") else 1)
        speaker = speaker_offsets(rd, *sp_speaker)
        if sp_speaker[0] == a and has_l:
            speaker = (s, speaker[1])
        role = speaker_offsets(rd, *sp_role) if sp_role else None
        if e - s > MAX_PHRASE_CHARS:
            continue  # not a source: see MAX_PHRASE_CHARS
        if BARE[t.key[m]] == _AS and not _as_source(rd, m, nxt, limit):
            continue
        if cue_index is None and _acted_by(rd, m, first):
            continue
        _add_source(rd, m, (s, e), speaker, nxt, cue_index, cue, role)
        if b == a + 1 and cue_index is None:
            rd.source_at[m].own = _own_words(t.key[a])


# "حسب تعبيره", "وفق قولها": nouns of saying (claims_saying_nouns.tsv).
_SAYING_NOUNS = load_set("claims_saying_nouns.tsv")
_OWN_SUFFIXES = (("هما", ""), ("هم", ""), ("هن", ""), ("ها", "f"), ("ه", "m"))


def _own_words(key: str) -> str | None:
    """The gender of the pronoun on a noun of saying ("تعبيره" → "m", "قولها" → "f",
    "زعمهم" → ""), None when the word is none."""
    for suffix, gender in _OWN_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            stem = key[: -len(suffix)]
            if stem in _SAYING_NOUNS or (stem.endswith("ت") and stem[:-1] + "ه" in _SAYING_NOUNS):
                return gender  # (روايته: the teh marbuta of رواية before the pronoun)
            return None
    return None


def _own_speaker(rd: FieldReading, d: Draft, s: Source, spoken: list[Draft], sentences: list[int]) -> None:
    """ "... كان هناك تقصير في التواصل، حسب تعبيره": the speaker of the latest claim
    before the marker, in its sentence or the one before, when the pronoun agrees with
    it ("pronoun"); else none ("unresolved_pronoun"), never the word "تعبيره"."""
    k = bisect_right(sentences, s.sentence)
    low = max(0, k - _OWN_BACK)
    gender = s.own or None
    while k > low:
        k -= 1
        src = spoken[k]
        if src.sentence < s.sentence - 1:
            break
        if src.anchor >= s.marker or src.speaker is None:
            continue
        if agrees(gender, src.gender):
            d.speaker, d.role, d.speaker_full = src.speaker, src.role, src.speaker_full
            d.gender = src.gender
            d.resolution = "pronoun"
            return
        break
    d.speaker = d.role = None
    d.reason = "unresolved_pronoun"


# How many claims with a speaker "حسب تعبيره" looks back over.
_OWN_BACK = 6


def _acted_by(rd: FieldReading, m: int, first: int) -> bool:
    """ "وفق المعايير الدولية"، "بحسب التوقيت المحلي"، "وفقا للاتفاق المعلن": the
    phrase after the marker names a rule or a manner (claims_rule_nouns.tsv): what
    was done is in accordance with it, nobody is cited. A rule document still speaks
    when the marker opens its sentence or clause or follows a dash: "وبحسب الاتفاق
    الذي اطلعت عليه الصحيفة، فإن ..."، "–بحسب لائحة حصلت عليها الصحيفة-"."""
    t = rd.t
    key = BARE[t.key[first]]
    for art in ("لل", "ال", "ل"):
        if key.startswith(art) and key[len(art) :] in _RULE_NOUNS:
            key = key[len(art) :]
            break
    kind = _RULE_NOUNS.get(key)
    if kind is None:
        return False
    if kind == "manner":
        return True
    if m == t.sentence_start(m):
        return False
    before = t.text[m - 1] if not t.word[m - 1] else ""
    # (After a comma, only with و on the marker: "...، ووفقا للخطة فسوف تقوم ..."
    # opens a clause; "...، وفقا للاتفاق المعلن" closes the one before it, its و
    # the marker's own letter.)
    conjunction = t.key[m][:1] == "و" and t.key[m][1:2] != "ف"
    return not (before in DASHES or (before in COMMAS and conjunction))


# One-word markers written with ما (claims_according_to.tsv: حسبما), by their folded
# word, with the conjunctions too ("وحسبما").
_FUSED = frozenset(m[0] for m in ACCORDING_TO if len(m) == 1 and len(m[0]) > 3 and m[0].endswith("ما"))


def _fused_what(key: str) -> bool:
    """The marker word is a marker and ما in one: "حسبما", "وحسبما"."""
    return key in _FUSED or (key[:1] in ("و", "ف") and key[1:] in _FUSED)


def _as_source(rd: FieldReading, m: int, end: int, limit: int) -> bool:
    """ "...، كما قالت السلطات البريطانية." cites the clause before it: كما after a
    comma, and nothing after the subject but the sentence end ("، كما قال الوزير إن
    ..." and "، كما أعلنت الوزارة عن خطة" are claims of their own, "also said"; "لكن
    تركيا، كما يقول سالي، "لن تفتح ..."" is inserted in the claim it reports)."""
    t = rd.t
    if m == 0 or t.word[m - 1] or t.text[m - 1] not in COMMAS:
        return False
    n = end
    while n < limit and not t.word[n] and t.opens[n] < 0 and t.text[n] != ":" and t.text[n] not in COMMAS:
        n += 1
    return n >= limit


def _content_opener(t: Tokens, a: int, b: int) -> int | None:
    """The first word of [a, b) that opens a content (claims_source_content_openers.tsv:
    فقد، فسوف). (Each source phrase is walked once.)"""
    for k in range(a, b):
        if t.word[k] and t.key[k] in SOURCE_CONTENT_OPENERS:
            return k
    return None


def _add_source(
    rd: FieldReading,
    m: int,
    span: tuple[int, int],
    speaker: tuple[int, int] | None,
    end: int,
    cue_index: int | None,
    cue: Cue | None,
    role: tuple[int, int] | None = None,
) -> None:
    """Record the source of marker m, whose phrase ends before token `end` (the
    speaker is the whole span when None)."""
    source = Source(m, span, speaker or span, role, end, rd.t.sent[m], cue_index, cue)
    rd.sources.append(source)
    rd.source_at[m] = source
    rd.source_markers.append(m)
    rd.sources_in.setdefault(source.sentence, []).append(source)
    rd.source_marks_in.setdefault(source.sentence, []).append(m)
    rd.consumed.update(range(m, end))


def attach_source(rd: FieldReading, d: Draft) -> None:
    """ "وبحسب بيان للكرملين، شدد بوتين ...": a marker earlier in the sentence, or
    between the speaker and the content, is the claim's source."""
    cue_at_ = d.cue_index if d.cue_index is not None else d.anchor
    content_start = d.content.start if d.content.quote < 0 else rd.q[d.content.quote].open
    sources = rd.sources_in.get(d.sentence)
    if not sources:
        return
    # The first unused source (in order) that ends before the anchor, or whose
    # marker is between the cue and the content. Used sources are skipped by
    # pointer jumps and the second kind is found by bisection, so a sentence with
    # thousands of markers and claims is not scanned once per claim. (A source that
    # ends before the anchor has its marker before it too.) A source posed after
    # its own clause ("مقتل 600 شخص، حسب الأرقام الحكومية، بينما قالت منظمات") is
    # that clause's, never a later claim's: skipped by the same jumps.
    markers = rd.source_marks_in[d.sentence]
    best = len(sources)
    k = _eligible(rd, d.sentence, 0)
    while k < best and sources[k].marker < d.anchor:
        if sources[k].end <= d.anchor:
            best = k
            break
        k = _eligible(rd, d.sentence, k + 1)
    k = _unused(rd, d.sentence, bisect_right(markers, cue_at_))
    if k < best and sources[k].marker < content_start:
        if not (sources[k].end <= d.anchor and _posed_after(rd, sources[k])):
            best = k
    if best < len(sources):
        s = sources[best]
        if s.own is None:
            d.according = s.span  # (not "حسب تعبيره": the speaker's own words)
        s.used = True


def _unused(rd: FieldReading, sentence: int, k: int) -> int:
    """Index of the first unused source of the sentence at or after k."""
    return _first(rd, sentence, k, rd.source_next, lambda src: src.used)


def _eligible(rd: FieldReading, sentence: int, k: int) -> int:
    """Index of the first unused source at or after k that is not posed after its
    own clause (`_posed_after`, fixed per source)."""
    return _first(rd, sentence, k, rd.source_next_eligible, lambda src: src.used or _posed(rd, src))


def _posed(rd: FieldReading, src: Source) -> bool:
    posed = rd.posed_cache.get(id(src))
    if posed is None:
        posed = rd.posed_cache[id(src)] = _posed_after(rd, src)
    return posed


def _first(
    rd: FieldReading, sentence: int, k: int, pointers: dict[int, list[int]], skip: Callable[[Source], bool]
) -> int:
    """Index of the first source of the sentence at or after k that `skip` does not
    reject. nxt[i] > i means the sources in [i, nxt[i]) are all rejected (`skip`
    only ever turns true: `used` is only ever set), so runs of them are jumped
    over, and the jumps are shortened as they go."""
    sources = rd.sources_in[sentence]
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


def _posed_after(rd: FieldReading, s: Source) -> bool:
    """A marker after a comma or a dash, with a clause before it in its sentence,
    cites the source of that clause ("...، وفقا للوزارة", "– بحسب الوكالة -"); so
    does one with no comma that ends its sentence ("خلفت الحرب أربعة آلاف قتيل وفق
    الأمم المتحدة.")."""
    t = rd.t
    m = s.marker
    first = t.sentence_start(m)
    if m - first < 3:
        return False
    if not t.word[m - 1]:
        return t.text[m - 1] in COMMAS or t.text[m - 1] in DASHES
    return _ends_sentence(rd, s)


def _ends_sentence(rd: FieldReading, s: Source) -> bool:
    """The source phrase names an agent (`_agent_source`) and is the last thing in its
    sentence, or only its own relative clause follows ("... وفق الأمم المتحدة التي
    قدرت عدد ..."). Mid-sentence, a marker with no comma before it reads "in
    accordance with": "وزعت المساعدات وفق خطة الحكومة على السكان" cites nobody."""
    t = rd.t
    if not _agent_source(rd, s):
        return False
    limit = rd.limit(s.marker)
    n = s.end
    if n < limit and t.word[n]:
        if t.key[n] in SUBJECT_RELATIVES:
            return True  # "وفق الأمم المتحدة التي قدرت ...": a clause about the source
        if stop_kind(t, n) != "prep":
            return False
        # "وفق العاملين في المجال الإنساني.": the source's own adjunct ends the
        # sentence (a definite source phrase stops before في).
        words = 0
        while n < limit and words <= _SOURCE_TAIL_WORDS:
            words += t.word[n]
            n += 1
        return n >= limit and words <= _SOURCE_TAIL_WORDS
    while n < limit and not t.word[n]:
        n += 1
    return n >= limit


def _agent_source(rd: FieldReading, s: Source) -> bool:
    """The source names who or what speaks: a reporting verb after ما ("بحسب ما
    ذكرته الوكالة"), a role word ("وفق مسؤول أمني") or a source noun
    (claims_source_heads.tsv: "بحسب مصادر طبية", "وفق الأمم المتحدة")."""
    if s.cue is not None:
        return True
    acc = rd.according[s.marker]
    if acc is None:
        return False
    key = rd.t.key[acc[0]]
    if ROLE[key] == "trigger":
        return True
    for art in ("لل", "ال", "ل"):
        if key.startswith(art) and key[len(art) :] in SOURCE_HEADS:
            return True
    return key in SOURCE_HEADS


def relative_cue(rd: FieldReading, s: Source) -> tuple[int, Cue] | None:
    """A reporting verb in a relative clause right after the source, whose subject
    the source is: "وفق الأمم المتحدة التي قدرت عدد المحتاجين بنحو 21 مليونا" (the
    UN is also the speaker of قدرت's content). (A relay, "التي نقلت عن مسؤولين",
    is left out: its speaker is after عن.)"""
    t = rd.t
    n = s.end
    limit = rd.limit(s.marker)
    if not (n + 2 < limit and t.word[n] and t.key[n] in SUBJECT_RELATIVES and t.word[n + 1]):
        return None
    cue = CUES.get(t.key[n + 1])
    if cue is None or cue.kind != "verb" or cue.lemma == "نقل":
        return None
    return n + 1, cue


def _clause_opening(rd: FieldReading, s: Source) -> int:
    """Where the clause a source posed after it cites starts: the sentence start, or
    after "، إذ" / "، حيث" / "، لكن" (claims_source_clause_openers.tsv) when one
    comes before the marker with two words at least between: "وتأتي العملية في وقت
    ...، إذ استقبلت نحو 19 ألف مهاجر، بحسب المنظمة" cites the figure, not the
    context. The openers of a sentence are listed once (a sentence of a thousand
    sources is not walked once per source)."""
    t = rd.t
    m = s.marker
    first = t.sentence_start(m)
    openers = rd.source_clauses.get(s.sentence)
    if openers is None:
        openers = rd.source_clauses[s.sentence] = []
        for k in range(first, t.sent_bounds[s.sentence + 1] - 1):
            if not t.word[k] and t.text[k] in COMMAS and t.word[k + 1]:
                key = t.key[k + 1]
                if key in SOURCE_CLAUSE_OPENERS or BARE[key] in SOURCE_CLAUSE_OPENERS:
                    openers.append(k + 2)
    j = bisect_right(openers, m - 2) - 1
    if j >= 0 and openers[j] > first and sum(t.word[openers[j] : min(m, openers[j] + 3)]) >= 2:
        return openers[j]
    return _after_dateline(t, first, m)


def _after_dateline(t: Tokens, first: int, m: int) -> int:
    """ "دبي، الإمارات العربية المتحدة (CNN)-- بدأ أكثر من 100 جندي ...، وفقا
    لمسؤول": the clause starts after the dateline, a bracket closed and a dash
    within the sentence's first tokens."""
    end = min(m, first + DATELINE_TOKENS)
    for k in range(first, end - 1):
        if not t.word[k] and t.text[k] == ")" and t.text[k + 1] in DASHES:
            k += 1
            while k < m and not t.word[k]:
                k += 1
            return k
    return first


def source_claims(rd: FieldReading) -> None:
    """Unused markers make according_to claims: "وبحسب الوزارة، ارتفع العدد إلى
    50" (content after) or "ارتفع العدد إلى 50، وفقا للوزارة" (content before)."""
    t = rd.t
    # The quotations that are a claim's content, once per field (see _source_line).
    quoted = {d.content.quote: d for d in rd.drafts if d.content.quote >= 0}
    # The first claim of each sentence (see _action_before).
    first_anchor: dict[int, int] = {}
    for d in rd.drafts:
        if d.anchor < first_anchor.get(d.sentence, d.anchor + 1):
            first_anchor[d.sentence] = d.anchor
    # The claims with a speaker read so far, by sentence (see _own_speaker).
    spoken = list(rd.with_speaker)
    sentences = [d.sentence for d in spoken]
    for s in rd.sources:
        checkpoint()
        _relative_claim(rd, s)
        if s.used:
            continue
        first = t.sentence_start(s.marker)
        limit = rd.limit(s.marker)
        content = None
        anchor = s.marker
        if s.marker == first and (prev := _source_line(rd, s, limit)) is not None:
            # ". وفقا لرويترز." — a sentence that is only a source cites the
            # sentence before it: its claim if it has one ("وقال التقرير إن ...
            # . وفقا لرويترز."), else that sentence is the content.
            q = t.quote[prev]
            owner = rd.last_in_sentence.get(t.sent[prev]) or (quoted.get(q) if q >= 0 else None)
            if owner is not None:
                if owner.according is None and s.own is None:
                    owner.according = s.span
                s.used = True
                continue
            content = Content("according_to", start=prev)
            anchor = prev
        elif s.end < limit and complementizer(t, s.end) and s.end + 1 < limit:
            # "وجاء على لسان المتحدث العسكري أن ..."
            content = Content("according_to", start=s.end + 1)
        elif s.marker == first and s.end < limit:
            n = s.end
            if t.word[n]:
                # "وبحسب البيان الذي أرسلته الوزارة إلى البرلمان، تبلغ ...": the
                # source phrase runs on to the comma.
                # ... or to فإن: "ووفق رواية الجيش فإن المسلحين ...".
                # ... or to فقد: "وبحسب بيان للجيش فقد أغارت الطائرات".
                while n < limit and t.text[n] not in COMMAS and not (t.word[n] and _opens_content(t, n)):
                    n += 1
            while n < limit and not t.word[n] and t.opens[n] < 0:
                n += 1
            # "وحسب الشرطة، فإن المشتبه به ...": فإن only introduces the content.
            if n < limit and t.word[n] and BARE[t.key[n]] in COMPLEMENTIZERS:
                n += 1
            if n < limit:
                content = Content("according_to", start=n)
        elif (fa := _fa_inna_after(rd, s, limit)) is not None:
            # "أما على صعيد المرأة، فوفقا لدراسة أجريت في جامعة ...، فإنه كلما
            # ...": inside the sentence too, فإن after the source opens its content.
            content = Content("according_to", start=fa + 1)
        elif s.marker > first and _posed(rd, s):
            owner = _claim_before(rd, s)
            start = _clause_opening(rd, s)
            if owner is not None and BARE[t.key[s.marker]] == _AS:
                # "وأصر الرئيس على أن الرجلين مدنيان وليسا ضابطين، كما قالت
                # السلطات البريطانية": "as X said" after another's claim is X's
                # own word on part of it, not the claim's relay: left out.
                s.used = True
                continue
            if owner is not None and not (_agent_source(rd, s) and _action_before(rd, owner, start, first_anchor)):
                # "وأضافت أن المخزونات تراجعت 3.6 مليون برميل، وفقا لبيانات إدارة
                # معلومات الطاقة": the speaker cites the source; the claim is hers.
                if s.own is None:
                    owner.according = s.span  # (not "حسب تعبيره": the speaker's own words)
                s.used = True
                continue
            words = sum(t.word[start : min(s.marker, start + 4)])
            if words >= 2:
                content = Content("according_to", start=start)
                anchor = start
        if content is None:
            continue
        # Its cue is the marker ("وفقا", "بحسب"), also before "ما أعلنته".
        marker = _marker_cue(t, s.marker)
        d = (
            Draft(s.marker, marker, content, anchor, s.sentence)
            if marker
            else Draft(s.cue_index, s.cue, content, anchor, s.sentence)
        )
        d.speaker, d.role, d.according = s.speaker, s.role, s.span
        if s.own is not None:
            d.according = None
            _own_speaker(rd, d, s, spoken, sentences)
        s.used = True
        if anchor == content.start:
            d.tokens = (anchor, s.marker)  # fixed: ends before "، وفقا ..."
        rd.keep(d)


def _action_before(rd: FieldReading, owner: Draft, start: int, first_anchor: dict[int, int]) -> bool:
    """The claim before a trailing source is a circumstantial participle that follows
    an action, the first claim of its sentence: "وافقت مصر على تمديد مشاركتها،
    مشيرة إلى أن التمديد قد يصل إلى ستة أشهر، وفقا لبيان الرئاسة" — the source
    reports the whole sentence (the action too), not only what مشيرة adds. (Only a
    source that names an agent: "، وفق الضوابط الشرعية" and "، حسب تعبيره" cite
    nobody new.)"""
    cue = owner.cue
    if cue is None or cue.kind != "participle" or owner.cue_index is None:
        return False
    if first_anchor.get(owner.sentence) != owner.anchor:
        return False  # ("قال إن ...، مضيفا أن ...، وفقا لـ ...": the speaker's claims)
    # Two words before the participle are enough to tell: counted only that far, so
    # that the trailing sources of one long sentence do not each count all its words.
    words = 0
    for k in range(start, owner.cue_index):
        if rd.t.word[k]:
            words += 1
            if words >= 2:
                return True
    return False


def _source_line(rd: FieldReading, s: Source, limit: int) -> int | None:
    """The first word of the sentence a source line cites: the marker opens its
    sentence, the source names an agent (or is a quoted name: 'بحسب "رويترز".') and
    nothing but marks follows it ("وفقا لوكالة رويترز."), and the sentence before is
    in the same paragraph, of three words at least. None otherwise ("وفق الله
    العاملين." is a prayer, not a source: الله names no source)."""
    t = rd.t
    n = s.end
    while n < limit and not t.word[n]:
        n += 1
    if n < limit or s.sentence == 0:
        return None
    acc = rd.according[s.marker]
    if not (_agent_source(rd, s) or (acc is not None and t.opens[acc[0]] >= 0)):
        return None
    a = t.sent_bounds[s.sentence - 1]
    k = bisect_right(t.breaks, a)
    if k < len(t.breaks) and t.breaks[k] < s.marker:
        return None  # a paragraph of its own
    while a < s.marker and not t.word[a]:
        a += 1
    if sum(t.word[a : s.marker]) < 3:  # (one source opens a sentence: linear)
        return None
    return a


def _relative_claim(rd: FieldReading, s: Source) -> None:
    """ "... وفق الأمم المتحدة التي قدرت عدد المحتاجين بنحو 21 مليونا": the cue of
    the relative clause (not read as a cue: a relative clause names a statement
    without reporting it, "ما قاله الوزير") reports the source's own claim."""
    found = relative_cue(rd, s)
    if found is None:
        return
    i, cue = found
    limit = rd.limit(i)
    content = find_content(rd, i + 1, limit, cue)
    if content is None:
        return
    d = Draft(i, cue, content, i, s.sentence)
    d.speaker, d.role = s.speaker, s.role
    d.resolution = "explicit"
    d.gender = cue_gender_of(rd, d)
    rd.consumed.add(i)
    rd.keep(d)


def _fa_inna_after(rd: FieldReading, s: Source, limit: int) -> int | None:
    """The فإن that follows the source phrase, right after it or after the comma
    that ends it (within CONTENT_WINDOW tokens): "، فوفقا لدراسة أجريت من قبل باحثين
    في جامعة ...، فإنه ...". None when a word other than the phrase's comes first
    or nothing follows فإن."""
    t = rd.t
    n = s.end
    end = min(limit, n + CONTENT_WINDOW)
    while n < end and t.word[n] and not _fa_inna(t, n):
        n += 1  # the rest of a long source phrase: "أجريت من قبل باحثين في ..."
    while n < end and not t.word[n] and t.text[n] in COMMAS:
        n += 1
    return n if n + 1 < limit and _fa_inna(t, n) else None


def _marker_cue(t: Tokens, m: int) -> Cue | None:
    """The cue of the marker at token m: by its first two words when they make one
    ("على حد قول" → على حد, "على لسان"), else by its first word."""
    cue = MARKER_CUES.get(t.key[m])
    if cue is not None and m + 1 < t.n and t.word[m + 1]:
        first = t.key[m] if t.key[m] in _PAIR_FIRSTS else t.key[m][1:]
        pair = MARKER_PAIR_CUES.get((first, BARE[t.key[m + 1]]))
        if pair is not None and pair.lemma != cue.lemma:
            return pair  # (else the first word's own cue, which spans.py strips و from)
    return cue


_PAIR_FIRSTS = frozenset(first for first, _ in MARKER_PAIR_CUES)


def _opens_content(t: Tokens, n: int) -> bool:
    return BARE[t.key[n]] in COMPLEMENTIZERS or t.key[n] in SOURCE_CONTENT_OPENERS


def _fa_inna(t: Tokens, n: int) -> bool:
    return t.word[n] and t.key[n][:1] == "ف" and BARE[t.key[n]] in COMPLEMENTIZERS


def _claim_before(rd: FieldReading, s: Source) -> Draft | None:
    """The last claim of the marker's sentence whose cue comes before the marker and
    that has no source yet.

    Markers come in text order, so each sentence keeps its claims sorted by cue and
    a stack of those before the last marker seen: the top is the latest one (of
    equal cues, the first kept), and a claim that got a source leaves the stack for
    good. Every claim is pushed and popped once, however many markers."""
    if rd.before is None:
        rows: dict[int, list[tuple[int, int, Draft]]] = {}
        for k, d in enumerate(rd.drafts):
            if d.according is None:
                at = d.cue_index if d.cue_index is not None else d.anchor
                rows.setdefault(d.sentence, []).append((at, -k, d))
        rd.before = {sent: [sorted(r, key=lambda row: row[:2]), 0, []] for sent, r in rows.items()}
    state = rd.before.get(s.sentence)
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


def cut_at_source(rd: FieldReading, a: int, b: int) -> int:
    """ "...، بحسب الوزارة." — a trailing source marker is not part of the content.
    (The markers after a comma are listed once per field: a content looks up the
    first after its start instead of walking every marker inside it.)"""
    markers = rd.comma_markers
    if markers is None:
        # (Also a source that ends the sentence without a comma: "إن العدد ارتفع إلى
        # 50 بحسب مصادر طبية.")
        text, word = rd.t.text, rd.t.word
        markers = rd.comma_markers = [
            m
            for m in rd.source_markers
            if m > 0 and (text[m - 1] in COMMAS or (word[m - 1] and _posed(rd, rd.source_at[m])))
        ]
    k = bisect_right(markers, a)
    if k < len(markers) and markers[k] < b:
        return markers[k]
    return b
