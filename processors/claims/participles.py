"""Claims opened by a participle: "مضيفاً أننا لم نحصل", "الوزير محذرا: ...".

A participle has no subject of its own: its speaker is that of the verb it depends on,
which is found differently from a verb's, so it is read here.
"""

from __future__ import annotations

from processors.claims.according import DASHES, DATELINE_TOKENS
from processors.claims.agreement import agrees, noun_gender
from processors.claims.attribution import copy_speaker, cue_gender_of, set_speaker
from processors.claims.carried import QUANTIFIERS, carry, listed_verb, past_adjunct, verb_subject
from processors.claims.content import content_now, find_content, skip_saying
from processors.claims.cues import act_participle, prep_verb
from processors.claims.lexicons import CUE_BLOCKERS, KANA, NOMINAL_HEADS, Cue, load_set, load_word_tuples, noun_bases
from processors.claims.objects import listed_object_head
from processors.claims.reading import Content, Draft, FieldReading
from processors.claims.tokens import CLAUSE_PUNCT, COMMAS
from processors.claims.words import (
    BARE,
    DEFINITE,
    circumstance,
    complementizer,
    digit,
    participle,
    role,
    stop_kind,
)

# "ومضى قائلا": verbs of going on, no speaker (claims_continuing_verbs.tsv).
_CONTINUING = load_set("claims_continuing_verbs.tsv")
# Particles before the verb that opens a clause: "كما دانت الوزارة" (looked up without و/ف).
_OPENERS = load_set("claims_clause_openers.tsv")
# "من جانبه"، "من جهتها": a phrase announcing a new speaker before the clause's verb.
_ON_HIS_PART = load_word_tuples("claims_pre_subject_phrases.tsv")
# The passive auxiliaries after which no subject is written: "كما تم التنسيق".
_PASSIVE = frozenset({"تم", "يتم", "جرى", "يجري"})
# Openers after which the subject may come before its verb: "ولكن المدرب دافع".
_NOMINAL_OPENERS = KANA | load_set("claims_nominal_openers.tsv")
# How many particles before a sentence's verb are passed over ("ولكن كما قد").
MAX_OPENERS = 4
# A prayer after a participle of the next act: "داعيا الله أن يحفظ البلاد".
_PRAYER = load_set("claims_prayer_words.tsv")
_PRAYER_WORDS = 4
# Object pronouns that stand for what a participle describes: "واصفا إياه بأنه ...".
_OBJECT_PRONOUNS = load_set("claims_object_pronouns.tsv")
# How many words the occasion of speaking may take before the cue's preposition:
# "مشددا في كلمته أمام أعضاء المجلس على ...".
_OCCASION_WORDS = 6
# How many tokens an adjunct may take between a participle and its أن: "في الوقت
# نفسه،" (four), "لمواقع إخبارية محلية" (three).
_ADJUNCT_WORDS = 5
# Marks that end what a participle's adjunct may span ("؛" ends a clause, a full stop a
# sentence).
_SENTENCE_PUNCT = frozenset({"؛", ";", ".", "؟", "?", "!"})
# How many words the one addressed or described may take before what is asked or said
# of it: "مطالبا حكومة الإقليم بـ"، "متمنيا من جامعة تبوك تحقيق".
_OBJECT_WORDS = 5


def participle_claim(rd: FieldReading, i: int, cue: Cue) -> Draft | None:
    """ "مضيفاً أننا لم نحصل": the speaker is that of the verb the participle
    depends on, the last claim of the sentence, else the sentence's subject."""
    limit = rd.limit(i)
    t = rd.t
    # (cues.py admits these only after a comma.)
    act = act_participle(t.key[i])
    if act and any(BARE[t.key[m]] in _PRAYER for m in range(i + 1, min(limit, i + 1 + _PRAYER_WORDS))):
        return None
    content = content_now(rd, skip_saying(rd, i + 1, limit), limit, cue)
    if content is None and act:
        content = _act_content(rd, i + 1, limit, cue)
    if content is None and _occasion(rd, i + 1, limit):
        content = _after_occasion(rd, i + 1, limit, cue)
    if content is None and cue.lemma == "قال" and i > 0 and not t.word[i - 1] and t.text[i - 1] in COMMAS:
        content = _bare_speech(rd, i + 1, limit)
    if content is None and not act:
        content = _after_adjunct(rd, i + 1, limit, cue)
    if content is None:
        return None
    sentence = t.sent[i]
    d = Draft(i, cue, content, i, sentence)
    governing = rd.last_in_sentence.get(sentence)
    if governing is not None and governing.anchor < i and governing.speaker:
        if act and not agrees(cue_gender_of(rd, d), governing.gender):
            return None  # "قالت الوزارة إن الجيش تقدم، داعيا السكان": the army calls
        if governing.role is not None and t.key[i].endswith(("ين", "ون")):
            # "وقال رئيس المجلس، دونالد توسك، إن قادة الدول أعربوا عن تضامنهم، داعين
            # تركيا ...": a plural participle is not one named person's (a role and a
            # name); who speaks is in the content, unsure: no speaker.
            d.reason = "disagreeing_antecedent"
            return d
        copy_speaker(rd, d, governing)
        return d
    first = _after_dateline(rd, t.sentence_start(i), i)
    if _clause_subject(rd, d, first, i):
        return d
    if act:
        # No claim before it in the sentence: the subject of the verb that opens the
        # sentence, when it agrees ("ودعت الوزارة المواطنين إلى الحذر، مطالبة
        # بالابتعاد عن الأودية"); else no claim rather than a guess.
        # (Not a sentence that opens with another participle: "لافتا للدور الهام
        # للمتاحف، مطالبا بضرورة التوسع", "مستعرضا تاريخ المتاحف، مطالبا بدعمها" have
        # no subject of their own.)
        head = BARE[t.key[first]]
        if participle(head) or (head[:1] == "م" and head[-1:] == "ا" and len(head) >= 5):
            return None
        opener = rd.cues[first]
        if opener is not None and opener.kind != "verb":
            return None
        return d if verb_subject(rd, d, first, i) else None
    # "كما دانت الوزارة ..."، "ولكن المدرب دافع ..."، "وقد أبدى ترامب ...": a particle
    # that opens the clause comes before its verb (claims_clause_openers.tsv), and
    # كان before its subject ("وكان رئيس الوزراء اعتبر ..."). (Not before أن or a
    # passive: "كما أنه طالب ..."، "كما تم التنسيق مع ...".)
    verb = first
    if verb + 2 < i and t.word[verb] and t.word[verb + 1] and (BARE[t.key[verb]], t.key[verb + 1]) in _ON_HIS_PART:
        verb += 2  # "ومن جانبه نفى السائق هذه الأقوال، مؤكدا" (claims_pre_subject_phrases.tsv)
    nominal = False  # past كان or لكن, a subject may come before its verb
    # (At most MAX_OPENERS of them, "ولكن كما قد": each participle of a sentence walks
    # them again, and a sentence of thousands of "كما" would make that quadratic.)
    stop = min(i - 1, verb + MAX_OPENERS)
    while (
        verb < stop
        and t.word[verb]
        and (BARE[t.key[verb]] in _OPENERS or BARE[t.key[verb]] in _NOMINAL_OPENERS)
        and t.word[verb + 1]
        and not complementizer(t, verb + 1)
        and BARE[t.key[verb + 1]] not in _PASSIVE
    ):
        nominal = nominal or BARE[t.key[verb]] in _NOMINAL_OPENERS
        verb += 1
    if t.word[verb] and BARE[t.key[verb]] in QUANTIFIERS and verb + 1 < i and t.word[verb + 1]:
        # "بعض الوزراء عادوا ...، مؤكدا أن": a subject of many, no verb (see
        # carried._quantified_subject).
        if verb_subject(rd, d, verb, i):
            return d
    head = t.key[verb]
    if (
        t.word[verb]
        and verb < i
        and (stop_kind(t, verb) is None or listed_verb(t, verb) or prep_verb(t, verb, i))
        and not digit(t, verb)
        and CUE_BLOCKERS.get(BARE[head]) != "negator"
    ):
        if not _definite(rd, verb) and role(t, verb) != "trigger":
            if not nominal:
                # "وتحدث الوزير عن الأزمة، مشيرا إلى أن ...": the subject of the
                # sentence's verb (not after لم: "لم يكن ليمضي سوى 3 أيام ...، قائلا"
                # has no subject there).
                sp = rd.sp.forward(verb + 1, i, None)
                if sp.speaker is not None and sp.phrase is not None:
                    found = _take_subject(rd, d, *sp.phrase, verb)
                    if found is not None:
                        return d
        elif nominal:
            # "ولكن زعيم الأغلبية ميتش ماكونيل أعلن رفضه ...، مؤكدا"، "وكان رئيس
            # وزراء كندا ... اعتبر أن ...، مؤكدا": the subject before its verb.
            sp = rd.sp.forward(verb, i, None)
            if sp.speaker is not None and sp.phrase is not None and sp.phrase[1] < i:
                a, b = sp.phrase
                e = _subject_end(rd, a, b)
                if e - a >= 2 and DEFINITE[t.key[e - 2]] and not DEFINITE[t.key[e - 1]] and e < i:
                    # "ولكن المدرب دافع عن لاعبيه": one word after a definite role, then
                    # a preposition, is the verb, not a name ("وكان الشرطي محمد قد وصل").
                    if not t.word[e] or stop_kind(t, e) is not None:
                        b = e - 1
                found = _take_subject(rd, d, a, b, verb)
                if found is not None:
                    return d
    # "بدوره، ذكر رئيس اللجنة ... حاجة المحافظة، مضيفا أن": past an opener and
    # its comma, the subject of the verb that opens the clause.
    k = first + 1
    while k < min(i, first + 3) and t.word[k]:
        k += 1
    if k < i and not t.word[k] and t.text[k] in COMMAS and verb_subject(rd, d, k + 1, i):
        return d
    # "وفي حملته الانتخابية لعام 2016، هاجم ترامب الاتفاق، قائلا إن ...": a longer
    # adjunct before the verb, when no coordinated clause stands between the verb and
    # the participle ("...، وأيد الوزير الخطة، قائلا" would be the minister's: the
    # nearest clause, tried above with strict agreement), and the participle is near
    # the verb (MAX_CLAUSE_TOKENS: the words between are looked at once).
    v = past_adjunct(rd, first, i)
    if (
        v > first
        and v != k + 1
        and i - v <= MAX_CLAUSE_TOKENS
        and not _coordinated_between(rd, v, i)
        and verb_subject(rd, d, v, i)
    ):
        return d
    back = rd.sp.backward(i, first) if first < i else None
    if back is not None and back[0] == first and not _continuing(rd, *back):
        # "الوزير محذرا: ...", "الرئيس مؤكدا أن ...": the phrase before the
        # participle, alone in its clause, is who speaks.
        set_speaker(rd, d, *rd.sp.split_role(*back))
        d.anchor = first
        return d
    carry(rd, d)
    return d


def _coordinated_between(rd: FieldReading, a: int, b: int) -> bool:
    """A comma followed by a coordinated verb clause between a and b ("، وأيد")."""
    t = rd.t
    return any(not t.word[c] and t.text[c] in COMMAS and _verb_like(rd, c + 1, False) for c in range(a, b - 1))


def _definite(rd: FieldReading, k: int) -> bool:
    """A word with the article ال; not a verb whose hamza was folded away: "وألقى
    مايك بنس خطابا"، "ألمح قائد المنتخب" (the article is written without hamza)."""
    t = rd.t
    if not DEFINITE[t.key[k]]:
        return False
    text = t.text[k]
    if text[:1] in ("و", "ف") and text[1:2] in ("أ", "إ"):
        text = text[1:]
    return text[:2] not in ("أل", "إل")


def _after_dateline(rd: FieldReading, first: int, i: int) -> int:
    """Where the sentence's clause opens after a dateline ended by a bracket and a
    dash: "دبي، الإمارات العربية المتحدة (CNN)-- اتهم وزير الخارجية ...، معتبرا" (the
    verb after the dash is the sentence's first), else `first`."""
    t = rd.t
    for k in range(first, min(i - 1, first + DATELINE_TOKENS)):
        # (After a closing bracket only, "(CNN)--": other dashes set off a phrase,
        # "الدكتور محمد - محام ومستشار -"، or sign a byline, "محمد المواسي- سبق-".)
        if k > first and t.text[k - 1] == ")" and t.text[k] and all(ch in DASHES for ch in t.text[k]):
            while k + 1 < i and not t.word[k + 1] and all(ch in DASHES for ch in t.text[k + 1]):
                k += 1
            return k + 1 if t.word[k + 1] else first
    return first


def _take_subject(rd: FieldReading, d: Draft, a: int, b: int, verb: int) -> bool | None:
    """The subject phrase a..b of the sentence's verb as d's speaker: True when taken,
    or when its definite head's gender disagrees with the participle's ("كما
    اعتمدت اللجنة ...، مشيرا إلى": the masculine participle is not the committee's,
    and who else speaks is unsure: d gets no speaker and the reason; only a definite
    head shows its gender, "طعيمة"، "توريه" are men's names), None when it is no
    subject (a prepositional object: "وفيما يتعلق بالوضع في سوريا قال ...")."""
    t = rd.t
    if a == verb + 1 and listed_object_head(t, a):
        return None  # "ورفضت محاولة مجموعة من النواب ...، مؤكدة": the verb's object
    a, b = rd.sp.subject_only(a, b)
    b = _subject_end(rd, a, b)
    if DEFINITE[t.key[a]] and not agrees(cue_gender_of(rd, d), noun_gender(BARE[t.key[a]])):
        d.reason = "disagreeing_antecedent"
        return True
    if t.key[a].startswith(("بال", "لل")) and rd.according[verb] is None:
        return None
    set_speaker(rd, d, *rd.sp.split_role(a, b))
    return True


def _subject_end(rd: FieldReading, a: int, b: int) -> int:
    """The end of the subject read after the sentence's verb, without what follows it
    in the verb's clause: a preposition or an addressee ("وشكك لافروف في
    الانتهاكات"، "وقد أبدى ترامب للصحافيين ارتياحه"), a prepositional object written
    on its word ("ورحب ترامب بالإفراج عن ..."، "وأشاد اللاعب الألماني بالشخصية
    القوية"), a possessed object ("وواصلت أحلام ردها على ..."). (A role may go on
    with its place: "مسؤول بالخارجية".)"""
    t = rd.t
    opens_role = role(t, a) == "trigger"
    for e in range(a + 1, b):
        if not t.word[e]:
            return e
        kind = stop_kind(t, e)
        if BARE[t.key[e]] in _OPENERS:
            return e  # "وكان وزير الصحة قد زار ...": قد comes after the subject
        # (Not the من of "عدد من المغردين", nor a role's own preposition: "زعيم
        # الأغلبية في مجلس الشيوخ ميتش ماكونيل".)
        if kind is not None and not (e == a + 1 and BARE[t.key[e]] == "من") and not (opens_role and kind == "prep"):
            return e
        key = t.key[e]
        if key.startswith(("بال", "لل")) and not (e == a + 1 and role(t, a) == "trigger" and not DEFINITE[t.key[a]]):
            return e
        if len(key) >= 4 and key.endswith(("ها", "هم", "هما")) and not DEFINITE[key]:
            return e
        text = t.text[e]
        if len(text) >= 4 and text.endswith("ه") and not text.endswith("لله") and not DEFINITE[key]:
            return e  # "وجدد وزير النقل دعوته إلى ...": his call, the object (as written: ه, not ة)
    return b


def _occasion(rd: FieldReading, k: int, limit: int) -> bool:
    """ "في تصريح", "خلال حديثه": a preposition and a noun of the occasion of speaking."""
    t = rd.t
    return k + 1 < limit and t.word[k] and stop_kind(t, k) == "prep" and circumstance(t, k + 1)


def _continuing(rd: FieldReading, a: int, b: int) -> bool:
    """ "ومضى قائلا", "واسترسل قائلا": a verb of going on alone before the participle
    (claims_continuing_verbs.tsv), or another verb, not a speaker."""
    key = rd.t.key[a]
    if b - a == 1 and (key in _CONTINUING or BARE[key] in _CONTINUING):
        return True
    # "وعلق قائلا"، "وأكمل قائلا": a verb with its و alone (no name opens with و
    # before a participle); "وأشاد بالاجتماع قائلا": a verb and its prepositional
    # object.
    if b - a == 1 and key[:1] in ("و", "ف") and not DEFINITE[key] and role(rd.t, a) != "trigger":
        return True
    return any(rd.t.word[m] and rd.t.key[m].startswith(("بال", "لل")) for m in range(a + 1, b))


def _after_occasion(rd: FieldReading, k: int, limit: int, cue: Cue) -> Content | None:
    """ "، مضيفا في تصريح صحفي أن ..."، "مبينا في حديث لـ"الرياض" بأن ...": the
    occasion of speaking comes between the participle and its أن (its noun, تصريح,
    then reports no claim of its own). Only an explicit content, or a noun phrase
    after the cue's own preposition ("مشددا في كلمته أمام الأعضاء على أهمية الوحدة"):
    any other noun phrase after the occasion is the occasion's ("في بيان صادر عن
    مكتبه")."""
    found = find_content(rd, k, limit, cue)
    if found is not None and not found.nominal:
        return found
    if cue.nominal != "prep":
        return None
    t = rd.t
    for m in range(k + 2, min(limit - 1, k + 2 + _OCCASION_WORDS)):
        if not t.word[m] or rd.cues[m] is not None:
            return None  # (a comma, a quote: the clause or the occasion went on)
        if BARE[t.key[m]] in cue.preps and t.word[m + 1] and stop_kind(t, m + 1) is None:
            return None if complementizer(t, m + 1) else Content("indirect", start=m + 1, nominal=True)
    return None


def _after_adjunct(rd: FieldReading, k: int, limit: int, cue: Cue) -> Content | None:
    """ "مؤكدا في الوقت نفسه أن ..."، "مشيرا في هذا السياق إلى أن ..."، "مؤكدا لهم أنه
    ..."، "مؤكدا، أنها ...": a short adjunct (time, context, addressee, a comma) between
    the participle and an explicit content (أن or a colon), within a few words, or the
    cue's own preposition and a quotation ('مشيرة إلى "استمرار ..."'). find_content
    skips the adjunct and stops at another cue. A noun phrase after the adjunct is not
    taken: it may be the adjunct's own ("مؤكدا في بيان صادر عن ...")."""
    t = rd.t
    if k >= 2 and t.word[k - 2] and BARE[t.key[k - 2]] in KANA:
        return None  # "بعدما كان متوقعا في البداية أن ...": a predicate (was expected)
    found = find_content(rd, k, limit, cue)
    if found is None or found.nominal:
        return None
    if found.quote >= 0:
        # After other words a quotation may be a quoted name: 'مؤكدا دعمه "للقضاء"'.
        opens = rd.q[found.quote].open
        return found if opens == k + 1 and t.word[k] and BARE[t.key[k]] in cue.preps else None
    at = found.start - 1
    if at - k > _ADJUNCT_WORDS or any(t.text[m] in _SENTENCE_PUNCT for m in range(k, at)):
        return None
    return found


def _act_content(rd: FieldReading, k: int, limit: int, cue: Cue) -> Content | None:
    """What a participle of the speaker's next act asks or says of someone named
    first: "واصفا المشروع بـ"الخيال"" (what is described and as what: the whole
    phrase), "واصفا إياه بأنه ..." (after بأنه), "مطالبا السكان بالترشيد", "داعيا
    الطرفين إلى الحوار", "متمنيا من الجامعة تحقيق حلم الأهالي" (what is asked, after
    the one asked). None when no such word follows in the clause ("متمنيا له
    الشفاء" is a courtesy)."""
    t = rd.t
    m = k
    if m < limit and t.word[m] and BARE[t.key[m]] in _OBJECT_PRONOUNS:
        m += 1
    elif m < limit and t.word[m] and BARE[t.key[m]] == "من" and cue.nominal != "object":
        m += 1  # "متمنيا من", "مطالبا من": the one asked
    first = m
    end = min(limit, first + _OBJECT_WORDS + 1)
    while m < end:
        if not t.word[m]:
            if t.text[m] in CLAUSE_PUNCT or t.opens[m] < 0:
                return None
            m += 1  # 'واصفا المشروع بـ"الخيال"': the quote opens after بـ
            continue
        if rd.cues[m] is not None:
            return None
        if complementizer(t, m):
            return content_now(rd, m, limit, cue)
        if m > first or first > k:
            if cue.nominal == "object" and BARE[t.key[m]][:1] == "ب" and stop_kind(t, m) is None:
                return Content("indirect", start=k if first == k else m, nominal=True)
            if cue.nominal != "object":
                found = content_now(rd, m, limit, cue)
                if found is not None:
                    return found
        if stop_kind(t, m) not in (None, "deixis"):
            return None  # ("واصفا هذه الأنباء بأنها": a demonstrative opens the object)
        m += 1
    return None


def _bare_speech(rd: FieldReading, k: int, limit: int) -> Content | None:
    """ "، قائلا علينا ألا نخاف": speech right after قائلا (after a comma: "قائله"
    is also "the one who said it"), without a colon or quote marks, when it opens
    with a word that is not an adjunct ("قائلا في خطاب ...إن"،
    "قائلة لوكالة ... إن" are not speech yet)."""
    t = rd.t
    if k >= limit or not t.word[k] or stop_kind(t, k) is not None or rd.cues[k] is not None:
        return None
    if t.key[k][:1] in ("ل", "ب") or rd.according[k] is not None:
        return None  # "قائلة لوكالة أسوشيتد برس إن": the addressee; "قائلا بحزم:" the manner
    return Content("direct", start=k)


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
    opener = stop_kind(t, first) is not None or _definite(rd, first) or rd.according[first] is not None
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
