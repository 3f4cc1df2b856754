"""Where each content ends, once every claim of the field is drafted: a quotation is
its inside; an unquoted content runs to the end of its sentence but stops where a
sibling claim opens a clause ("...، مضيفاً أن ...") or a source is cited ("...، بحسب
الوزارة"), and a claim nested in another's content is dropped unless it has its own
إن/أن or quotation, or its speaker opens the outer clause ("قال إن السلطات أعلنت
حالة الطوارئ").

Closing needs all the claims at once (a content ends where the next claim starts), so it
is a stage of its own, and it bounds how many contents may cover one token.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from processors.claims.according import cut_at_source
from processors.claims.agreement import cue_gender
from processors.claims.boundaries import (
    clause_cut,
    conjunct_end,
    narrator_cut,
    next_act_cut,
    next_verb_cut,
    participle_cut,
    speaker_again_cut,
    speech_runs_on,
)
from processors.claims.lexicons import CONTRAST_OPENERS, CUES, HOWEVER, fold, load_set
from processors.claims.reading import ASKING, THAT, Draft, FieldReading
from processors.claims.tokens import CLAUSE_PUNCT, Tokens, scanned
from processors.claims.words import BARE, complementizer, participle, stop_kind
from processors.interrupt import checkpoint

# How many claim contents may cover one token (see _bound_depth): the contents of a
# field add up to at most this many times its length.
MAX_CONTENT_DEPTH = 3
_CLAUSE_PUNCT_BIT = scanned(CLAUSE_PUNCT.__contains__)  # (a mark's key is its text)


def close_contents(rd: FieldReading) -> None:
    rd.quoted = {d.content.quote for d in rd.drafts if d.content.quote >= 0 and not d.dropped}
    _close_ranges(rd)


def _close_ranges(rd: FieldReading) -> None:
    """Fix each content's token range: a quotation is its inside; an unquoted
    content runs to the end of its sentence (or its quotation) but stops where a
    sibling claim opens a clause ("...، مضيفاً أن", "...، وأكد أن"); a claim whose
    cue sits inside another's content without opening a clause is nested in it
    ("قال إن الرئيس أكد أن ...") and is kept only with an explicit إن/أن or quote."""
    t = rd.t
    drafts = sorted(rd.drafts, key=lambda d: d.anchor)
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
                c = cuts[k] = _clause_start(rd, drafts[k], drafts[k - 1] if k > 0 else None)
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
        checkpoint()  # (processors/interrupt.py)
        c = d.content
        if c.quote >= 0:
            q = rd.q[c.quote]
            d.tokens = (q.open + 1, q.close)
            continue
        a = c.start
        if c.end >= 0:
            b = c.end
        elif d.tokens != (0, 0):
            b = d.tokens[1]
        else:
            b = rd.limit(a)
            if c.colon:
                b = speech_runs_on(t, rd.cue_tokens, b)
            if t.quote[a] >= 0:
                b = min(b, rd.q[t.quote[a]].close)
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
            b = cut_at_source(rd, a, b)
            b = narrator_cut(t, a, b)
            b = clause_cut(t, rd.cues, a, b, c.type == "indirect")
            b = participle_cut(t, rd.cues, a, b, d.gender)
            b = next_act_cut(t, a, b, d.gender)
            if c.type == "indirect" and not c.nominal:
                b = next_verb_cut(t, rd.cues, a, b, d.gender)
                if d.speaker is not None:
                    b = speaker_again_cut(t, a, b, bisect_left(t.start, d.speaker[0]))
            if c.nominal:
                b = _clause_end(rd, a, b)
                b = conjunct_end(t, a, b)
        d.tokens = (a, b)
    depth = 0
    for k, d in enumerate(drafts):
        depth += passed[k]
        if depth - own[k] > 0:
            d.nested = True
    for d in drafts:
        # A nested noun phrase is part of the outer content, and so is a nested cue
        # with no speaker: "قال مسؤول إنه يرجح أن ..." (it is likely that); but a
        # subject right after إن/أن reports its own claim (_subject_after_that).
        if d.nested and (d.speaker is None or (d.content.nominal and not _subject_after_that(rd, d))):
            d.dropped = True
    for d in drafts:
        a, b = _trim(rd, *d.tokens)
        if a >= b:
            d.dropped = True
            continue
        d.tokens = (a, b)
    for d in _bound_depth(rd, [d for d in drafts if not d.dropped]):
        a, b = _trim(rd, *d.tokens)
        if a >= b:
            d.dropped = True
        d.tokens = (a, b)
    for d in drafts:
        if d.dropped:
            continue
        a, b = d.tokens
        s = t.start[a]
        if d.content.skip and a == d.content.start:
            s = rd.skip_letters(s, d.content.skip)
        d.display = (s, t.end[b - 1])


def _subject_after_that(rd: FieldReading, d: Draft) -> bool:
    """A nested claim whose speaker opens the clause of the outer content, right
    after its إن/أن, is a claim of its own even with a noun-phrase content: in "وقال
    المتحدث إن السلطات أعلنت حالة الطوارئ" the authorities' announcement is
    reported, inside what the spokesman said. Not a cue deeper in the clause ("إن
    عمليات الهيئة تلقت بلاغا يفيد بوجود حريق": a report that was received), nor
    one whose subject follows it ("يتوقع أن تعلن الحكومة إجراءات": a wished or
    expected act, no announcement yet)."""
    t = rd.t
    a = d.anchor
    return (
        d.cue_index is not None
        and d.speaker is not None
        and 0 < a < d.cue_index
        and t.start[a] == d.speaker[0]
        and t.word[a - 1]
        and BARE[t.key[a - 1]] in THAT
        and not any(
            stop_kind(t, k) in ("function", "verb") or BARE[t.key[k]] in _SUBORDINATORS for k in range(a, d.cue_index)
        )
    )


# A subject read back across one of these is no subject: "إن الرحلات توقفت بعدما أعلن
# الحوثيون ..." (the flights did not announce).
_SUBORDINATORS = load_set("claims_subordinators.tsv")


def _bound_depth(rd: FieldReading, drafts: list[Draft]) -> list[Draft]:
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
    cut: list[Draft] = []
    if len(drafts) <= MAX_CONTENT_DEPTH:
        return cut
    active: list[Draft] = []
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


def _clause_start(rd: FieldReading, d: Draft, prev: Draft | None) -> int | None:
    """Where the clause of a sibling claim starts (an earlier content stops there),
    or None when the claim is nested inside the earlier content (prev: the claim
    before it in text order)."""
    t = rd.t
    a = d.anchor
    if _own_words(rd, d, prev):
        return None
    if a > 0 and stop_kind(t, a - 1) == "function":
        return a - 1  # "...، ثم أكد أن", "بينما قالت المعارضة", "لكنه حذر"
    opener = _contrast_opener(t, a)
    if opener is not None:
        return opener  # "في حين أعلنت النقابة", "في حين أن النقابة أكدت"
    if d.cue is not None and d.cue.kind == "participle":
        return a
    if a > 0 and not t.word[a - 1] and t.text[a - 1] in CLAUSE_PUNCT:
        return a
    key = t.key[a]
    if key[:1] in ("و", "ف") and (key[1:] in CUES or key[1:3] == "ال"):
        if _inner_act(t, d, prev, key):
            return None
        return a
    return None


def _own_words(rd: FieldReading, d: Draft, prev: Draft | None) -> bool:
    """A subjectless cue in the present of the first person ("ونقول", "وأؤكد")
    inside the content of the claim before it in the sentence is that speaker
    talking, not the narration's next act: in "وأضاف قائلا نحن مستمرون ...، ونقول
    لأشقائنا لا تخافوا" what he said runs on through it. (News narration does not
    say "we say".) Not a past "قلت" (a turn of a dialogue a writer tells: "قال:
    ...، قلت له: ..."), nor a cue with its own colon or quotation."""
    if d.speaker is not None or d.cue is None or d.cue.kind != "verb" or d.cue_index != d.anchor:
        return False
    if prev is None or prev.sentence != d.sentence or d.content.quote >= 0 or d.content.colon:
        return False
    key = rd.t.key[d.anchor]
    if key[:1] in ("و", "ف") and CUES.get(key[1:]) is d.cue:
        key = key[1:]
    # أ/ن before the present stem of the third person ("نؤكد" beside "يؤكد"); the
    # lemma itself is the third person ("أعلن": he announced, though "يعلن" is a form).
    return key != d.cue.key and key[:1] in ("ن", "ا") and CUES.get("ي" + key[1:]) is d.cue


def _inner_act(t: Tokens, d: Draft, prev: Draft | None, key: str) -> bool:
    """A "و + cue" with no subject before it whose form disagrees with the speaker
    of the claim before it in the sentence (so no one was found to carry it to) is
    the act of a subject inside that claim's content, not the speaker's next act: in
    "وقال المصدر إن وحدات من الجيش تحولت إلى المنطقة وكشفت عن مخبأ" the units
    revealed the cache, and what the source said runs on through it. So too with a
    phrase read after the verb as its subject, no comma before و: in "وأضاف أن
    الجهات المختصة استجوبت والدتي ونفت علاقاتها بالموضوع" the authorities denied,
    and "علاقاتها" is what they denied. ("وقال الوزير إن ... وأكد أن ..." agrees: a
    sibling. A quotation, "وقال: «...»", is always one.)"""
    if d.cue_index != d.anchor or d.content.quote >= 0:
        return False
    if d.speaker is not None and (
        d.speaker[0] < t.end[d.anchor]  # (carried to a speaker before it)
        or not d.content.nominal  # ("وأشار المحلل إلى أن ...": a report of its own)
        or not t.word[d.anchor - 1]  # ("...في 2015.واشار المحلل": the sentence ended)
    ):
        return False
    if prev is None or prev.gender is None or prev.sentence != d.sentence:
        return False
    g = cue_gender(key, d.cue)
    return g is not None and g != prev.gender


def _contrast_opener(t: Tokens, a: int) -> int | None:
    """Where "في حين" (claims_contrast_openers.tsv) starts when it opens the claim at
    token a, with أن between them or not: "في حين أن "سي جي تي" أكدت أن ...": the
    other party's claim is a sibling, not nested in the content before it."""
    k = a
    if k > 0 and t.word[k - 1] and BARE[t.key[k - 1]] in ("ان", "أن"):
        k -= 1
    for size in _CONTRAST_SIZES:
        s = k - size
        if s >= 0 and all(t.word[s:k]) and tuple(BARE[x] for x in t.key[s:k]) in CONTRAST_OPENERS:
            return s
    return None


_CONTRAST_SIZES = sorted({len(p) for p in CONTRAST_OPENERS})


# "حيث" after a noun-phrase content opens the detail of what was announced, not the
# speaker's next clause: "أعلنت الهيئة رفع تعليق تداول السهم ابتداء من الاثنين؛ حيث
# ستعلن الهيئة نتائج التحقق"، "أعلنت الشركة نتائجها للربع الثاني، حيث سجلت أرباحا ...".
_WHERE = fold("حيث")


def _clause_end(rd: FieldReading, a: int, b: int) -> int:
    """A noun-phrase content ends where the speaker's next clause opens: "ونفى
    متحدث وجود خطة لقطع الكهرباء، لكنه دعا المواطنين إلى الترشيد" (not at "، حيث":
    _WHERE). (An indirect content may go on: "إن الوضع صعب، لكنه تحت السيطرة" is
    still what was said.) Not at a comma inside a quotation: in 'وأشار إلى دور
    الجامعة بأنه "أساسي في التنمية، ثم في البحث"' the quoted words go on to their
    closing mark."""
    t = rd.t
    puncts = rd.clause_ends
    if puncts is None:
        # The clause punctuation of the field, once (C-level); whether a clause opens
        # after each one is decided the first time a content reaches it, and runs of
        # those that do not are jumped over, so contents sharing a long sentence do
        # not each walk it.
        puncts = rd.clause_ends = t.having(_CLAUSE_PUNCT_BIT)
        rd.clause_verdict = [None] * len(puncts)
        rd.clause_next = list(range(len(puncts)))
    verdict, nxt = rd.clause_verdict, rd.clause_next
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
                and t.quote[m] < 0  # (a comma inside a quotation is the quoted words')
                and word[m + 1]
                and (
                    (stop_kind(t, m + 1) == "function" and t.key[m + 1] != _WHERE)
                    or participle(t.key[m + 1])
                    or (t.key[m + 1] in HOWEVER and m + 2 < t.n and complementizer(t, m + 2))
                )
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


def _trim(rd: FieldReading, a: int, b: int) -> tuple[int, int]:
    word, opens, closes, text = rd.t.word, rd.t.opens, rd.t.closes, rd.t.text
    brackets: int | None = None  # "(" less ")" among the tokens before the last
    # A question mark stays: «من سيتحمل مسؤولية هذا الانهيار؟» asks, it does not assert.
    while b > a and not word[b - 1] and not (closes[b - 1] >= 0 and rd.q[closes[b - 1]].open >= a):
        if text[b - 1] in ASKING and b - 1 > a and word[b - 2]:
            break
        if text[b - 1] == ")":
            if brackets is None:
                part = text[a : b - 1]
                brackets = part.count("(") - part.count(")")
            if brackets > 0:
                break  # "لا يتجاوز 3500 ليرة (730 دولارا)": the bracket opened inside stays
        b -= 1
        if brackets is not None and b > a:
            # (kept as the count over [a, b - 1) while trailing marks are dropped)
            brackets += (text[b - 1] == ")") - (text[b - 1] == "(")
    while a < b and not word[a] and not (opens[a] >= 0 and rd.q[opens[a]].close < b):
        a += 1
    return a, b
