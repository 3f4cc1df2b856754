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

from processors.claims.attribution import speaker_offsets
from processors.claims.cues import object_cue
from processors.claims.lexicons import COMPLEMENTIZERS, MARKER_CUES, RESUMPTIVE
from processors.claims.reading import MAX_PHRASE_CHARS, Content, Draft, FieldReading, Source
from processors.claims.tokens import COMMAS
from processors.claims.words import BARE, complementizer

# Dashes that set off a source like commas: "– بحسب وكالة الصحافة الفرنسية -".
_DASHES = frozenset("-–—")


def skip_source(rd: FieldReading, m: int) -> int:
    s = rd.source_at.get(m)
    return m + 1 if s is None else max(s.end, m + 1)


def read_sources(rd: FieldReading) -> None:
    t = rd.t
    for m in rd.marker_tokens:
        acc = rd.according[m]
        if acc is None or (t.quote[m] >= 0 and rd.q[t.quote[m]].words >= 3):
            continue  # (marker_tokens are the tokens with a marker)
        first, has_l = acc
        limit = rd.limit(m)
        if first >= limit:
            continue
        cue_index = cue = None
        start = first
        what = BARE[t.key[first]] == "ما" or (has_l and t.key[first] == "لما")
        if what and first + 2 < limit and t.word[first + 1] and t.word[first + 2]:
            # "بحسب ما أعلنت الوزارة", "وفقا لما ذكرته بعثة المراقبة", "بحسب ما
            # نقلته الوكالة": the source is the verb's subject; the verb may carry
            # ما's pronoun (ذكرته), and is the claim's cue if it is one.
            said = object_cue(t.key[first + 1])
            if said is not None:
                cue_index, cue = first + 1, said
                rd.consumed.add(cue_index)
            start = first + 2
            if start < limit and t.word[start] and t.key[start] in RESUMPTIVE:
                start += 1  # "وفق ما أفاد به المكتب"
            has_l = False
        sp = rd.sp.forward(start, limit, None, source=has_l)
        if sp.speaker is None or sp.phrase is None:
            continue
        a, b = sp.phrase
        s, e = speaker_offsets(rd, a, b)
        if has_l:
            # "وفقا لوزارة الصحة" → "وزارة الصحة"; "وفقا للبيانات الرسمية" →
            # "بيانات الرسمية" (the preposition never stays in a speaker).
            s = rd.skip_letters(s, 2 if t.key[a].startswith("لل") else 1)
        speaker = speaker_offsets(rd, *sp.speaker)
        if sp.speaker[0] == a and has_l:
            speaker = (s, speaker[1])
        role = speaker_offsets(rd, *sp.role) if sp.role else None
        if e - s > MAX_PHRASE_CHARS:
            continue  # not a source: see MAX_PHRASE_CHARS
        source = Source(m, (s, e), speaker, role, sp.next, t.sent[m], cue_index, cue)
        rd.sources.append(source)
        rd.source_at[m] = source
        rd.source_markers.append(m)
        rd.sources_in.setdefault(source.sentence, []).append(source)
        rd.source_marks_in.setdefault(source.sentence, []).append(m)
        rd.consumed.update(range(m, sp.next))


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
        d.according = s.span
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
    cites the source of that clause ("...، وفقا للوزارة", "– بحسب الوكالة -")."""
    t = rd.t
    m = s.marker
    first = t.sentence_start(m)
    return m - first >= 3 and not t.word[m - 1] and (t.text[m - 1] in COMMAS or t.text[m - 1] in _DASHES)


def source_claims(rd: FieldReading) -> None:
    """Unused markers make according_to claims: "وبحسب الوزارة، ارتفع العدد إلى
    50" (content after) or "ارتفع العدد إلى 50، وفقا للوزارة" (content before)."""
    t = rd.t
    for s in rd.sources:
        if s.used:
            continue
        first = t.sentence_start(s.marker)
        limit = rd.limit(s.marker)
        content = None
        anchor = s.marker
        if s.end < limit and complementizer(t, s.end) and s.end + 1 < limit:
            # "وجاء على لسان المتحدث العسكري أن ..."
            content = Content("according_to", start=s.end + 1)
        elif s.marker == first and s.end < limit:
            n = s.end
            if t.word[n]:
                # "وبحسب البيان الذي أرسلته الوزارة إلى البرلمان، تبلغ ...": the
                # source phrase runs on to the comma.
                # ... or to فإن: "ووفق رواية الجيش فإن المسلحين ...".
                while n < limit and t.text[n] not in COMMAS and not (t.word[n] and BARE[t.key[n]] in COMPLEMENTIZERS):
                    n += 1
            while n < limit and not t.word[n] and t.opens[n] < 0:
                n += 1
            # "وحسب الشرطة، فإن المشتبه به ...": فإن only introduces the content.
            if n < limit and t.word[n] and BARE[t.key[n]] in COMPLEMENTIZERS:
                n += 1
            if n < limit:
                content = Content("according_to", start=n)
        elif s.marker > first and (t.text[s.marker - 1] in COMMAS or t.text[s.marker - 1] in _DASHES):
            owner = _claim_before(rd, s)
            if owner is not None:
                # "وأضافت أن المخزونات تراجعت 3.6 مليون برميل، وفقا لبيانات إدارة
                # معلومات الطاقة": the speaker cites the source; the claim is hers.
                owner.according = s.span
                s.used = True
                continue
            words = sum(t.word[first : min(s.marker, first + 4)])
            if words >= 2:
                content = Content("according_to", start=first)
                anchor = first
        if content is None:
            continue
        # Its cue is the marker ("وفقا", "بحسب"), also before "ما أعلنته".
        marker = MARKER_CUES.get(t.key[s.marker])
        d = (
            Draft(s.marker, marker, content, anchor, s.sentence)
            if marker
            else Draft(s.cue_index, s.cue, content, anchor, s.sentence)
        )
        d.speaker, d.role, d.according = s.speaker, s.role, s.span
        s.used = True
        if content.start == first:
            d.tokens = (first, s.marker - 1)  # fixed: ends before ", وفقا ..."
        rd.keep(d)


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
        text = rd.t.text
        markers = rd.comma_markers = [m for m in rd.source_markers if m > 0 and text[m - 1] in COMMAS]
    k = bisect_right(markers, a)
    if k < len(markers) and markers[k] < b:
        return markers[k]
    return b
