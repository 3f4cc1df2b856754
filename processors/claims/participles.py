"""Claims opened by a participle: "مضيفاً أننا لم نحصل", "الوزير محذرا: ...".

A participle has no subject of its own: its speaker is that of the verb it depends on,
which is found differently from a verb's, so it is read here.
"""

from __future__ import annotations

from processors.claims.attribution import copy_speaker, set_speaker
from processors.claims.carried import carry, verb_subject
from processors.claims.content import content_now, skip_saying
from processors.claims.lexicons import NOMINAL_HEADS, Cue, noun_bases
from processors.claims.reading import Draft, FieldReading
from processors.claims.tokens import COMMAS
from processors.claims.words import BARE, DEFINITE, digit, stop_kind


def participle_claim(rd: FieldReading, i: int, cue: Cue) -> Draft | None:
    """ "مضيفاً أننا لم نحصل": the speaker is that of the verb the participle
    depends on, the last claim of the sentence, else the sentence's subject."""
    limit = rd.limit(i)
    content = content_now(rd, skip_saying(rd, i + 1, limit), limit, cue)
    if content is None:
        return None
    t = rd.t
    sentence = t.sent[i]
    d = Draft(i, cue, content, i, sentence)
    governing = rd.last_in_sentence.get(sentence)
    if governing is not None and governing.anchor < i and governing.speaker:
        copy_speaker(rd, d, governing)
        return d
    first = t.sentence_start(i)
    if _clause_subject(rd, d, first, i):
        return d
    head = t.key[first]
    if t.word[first] and first < i and stop_kind(t, first) is None and not DEFINITE[head] and not digit(t, first):
        # "وتحدث الوزير عن الأزمة، مشيرا إلى أن ...": the subject of the sentence's verb.
        sp = rd.sp.forward(first + 1, i, None)
        if sp.speaker is not None and sp.phrase is not None:
            a, b = rd.sp.subject_only(*sp.phrase)
            set_speaker(rd, d, *rd.sp.split_role(a, b))
            return d
    # "بدوره، ذكر رئيس اللجنة ... حاجة المحافظة، مضيفا أن": past an opener and
    # its comma, the subject of the verb that opens the clause.
    k = first + 1
    while k < min(i, first + 3) and t.word[k]:
        k += 1
    if k < i and not t.word[k] and t.text[k] in COMMAS and verb_subject(rd, d, k + 1, i):
        return d
    back = rd.sp.backward(i, first) if first < i else None
    if back is not None and back[0] == first:
        # "الوزير محذرا: ...", "الرئيس مؤكدا أن ...": the phrase before the
        # participle, alone in its clause, is who speaks.
        set_speaker(rd, d, *rd.sp.split_role(*back))
        d.anchor = first
        return d
    carry(rd, d)
    return d


# How many commas back a participle looks for the clause it depends on.
MAX_CLAUSES_BACK = 3
MAX_CLAUSE_TOKENS = 40


def _clause_subject(rd: FieldReading, d: Draft, first: int, i: int) -> bool:
    """A participle depends on the verb of the nearest clause before it, not on the
    verb that opens a long sentence: in "لجأ الأهالي إلى تويتر ...، وتجاوبت الجامعة
    مع مطلبهم معلنة أن ..." the one who announces is الجامعة (the feminine معلنة agrees
    with it), not الأهالي. The clauses are tried nearest first, after each comma of
    the sentence (a few back); verb_subject checks that the clause opens with a
    verb-like word and that its subject agrees with the participle's form."""
    t = rd.t
    c = i - 1
    seen = 0
    # A sentence that opens with an adjunct ("وفي الرسالة التي ...، يدين المحامون",
    # "وبحسب الوكالة، تلاحظ المملكة") has its verb after a comma; else a clause
    # after a comma is coordinated ("، وتجاوبت الجامعة"), and a bare word after a
    # comma goes on with the clause before ("رفض القائد، الثلاثاء، عرض الرئيس
    # الأميركي ...، قائلا": the offer is no clause of its own).
    opener = stop_kind(t, first) is not None or DEFINITE[t.key[first]] or rd.according[first] is not None
    while c > first and i - c <= MAX_CLAUSE_TOKENS and seen < MAX_CLAUSES_BACK:
        if not t.word[c] and t.text[c] in COMMAS:
            seen += 1
            if c + 2 < i and _verb_like(rd, c + 1, opener) and verb_subject(rd, d, c + 1, i, strict=True):
                return True
        c -= 1
    return False


def _verb_like(rd: FieldReading, k: int, opener: bool) -> bool:
    """The word after a comma may open a verb clause: not a listed noun ("، قرار
    الرئيس الأميركي ...": the object of the verb before), not a number ("، و102
    دولة"), and followed by a subject that is no verb itself ("صورة تجمعه مع ...")."""
    t = rd.t
    if not t.word[k] or k + 1 >= t.n or not t.word[k + 1]:
        return False
    if not opener and not (t.key[k][:1] in "وف" and len(t.key[k]) > 3):
        return False
    key = BARE[t.key[k]]
    if key[:1].isdigit() or any(b in NOMINAL_HEADS for b in noun_bases(key)):
        return False
    nxt = t.text[k + 1]
    return DEFINITE[t.key[k + 1]] or not nxt.endswith(("ه", "ها", "هم"))
