"""Claims whose speaker is not written with their cue, carried over from elsewhere:
the previous claim's speaker ("وأضاف أن ..."), the speaker a pronoun refers to ("لكنه
نفى ..."), or the subject of the verb that opens the sentence ("وكتب الأمير رسالة
للبرلمان، يوضح فيها أنه ...").

Kept apart from the readers of each cue kind because all of them end here when no
speaker is written, and the order of the fallbacks (own sentence, then earlier claims,
then the sentence before) decides who speaks.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import partial

from processors.claims.agreement import agrees, antecedent, noun_gender
from processors.claims.attribution import copy_speaker, cue_gender_of, set_speaker
from processors.claims.cues import prep_verb
from processors.claims.lexicons import COMPLEMENTIZERS, KANA, NAME_JOINERS, load_set, load_word_tuples
from processors.claims.reading import ASKING, Draft, FieldReading
from processors.claims.tokens import COMMAS, Tokens
from processors.claims.words import (
    BARE,
    BEFORE_VERB,
    DEFINITE,
    QAD,
    ROLE,
    STOP,
    digit,
    nominal_head,
    participle,
    role,
    stop_kind,
)

# "...، إذ قال إن": a subjectless verb after these takes a subject of its own sentence
# only (claims_local_openers.tsv).
_LOCAL_OPENERS = load_set("claims_local_openers.tsv")
# Verbs of the writer at work ("رافقت «عكاظ»", "علمت \"الوطن\""): claims_journalist_verbs.tsv.
_JOURNALIST_VERBS = load_set("claims_journalist_verbs.tsv")


def pronoun(rd: FieldReading, d: Draft, gender: str | None) -> None:
    """A pronoun subject ("لكنه", "إلا أنها"): the subject of the verb that opens its
    sentence when no claim came before in it ("هاجم الرئيس الإيراني نظيره، لكنه قال
    إن"); else the speaker of the claim just before, in this sentence or the one
    before, if it agrees; else, at the start of a sentence after one with no claim, the
    subject of that sentence's verb ("زار الوزير موسكو أمس. لكنه أكد أن"); else none.
    A subject is taken only when the cue's form and the subject's head show the same
    gender (verb_subject's strict reading)."""
    i = d.cue_index
    t = rd.t
    first = t.sentence_start(i) if i is not None else -1
    if i is not None and first + 2 < i and rd.last_in_sentence.get(d.sentence) is None:
        if _pronoun_subject(rd, d, gender, first, i - 1):
            return
    last = rd.drafts[-1] if rd.drafts else None
    if (
        last is not None
        and last.speaker is not None
        and last.sentence >= d.sentence - 1
        and agrees(gender, last.gender)
    ):
        copy_speaker(rd, d, last)
        d.resolution = "pronoun"
        return
    if (
        i is not None
        and first > 0
        and i - 1 <= first
        and t.text[first - 1] not in ASKING
        and rd.last_in_sentence.get(t.sent[first - 1]) is None
    ):
        prev = t.sentence_start(first - 1)
        if _pronoun_subject(rd, d, gender, prev, first - 1):
            return
    d.reason = "unresolved_pronoun"


def _pronoun_subject(rd: FieldReading, d: Draft, gender: str | None, first: int, end: int) -> bool:
    """The subject of the verb at `first` (before `end`) as the pronoun's antecedent,
    when it agrees with the pronoun and the cue."""
    if verb_subject(rd, d, first, end, strict=True) and d.speaker is not None and agrees(gender, d.gender):
        d.resolution = "pronoun"
        return True
    _unset(d)
    if (
        gender == "m"
        and _masculine_verb(rd.t, first, end)
        and verb_subject(rd, d, first, end)
        and d.speaker is not None
        and _named(rd, d)
    ):
        # "ولم يتحدث روحاني مباشرة عن الواقعة، لكنه أوضح": a man's name shows no
        # gender of its own; the verb's form (يتحدث, not تتحدث) and the pronoun's
        # agree with it.
        d.resolution = "pronoun"
        return True
    _unset(d)
    return False


def _masculine_verb(t: Tokens, first: int, end: int) -> bool:
    """The verb that opens the clause at `first` shows a masculine singular form: the
    present with ي ("يتحدث"), the past without ت at either end ("رفض", not "رفضت";
    "تحدث" may be the feminine present too, and is not taken)."""
    v = _verb_after_particle(t, first, end)
    if v < 0 or not t.word[v]:
        return False
    key = BARE[t.key[v]]
    return key[:1] != "ت" and not key.endswith(("ت", "وا", "ون", "ان"))


def _named(rd: FieldReading, d: Draft) -> bool:
    """d's speaker ends with a name the article gave in full before ("روحاني" after
    "حسن روحاني", or the full name again): no phrase of common nouns ("قلق كبير أصاب
    محبي ...", read after a noun taken for a verb)."""
    t = rd.t
    assert d.speaker is not None
    a = bisect_left(t.start, d.speaker[0])
    b = bisect_left(t.start, d.speaker[1]) - 1
    if not (0 <= b < t.n and t.word[b]):
        return False
    # (Seen before the phrase: verb_subject has just remembered the phrase itself.)
    known = rd.names.before(t.key[b], (rd.rank, t.start[a]))
    return known is not None and known.words > 1


def carry_near(rd: FieldReading, d: Draft) -> None:
    """ "وبين أن ... . وذكر أن ...": a past cue whose subjectless form may be read as
    an impersonal passive ("وذُكر أن", claims_carryover.tsv) continues the speaker of
    the claim right before it, in its sentence or the one before, when the forms agree;
    further away it is the journalist's "it was reported", and no speaker. A sentence
    that opens with a verb and its subject ("وتوقع حسين الرقيب نزول السوق، وتوقع أن
    ...") gives that subject first, as for any carried cue."""
    if _own_subject(rd, d):
        return
    t = rd.t
    i, k = d.cue_index, d.content.start
    if i is not None and k > i and any(t.word[m] and role(t, m) == "trigger" for m in range(i + 1, min(k, i + 8))):
        # "واعتبر من جهته رئيس المكتب السياسي ... أن": a subject after the cue that
        # the phrase reader did not take; never the speaker before ("من جهته").
        d.reason = "not_found"
        return
    last = rd.drafts[-1] if rd.drafts else None
    if (
        last is not None
        and last.speaker is not None
        and not last.dropped
        and not _nested_report(rd, last)
        and last.sentence >= d.sentence - 1
        and agrees(cue_gender_of(rd, d), last.gender)
    ):
        copy_speaker(rd, d, last)
    else:
        d.reason = "no_antecedent"


def _own_subject(rd: FieldReading, d: Draft) -> bool:
    """ "وكتب الأمير رسالة للبرلمان، يوضح فيها أنه ...": a subjectless cue inside
    a sentence that opened with another verb takes that verb's subject, when it
    agrees, before reaching back to an earlier claim."""
    t = rd.t
    i = d.cue_index
    if i is None:
        return False
    first = t.sentence_start(i)
    if not (first + 1 < i and t.word[first]):
        return False
    earlier = rd.last_in_sentence.get(d.sentence)
    if earlier is not None and earlier.speaker is not None:
        return False  # "وأكدت الأمم المتحدة أن ...، وقالت إن": the earlier claim's
    if t.word[i - 1] and t.key[i - 1] in _PRONOUN_COMPLEMENTIZERS:
        # "لم تحصل الوفود على معلومات من الوزير، رغم أنه قال إن ...": the pronoun's
        # antecedent is anyone named before, not the sentence's subject by default.
        return False
    if _nearest_clause_subject(rd, d, first, i):
        return True
    first = past_adjunct(rd, first, i)
    if first < 0:
        return False
    k = first + 1 if BARE[t.key[first]] in QAD else first
    if k + 1 < i and t.word[k] and BARE[t.key[k]] in KANA:
        return _kana_subject(rd, d, k, i)
    if BARE[t.key[first]] in _SUBJECT_PARTICLES:
        return _fronted_subject(rd, d, first + 1, i)
    return verb_subject(rd, d, first, i)


# How far back from a subjectless cue a coordinated clause of its sentence is looked for.
MAX_CLAUSE_BACK = 25


def _nearest_clause_subject(rd: FieldReading, d: Draft, first: int, i: int) -> bool:
    """ "وانتهت التدريبات مساء أمس، وأشاد المسؤول عن الفئات بمستوى اللاعبين، وقال:
    ...", "وطرح أحد الصحفيين سؤالا فرد عليه الرئيس وقال: ...": a cue with no subject
    of its own goes with the nearest clause before it in its sentence, a verb with و
    or ف written on it and its subject, not with the verb that opens the sentence.
    Taken only when a role follows the verb as its subject ("وأهدت الجائزة إلى ...
    وقالت": after a verb whose subject is a pronoun, its object) and the cue's form and
    the role show the same gender (a word with و may be a noun: "ووزير", "وصول");
    else the sentence's first verb is tried as before."""
    t = rd.t
    low = max(first + 1, i - MAX_CLAUSE_BACK)
    for k in range(i - 2, low - 1, -1):
        if not t.word[k] or rd.cues[k] is not None or rd.according[k] is not None:
            if not t.word[k] and t.text[k] not in COMMAS:
                return False  # (a colon, a quotation: no clause of this one before it)
            continue
        key = t.key[k]
        if key[:1] not in ("و", "ف") or len(key) < 4 or DEFINITE[key[1:]] or DEFINITE[key]:
            continue
        if role(t, k) is not None or STOP[key] is not None or nominal_head(key) or nominal_head(key[1:]):
            continue
        if not t.word[k + 1] or role(t, k + 1) != "trigger":
            continue  # (a verb whose subject is not written takes its object there: "وأهدت الجائزة")
        if verb_subject(rd, d, k, i, strict=True):
            if d.speaker is not None:
                return True
            d.reason = None  # (no subject read there: the next clause back is tried)
    return False


# "بعض"، "معظم": a quantifier opening a sentence's subject, never a verb
# (claims_subject_quantifiers.tsv).
QUANTIFIERS = load_set("claims_subject_quantifiers.tsv")
# "أنه"، "أنها": a complementizer carrying the subject pronoun of the verb after it.
_PRONOUN_COMPLEMENTIZERS = frozenset(k for k in COMPLEMENTIZERS if k.endswith(("ه", "ها")))
# The most tokens of an adjunct that opens a sentence before its verb, up to its comma:
# "وفي حملته الانتخابية لعام 2016،" (six).
MAX_ADJUNCT_TOKENS = 9


def past_adjunct(rd: FieldReading, first: int, i: int) -> int:
    """Where the clause of a sentence that opens at `first` starts, past an adjunct
    before its verb: "وفي حملته الانتخابية لعام 2016، هاجم ترامب الاتفاق، قائلا إن
    ...", "من جهتها، أصدرت الإدارة بيانا أكدت فيه أن ...", "من جهته علق الوزير على
    القرار، قائلا": the subject the cue or participle takes is the verb's after it,
    not a speaker of an earlier sentence. `first` itself when the sentence opens
    otherwise; -1 when no verb clause can be told after the adjunct: the adjunct takes
    a cue, a quotation or a complementizer ("وفي الوقت الذي قال فيه ..."), it ends
    with a role whose holder's name follows the comma ("وفي مؤتمر مع رئيس وزراء
    اليابان، شينزو آبي، قال"), or the word after the comma is a name ("عبد")."""
    t = rd.t
    if not t.word[first] or stop_kind(t, first) != "prep" or prep_verb(t, first, i):
        return first
    if first + 2 < i and t.word[first + 1] and (BARE[t.key[first]], t.key[first + 1]) in _ON_HIS_PART:
        k = first + 2  # "من جهته علق ...", "من جهته، أصدرت ..."
        if not t.word[k] and t.text[k] in COMMAS:
            k += 1
        return k if k + 1 < i and t.word[k] else -1
    c = first + 1
    end = min(i, first + MAX_ADJUNCT_TOKENS + 1)
    while c < end and t.word[c] and rd.cues[c] is None and t.key[c] not in COMPLEMENTIZERS:
        c += 1
    if c + 2 >= i or t.word[c] or t.text[c] not in COMMAS or t.opens[c] >= 0 or t.closes[c] >= 0:
        return -1
    v = c + 1
    if not t.word[v] or t.key[v] in NAME_JOINERS:
        return -1
    if any(t.word[m] and role(t, m) == "trigger" for m in range(max(first, c - 3), c)):
        return -1
    return v


# "من جهته"، "من جانبها": a phrase announcing a new speaker (claims_pre_subject_phrases.tsv).
_ON_HIS_PART = load_word_tuples("claims_pre_subject_phrases.tsv")


def _fronted_subject(rd: FieldReading, d: Draft, k: int, i: int) -> bool:
    """ "لكن محكمة التمييز العراقية أعادت دراسة الملف، واعتبرت أن": after the particle,
    the subject comes before its verb; a subjectless cue of the same sentence takes
    it when the cue's form and the subject's head show the same gender and the word
    after the subject has the shape of a verb of that gender (أعادت، تعيد; يعيد)."""
    t = rd.t
    gender = cue_gender_of(rd, d)
    if gender is None or k >= i or not t.word[k]:
        return False
    sp = rd.sp.forward(k, i, None)
    if sp.phrase is None:
        return False
    a, b = rd.sp.subject_only(*sp.phrase)
    if b >= i or not t.word[b] or DEFINITE[t.key[b]] or noun_gender(BARE[t.key[a]]) != gender:
        return False
    verb = t.key[b]
    if not (verb.endswith("ت") or verb[:1] == "ت" if gender == "f" else verb[:1] == "ي"):
        return False
    set_speaker(rd, d, *rd.sp.split_role(a, b))
    d.resolution = "carried"
    return True


# "لكن المحكمة أعادت ...، واعتبرت" (claims_subject_particles.tsv).
_SUBJECT_PARTICLES = load_set("claims_subject_particles.tsv")


# The most words of a subject between كان and قد taken when it is neither a role nor a
# person's name: "وكانت الهيئة العامة للطيران المدني قد أطلقت" (five).
MAX_QAD_SUBJECT_WORDS = 6


def _kana_subject(rd: FieldReading, d: Draft, k: int, i: int) -> bool:
    """ "لقد كان الرئيس واضحا في موقفه، عندما قال إن ...": the subject of كان that
    opens the sentence, when it names someone who can speak (a role or a person's
    name: "كان الوضع صعبا، عندما قال" is no speaker; any phrase closed by قد) and
    كان's form and the cue's show the same gender."""
    t = rd.t
    kana = BARE[t.key[k]]
    form = "f" if kana == "كانت" else "m" if kana == "كان" else None
    if form is None or cue_gender_of(rd, d) != form:
        return False
    end = k + 1
    while end < i and not (t.word[end] and BARE[t.key[end]] == "قد"):
        end += 1  # "وكان الوزير البحريني قد نشر تغريدة، قال فيها": the subject ends at قد
    sp = rd.sp.forward(k + 1, end, None)
    if sp.phrase is None:
        return False
    a, b = rd.sp.subject_only(*sp.phrase)
    name, role_range = rd.sp.split_role(a, b)
    # "وكانت القوات المسلحة قد أصدرت بيانا، قالت فيه", "وكانت حماس قد نشرت صورة، قالت
    # فيها": a phrase that runs from كان to قد is its subject whatever it names (a
    # body, one name), since nothing but the subject stands between them.
    before_qad = b == end < i and b - a <= MAX_QAD_SUBJECT_WORDS
    if role_range is None and role(t, a) != "trigger" and not before_qad:
        # A name alone only when set apart by a comma or قد: in "وكانت حماس نشرت
        # صورة" the name runs into the verb, which has no mark of its own.
        if b - a > 3 or not rd.sp.person_name(*name) or not (b == end or (not t.word[b] and t.text[b] in COMMAS)):
            return False
    if noun_gender(BARE[t.key[a]]) not in (None, form):
        return False
    set_speaker(rd, d, name, role_range)
    d.resolution = "carried"
    return True


def _lead_subject(rd: FieldReading, d: Draft) -> bool:
    """No claim before has a speaker: "كشف باسم التميمي سبب نشر الفيديو. وقال إن
    ...": the subject of the verb that opens the sentence before, when it agrees."""
    t = rd.t
    if d.cue_index is None:
        return False
    first = t.sentence_start(d.cue_index)
    if first == 0 or d.cue_index != first or t.text[first - 1] in ASKING:
        return False  # (after a question, the dialogue's other voice speaks)
    prev = t.sentence_start(first - 1)
    return verb_subject(rd, d, prev, first - 1)


def verb_subject(rd: FieldReading, d: Draft, first: int, end: int, strict: bool = False) -> bool:
    """The subject of the verb at `first` (before `end`), as d's speaker. With
    `strict`, the cue's form and the subject's head must both show the same gender
    (or both the plural): "وتجاوبت الجامعة ...، معلنة", "يدين المحامون ...، معتبرين";
    a verb whose subject is not written is followed by its object ("وزار المستشفى"),
    which agrees with anything when its gender does not show."""
    t = rd.t
    if not t.word[first] or first + 1 >= end:
        return False
    first = _verb_after_particle(t, first, end)
    if first < 0 or first + 1 >= end:
        return False
    if BARE[t.key[first]] in _JOURNALIST_VERBS and t.opens[first + 1] >= 0:
        # 'رافقت «عكاظ» السفير ...، وأوضح أن': the paper at work is no speaker of
        # what follows (its source, its host or the one it met is).
        d.reason = "not_found"
        return True
    if (
        (stop_kind(t, first) is not None and not listed_verb(t, first) and not prep_verb(t, first, end))
        or DEFINITE[t.key[first]]
        or digit(t, first)
    ):
        return False
    if BARE[t.key[first]] in QUANTIFIERS:
        return _quantified_subject(rd, d, first, end)
    sp = rd.sp.forward(first + 1, end, None)
    if sp.speaker is None or sp.phrase is None:
        return False
    a, b = rd.sp.subject_only(*sp.phrase)
    if STOP[t.key[a]] == "deixis":
        # "ذكر هذه الحكاية مؤخرا كاتب السيناريو محفوظ عبد الرحمن": a demonstrative
        # phrase is the object; the subject may follow it (and a time word or an
        # adverb of the participle's shape, مؤخرا), when it
        # names a person by a role, or by a name with what he is.
        k = b
        while k < end and t.word[k] and (stop_kind(t, k) == "time" or participle(t.key[k])) and k - b < 2:
            k += 1
        if k == end and b == end and b - a == 2 and DEFINITE[t.key[a + 1]] and not _purpose_l(t.key[first]):
            # "ضحك ذلك الشيخ وقال: ...": nothing between the phrase and the cue, so no
            # subject follows it: the demonstrative and its noun are the subject (not
            # after ل, a noun of purpose: "ولإصلاح هذا الوضع قال": its object).
            pass
        elif k >= end or not t.word[k] or stop_kind(t, k) is not None:
            return False
        else:
            sp = rd.sp.forward(k, end, None)
            if sp.speaker is None or sp.phrase is None or (role(t, k) != "trigger" and sp.role is None):
                return False
            a, b = sp.phrase
    while b - a > 1 and t.word[b - 1] and not DEFINITE[t.key[b - 1]] and _possessed(t.text[b - 1]):
        b -= 1  # "أبدى المدرب جوميز رضاه": his satisfaction is the object
    if not agrees(cue_gender_of(rd, d), noun_gender(BARE[t.key[a]])):
        return False
    if strict and not _plainly_agrees(rd, d, a):
        return False
    b = _subject_end(rd, a, b)
    if b <= a:
        # "وسجل للنادي هدفا. وأعلن أن ...": no subject can be read here; the speaker
        # of an earlier claim would be a guess across this verb's own (unread) subject.
        d.reason = "not_found"
        return True
    set_speaker(rd, d, *rd.sp.split_role(a, b))
    d.resolution = "carried"
    return True


# The most words of a name looked at for one seen in full before ("دونالد ترامب").
MAX_KNOWN_NAME_WORDS = 3

# Particles before a sentence's verb (BEFORE_VERB, claims_before_verb.tsv), and these
# of two words: "ولا تزال البلاد في حالة تأهب", "وما زالت المراصد".
_STILL = frozenset(("لا", "ما"))
_ZAL = frozenset(("زال", "زالت", "زالوا", "يزال", "تزال", "يزالون"))
# A sentence that opens with these has no verb whose subject could speak: "ولا
# يوجد سبب", "ما نقوله", "وتم توقيف عشرات": no subject is guessed.
_NO_SUBJECT = frozenset(("لا", "ما", "تم", "تمت", "يتم", "إن", "ان"))


def _quantified_subject(rd: FieldReading, d: Draft, first: int, end: int) -> bool:
    """A sentence that opens with a quantifier ("بعض الأطراف السياسية ... ترى أن",
    "أغلب السوريين الذين تحدثنا إليهم يرون أن") has no verb there: the phrase is its
    subject, of many. A participle of the masculine singular is not theirs ("بعض
    الوزراء عادوا ...، مؤكدا": someone else, unsure): no speaker, with the reason; a
    verb of that form ("وقال") is left to the speaker before. True when d was given
    a speaker or a reason."""
    if cue_gender_of(rd, d) == "m":
        if d.cue is None or d.cue.kind != "participle":
            return False  # (a verb "وقال" may go on with the speaker before, as after any sentence)
        d.reason = "disagreeing_antecedent"
        return True
    sp = rd.sp.forward(first, end, None)
    if sp.speaker is None or sp.phrase is None or sp.phrase[1] - first < 2:
        return False
    set_speaker(rd, d, *rd.sp.split_role(*rd.sp.subject_only(*sp.phrase)))
    d.resolution = "carried"
    return True


def _purpose_l(key: str) -> bool:
    """A word with ل written on it ("ولإصلاح", "لتحقيق"): no verb opening a clause."""
    return key[:1] == "ل" or key[:2] in ("ول", "فل")


def listed_verb(t: Tokens, k: int) -> bool:
    """A verb listed among the words that end a speaker phrase ("جدد"، "أعاد"، "كرر":
    "جددت موسكو تأكيدها"), not كان nor يكون: it opens a clause whose subject follows it ("وجدد
    الناطق باسم الحكومة التأكيد على ...، مشيرا إلى أن")."""
    if stop_kind(t, k) != "verb":
        return False
    key = BARE[t.key[k]]
    return key not in KANA and "كون" not in key and key[:2] != "كا"  # (يكون، تكون: كان's present)


def _verb_after_particle(t: Tokens, first: int, end: int) -> int:
    """The verb of a clause that opens at `first`, past a particle before it; -1 when
    the clause opens with a word after which no subject is read."""
    w = BARE[t.key[first]]
    if w in BEFORE_VERB:
        return first + 1 if t.word[first + 1] else -1
    if w in _STILL and first + 2 < end and t.word[first + 1] and t.key[first + 1] in _ZAL:
        return first + 1
    if w in _NO_SUBJECT:
        return -1
    return first


def _subject_end(rd: FieldReading, a: int, b: int) -> int:
    """Where the subject read after a verb that is not a cue really ends: the phrase
    reader runs on into the verb's object or an adjunct, and a speaker that takes in
    its object is no one a fact-checker can name ("وانتقد ترمب بالانسحاب من
    الاتفاق" is Trump, not "ترمب بالانسحاب").
    It ends before a word with ب after a name or a noun ("أشاد بوتين بالمباراة";
    not after a role, whose place or name follows: "رئيس اللجنة بالبدع محمد
    المسعودي"), before an accusative word with its tanwin ("وأبدى نائب إيراني
    انتقاداً"), and before a preposition that closes the phrase ("وقالت تركيا في").
    A phrase that opens with لل is the addressee, no subject ("للكرملين"): a or less
    is returned for it."""
    t = rd.t
    if t.key[a][:2] == "لل" and not (a > 0 and rd.according[a - 1] is not None):
        return a  # (after "وفقا", "طبقا" the source is written with ل: "وفقا للناطق")
    is_role = role(t, a) == "trigger"
    if not is_role and b - a > 1:
        # A name the article gave in full earlier, by its surname or whole: the
        # object follows it ("وكتب ترامب تغريدة", "ووصف بوتين التدخل").
        here = (rd.rank, t.start[a])
        for m in range(a, min(b - 1, a + MAX_KNOWN_NAME_WORDS)):
            if not t.word[m]:
                break
            known = rd.names.before(t.key[m], here)
            if known is not None and (m == a or known.words == m - a + 1):
                return m + 1
    for k in range(a + 1, b):
        if not t.word[k]:
            continue
        key = t.key[k]
        if not is_role and _with_bi(t, k, b):
            return k
        if not is_role and STOP[key] == "prep" and BARE[key] != "من":
            # "تعيش سارة محمود في القاهرة وتقول": where she lives is no part of her
            # name (من may be partitive: "أعداد متنامية من البحوث", "كل من بريطانيا").
            return k
        if key[-1:] == "ا" and _tanwin(rd, k):
            return k
    while b - 1 > a and t.word[b - 1] and STOP[t.key[b - 1]] == "prep":
        b -= 1
    return b


def _with_bi(t: Tokens, k: int, b: int) -> bool:
    """A word with the preposition ب written on it, by what follows ب: the article
    ("بالانسحاب"), a demonstrative ("بذلك"), a verbal noun ("باتخاذ"), a feminine
    or possessed noun ("بلهجة", "بقوة"), a noun in construct with a definite word
    ("بحق الانسحاب", "بسفراء الحزم"), or بين. Names that begin with ب are
    mostly of none of these shapes ("بول بوغبا", "سالي باين", "بدر"; بن is a joiner of
    names)."""
    key = t.key[k]
    if key[:1] != "ب" or key in NAME_JOINERS or ROLE[key] == "linker":
        return False
    rest = key[1:]
    if rest[:2] == "ال" or rest == "ين" or STOP[rest] == "deixis":
        return True
    if len(rest) >= 3 and (rest[-1] == "ه" or nominal_head(rest)):
        return True
    return k + 1 < b and t.word[k + 1] and DEFINITE[t.key[k + 1]]


def _tanwin(rd: FieldReading, k: int) -> bool:
    """The word is written with the accusative tanwin (ً), which the display text
    drops: "انتقاداً", "غضباً"."""
    o, e = rd.norm.to_original(rd.t.start[k], rd.t.end[k])
    return "\u064b" in rd.norm.original[max(o, e - 3) : e + 1]


def _possessed(word: str) -> bool:
    """A noun with a possessive pronoun ("رضاه", "تهانيه", "جمهورها"): an object, never
    the end of a subject's name."""
    return len(word) > 4 and word.endswith(("ها", "هم", "هما")) or (len(word) > 3 and word.endswith("ه"))


def _plainly_agrees(rd: FieldReading, d: Draft, a: int) -> bool:
    cue_form = cue_gender_of(rd, d)
    head = BARE[rd.t.key[a]]
    if cue_form is not None:
        # (A word whose و is its own letter: "وزير", not و + "زير".)
        return cue_form == (noun_gender(head) or noun_gender(rd.t.key[a]))
    # A plural participle ("معتبرين", "مؤكدون") and a plural head ("المحامون").
    key = rd.t.key[d.cue_index] if d.cue_index is not None else ""
    return key.endswith(("ين", "ون")) and head.endswith(("ون", "ين"))


def carry(rd: FieldReading, d: Draft) -> None:
    """ "وأضاف أن ...": the previous claim's speaker (same field), or an earlier one
    when the cue's form does not agree with it ("وأوضحت" after "قال الوزير")."""
    if d.cue is not None and d.cue.kind == "verb" and _own_subject(rd, d):
        return
    if _after_local_opener(rd, d):
        # "وكان لها موقف مختلف، عندما صرحت بأن ...": the clause's subject is in its
        # own sentence; a speaker quoted sentences before is a guess.
        src = rd.last_in_sentence.get(d.sentence)
        if src is not None and src.speaker is not None and agrees(cue_gender_of(rd, d), src.gender):
            copy_speaker(rd, d, src)
        else:
            d.reason = "no_antecedent"
        return
    if d.cue is not None and d.cue.kind == "verb" and rd.with_speaker and _new_person(rd, d):
        return
    if d.cue is not None and rd.with_speaker and _intro_subject(rd, d):
        return
    src = antecedent(rd.with_speaker, cue_gender_of(rd, d), partial(_nested_report, rd))
    if src is not None:
        copy_speaker(rd, d, src)
    elif not rd.with_speaker and d.cue is not None and d.cue_index is not None and _lead_subject(rd, d):
        return
    else:
        d.reason = "disagreeing_antecedent" if rd.with_speaker else "no_antecedent"


# How many claims before a noun-phrase report are looked at for one that contains it.
MAX_OUTER_BACK = 4


def _nested_report(rd: FieldReading, src: Draft) -> bool:
    """ "وقال الوزير إن الرئيس نفى الاتهامات. وأضاف أن ...": a noun-phrase report
    inside the content of an earlier claim of its sentence is part of that content (it
    is dropped as a claim, see ranges.py); "وأضاف" continues the minister, not the
    president. An earlier claim of the same sentence whose content starts before the
    report's introduction is taken to contain it."""
    if not src.content.nominal:
        return False
    drafts = rd.drafts
    k = len(drafts) - 1
    low = max(-1, k - MAX_OUTER_BACK - 1)
    while k > low and drafts[k] is not src:
        k -= 1
    if k <= low:
        return False
    for m in range(k - 1, max(-1, k - 1 - MAX_OUTER_BACK), -1):
        outer = drafts[m]
        if outer.sentence != src.sentence:
            return False
        c = outer.content
        start = c.start if c.quote < 0 else rd.q[c.quote].open
        if outer.cue_index is not None and not c.nominal and 0 <= start <= src.anchor:
            return True
    return False


def _after_local_opener(rd: FieldReading, d: Draft) -> bool:
    i = d.cue_index
    if i is None or i == 0:
        return False
    t = rd.t
    return t.word[i - 1] and t.sent[i - 1] == t.sent[i] and BARE[t.key[i - 1]] in _LOCAL_OPENERS


def _silent_sentence_before(rd: FieldReading, d: Draft) -> tuple[int, int] | None:
    """(first token of the sentence before, first token of d's) when d's cue opens its
    sentence (not after a question) and the sentence before, of three tokens or more,
    opening with a word and outside any quotation, has nobody speaking in it: the
    place where _new_person and _intro_subject look for who speaks next."""
    t = rd.t
    i = d.cue_index
    if i is None:
        return None
    first = t.sentence_start(i)
    if first == 0 or i != first or t.text[first - 1] in ASKING:
        return None
    prev = t.sentence_start(first - 1)
    if rd.last_in_sentence.get(t.sent[prev]) is not None:
        return None  # the sentence before has a claim: its speaker is the antecedent
    if not t.word[prev] or prev + 2 >= first:
        return None
    if t.quote[prev] >= 0 or t.quote[first - 1] >= 0:
        return None  # a sentence of someone's quotation ("وقال مورينيو "... ." وأضاف")
    k = bisect_left(rd.cue_tokens, prev)
    if k < len(rd.cue_tokens) and rd.cue_tokens[k] < first:
        return None  # someone speaks in that sentence: not only an introduction
    return prev, first


def _new_person(rd: FieldReading, d: Draft) -> bool:
    """ "وقال فلان إن .... ودافع كريس بينغهام، مسؤول التكنولوجيا في الشركة، عن عملها.
    وقال: ...": a sentence with no claim that opens with a verb whose subject is a
    person's name introduces who speaks next; a cue opening the next sentence with no
    subject of its own is his, not the earlier speaker's. Only a full personal name with
    its role between commas, in a sentence where nobody speaks."""
    t = rd.t
    found = _silent_sentence_before(rd, d)
    if found is None:
        return False
    prev, first = found
    if rd.cues[prev] is not None or stop_kind(t, prev) is not None or DEFINITE[t.key[prev]] or digit(t, prev):
        return False
    sp = rd.sp.forward(prev + 1, first - 1, None)
    if sp.speaker is None or sp.role is None or sp.phrase is None:
        return False
    a, b = sp.speaker
    # The name and its role set apart by commas, the way news introduces a person
    # ("كريس بينغهام، مسؤول التكنولوجيا،", "المتحدثة باسم البيت الأبيض، سارة
    # ساندرز،"): a role and two words run together are often something else ("وبدا
    # المدرب الفرنسي أكثر سعادة", "وحظي المستثمر فاجع بتكريم خاص").
    if not any(not t.word[m] and t.text[m] in COMMAS for m in range(*sp.phrase)):
        return False
    if not rd.sp.person_name(a, b, loose=True):  # (delimited: "كريم الحسن،")
        return False
    if not agrees(cue_gender_of(rd, d), noun_gender(BARE[t.key[a]])):
        return False
    set_speaker(rd, d, sp.speaker, sp.role)
    d.resolution = "carried"
    return True


def _intro_subject(rd: FieldReading, d: Draft) -> bool:
    """ "وقال فلان إن .... من جانبه، أشاد الأمين العام بجهود الإغاثة. وقال إن ...",
    "... . كما نصح مكتب الخارجية المواطنين بتجنب المناطق. وأوضح أن ...": a cue
    opening its sentence with no subject of its own (a verb or a participle), right
    after a sentence where nobody speaks that opens with a verb whose subject, right
    after it, is a role ("الأمين العام", "مكتب الخارجية"), goes on with that subject,
    the nearest one before it, not with a speaker quoted further back. Other subjects
    ("وشهدت المدينة احتجاجات", "ويتضمن الاتفاق", a name that may run into the object)
    are left to the earlier speaker as before, and so is a verb of seeming ("وبدا
    المدرب أكثر سعادة": a description)."""
    t = rd.t
    found = _silent_sentence_before(rd, d)
    if found is None:
        return False
    prev, first = found
    v = past_adjunct(rd, prev, first - 1)
    if 0 <= v < first - 2 and t.word[v] and BARE[t.key[v]] == _ALSO:
        v += 1  # "كما نصح مكتب الخارجية المواطنين ..."
    if v < 0 or rd.according[v] is not None or (t.word[v] and BARE[t.key[v]] in _SEEMING):
        return False
    if not verb_subject(rd, d, v, first - 1) or d.speaker is None:
        _unset(d)
        return False
    a = bisect_left(t.start, d.speaker[0])
    if a != v + 1 or role(t, a) != "trigger":
        # (The role right after the verb, its subject: "وروسيا أيضا مسؤولة" has no verb.)
        _unset(d)
        return False
    return True


# "وبدا المدرب أكثر سعادة": a description, no act (claims_seeming_verbs.tsv).
_SEEMING = load_set("claims_seeming_verbs.tsv")
# "كما" (likewise) before the verb of a sentence that adds an act: "كما دعت الوزارة".
_ALSO = "كما"


def _unset(d: Draft) -> None:
    d.speaker = d.role = d.speaker_full = None
    d.reason = None
    d.resolution = None
