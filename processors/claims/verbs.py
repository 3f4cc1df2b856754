"""Claims opened by a reporting verb: "وقالت الوزارة إن ...", "نفت الوزارة الاتهامات
الموجهة إليها", "ونقلت وكالة رويترز عن مسؤول أمني أن ...".

The verb is the cue whose reading has the most orders to try (subject after it, before
it, before قد, none; content after أن, a quotation, a colon, a noun phrase, or before
the verb), so it has its own module; the order of the tries is what decides between a
subject and an object after the verb.
"""

from __future__ import annotations

from processors.claims.attribution import set_speaker, speaker_offsets
from processors.claims.carried import pronoun
from processors.claims.content import content_now, find_content, preposed, skip_saying
from processors.claims.cues import impersonal
from processors.claims.lexicons import CUES, Cue, fold, read_rows
from processors.claims.objects import may_be_adjective, object_start, pronoun_subject
from processors.claims.reading import CONTENT_WINDOW, Content, Draft, FieldReading
from processors.claims.subjects import subject_before, subject_before_qad
from processors.claims.tokens import CLAUSE_PUNCT
from processors.claims.words import BARE, DEFINITE, nominal_head, stop_kind

# Verbs with a person object before their content: "ودعا الرئيس الطرفين إلى الحوار".
_OBJECT_LEMMAS = frozenset(fold(r[0]) for r in read_rows("claims_object_cues.tsv"))
_QUANTIFIERS = frozenset({"جميع", "كافه", "كل"})
# Verbs that report only as a relay: "نقلت الوكالة عن مسؤول أن ..." (else "moved").
_RELAY_LEMMAS = frozenset({"نقل"})


def verb_claim(rd: FieldReading, i: int, cue: Cue) -> Draft | None:
    t = rd.t
    limit = rd.limit(i)
    j = i + 1
    j = skip_saying(rd, j, limit)
    if impersonal(t.key[i]) and rd.sp.forward(j, limit, cue).speaker is None:
        return None  # "إن الضحية يعتقد أنه توفي": it is believed (a hedge)
    content = content_now(rd, j, limit, cue)
    sentence = t.sent[i]
    if content is not None and content.nominal and content.start == j:
        # "وتوقع تقرير لوكالة تصنيف دولية أن ...": a verbal noun right after the
        # verb is its subject when an explicit content follows.
        sp = rd.sp.forward(j, limit, None)
        if sp.speaker is not None:
            later = find_content(rd, sp.next, limit, cue)
            if later is not None and not later.nominal:
                content = None
    if content is not None:
        d = Draft(i, cue, content, i, sentence)
        subject_before(rd, d, i, cue)
        return d
    obj = _object_after_subject(rd, i, j, limit, cue)
    if obj is not None:
        return obj
    pre = subject_before_qad(rd, i)
    if pre is not None:
        # "وكانت البلاد قد أعلنت خلوها من شلل الأطفال عام 2006": the subject came
        # before قد, so what follows the verb is its content, not its subject.
        content = find_content(rd, j, limit, cue)
        if content is None:
            return None
        d = Draft(i, cue, content, pre[0], sentence)
        set_speaker(rd, d, *rd.sp.split_role(*pre))
        return d
    sp = rd.sp.forward(j, limit, cue)
    if sp.speaker is None:
        # "وزارة الخارجية أكدت في بيان أن", "الرئيس أكد له أن", "وأكد في بيان أن":
        # no subject after the verb, an adjunct before the content.
        content = find_content(rd, sp.next, limit, cue)
        if content is None:
            return None
        d = Draft(i, cue, content, i, sentence)
        subject_before(rd, d, i, cue)
        return d
    k = skip_saying(rd, sp.next, limit)
    content = find_content(rd, k, limit, cue)
    if content is not None and fold(cue.lemma) in _OBJECT_LEMMAS and BARE[t.key[j]] in _QUANTIFIERS:
        # "ودعا جميع الأطراف إلى ضبط النفس": a quantified phrase after the verb is
        # whom it calls on; the subject is dropped (the previous speaker).
        d = Draft(i, cue, content, i, sentence)
        subject_before(rd, d, i, cue)
        return d
    if cue.lemma in _RELAY_LEMMAS:
        return _relay(rd, i, cue, sp, content, sentence) if content is not None else None
    if (
        content is not None
        and content.quote < 0
        and cue.nominal == "bare"
        and _punct_between(rd, sp.next, content.start)
    ):
        # "وأدانت المنظمة الحكم، ووصفته بأنه ...": the verb has its object; the أن
        # after the comma is another clause's.
        split = _object_in_subject(rd, sp.phrase, limit, cue)
        if split is not None:
            content = None
    if content is None:
        split = _object_in_subject(rd, sp.phrase, limit, cue)
        if split is not None:
            d = Draft(i, cue, split[1], i, sentence)
            set_speaker(rd, d, *rd.sp.split_role(*split[0]))
            return d
        content = preposed(rd, i, sp.next, limit)
        if content is None:
            return None
    d = Draft(i, cue, content, i, sentence)
    if fold(cue.lemma) in _OBJECT_LEMMAS and sp.phrase is not None and _object_split(rd, sp.phrase, d):
        return d
    set_speaker(rd, d, sp.speaker, sp.role)
    return d


def _object_split(rd: FieldReading, phrase: tuple[int, int], d: Draft) -> bool:
    """ "ودعت الوزارة المواطنين إلى ...": after a complete definite subject, the
    definite words that end the phrase are the verb's object (claims_object_cues.tsv).
    Sets the speaker without them; False when the phrase has no such object."""
    t = rd.t
    a, e = rd.sp.subject_only(*phrase)
    b = phrase[1]
    if not a < e < b or not all(t.word[m] and DEFINITE[t.key[m]] for m in range(e, b)):
        return False
    set_speaker(rd, d, *rd.sp.split_role(a, e))
    return True


def _object_after_subject(rd: FieldReading, i: int, j: int, limit: int, cue: Cue) -> Draft | None:
    """ "الشركة نفت بشدة تلك المزاعم", "لكنه نفى التهم الموجهة إليه": with the
    subject before the verb or a pronoun, the noun phrase after the verb is its
    content, not its subject (claims_objects)."""
    if cue.nominal != "bare":
        return None
    t = rd.t
    pron = pronoun_subject(t, i)
    back = None
    if pron is None:
        if t.key[i][0] in "وف" and t.key[i][1:] in CUES:
            return None
        back = rd.sp.backward(i, t.sentence_start(i))
        if back is None:
            return None
    k = object_start(t, j, limit)
    if k is None:
        return None
    d = Draft(i, cue, Content("indirect", start=k, nominal=True), i, t.sent[i])
    if back is not None:
        d.anchor = back[0]
        set_speaker(rd, d, *rd.sp.split_role(*back))
    else:
        assert pron is not None  # (one of the two was found)
        d.anchor = pron[1]  # "، إلا أنها نفت ...": a clause of its own
        pronoun(rd, d, pron[0])
    return d


def _object_in_subject(
    rd: FieldReading, phrase: tuple[int, int] | None, limit: int, cue: Cue
) -> tuple[tuple[int, int], Content] | None:
    """ "نفت الوزارة الاتهامات الموجهة إليها": the phrase after the verb holds the
    subject and the object; after a definite subject only an adjective goes on, so
    "الاتهامات" starts the content. A speaker is never the cue's object."""
    if cue.nominal != "bare" or phrase is None:
        return None
    a, b = rd.sp.subject_only(*phrase)
    if nominal_head(rd.t.key[a]):
        return None  # "وتوقع إلقاء اللوم على موسكو": إلقاء opens the content
    t = rd.t
    while b < phrase[1] and t.word[b] and (t.key[b].startswith("لل") or may_be_adjective(t, b - 1, b)):
        b += 1  # "الأمين العام للجامعة العربية": a genitive with لل and its adjectives
    if b >= phrase[1] or object_start(rd.t, b, limit) != b or may_be_adjective(rd.t, b - 1, b):
        return None
    n = b + 1
    if n < phrase[1] and t.word[n] and not DEFINITE[t.key[n]] and stop_kind(t, n) is None:
        return None  # "النائب العام الشيخ سعود المعجب": a title before a name, not an object
    return (a, b), Content("indirect", start=b, nominal=True)


def _relay(rd: FieldReading, i: int, cue: Cue, sp, content: Content, sentence: int) -> Draft | None:
    """ "ونقلت وكالة رويترز عن مسؤول أمني أن ...": the speaker is the one after عن;
    the relay is the claim's according_to. No عن, no claim (نقل is also "moved")."""
    t = rd.t
    k = sp.next
    start = content.start if content.quote < 0 else rd.q[content.quote].open
    if not (k < start and t.word[k] and BARE[t.key[k]] == "عن"):
        return None
    src = rd.sp.forward(k + 1, start, None)
    if src.speaker is None:
        return None
    d = Draft(i, cue, content, i, sentence)
    for m in range(src.next, start):
        noun = rd.cues[m]
        if noun is not None and noun.kind == "noun":
            d.cue_index, d.cue = m, noun  # "عن الرئيس قوله إن": the cue is قوله
            break
    set_speaker(rd, d, src.speaker, src.role)
    d.according = speaker_offsets(rd, *sp.phrase)
    return d


def _punct_between(rd: FieldReading, a: int, b: int) -> bool:
    t = rd.t
    return any(not t.word[m] and t.text[m] in CLAUSE_PUNCT for m in range(a, min(b, a + CONTENT_WINDOW)))
