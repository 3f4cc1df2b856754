"""Claims opened by a participle: "مضيفاً أننا لم نحصل", "الوزير محذرا: ...".

A participle has no subject of its own: its speaker is that of the verb it depends on,
which is found differently from a verb's, so it is read here.
"""

from __future__ import annotations

from processors.claims.attribution import copy_speaker, set_speaker
from processors.claims.carried import carry, verb_subject
from processors.claims.content import content_now, skip_saying
from processors.claims.lexicons import Cue
from processors.claims.reading import Draft, FieldReading
from processors.claims.tokens import COMMAS
from processors.claims.words import DEFINITE, digit, stop_kind


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
