"""Giving a claim its speaker: the display offsets of the speaker and role phrases, the
speaker's gender (as the cue's form or the noun shows it) and the link of a surname to
the full name seen earlier.

Every way of finding a speaker (after the verb, before it, carried over, a headline's
"أوكرانيا:") ends here, so the checks on a speaker are made once: "والرئيس" is reported
as "الرئيس", and a "word" longer than MAX_PHRASE_CHARS is not a speaker.
"""

from __future__ import annotations

from processors.claims.agreement import cue_gender, noun_gender
from processors.claims.honorifics import honorific_at
from processors.claims.honorifics import resolve as resolve_honorific
from processors.claims.lexicons import FIRST_PERSON_QALA, load_set
from processors.claims.names import link, remember_speaker
from processors.claims.reading import MAX_PHRASE_CHARS, Draft, FieldReading
from processors.claims.words import BARE, STOP, conjunction_definite


def speaker_offsets(rd: FieldReading, a: int, b: int) -> tuple[int, int]:
    t = rd.t
    start = t.start[a]
    if conjunction_definite(t.key[a]) and (a == 0 or rd.cues[a - 1] is None):
        # "والرئيس أكد" → "الرئيس", "البشير والسيسي يؤكدان" → "السيسي". Right after
        # the verb the subject carries no conjunction: the letters are the word's own
        # ("وذكر والد الطفل أن", "وقال فالس", "قالت والستروم").
        start = rd.skip_letters(start, 1)
    return start, t.end[b - 1]


def set_speaker(rd: FieldReading, d: Draft, speaker: tuple[int, int], role: tuple[int, int] | None) -> None:
    if d.cue_index is not None and (BARE[rd.t.key[d.cue_index]] in FIRST_PERSON_QALA or _first_person(rd, d)):
        # "أقول بصراحة إن ...", "قلت جميعا": the writer (or the one quoted, whose
        # claim is carried over with copy_speaker) speaks; what follows or precedes a
        # first-person verb is never its subject ("بصراحة", "مثلا", "قصة الفندق").
        d.reason = "not_found"
        return
    t = rd.t
    a, b = speaker
    if b - a > 1 and t.word[a] and t.text[a] in _THAT_BEFORE_SUBJECT:
        # "في مقابل ذلك، فإن الولايات المتحدة أعربت", "لأن الرجل صرح": the particle
        # before the subject is no part of it.
        speaker = (a + 1, b)
        if role is not None and role[0] == a:
            role = (a + 1, role[1]) if role[1] > a + 1 else None
    if _not_a_speaker(rd, speaker[0]):
        d.reason = "not_found"
        return
    if honorific_at(rd, speaker[0]):
        # "وقال سموه إن": the person the honorific refers to, or no speaker
        # (honorifics.py).
        resolve_honorific(rd, d, speaker[0])
        return
    s, e = speaker_offsets(rd, *speaker)
    if e - s > MAX_PHRASE_CHARS:
        return  # not a speaker: a "word" of thousands of letters (see MAX_PHRASE_CHARS)
    d.speaker = (s, e)
    d.role = speaker_offsets(rd, *role) if role else None
    if d.role is not None and d.role[1] - d.role[0] > MAX_PHRASE_CHARS:
        d.role = None
    d.resolution = "explicit"
    d.gender = cue_gender_of(rd, d) or noun_gender(BARE[rd.t.key[speaker[0]]])
    link(rd, d, *speaker)
    remember_speaker(rd, *speaker)


def _first_person(rd: FieldReading, d: Draft) -> bool:
    """The verb cue is written in the first person present, as its letters show against
    its lemma: ن before a lemma that does not begin with it ("نعتقد", "نرى", "ونؤكد"),
    أ before a lemma of hamzat al-wasl ("أعتقد" of اعتقد; the past is written
    "اعتقد") or of another first letter ("أرى" of رأى), or أؤ ("أؤكد"). "لكنني أعتقد
    أننا ...": the phrase before it ("لكنني") is never its subject."""
    cue = d.cue
    if cue is None or cue.kind != "verb" or d.cue_index is None:
        return False
    text = rd.t.text[d.cue_index]
    lemma = cue.lemma  # (as written: "اعتقد" with hamzat al-wasl, "أكد" with its hamza)
    if text[:1] in ("و", "ف") and len(text) > 3:
        text = text[1:]
    if not lemma or len(text) < 3:
        return False
    if text[0] == "ن":
        return lemma[0] != "ن"
    if text[0] != "أ":
        return False
    if lemma[0] == "أ":
        return text[:2] == "أؤ"  # ("أكد", "أعلن": the past of the lemma's own form)
    return lemma[0] not in ("إ", "آ")


# Words that open a clause or an adjunct, never a noun phrase that can speak: "حين",
# "وقد عكست ...", "يمكن رفع ...", "ولا" ("إعلان اليوم لا يشير إلى"), "في البحرين",
# "اليوم" (claims_subordinators.tsv, claims_clause_openers.tsv, claims_modals.tsv, the
# one-word rows of claims_negations.tsv; short prepositions and time words of
# claims_speaker_stops.tsv).
_CLAUSE_WORDS = (
    load_set("claims_subordinators.tsv")
    | load_set("claims_clause_openers.tsv")
    | load_set("claims_modals.tsv")
    | frozenset(w for w in load_set("claims_negations.tsv") if " " not in w)
)
MAX_PREP_LETTERS = 3
# The passive's auxiliary opens a subjectless clause: "وتمت مناقشة القرار، مضيفا".
PASSIVE_AUX = frozenset(("تم", "تمت", "يتم", "تتم"))


# Particles written before a subject, as written (فان is also a name: "فان غال").
_THAT_BEFORE_SUBJECT = frozenset(("فإن", "وإن", "وأن", "لأن", "ولأن"))
# Particles that a subject never begins with: "بل" (rather), "أو" (or).
_NOT_SUBJECTS = frozenset(("بل", "أو"))


def _not_a_speaker(rd: FieldReading, a: int) -> bool:
    """A phrase that opens with a clause word, a preposition or a time word, or with a
    word with بال ("بالتأكيد", "بالاجتماع", "بالفعل مصدر قلق") is no speaker, whatever
    reader found it; a name that begins with بال ends in a long vowel ("بالوتيلي") or
    is one the article gave in full before."""
    t = rd.t
    if not t.word[a]:
        return False
    key = t.key[a]
    b = BARE[key]
    if b in _CLAUSE_WORDS or key in _CLAUSE_WORDS or b in PASSIVE_AUX:
        return True
    if a > 0 and t.word[a - 1] and BARE[t.key[a - 1]] in PASSIVE_AUX:
        return True  # "وتمت مناقشة القرار": the passive's verbal noun
    if t.text[a] in _NOT_SUBJECTS:
        return True  # "...، بل أكدت أن", "ذكر أو أنثى": a particle, or what it joins
    kind = STOP[key]
    if kind == "time" or (kind == "prep" and len(b) <= MAX_PREP_LETTERS):
        return True
    # (ب + ال + a noun is genitive and ends in no long vowel; "بالوتا", "بالبيردي"
    # are names.)
    if b[:3] != "بال" or b[-1:] in ("ا", "ي"):
        return False
    return rd.names.before(key, (rd.rank, t.start[a])) is None


def copy_speaker(rd: FieldReading, d: Draft, src: Draft) -> None:
    d.speaker, d.role, d.speaker_full = src.speaker, src.role, src.speaker_full
    d.gender = src.gender or cue_gender_of(rd, d)
    d.resolution = "carried"


def cue_gender_of(rd: FieldReading, d: Draft) -> str | None:
    return cue_gender(rd.t.key[d.cue_index], d.cue) if d.cue_index is not None else None
