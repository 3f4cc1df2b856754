"""Claims opened by a verbal noun followed by أن: "تأكيدها على أن ...", "تأكيد الوزارة
أن ...", or by its owner and a noun phrase: "بعد إعلان الشركة عن خطة جديدة".

A verbal noun reports with an explicit أن, or, when its owner is named after it, with
the noun phrase its verb takes (below); its speaker is its owner (a pronoun suffix
pointing back, or the noun after it), so it is read apart from verbs.
"""

from __future__ import annotations

from processors.claims.attribution import set_speaker
from processors.claims.carried import carry
from processors.claims.content import content_now
from processors.claims.lexicons import CUES, Cue, fold, load_set, read_rows
from processors.claims.reading import Content, Draft, FieldReading
from processors.claims.words import BARE, DEFINITE, STOP, complementizer, nominal_head, stop_kind

_TIME_WORDS = 3
# Pronoun suffixes that mark a word of the owner phrase as an object ("عزمها"، "رغبته").
_SUFFIXES = ("ها", "هم", "هما", "ته")
# The verb of each verbal noun's lemma: its nominal column says which noun phrase the
# noun may take after its owner, as the verb does after its subject ("أعلنت الشركة عن
# خطة" / "إعلان الشركة عن خطة"; "أعلنت الحكومة تخفيف" / "إعلان الحكومة تخفيف").
_VERB_OF = {c.lemma: c for c in CUES.values() if c.kind == "verb"}
# Verbal nouns that take a noun phrase: only إعلان (announcing). Not تحذير (its
# genitive is mostly the one warned: "تحذير المواطنين من الاقتراب"), تأكيد ("تأكيد عزمه
# المضي": the genitive is what is stressed), اعتراف ("اعتراف واشنطن بالقدس" is
# recognition), قول/تصريح (their noun phrase is the occasion: "تصريح الوزير لوكالة").
_NOUN_PHRASE_LEMMAS = frozenset({"أعلن"})
# Their forms as listed (no pronoun suffix: "إعلانه الرحيل عن النادي" is his leaving).
_NOUN_PHRASE_FORMS = frozenset(
    fold(f)
    for r in read_rows("claims_cues.tsv")
    if r[1] == "noun" and r[0] in _NOUN_PHRASE_LEMMAS
    for f in r[5].split()
)
# Prepositions of time that make the noun an event that took place (the file says why).
_AFTER_EVENT = load_set("claims_after_event.tsv")


def noun_claim(rd: FieldReading, i: int, cue: Cue) -> Draft | None:
    """ "تأكيدها على أن ...": a verbal noun with أن after it. Its speaker is the
    owner named before it ("جددت فيه موسكو تأكيدها"), or after it ("تأكيد الوزارة
    أن"), or the previous speaker."""
    limit = rd.limit(i)
    sentence = rd.t.sent[i]
    key = rd.t.key[i]
    suffixed = any(key.endswith(s) for s in ("ه", "ها", "هم", "هما")) and not key.endswith("ة")
    content = content_now(rd, i + 1, limit, cue, nominal=False)
    if content is not None and suffixed:
        d = Draft(i, cue, content, i, sentence)
        back = rd.sp.backward(i, rd.t.sentence_start(i), after_an=True)
        if back is not None:
            d.anchor = back[0]
            set_speaker(rd, d, *rd.sp.split_role(*back))
        else:
            carry(rd, d)
        return d
    if content is not None:
        return None
    sp = rd.sp.forward(i + 1, limit, None)
    if sp.speaker is None:
        return None
    k = sp.next
    # "تصريح المدير جون ليهي الاثنين أن ...", "إعلان الوزارة أمس أن": a time word
    # between the owner and أن is the verbal noun's adjunct (a few words at most).
    while k < min(limit, sp.next + _TIME_WORDS) and rd.t.word[k] and STOP[rd.t.key[k]] == "time":
        k += 1
    content = content_now(rd, k, limit, cue, nominal=False)
    if content is not None and k > sp.next and not complementizer(rd.t, k):
        # Only before أن: "في تصريحات بثتها اليوم "..."" has no owner after the noun
        # (بثتها is a verb), and the quotation is the verb's before it.
        content = None
    if content is None and k == sp.next and sp.phrase is not None:
        content = _noun_phrase(rd, i, sp.phrase, k, limit, cue)
        if content is None:
            # "بعد إعلان الحكومة تخفيف القيود": the phrase read as the owner holds the
            # object too; after a complete definite owner, a verbal noun opens it.
            a, b = rd.sp.subject_only(*sp.phrase)
            if a < b < sp.phrase[1] and _noun_phrase(rd, i, (a, b), b, limit, cue, bare_only=True) is not None:
                d = Draft(i, cue, Content("indirect", start=b, nominal=True), i, sentence)
                set_speaker(rd, d, *rd.sp.split_role(a, b))
                return d
    if content is None:
        return None
    d = Draft(i, cue, content, i, sentence)
    set_speaker(rd, d, sp.speaker, sp.role)
    return d


def _noun_phrase(
    rd: FieldReading, i: int, owner: tuple[int, int], k: int, limit: int, cue: Cue, bare_only: bool = False
) -> Content | None:
    """ "بعد إعلان الشركة عن خطة جديدة"، "منذ إعلان الحكومة تخفيف القيود": right after
    the owner, the noun phrase the verb would take, after its preposition or (a verb
    that takes one bare) opened by a verbal noun. Only the noun as written in the
    lexicon, after a preposition of time (claims_after_event.tsv: elsewhere it may be
    demanded or planned, "تمهيدا لإعلان الحكومة عن خطتها"), and an owner with no
    pronoun-suffixed word ("إعلان الإعلامية عزمها الترشح": عزمها is the object)."""
    verb = _VERB_OF.get(cue.lemma)
    t = rd.t
    if verb is None or cue.lemma not in _NOUN_PHRASE_LEMMAS or k + 1 >= limit or not t.word[k]:
        return None
    if i == 0 or not t.word[i - 1] or BARE[t.key[i - 1]] not in _AFTER_EVENT or t.key[i] not in _NOUN_PHRASE_FORMS:
        return None
    if any(t.word[m] and t.text[m].endswith(_SUFFIXES) for m in range(*owner)):
        return None
    key = BARE[t.key[k]]
    if not bare_only and (key in cue.preps or key in verb.preps):
        n = k + 1
        if t.word[n] and stop_kind(t, n) is None and not complementizer(t, n):
            return Content("indirect", start=n, nominal=True)
        return None
    # (Not an accusative: "منذ إعلان النتائج احتجاجا على ..." is why they protest.)
    if verb.nominal == "bare" and not DEFINITE[t.key[k]] and nominal_head(t.key[k]) and t.key[k][-1:] != "ا":
        return Content("indirect", start=k, nominal=True)
    return None
