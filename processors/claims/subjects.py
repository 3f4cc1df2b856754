"""A verb's subject written before it: "الوزير قال إن", "وكانت البلاد قد أعلنت",
"الوكالة، التي أشارت إلى أن ...".

Arabic news puts the subject after the verb; these are the other orders, each with a
shape of its own (a relative pronoun after a comma, كان + subject + قد + verb), and,
when there is none, the hand-over to carried-over speakers.
"""

from __future__ import annotations

from processors.claims.agreement import agrees, noun_gender
from processors.claims.attribution import cue_gender_of, set_speaker
from processors.claims.carried import carry, carry_near, pronoun, verb_subject
from processors.claims.cues import object_cue, subject_relative
from processors.claims.lexicons import CARRYOVER, COMPLEMENTIZERS, CUES, KANA, Cue, load_set
from processors.claims.objects import pronoun_subject
from processors.claims.reading import Draft, FieldReading
from processors.claims.tokens import COMMAS
from processors.claims.words import BARE, DEFINITE, STOP, role, stop_kind

# Cues whose subjectless past continues the claim just before (claims_carryover_near.tsv).
_CARRYOVER_NEAR = load_set("claims_carryover_near.tsv")
# "لي", "لنا" after such a cue: "وذكر لي أن" (claims_told_me.tsv).
_TOLD_ME = load_set("claims_told_me.tsv")
# How far back the antecedent of "، التي قال" may start.
MAX_ANTECEDENT_WORDS = 6
# The most bare words of a name an antecedent may end with ("... سعود المالكي، الذي").
MAX_ANTECEDENT_NAME_WORDS = 3


def _antecedent_np(rd: FieldReading, comma: int) -> tuple[int, int] | None:
    """The noun phrase right before "، التي"/"، الذي", read leftwards: a name
    (up to three bare words), definite words chained to a definite word on their
    right ("الأنباء القطرية"), a construct head before a definite word ("وكالة
    الأنباء"), role words. It stops before a definite word followed by a bare one:
    in "التقى الوزير رئيس البعثة، الذي أكد" the antecedent is "رئيس البعثة"."""
    t = rd.t
    first = t.sentence_start(comma)
    k = comma - 1
    right = None  # the accepted word on the right
    names = 0
    while k >= first and comma - k <= MAX_ANTECEDENT_WORDS:
        if not t.word[k] or rd.cues[k] is not None or rd.according[k] is not None:
            break
        key = t.key[k]
        if key in COMPLEMENTIZERS or stop_kind(t, k) is not None or object_cue(key) is not None:
            break
        if DEFINITE[key]:
            if right is not None and not DEFINITE[t.key[right]]:
                break
        elif role(t, k) == "trigger":
            pass
        elif right is not None and DEFINITE[t.key[right]]:
            pass  # a construct head: "وكالة الأنباء"
        elif names == comma - 1 - k and names < MAX_ANTECEDENT_NAME_WORDS:
            names += 1  # the name's words, from its end
        else:
            break
        right = k
        k -= 1
    if right is None:
        return None
    return right, comma


def subject_before_qad(rd: FieldReading, i: int) -> tuple[int, int] | None:
    """The subject of "كان + subject + قد + verb": "وكانت البلاد قد أعلنت",
    "وكان رئيس الوزراء العراقي محمد شياع السوداني قد أكد", also with an adjunct
    between the subject and قد ("وكانت الوزارة، في بيان سابق، قد أعلنت")."""
    t = rd.t
    if i == 0 or not t.word[i - 1] or BARE[t.key[i - 1]] != "قد":
        return None
    first = t.sentence_start(i)
    back = rd.sp.backward(i, first)
    if back is not None:
        return back
    k = first
    if not (k < i - 1 and t.word[k] and BARE[t.key[k]] in KANA):
        return None
    sp = rd.sp.forward(k + 1, i - 1, None)
    return sp.phrase


MAX_QUOTED_NAME_WORDS = 3


def _quoted_subject(rd: FieldReading, d: Draft, i: int) -> tuple[int, int] | None:
    """'"فيسبوك" أعلنت أيضا أن ...': a quoted name of up to three words that opens
    the sentence right before the cue is its subject, when the content follows the
    cue (else the quotation is what was said: '"لن نتراجع" قالت')."""
    t = rd.t
    k = _before_apposition(rd, i - 1)
    if k < 0 or t.word[k] or t.closes[k] < 0:
        return None
    q = rd.q[t.closes[k]]
    first = t.sentence_start(i)
    if q.open != first and not (q.open - 1 == first and t.word[first] and BARE[t.key[first]] in _SUBJECT_PARTICLES):
        return None  # (after a particle too: 'لكن "جيش الإسلام" ينفي')
    if not (0 < q.words <= MAX_QUOTED_NAME_WORDS) or q.open + 1 >= q.close:
        return None
    c = d.content
    start = c.start if c.quote < 0 else rd.q[c.quote].open
    if start <= i:
        return None
    return q.open + 1, q.close


# The most tokens of an apposition between a quoted subject and its verb.
MAX_APPOSITION_TOKENS = 8


def _before_apposition(rd: FieldReading, k: int) -> int:
    """The token before an apposition set off by commas that ends at k ('"جيش
    الإسلام"، الفصيل الأقوى في الغوطة، ينفي' → the closing quotation mark); k itself
    when there is none."""
    t = rd.t
    if k < 1 or t.word[k] or t.text[k] not in COMMAS:
        return k
    for c in range(k - 1, max(-1, k - MAX_APPOSITION_TOKENS - 1), -1):
        if t.word[c]:
            if rd.cues[c] is not None or t.quote[c] >= 0:
                return k
            continue
        if t.text[c] in COMMAS and c + 1 < k:
            return c - 1
        return k
    return k


# How many words a subject before its verb may take when read from the clause's start:
# "لكن السفير الروسي في لندن ألكسندر ياكوفنكو صرح" (seven).
MAX_FRONTED_WORDS = 10
# "لكن"، "ولكن": a particle after which the subject comes before its verb
# (claims_subject_particles.tsv, looked up without و).
_SUBJECT_PARTICLES = load_set("claims_subject_particles.tsv")
# The words right before such a subject: "إلا أن"، "غير أن"، "فإن" (after an
# according-to phrase), "لكن".
_CLAUSE_OPENERS = frozenset(("ان", "فان", "لكن", "ولكن"))


def _fronted_subject(rd: FieldReading, d: Draft, i: int) -> tuple[int, int] | None:
    """A subject before its verb that the backward reader does not take, too long or
    with a preposition inside: "لكن السفير الروسي في لندن ألكسندر ياكوفنكو صرح أن",
    "إلا أن رئيس لجنة الشؤون الخارجية في البرلمان أكد أن". The clause must open right
    before it (the sentence start, لكن, or the أن of "إلا أن"/"غير أن"/"فإن"), the
    phrase must open with a role (a long phrase with another head often holds a verb:
    "الجهات الأمنية بشرطة المحافظة تلقت بلاغا يفيد"), the speaker reader must read it
    as one phrase running up to the verb, and its head must not disagree with the
    verb's form. Else the verb is subjectless, and the speaker is carried over as before
    (wrongly, for these: the minister quoted in the sentence before)."""
    t = rd.t
    first = t.sentence_start(i)
    a = i
    while (
        a > first
        and i - a < MAX_FRONTED_WORDS
        and t.word[a - 1]
        and t.key[a - 1] not in COMPLEMENTIZERS
        and BARE[t.key[a - 1]] not in _SUBJECT_PARTICLES
        and rd.cues[a - 1] is None
        and rd.according[a - 1] is None
    ):
        a -= 1
    if a == i or not (a == first or (t.word[a - 1] and t.key[a - 1] in _CLAUSE_OPENERS)):
        return None
    if role(t, a) != "trigger" or stop_kind(t, a) is not None:
        return None
    sp = rd.sp.forward(a, i, None)
    if sp.phrase != (a, i) or sp.speaker is None:
        return None
    gender = cue_gender_of(rd, d)
    if not agrees(gender, noun_gender(BARE[t.key[a]])):
        return None
    return a, i


# "بل" (rather) right before a cue: see subject_before.
_RATHER = "بل"


def subject_before(rd: FieldReading, d: Draft, i: int, cue: Cue) -> None:
    """No subject after the verb: it is before it ("الوزير قال إن"), or, for a verb
    that opens its clause with و ("وأضاف أن"), the previous claim's speaker."""
    t = rd.t
    conj = t.key[i][0] in "وف" and t.key[i][1:] in CUES
    if i > 0 and t.word[i - 1] and t.text[i - 1] == _RATHER:
        # "ونفى الوزير وجود خلاف، بل أكد أن ...": بل joins the verb to the clause
        # before, as و does; it is never the subject.
        conj = True
    back = None if conj else rd.sp.backward(i, t.sentence_start(i))
    if back is None and not conj:
        back = rd.sp.interrupted(i, t.sentence_start(i))
    if back is None and subject_relative(t, i):
        back = _antecedent_np(rd, i - 2)  # "الوكالة، التي أشارت"
    if back is None and not conj:
        back = subject_before_qad(rd, i)
    if back is None and not conj:
        back = _quoted_subject(rd, d, i)
    if back is None and not conj:
        back = _fronted_subject(rd, d, i)
    if back is not None and _issued_in(rd, back, i):
        # "وأصدرت وزارة الدفاع بيانا قالت فيه إن": the phrase read back is a whole
        # clause, a verb, its subject and the document; who speaks "in it" is that
        # verb's subject ("وزارة الدفاع"), never the clause.
        d.anchor = back[0]
        if not verb_subject(rd, d, back[0], back[1]) or d.speaker is None:
            d.speaker = d.role = None
            d.reason = "not_found"
        return
    if back is not None:
        d.anchor = back[0]
        set_speaker(rd, d, *rd.sp.split_role(*back))
    elif (pron := pronoun_subject(t, i)) is not None:
        pronoun(rd, d, pron[0])
    elif cue.key in CARRYOVER:
        carry(rd, d)
    elif conj and cue.key in _CARRYOVER_NEAR and _past_singular(t.key[i][1:], cue):
        if i + 1 < t.n and t.word[i + 1] and BARE[t.key[i + 1]] in _TOLD_ME:
            return  # "وذكر لي أن": someone's own words ("told me"), not a narrated cue
        carry_near(rd, d)


# "قالت فيه"، "أكدوا فيها": the cue speaks "in" a document named before it.
_IN_IT = frozenset(("فيه", "فيها"))
# The fewest words of a clause (verb, subject, document) read back as a phrase.
MIN_ISSUED_WORDS = 3


def _issued_in(rd: FieldReading, back: tuple[int, int], i: int) -> bool:
    """The cue is followed by فيه/فيها and the phrase before it opens the sentence
    with a verb written with و ("وأصدرت", "ونشر"): a clause that issued the document,
    not a subject."""
    t = rd.t
    a, b = back
    if i + 1 >= t.n or not t.word[i + 1] or t.key[i + 1] not in _IN_IT:
        return False
    if a != t.sentence_start(i) or b - a < MIN_ISSUED_WORDS or not t.word[a]:
        return False
    key = t.key[a]
    return key[:1] == "و" and not DEFINITE[key] and role(t, a) is None and STOP[key] is None


def _past_singular(key: str, cue: Cue) -> bool:
    """The cue's third person singular past ("ذكر", "ذكرت"), not its present
    ("يذكر": the impersonal "ويُذكر أن") nor a plural, whose gender does not show."""
    return key == cue.key or key == cue.key + "ت"
