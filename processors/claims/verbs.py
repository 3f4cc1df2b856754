"""Claims opened by a reporting verb: "وقالت الوزارة إن ...", "نفت الوزارة الاتهامات
الموجهة إليها", "ونقلت وكالة رويترز عن مسؤول أمني أن ...".

The verb is the cue whose reading has the most orders to try (subject after it, before
it, before قد, none; content after أن, a quotation, a colon, a noun phrase, or before
the verb), so it has its own module; the order of the tries is what decides between a
subject and an object after the verb.
"""

from __future__ import annotations

from processors.claims.agreement import cue_gender
from processors.claims.attribution import set_speaker, speaker_offsets
from processors.claims.carried import carry, pronoun
from processors.claims.content import _after_complementizer, content_now, find_content, preposed, skip_saying
from processors.claims.cues import CONCLUDE_LEMMAS, STATED_IN_LEMMAS, impersonal, own_occasion, subject_relative
from processors.claims.lexicons import (
    ADJECTIVES,
    ADVERBS,
    CUES,
    DEMONSTRATIVES,
    NOMINAL_HEADS,
    SOURCE_HEADS,
    SUBJECT_RELATIVES,
    Cue,
    fold,
    load_set,
    noun_bases,
    read_rows,
)
from processors.claims.objects import (
    OBJECT_VERBS,
    OBJECT_WINDOW,
    estimate_object,
    is_marker,
    marker_fits,
    masculine_estimate,
    may_be_adjective,
    object_start,
    object_suffix,
    object_window,
    own_subject_estimate,
    own_suffixes,
    plain_marker,
    possessed,
    pronoun_subject,
    quoted_complement,
    quoted_name_split,
    relative_estimate,
)
from processors.claims.reading import CONTENT_WINDOW, Content, Draft, FieldReading
from processors.claims.speakers import MAX_SPEAKER_WORDS
from processors.claims.subjects import subject_before, subject_before_qad
from processors.claims.tokens import CLAUSE_PUNCT, COMMAS
from processors.claims.words import (
    BARE,
    DEFINITE,
    complementizer,
    digit,
    nisba,
    nominal_head,
    participle,
    role,
    stop_kind,
)
from processors.figures.lexicons import APPROX
from processors.figures.numbers import CARDINALS

# Verbs with a person object before their content: "ودعا الرئيس الطرفين إلى الحوار";
# those with a marker are read whole by `_object_verb` ("اتهمت الحكومة المعارضة بـ").
_OBJECT_LEMMAS = frozenset(OBJECT_VERBS)
# Adjectives that are neither -ي nor م-: "عام", "سابق" (claims_adjectives.tsv, without ال).
_ADJECTIVE_WORDS = frozenset(w[2:] for w in ADJECTIVES)
# Words that open no name ("أحد المسؤولين"، "إحدى الدول").
_NOT_NAMES = load_set("claims_not_names.tsv")
_QUANTIFIERS = load_set("claims_quantifiers.tsv")
# Conjunctions that open a clause whose verb's subject comes after it ("بعدما اتهمت
# الدول الأربع الدوحة بـ"): read as a subject before the verb they give a wrong one.
_SUBORDINATORS = load_set("claims_subordinators.tsv")
# Particles after which a verb opens its own clause: "قد وصف", "كما وصفت" (the clause
# openers cues.py reads, claims_clause_openers.tsv) and, before an object verb, لقد and
# حيث too ("حيث وصفت الوزارة الهجوم بـ").
_CLAUSE_OPENERS = load_set("claims_clause_openers.tsv") | {"لقد", "حيث"}
# Verbs that report only as a relay: "نقلت الوكالة عن مسؤول أن ..." (else "moved").
_RELAY_LEMMAS = frozenset({"نقل"})
# Object verbs not read right after أن: "أكد أنه يحمّل حركة حماس المسؤولية" is the
# content of أكد; read again, "حركة | حماس" splits into a wrong speaker that the next
# carried cue ("وقال") would take over.
_AFTER_AN_BLOCKED = load_set("claims_after_an_blocked.tsv")
# Heads of a construct object after a verb with its subject before it ("يكشف سبب").
_CONSTRUCT_HEADS = load_set("claims_construct_objects.tsv")
# Verbal nouns that head a body's name ("تنظيم داعش"): claims_body_heads.tsv.
_BODY_HEADS = load_set("claims_body_heads.tsv")
# Verbs that report only through their ب-complement (claims_marker_cues.tsv): "هدد
# الرئيس بمنع مرور الشحنات"، "نددت الدول بالهجوم". Any other content found for them (an
# أن further on, a quotation) is not theirs: "هدد بعمل عسكري ومن هنا لا يبدو أن ...".
_MARKER_CUES = {fold(r[0]): fold(r[1]) for r in read_rows("claims_marker_cues.tsv")}
# How far before the content the marker عن may be: "عن أمله في أن | ...".
_STANCE_REACH = 4
# What may show a noun-phrase finding with أظهر (claims_evidence_heads.tsv): "أظهر مسح
# رسمي توقف النمو"، "أظهرت بيانات رسمية ارتفاع التضخم". A person or a party "shows"
# a quality or a feeling ("أظهر اللاعب أهميته"، "أظهرت المملكة أوراقها"), no claim.
_EVIDENCE_HEADS = load_set("claims_evidence_heads.tsv")
_EVIDENCE_CUES = frozenset({fold("أظهر")})


def verb_claim(rd: FieldReading, i: int, cue: Cue) -> Draft | None:
    if cue.key in _EVIDENCE_CUES:
        d = _verb_claim(rd, i, cue)
        return None if d is not None and d.content.nominal and not _evidence_speaker(rd, d) else d
    if cue.key not in _MARKER_CUES:
        return _verb_claim(rd, i, cue)
    d = _verb_claim(rd, i, cue)
    if d is not None and not _after_marker(rd, d.content, _MARKER_CUES[cue.key]):
        # "وتوعد ترامب عبر تويتر قائلا: ..." is قائلا's claim: give back the participle
        # of saying the reading took before the content (content.skip_saying).
        c = d.content
        first = rd.q[c.quote].open if c.quote >= 0 else c.start
        for k in range(i + 1, first):
            saying = rd.cues[k]
            if saying is not None and saying.kind == "participle" and saying.lemma == "قال":
                rd.consumed.discard(k)
        return None
    return d


def _evidence_speaker(rd: FieldReading, d: Draft) -> bool:
    """The speaker of a noun-phrase finding is a body of evidence: its first word (ال
    aside) is of claims_evidence_heads.tsv ("مسح رسمي"، "البيانات الأميركية")."""
    if d.speaker is None:
        return False
    # (The first word only: maxsplit, not a copy of every word of a long span.)
    words = rd.text[d.speaker[0] : d.speaker[1]].split(maxsplit=1)
    return bool(words) and any(b in _EVIDENCE_HEADS for b in noun_bases(fold(words[0])))


def _after_marker(rd: FieldReading, c: Content, marker: str) -> bool:
    """Whether a content opens with the ب-complement: "بمنع ..." (ب skipped), after
    "بأن", or a quotation right after "بـ" or opening with a ب-word ('بـ"يوم عار"');
    or, for عن, follows it within a stance noun and its preposition ("عبر عن أمله في
    أن ...", "عبر عن تطلعه لتجاوز ...")."""
    t = rd.t
    if marker != "ب":
        k = rd.q[c.quote].open if c.quote >= 0 else c.start
        return k >= 0 and any(
            t.word[p] and t.sent[p] == t.sent[k] and BARE[t.key[p]] == marker
            for p in range(max(0, k - _STANCE_REACH), k)
        )
    if c.quote >= 0:
        k = rd.q[c.quote].open
        p = k - 1
        if p >= 0 and t.word[p] and t.key[p] in ("ب", "بـ"):
            return True
        return k + 1 < t.n and t.word[k + 1] and t.key[k + 1][:1] == "ب" and stop_kind(t, k + 1) is None
    if c.start < 0:
        return False
    if c.skip == 1 and t.key[c.start][:1] == "ب":
        return True
    p = c.start - 1
    return p >= 0 and t.word[p] and t.key[p][:1] == "ب" and complementizer(t, p)


def _verb_claim(rd: FieldReading, i: int, cue: Cue) -> Draft | None:
    spec = OBJECT_VERBS.get(cue.key)
    if spec is not None and spec[0] != "-":
        return _object_verb(rd, i, cue, *spec)
    t = rd.t
    limit = rd.limit(i)
    j = i + 1
    if cue.key in STATED_IN_LEMMAS:
        j += 1  # "وجاء في البيان أن": the text after في is the speaker (cues.stated_in)
    elif cue.key in CONCLUDE_LEMMAS and j < limit and own_occasion(t, j):
        j += 1  # "واختتم حديثه قائلا": no subject; the speaker is carried over
    j = skip_saying(rd, j, limit)
    if impersonal(t.key[i]) and rd.sp.forward(j, limit, cue).speaker is None:
        return None  # "إن الضحية يعتقد أنه توفي": it is believed (a hedge)
    content = content_now(rd, j, limit, cue)
    sentence = t.sent[i]
    if content is not None and content.nominal and content.start == j:
        named = _named_by_verbal_noun(rd, i, j, limit, cue)
        if named is not None:
            d = Draft(i, cue, Content("indirect", start=named, nominal=True), i, sentence)
            set_speaker(rd, d, *rd.sp.split_role(j, named))
            return d
        if _known_surname(rd, j) and BARE[t.key[j]] not in NOMINAL_HEADS:
            # "وينفي ترامب أي تواطؤ" after "دونالد ترامب": a surname the article gave
            # in full is the subject, though of a verbal noun's shape (ترامب as تفعال).
            content = None
        # "وتوقع تقرير لوكالة تصنيف دولية أن ...": a verbal noun right after the
        # verb is its subject when an explicit content follows. Not one that carries
        # the cue's own preposition ('واعترف بوجود "تقصير لدى المسؤولين"': a subject
        # takes no بـ; the quotation is inside the object).
        sp = rd.sp.forward(j, limit, None) if content is not None and not content.skip else None
        if sp is not None and sp.speaker is not None:
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
    k = _skip_addressee(rd, skip_saying(rd, sp.next, limit), limit)
    owned = _owned_in_subject(rd, i, sp.phrase, cue)
    if owned is not None and sp.phrase is not None:
        # "وأعلنت حركة طالبان مسؤوليتها عن التفجير": the subject's own possessed noun
        # ends the subject read after the verb; it opens the object (else the speaker
        # was "حركة طالبان مسؤوليتها" and the content what follows عن).
        d = Draft(i, cue, Content("indirect", start=owned, nominal=True), i, sentence)
        set_speaker(rd, d, *rd.sp.split_role(sp.phrase[0], owned))
        return d
    content = find_content(rd, k, limit, cue)
    if content is not None and content.nominal and content.start == k and sp.phrase is not None and digit(t, k):
        bound = _number_in_object(rd, sp.phrase)
        if bound is not None:
            # "توقع صندوق النقد نموا عالميا بنسبة | 3.7"، "وأكد مصدر محلي | مقتل | 3 من
            # المسلحين": the number is bound to the word before it, inside the object
            # read into the phrase; the object starts at its verbal noun.
            if bound < 0:
                return None
            d = Draft(i, cue, Content("indirect", start=bound, nominal=True), i, sentence)
            if bound == sp.phrase[0]:
                subject_before(rd, d, i, cue)  # "ويتوقع زيادة الناتج بنسبة 2.9%"
            else:
                set_speaker(rd, d, *rd.sp.split_role(sp.phrase[0], bound))
            return d
    if content is not None and cue.key in _OBJECT_LEMMAS and BARE[t.key[j]] in _QUANTIFIERS:
        # "ودعا جميع الأطراف إلى ضبط النفس": a quantified phrase after the verb is
        # whom it calls on; the subject is dropped (the previous speaker).
        d = Draft(i, cue, content, i, sentence)
        subject_before(rd, d, i, cue)
        return d
    if cue.lemma in _RELAY_LEMMAS:
        return _relay(rd, i, cue, sp, content, sentence) if content is not None else None
    head = _construct_in_subject(rd, sp.phrase, limit, cue) if content is None or content.nominal else None
    if head is None and (content is None or content.nominal):
        head = _object_after_quoted_name(rd, sp.phrase, cue)
    if head is not None:
        # "وكشف وزير الداخلية تفاصيل الخطة الأمنية": the subject ends where a construct
        # object of claims_construct_objects.tsv starts (else the object is read into
        # the speaker and "... سبب الإفراج عن الفيديو" gives the words after عن).
        d = Draft(i, cue, Content("indirect", start=head, nominal=True), i, sentence)
        assert sp.phrase is not None
        set_speaker(rd, d, *rd.sp.split_role(sp.phrase[0], head))
        return d
    if (
        content is not None
        and content.quote < 0
        and cue.nominal == "bare"
        and _punct_between(rd, sp.next, content.start)
        and not _after_closing_comma(rd, content, cue)
    ):
        # "وأدانت المنظمة الحكم، ووصفته بأنه ...": the verb has its object; the أن
        # after the comma is another clause's. (Not a split after a role: "أكدت
        # المتحدثة باسم البيت الأبيض سارة ساندرز، أن" is a role, a name and the أن.)
        split = _object_in_subject(rd, sp.phrase, limit, cue, after_role=False)
        if split is not None:
            content = None
        elif (mod := _object_after_modifier(rd, i, sp.phrase, sp.next, limit, cue)) is not None and mod < content.start:
            # "نفي هيئة الطيران المدني في قطر ما ورد ببيان ...، الاثنين، ما قالت إنه":
            # the object after the subject's modifier comes before the comma.
            content = None
    if (
        content is not None
        and content.nominal
        and cue.nominal == "bare"
        and content.start == sp.next + 1
        and t.word[sp.next]
        and BARE[t.key[sp.next]] in cue.preps
    ):
        # "وأعلنت إدارة النادي الاستغناء عن اللاعب": the preposition is the object's
        # own (الاستغناء عن), not the cue's (أعلن عن); a definite verbal noun after the
        # complete subject opens the object.
        split = _object_in_subject(rd, sp.phrase, limit, cue, after_role=False)
        if split is not None and split[1].start < sp.next and nominal_head(t.key[split[1].start]):
            content = None
    if content is None:
        late = _object_after_adjunct(rd, i, sp.phrase, sp.next, limit, cue)
        if late is not None:
            # "وأعلنت إدارة النادي، يوم الاثنين، الاستغناء عن ..."، "أكدت كندا الاثنين
            # تمسكها بـ ...": a time word (or an apposition set off by commas) closes
            # the subject; the noun phrase after it is the object.
            content = Content("indirect", start=late, nominal=True)
            for m in range(late + 1, min(limit, late + CONTENT_WINDOW)):
                if not t.word[m] and t.text[m] in COMMAS and m + 1 < limit and BARE[t.key[m + 1]] == "اي":
                    content.end = m  # "النتائج الأولية، أي قبل يومين": "that is", the narrator's
                    break
            d = Draft(i, cue, content, i, sentence)
            set_speaker(rd, d, sp.speaker, sp.role)
            return d
        split = _object_in_subject(rd, sp.phrase, limit, cue)
        if split is not None:
            d = Draft(i, cue, split[1], i, sentence)
            set_speaker(rd, d, *rd.sp.split_role(*split[0]))
            return d
        named = _object_after_name(rd, i, sp.phrase, cue)
        if named is not None and sp.phrase is not None:
            # "وأكد شكري أهمية العمل"، "ونفت موسكو ضلوعها في الهجوم"، "وأعلن الرئيس
            # دونالد ترامب حالة الطوارئ": a name takes no genitive, so the verbal noun
            # (or the subject's own possessed noun) after it opens the object.
            d = Draft(i, cue, Content("indirect", start=named, nominal=True), i, sentence)
            set_speaker(rd, d, *rd.sp.split_role(sp.phrase[0], named))
            return d
        if (
            cue.nominal == "bare"
            and _quoted_subject(rd, sp.phrase, sp.next)
            and object_start(t, sp.next, limit) == sp.next
            and not _definite_adjective(t.key[sp.next])  # ('"سنترال دانون" المملوكة للشركة')
            and sp.phrase is not None
            and not (DEFINITE[t.key[sp.phrase[0]]] and rd.sp.backward(i, t.sentence_start(i)) is not None)
        ):
            # (Not 'سفارة إيران تنفي "الادعاءات" المغربية': with a subject before the
            # verb, a quoted definite noun is the object.)
            # 'أعلنت "موبايلي" قوائمها المالية': a quoted name is the whole subject;
            # the noun phrase after its closing mark is the object.
            d = Draft(i, cue, Content("indirect", start=sp.next, nominal=True), i, sentence)
            set_speaker(rd, d, sp.speaker, sp.role)
            return d
        cut = _cut_speaker_prep(rd, sp.phrase, sp.next, limit, cue)
        if cut is not None and sp.phrase is not None:
            # "كشف مدير الجوازات بمنطقة مكة المكرمة اللواء خلف الله بن عبيدالله
            # الطويرقي عن إنجاز ...": the speaker's word limit cut the name short; its
            # last words run to the cue's own preposition.
            d = Draft(i, cue, Content("indirect", start=cut + 1, nominal=True), i, sentence)
            name, role_range = rd.sp.split_role(sp.phrase[0], cut)
            if role_range is not None and role(t, role_range[1] - 1) is None:
                # (the name split off after a word of the name: "سعد الله | بن
                # عبدالرحمن الشهري"; the whole phrase then, role and name)
                name, role_range = (sp.phrase[0], cut), None
            set_speaker(rd, d, name, role_range)
            return d
        modified = _object_after_modifier(rd, i, sp.phrase, sp.next, limit, cue)
        tagged = _object_after_hashtag(rd, sp.phrase, sp.next, limit, cue) if modified is None else None
        if tagged is not None and sp.phrase is not None:
            # "أعلن الممثل الكويتي #حسن_البلام | اعتزاله التقليد": the hashtag is the
            # speaker's name, in the speaker.
            d = Draft(i, cue, Content("indirect", start=tagged, nominal=True), i, sentence)
            set_speaker(rd, d, *rd.sp.split_role(sp.phrase[0], tagged))
            return d
        if modified is not None:
            # "وأعلنت السلطات في المناطق الأكثر تضررا حالة «كارثة وطنية»"، "نفى ابن
            # المواطنة التي اتهمت بسحر عائلة عدم صلة والدته ...": the subject's modifier
            # ends on a definite word; the verbal noun after it is the object.
            d = Draft(i, cue, Content("indirect", start=modified, nominal=True), i, sentence)
            set_speaker(rd, d, sp.speaker, sp.role)
            return d
        if t.text[i].endswith("ي") and cue.lemma.endswith("ى") and t.key[i].lstrip("وف") == cue.key:
            # "، الثلاثاء، نفي هيئة الطيران ...": the lemma's spelling with ي is the
            # verbal noun (نفي، رأي), which has no content before it.
            return None
        content = preposed(rd, i, sp.next, limit)
        if content is None:
            return None
    d = Draft(i, cue, content, i, sentence)
    if cue.key in _OBJECT_LEMMAS and sp.phrase is not None and _object_split(rd, sp.phrase, d):
        return d
    set_speaker(rd, d, sp.speaker, sp.role)
    return d


def _named_by_verbal_noun(rd: FieldReading, i: int, j: int, limit: int, cue: Cue) -> int | None:
    """Where the object starts when the verbal noun right after the verb heads a body's
    name (claims_body_heads.tsv), the verb's subject: "كما أعلن تنظيم داعش | مسؤوليته
    عن الهجوم"، "أعلن تنظيم الدولة الإسلامية | مسؤوليته". The sign: one to three words
    of a name after it (no verbal noun, relative, preposition, conjunction or number),
    then a noun with the verb's own pronoun ("مسؤوليته" after أعلن, "ـها" after أعلنت).
    Not any verbal noun: "أعلن تمديد عقد مهاجمه"، "أكد عدم دستورية الاستفتاء الذي
    نظمته" are objects (the subject carried)."""
    if cue.nominal != "bare" or BARE[rd.t.key[j]] not in _BODY_HEADS:
        return None
    t = rd.t
    own = _own_pronoun(t.key[i], cue)
    end = min(limit, j + 5)
    for k in range(j + 1, end):
        if not t.word[k] or t.sent[k] != t.sent[j]:
            return None
        key = t.key[k]
        if k > j + 1 and _owned(t, k, own):
            return k
        if (
            stop_kind(t, k) is not None
            or rd.cues[k] is not None
            or key[:1] in "وفبلك"
            or key[:1].isdigit()
            or complementizer(t, k)
            or key in SUBJECT_RELATIVES
            or (not DEFINITE[key] and nominal_head(key))
            or possessed(t, k)
        ):
            return None
    return None


def _owned_in_subject(rd: FieldReading, i: int, phrase: tuple[int, int] | None, cue: Cue) -> int | None:
    """Where a noun with the verb's own pronoun ends the phrase read as the subject of
    a cue that takes a bare noun phrase: "أعلنت حركة طالبان | مسؤوليتها"، "وأعلن مدير
    المستشفى | وفاته". Two words of the subject at least before it (one word is
    `_object_after_name`'s), none a verbal noun, a possessed noun or a word with و/ب/ل
    (the object would have begun there: "أعلن تمديد عقد مهاجمه"). Only the feminine or
    plural pronoun, on a word not opening with و or alif."""
    if cue.nominal != "bare" or phrase is None:
        return None
    t = rd.t
    a, b = phrase
    if b - a < 3:
        return None  # (the owned noun is the third word at the earliest: most subjects are shorter)
    # (Not ه: it ends names, "عبدالله"، "عبدربه"، "اينجه".)
    own = tuple(s for s in _own_pronoun(t.key[i], cue) if s != "ه")
    if not own:
        return None
    for n in range(a, min(b, a + 5)):
        if n >= a + 2 and t.key[n][:1] not in "واأإ" and _owned(t, n, own):
            # (Not "أجرتها": a past verb with its object; not a reflexive, which
            # ends its own phrase: "تعلن الحركة حل نفسها".)
            return None if BARE[t.key[n]].startswith(("نفس", "ذات")) else n
        key = t.key[n]
        if (
            not t.word[n]
            or stop_kind(t, n) is not None
            or key[:1] in "وفبلك"
            or (not DEFINITE[key] and nominal_head(key))
            or possessed(t, n)
        ):
            return None
    return None


def _skip_addressee(rd: FieldReading, k: int, limit: int) -> int:
    """Past an addressee with a quoted name between the subject and the content: 'أكد
    المدير التنفيذي لشبكة "فيسبوك" على ضرورة ...' (to the network, or of it: either
    way the content is after the name)."""
    t = rd.t
    if k + 1 < limit and t.word[k] and stop_kind(t, k) == "addressee" and t.opens[k + 1] >= 0:
        q = rd.q[t.opens[k + 1]]
        if 0 < q.words <= 3 and q.close + 1 < limit:
            return q.close + 1
    return k


def _quoted_subject(rd: FieldReading, phrase: tuple[int, int] | None, nxt: int) -> bool:
    """The subject phrase is one short quoted name and ends right at its closing mark."""
    t = rd.t
    if phrase is None or phrase[0] == 0 or nxt >= t.n or not t.word[nxt]:
        return False
    r = t.opens[phrase[0] - 1]
    if r < 0 or not 0 < rd.q[r].words <= 3 or rd.q[r].close + 1 != nxt:
        return False
    # 'يعلن "انتهاء" الضربات': a quoted verbal noun is the content's head, no name.
    return not (rd.q[r].words == 1 and nominal_head(t.key[phrase[0]]))


def _object_split(rd: FieldReading, phrase: tuple[int, int], d: Draft) -> bool:
    """ "ودعت الوزارة المواطنين إلى ...": after a complete definite subject, the
    definite words that end the phrase are the verb's object (claims_object_cues.tsv).
    Sets the speaker without them; False when the phrase has no such object."""
    t = rd.t
    a, e = rd.sp.subject_only(*phrase)
    b = phrase[1]
    if not a < e < b or not all(t.word[m] and DEFINITE[t.key[m]] for m in range(e, b)):
        people = _people_object(t, a, b)
        if people is None:
            return False
        e = people
    set_speaker(rd, d, *rd.sp.split_role(a, e))
    return True


def _people_object(t, a: int, b: int) -> int | None:
    """Where a verb's object of people starts when the subject before it did not end
    plainly: after a role and a name ("ودعا العقيد محمد السعد جميع المواطنين إلى"،
    "دعا قائد الجيش العماد جان قهوجي العسكريين") or after a definite noun that no
    plural adjective follows ("ودعت الهيئة المواطنين إلى"). The object opens with
    جميع/كافة/كل or is a definite sound plural in ـين; the word before it ends the
    subject: definite (not a dual or a plural, whose adjective "الطرفين المتنازعين"
    would be), or a name's last word after a role. Not after an indefinite head, whose
    genitive it is ("دعت هيئة المحامين إلى": the lawyers' body)."""
    for k in range(a + 1, b):
        key = t.key[k]
        quantifier = BARE[key] in _QUANTIFIERS
        if not quantifier and not _sound_plural(key):
            continue
        if not all(t.word[m] and (DEFINITE[t.key[m]] or t.key[m][:1] == "و") for m in range(k + 1, b)):
            return None  # ("جميع المواطنين والمقيمين": definite words, or joined by و)
        prev = t.key[k - 1]
        if DEFINITE[prev] and not prev.startswith("لل"):
            if prev.endswith(("ين", "ان", "ون")) or (key.endswith("يين") and not t.text[k - 1].endswith("ة")):
                return None  # (or a broken plural and its adjective: "الأطباء اليمنيين")
            return k
        named = any(role(t, m) is not None for m in range(a, k - 1))
        if named and t.word[k - 1] and role(t, k - 1) is None and not t.text[k - 1].endswith("ة"):
            return k  # "العماد جان قهوجي | العسكريين"
        return None
    return None


def _sound_plural(key: str) -> bool:
    """ "المواطنين"، "العسكريين": a definite sound masculine plural as an object (ـين),
    long enough not to be a family name of that ending ("الحسين"، "الأمين")."""
    return key.startswith("ال") and key.endswith("ين") and len(key) >= 8


def _object_after_subject(rd: FieldReading, i: int, j: int, limit: int, cue: Cue) -> Draft | None:
    """ "الشركة نفت بشدة تلك المزاعم", "لكنه نفى التهم الموجهة إليه": with the
    subject before the verb or a pronoun, the noun phrase after the verb is its
    content, not its subject (claims_objects). A cue whose noun phrase comes after a
    preposition ("كشف عن") takes here only a construct object of
    claims_construct_objects.tsv ("يكشف سبب نشر الفيديو")."""
    if cue.nominal not in ("bare", "prep"):
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
    k = None
    if cue.nominal == "bare":
        k = object_start(t, j, limit, own_suffixes(t.key[i], cue_gender(t.key[i], cue)))
    if k is None and _construct_object(rd, i, j, limit, cue):
        k = j  # "والد الطفلة يكشف سبب نشر الفيديو"
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


def _construct_object(rd: FieldReading, i: int, j: int, limit: int, cue: Cue) -> bool:
    """With the subject before the verb, an indefinite noun in construct with a definite
    genitive right after it is its object: "والد الطفلة يكشف سبب نشر الفيديو"، "الوزارة
    تعلن موعد الاختبارات". Not a role ("أكد مدير الشرطة": the verb's own subject after
    a phrase misread as one before it), a name with its family name ("سامي الخطيب"),
    a cue noun, nor when an explicit content (أن, a quotation, a colon) follows in the
    sentence: then the noun is the subject and the content is that clause."""
    t = rd.t
    n = j + 1
    if n >= limit or not (t.word[j] and t.word[n]) or DEFINITE[t.key[j]]:
        return False
    # A genitive chain of up to three words ending on a definite one: "سبب نشر فيديو
    # التحرش".
    g = n
    while g < min(limit, n + 2) and t.word[g] and not DEFINITE[t.key[g]] and stop_kind(t, g) is None:
        g += 1
    if g >= limit or not t.word[g] or not DEFINITE[t.key[g]]:
        return False
    if t.key[n].startswith(("لل", "بال", "كال")) or stop_kind(t, j) is not None or role(t, j) is not None:
        return False
    if rd.cues[j] is not None or t.key[j][:1] in "وفبلك" or t.key[j][:1].isdigit():
        return False
    if role(t, n) is not None:
        return False  # (not "خطة الرئيس": the genitive would be read as a second speaker)
    if BARE[t.key[j]] not in _CONSTRUCT_HEADS:
        return False
    end = min(limit, n + CONTENT_WINDOW)
    return not any(
        complementizer(t, m) or (not t.word[m] and (t.text[m] == ":" or t.opens[m] >= 0)) for m in range(n + 1, end)
    )


def _construct_in_subject(rd: FieldReading, phrase: tuple[int, int] | None, limit: int, cue: Cue) -> int | None:
    """Where a construct object of claims_construct_objects.tsv starts inside the phrase
    read as the verb's subject: after a definite word ("وزير الداخلية | تفاصيل الخطة"،
    "والد الطفل المصاب | سبب الإفراج"), with its genitive after it. None if there is
    none (those heads are not read in names or roles)."""
    if cue.nominal not in ("bare", "prep") or phrase is None:
        return None
    t = rd.t
    a, b = phrase
    for k in range(a + 1, b - 1):
        p = k - 1
        if not (t.word[p] and t.word[k] and t.word[k + 1]):
            continue
        if BARE[t.key[k]] in _CONSTRUCT_HEADS and DEFINITE[t.key[p]] and not t.key[p].startswith(("لل", "بال")):
            return k if DEFINITE[t.key[k + 1]] or nominal_head(t.key[k + 1]) else None
    return None


def _number_in_object(rd: FieldReading, phrase: tuple[int, int]) -> int | None:
    """When a noun-phrase content would open with a number right after the phrase read
    as the subject: None if the number may open it ("أعلنت وزارة الصحة | 12 إصابة
    جديدة": the phrase ends on a definite word or a name); else where the object
    starts, the phrase's first indefinite verbal noun ("مصدر محلي | مقتل 3 من
    المسلحين"، "القضاء المغربي | متابعة 14 شابا"; the phrase's first word: "يتوقع |
    زيادة الناتج بنسبة 2.9%", the subject before the verb), or -1 when there is none
    ("تتوقع فائضا أوليا 2%"، "أعلنت الشركة بتاريخ 30 يوليو"، "أكدت نحو 11%"): the
    number is bound to the word before it (a measure, a preposition, a date), and what
    was said is not read; no claim rather than a wrong one."""
    t = rd.t
    a, b = phrase
    last = b - 1
    if not all(t.word[n] for n in range(a, b)):
        return None
    key = t.key[last]
    bound = (
        stop_kind(t, last) is not None
        or BARE[key] in _APPROX_WORDS
        or (not DEFINITE[key] and (nominal_head(key) or key[:1] in "بل" or key.endswith(("ه", "ها", "هم"))))
        or (not DEFINITE[key] and key.endswith("ا") and len(key) > 3 and nisba(key[:-1]))
    )
    if (
        not bound
        and last > a
        and DEFINITE[t.key[last - 1]]
        and not DEFINITE[key]
        and not nisba(key)
        and role(t, last) is None
        and stop_kind(t, last - 1) is None
        and role(t, last - 1) is None
    ):
        # "وتوقع التقرير دخول 1.2 مليون متر": a definite word takes no genitive, so
        # the indefinite noun after it, to which the number is bound, opens the object.
        # (Not after a role: "أعلن الرئيس محمد ..." is a title and its name.)
        return last
    if not bound:
        return None
    for n in range(a, b):
        k = t.key[n]
        if not DEFINITE[k] and nominal_head(k) and stop_kind(t, n) is None and rd.cues[n] is None:
            # After a word that ends a noun phrase (a definite word, an adjective, a
            # sound plural, a name): not "حزمة تحفيز", a noun and its genitive.
            p = t.key[n - 1] if n > a else ""
            if n == a or DEFINITE[p] or nisba(p) or p.endswith(("ون", "ين")) or not t.text[n - 1].endswith("ة"):
                return n
            return -1
    return -1


# Words that bind the number after them: "نحو 11%"، "حوالي 300" (figures_approx.tsv).
_APPROX_WORDS = frozenset(w[0] for w in APPROX if len(w) == 1)


def _object_after_quoted_name(rd: FieldReading, phrase: tuple[int, int] | None, cue: Cue) -> int | None:
    """Where the object starts inside the phrase read as the subject when a quoted name
    ends the subject and an indefinite verbal noun follows its closing mark: 'أعلنت
    نقابة العمال "سي جي تي" | مشاركة 80 ألف شخص' (a name takes no genitive; else the
    speaker is 'نقابة العمال "سي جي تي" مشاركة' and the content "80 ألف شخص")."""
    if cue.nominal != "bare" or phrase is None:
        return None
    t = rd.t
    a, b = phrase
    c = quoted_name_split(t, rd.q, a, b)
    if c is None or c <= a + 1 or c >= b:
        return None
    if any(t.word[n] and t.text[n].endswith(("ه", "ها", "هم")) for n in range(a, c)):
        return None  # ('أكد كيم التزامه "العمل باتجاه" إخلاء': a quotation inside the object)
    key = t.key[c]
    if DEFINITE[key] or stop_kind(t, c) is not None or rd.cues[c] is not None or not nominal_head(key):
        return None
    return c if c + 1 < t.n and t.word[c + 1] and t.sent[c + 1] == t.sent[c] else None


def _object_in_subject(
    rd: FieldReading, phrase: tuple[int, int] | None, limit: int, cue: Cue, after_role: bool = True
) -> tuple[tuple[int, int], Content] | None:
    """ "نفت الوزارة الاتهامات الموجهة إليها": the phrase after the verb holds the
    subject and the object; after a definite subject only an adjective goes on, so
    "الاتهامات" starts the content. A speaker is never the cue's object."""
    if cue.nominal != "bare" or phrase is None:
        return None
    a, b = rd.sp.subject_only(*phrase)
    if nominal_head(rd.t.key[a]) and not _known_surname(rd, a):
        return None  # "وتوقع إلقاء اللوم على موسكو": إلقاء opens the content (not "ترامب")
    t = rd.t
    if b == a + 1 and not DEFINITE[t.key[a]] and t.text[a].endswith("ة") and not _known_surname(rd, a):
        return None  # "وكالة الأنباء الإيرانية (إرنا)": a feminine noun in construct, no name
    if b == a + 2 and phrase[1] > b and _known_surname(rd, a) and _opens_definite_object(t, a, a + 1):
        # "وأدانت زيدان القرار الأخير للحكومة" (after "هالة زيدان"): a surname takes no
        # genitive, so the definite noun after it opens the object, whose adjectives
        # follow ("الأخير"), not the subject "زيدان القرار".
        return (a, a + 1), Content("indirect", start=a + 1, nominal=True)
    while b < phrase[1] and t.word[b] and (t.key[b].startswith("لل") or may_be_adjective(t, b - 1, b)):
        b += 1  # "الأمين العام للجامعة العربية": a genitive with لل and its adjectives
    n = b + 1
    if (
        b >= phrase[1]
        or object_start(rd.t, b, limit) != b
        or may_be_adjective(rd.t, b - 1, b)
        or (n < phrase[1] and role(t, n) == "trigger")  # "سامي الخطيب الأمين العام": a family name
    ):
        late = object_after_speaker(rd, phrase[0], phrase[1], limit, after_role)
        if late is None:
            return None
        return (phrase[0], late), Content("indirect", start=late, nominal=True)
    if (
        n < phrase[1]
        and t.word[n]
        and not DEFINITE[t.key[n]]
        and stop_kind(t, n) is None
        and BARE[t.key[b]] not in ("اي", "ما")  # ("الكرملين أي دور له": any role)
    ):
        return None  # "النائب العام الشيخ سعود المعجب": a title before a name, not an object
    return (a, b), Content("indirect", start=b, nominal=True)


def object_after_speaker(rd: FieldReading, a: int, b: int, limit: int, after_role: bool = True) -> int | None:
    """Where the object starts in a phrase [a, b) read as the verb's subject when the
    subject is a name with a role, or a surname the article gave in full, that the
    plain definite reading does not end:
    "دان الدكتور سامي الخطيب الأمين العام لاتحاد المهندسين | الهجوم الإرهابي":
    after a role, a definite word right after another definite word that is not its
    adjective opens a new noun phrase (a definite word takes no genitive), the object;
    of several, the last (the object's own adjectives are skipped, a plural such as
    "العرب" ending the role may look like a noun).
    "وأدانت بونعيم | الحكم على المصور" (the article named "نجية بونعيم"): a known
    surname ends at the definite noun after it.
    None when no such boundary is found: no claim rather than a wrong speaker."""
    t = rd.t
    if b - a < 2 or not all(t.word[k] for k in range(a, b)):
        return None  # (a quoted name inside: its words are not read here)
    if b - a == 2 or not DEFINITE[t.key[a]]:
        if _known_surname(rd, a) and _opens_definite_object(t, a, a + 1):
            return a + 1
    if not after_role or not any(role(t, k) == "trigger" for k in range(a, b)):
        return None
    found = None
    seen_role = False
    for k in range(a + 1, b):
        seen_role = seen_role or role(t, k - 1) == "trigger"
        if seen_role and DEFINITE[t.key[k - 1]] and not t.key[k - 1].startswith(("بال", "كال")):
            if _opens_definite_object(t, k - 1, k):
                found = k
    if found is None or object_start(t, found, limit) != found:
        return None
    n = found + 1
    if n < b and not DEFINITE[t.key[n]] and stop_kind(t, n) is None:
        return None  # "... العقيد زياد الرقيطي": a title before a name, not an object
    return found


def _known_surname(rd: FieldReading, a: int) -> bool:
    """ "بونعيم" after the article gave "نجية بونعيم": a name's last word, seen earlier."""
    t = rd.t
    return not DEFINITE[t.key[a]] and rd.names.before(t.key[a], (rd.rank, t.start[a])) is not None


def _opens_definite_object(t, p: int, k: int) -> bool:
    """Whether the definite word at k, right after the word at p, opens a new noun
    phrase: not a role ("الأمين"), not an adjective of p ("العربية"، "الوحشية"،
    "المستقلة", a feminine after a feminine noun: "الهيئة الوطنية"), not a genitive
    with a preposition written on it ("للجامعة"، "بالقاهرة")."""
    key = t.key[k]
    if not t.word[k] or not DEFINITE[key] or key.startswith(("لل", "بال", "كال")):
        return False
    if role(t, k) is not None or stop_kind(t, k) is not None:
        return False
    word, head = BARE[key], BARE[t.key[p]]
    if nisba(word) or word in ADJECTIVES or word.startswith("الم"):
        return False
    if len(word) == 6 and word.startswith("الا"):
        return False  # an أفعل adjective: "البيت الأبيض"، "المجلس الأعلى"
    # A feminine word after a feminine noun may be its adjective ("المؤسسة العامة");
    # after an adjective ("الدول العربية الجريمة") it is a new noun.
    return not (word.endswith("ه") and head.endswith("ه") and not (nisba(head) or head in ADJECTIVES))


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


def _after_closing_comma(rd: FieldReading, content: Content, cue: Cue) -> bool:
    """The content opens (its أن, the cue's preposition, or the noun phrase itself) right
    after a comma: the comma closes an apposition or an adjunct of the subject ("وأعلن
    البيت الأبيض، الاثنين، أن ..."، "رئيس جهاز مكافحة الإرهاب في الشرطة البريطانية،
    مارك راولي، أن ..."), and the content is the verb's own; no object ends the subject
    before it (else "البيت | الأبيض، الاثنين، أن ..."). A verb that had its object
    before the comma goes on with a clause of its own: "وأدانت المنظمة الحكم، ووصفته
    بأنه ..."."""
    t = rd.t
    p = content.start - 1
    if p >= 0 and t.word[p] and (complementizer(t, p) or BARE[t.key[p]] in cue.preps):
        p -= 1
    return p >= 0 and not t.word[p] and t.text[p] in COMMAS


def _punct_between(rd: FieldReading, a: int, b: int) -> bool:
    t = rd.t
    return any(not t.word[m] and t.text[m] in CLAUSE_PUNCT for m in range(a, min(b, a + CONTENT_WINDOW)))


def _object_verb(rd: FieldReading, i: int, cue: Cue, marker: str, mode: str, guard: str) -> Draft | None:
    """ "واتهمت الحكومة المعارضة بالتحريض": subject, object, then a marker (ب, إلى,
    المسؤولية) opening the second complement (claims_object_cues.tsv). The content is
    the object and what follows ("المعارضة بالتحريض"), or what follows بأن; the
    speaker is the subject alone. No marker, or a subject and an object that do not
    split, no claim: a wrong speaker is worse than none."""
    t = rd.t
    if _passive(rd.norm.original[slice(*rd.norm.to_original(t.start[i], t.end[i]))]):
        return None  # "اتُّهم الرجل بالسرقة" (was accused): the accused is no speaker
    limit = rd.limit(i)
    j = i + 1
    end = min(limit, j + object_window(guard))
    suffixed = object_suffix(t.key[i])
    loose = None
    apposed = -1  # the comma that closes a name set off after the subject's role
    for m in range(j, end):
        if not t.word[m]:
            if m <= apposed or (apposed > 0 and t.text[m] in COMMAS and _times_only(t, apposed + 1, m)):
                continue  # ("وصف الرئيس الروسي، فلاديمير بوتين، الأربعاء، العميل")
            if t.text[m] in COMMAS and apposed < 0 and m > j:
                apposed = _apposed_name(rd, j, m, end)
                if apposed > 0:
                    continue
            if t.text[m] in CLAUSE_PUNCT:
                break  # "اتهم ثلاثة محامين، في رسالة ...": too far to read
            continue
        if m > j and (rd.cues[m] is not None or rd.according[m] is not None):
            break
        if not is_marker(t, m, marker) or not marker_fits(t, m, marker, guard):
            continue  # (not "بالشكر" after قدّر: only a quantity, "بـ21 ألفا")
        if plain_marker(t, m, marker):
            return _object_reading(rd, i, j, m, cue, mode, guard, suffixed)
        if m == j and suffixed:
            return _object_reading(rd, i, j, m, cue, mode, guard, suffixed)
        if loose is None and m > j:
            loose = m
    # No plain marker: the first other ب-word after the verb's first word ("بشن"،
    # "بسحرهم"); the first word may be a name ("اتهمت بريطانيا موسكو بـ"). Only the
    # first: a later one would take it into the speaker ("ويُتهم زمار بتجنيد بعض").
    return None if loose is None else _object_reading(rd, i, j, loose, cue, mode, guard, suffixed)


# How many words a modifier of an estimate's subject may have before what is measured.
_ESTIMATE_MODIFIER = 8


def _past_modifier(rd: FieldReading, e: int, k: int) -> int:
    """k when the words [e, k) between an estimate's subject and what it measures are a
    modifier of the subject (a definite participle, a relative pronoun or a preposition
    opening a few words with no punctuation, cue or أن): 'شركة الإحصاء "أوكورانس" |
    المعتمدة من قبل عدة وسائل إعلام | عدد المتظاهرين بـ31700'; else e."""
    t = rd.t
    if not e < k <= e + _ESTIMATE_MODIFIER or not t.word[e]:
        return e
    key = t.key[e]
    if not (key.startswith("الم") or key in SUBJECT_RELATIVES or stop_kind(t, e) == "prep"):
        return e
    for n in range(e, k):
        if not t.word[n] or rd.cues[n] is not None or rd.according[n] is not None or complementizer(t, n):
            return e
    return k


def _apposed_name(rd: FieldReading, j: int, comma: int, end: int) -> int:
    """ "ووصف الرئيس الإيراني، حسن روحاني، الإجراءات بأنها": the subject, a role
    whose name is set off by commas, reads as one phrase; the comma that closes it
    (the object follows), or -1."""
    t = rd.t
    sp = rd.sp.forward(j, end, None)
    if sp.phrase is None or sp.phrase[0] != j or sp.role is None or sp.speaker is None:
        return -1
    n = sp.next
    if n <= comma or n >= end or t.word[n] or t.text[n] not in COMMAS:
        return -1
    return n


def _times_only(t, a: int, b: int) -> bool:
    """[a, b) holds only words of time ("الأربعاء")."""
    return a < b and all(t.word[k] and stop_kind(t, k) == "time" for k in range(a, b))


def _passive(word: str) -> bool:
    """A passive written with its damma: "اتُّهم"، "وُصفت"، "يُتهم"."""
    return "\u064f" in word[:4]


def _object_reading(
    rd: FieldReading, i: int, j: int, m: int, cue: Cue, mode: str, guard: str, suffixed: bool
) -> Draft | None:
    """The claim when the marker is at m: [j, m) holds the subject and the object,
    or only one of them (the object a pronoun on the verb: "ووصفته بأنه"; the subject
    before the verb: "لكن الأخير اتهم الاتحاد بأنه")."""
    t = rd.t
    limit = rd.limit(i)
    conj = t.key[i][0] in "وف" and t.key[i][1:] in CUES
    first = t.sentence_start(i)
    back = None if conj else rd.sp.backward(i, first)
    if back is not None and any(BARE[t.key[k]] in _SUBORDINATORS for k in range(*back)):
        return None  # "بعدما اتهمت", "إذ تتهم": a clause whose subject follows
    if i > 0 and t.word[i - 1] and complementizer(t, i - 1) and cue.key in _AFTER_AN_BLOCKED:
        return None  # "أكد أنه يحمّل حركة حماس المسؤولية": inside another claim's content
    if guard == "plain" and suffixed and subject_relative(t, i):
        return None  # "الحروب، التي وصفتها بأنها": التي is the object (ها), not the subject
    relative = guard == "plain" and not conj and _relative_after_noun(t, i, back)
    if relative:
        # "يكشف أوباما خطة لمواجهة التغيير المناخي يصفها بأنها ...": an indefinite noun
        # right before the verb is what a relative clause describes, not who describes
        # it; the describer is the clause's own subject (أوباما), else none.
        if not (suffixed and m == j):
            return None
        back = None
    before = not conj and (
        back is not None
        or subject_before_qad(rd, i) is not None
        or pronoun_subject(t, i) is not None
        or subject_relative(t, i)
    )
    subject: tuple[int, int] | None = None
    apposed: tuple[tuple[int, int], tuple[int, int]] | None = None  # (name, its role)
    obj = j
    in_relative = False
    if guard == "quantity":
        # "وقدّرت الشرطة عدد المشاركين بـ21 ألفا": the subject after the verb, then
        # what is measured. A subject before it is mostly the passive's topic: "ساعة
        # تقدر قيمتها بـ78 مليونا" (a watch whose value is estimated at): none.
        k = estimate_object(t, j, m)
        own = not suffixed and not conj and own_subject_estimate(t, i, j) and relative_estimate(t, i, j)
        if not suffixed and not own and relative_estimate(t, i, j):
            # "وفق الأمم المتحدة التي قدرت عدد ...": the subject is the antecedent.
            in_relative = True
            subject = rd.sp.backward(i - 1, first)
            if subject is None or subject[1] != i - 1 or not _subject_head(t, subject[0]):
                return None  # (not "وتعمل في المنطقة منظمة ... التي": a verb opens it)
            k = e = j
        elif (
            not suffixed
            and not conj
            and masculine_estimate(t, j)
            and cue_gender(t.key[i], cue) == "f"
            and not (i > 0 and t.key[i - 1] in SUBJECT_RELATIVES)
        ):
            # '"سي جي تي" قدّرت عددهم بـ500 ألف'، "وكانت الشرطة قد قدرت عدد ...": a
            # feminine verb before a masculine measured noun is no passive (that would
            # agree with it: "قُدّر عددهم"), so its subject is the one before it.
            subject = back if back is not None else subject_before_qad(rd, i)
            if subject is None and i > 0 and t.closes[i - 1] >= 0 and 0 < rd.q[t.closes[i - 1]].words <= 3:
                q = rd.q[t.closes[i - 1]]
                subject = (q.open + 1, q.close)  # '"سي جي تي" قدّرت': a quoted name
            if subject is None:
                return None
            k = e = j
        elif k is None or suffixed or (before and not own):
            # (After التي the clause may have a subject of its own: "التظاهرات التي
            # قدّرت الشرطة أعداد المشاركين فيها بـ21 ألفا".)
            return None
        else:
            sp = rd.sp.forward(j, k, None)
            if sp.phrase is None or sp.phrase[0] != j:
                return None
            e = sp.phrase[1]
            subject = sp.phrase
            e = _past_modifier(rd, e, k)
        while e < k and t.word[e] and stop_kind(t, e) == "time":
            e += 1  # "وقدّرت الشرطة أمس عدد"
        if e < k and not t.word[e] and quoted_name_split(t, rd.q, j, k + 1) == k:
            e, subject = k, (j, k)  # 'وقدّرت شركة الإحصاء "أوكورانس" عدد'
        if e != k or (DEFINITE[t.key[k]] and may_be_adjective(t, k - 1, k)):
            return None  # (not "القيمة الإجمالية": an adjective, no object)
        obj = k
    elif suffixed or before:
        if suffixed and m > j:
            # "ووصفته الوزارة بأنه": the words before the marker are the subject.
            sp = rd.sp.forward(j, m, None)
            if sp.speaker is None or sp.next != m or before or not _may_open_subject(t, j):
                return None  # (not "وكان قد وصفه سابقا بـ", "ووصفه لما حدث بأنه": no subject)
            subject = sp.phrase
            obj = m
        elif m == j:
            if not suffixed:
                return None  # "وُصفت بحروق" (passive): no object
            obj = m
    elif guard == "plain" and conj and (BARE[t.key[j]] in DEMONSTRATIVES or BARE[t.key[j]] == "ما"):
        obj = j  # "ووصف ما يحدث بأنه"، "ووصفت هذه الخطوة بأنها": the object, the subject dropped
    else:
        if m == j or (guard == "plain" and not _may_open_subject(t, j)):
            return None
        sp = rd.sp.forward(j, m, None)
        if sp.phrase is None:
            return None
        a, b = sp.phrase
        named = quoted_name_split(t, rd.q, a, b)
        if named is not None and _opens_object(t, named):
            b, obj = named, named
        elif b < m:
            # Only a time between them: "اتهمت الوزارة أمس المعارضة بـ", or a
            # demonstrative that opens the object ("ووصف الوزير هذه الخطوة بأنها": the
            # phrase stops before هذه). (Else the phrase stopped on a word it could not
            # read: no claim.)
            k = b
            if not t.word[k] and t.text[k] in COMMAS and sp.role is not None and sp.speaker is not None:
                # "ووصف الرئيس الإيراني، حسن روحاني، الإجراءات بأنها": the comma after
                # the name set off after its role (and a time with its own comma).
                apposed = (sp.speaker, sp.role)
                k += 1
                while k < m and t.word[k] and stop_kind(t, k) == "time":
                    k += 1
                if k > b + 1 and k < m and not t.word[k] and t.text[k] in COMMAS:
                    k += 1
            while k < m and t.word[k] and stop_kind(t, k) == "time":
                k += 1
            if k == b and t.word[b] and BARE[t.key[b]] in DEMONSTRATIVES and not t.key[i].endswith("وا"):
                obj = b  # (not "حيث وصفوا أصحاب هذا النوع بأنهم": the plural's subject is in it)
            elif k == b or k >= m or not _opens_object(t, k):
                return None
            else:
                obj = k
        else:
            split = _split_subject_object(rd, a, m, strict=guard == "plain")
            if split is None:
                return None
            b, obj = split, split
            if obj + 1 < m and stop_kind(t, obj + 1) == "time":
                obj += 2  # "اتهمت سوريا الشهر الماضي إسرائيل بـ"
        if any(t.key[k][:1] == "ب" and not nisba(t.key[k]) and role(t, k) is None for k in range(a + 1, b)):
            return None  # (a ب-word inside the subject: a marker read as a name; not باسم)
        subject = (a, b)
    if complementizer(t, m):
        content = _after_complementizer(rd, m, limit)  # "اتهمه بأنه كذب": after أن
    elif mode == "after":
        content = Content("indirect", start=m + 1, nominal=True) if m + 1 < limit else None
    else:
        content = Content("indirect", start=obj, nominal=True)
    if content is None:
        return None
    if content.nominal:
        # "اتهمت موسكو لندن بالوقوف وراء الهجوم الذي تسبب بأزمة": the accusation
        # ends with its complement; the relative clause after it is the narrator's.
        # In a relative clause the main clause goes on after it: "وكانت الأمم المتحدة
        # التي قدرت عدد النازحين بنحو 21 مليونا قد حذرت من مجاعة".
        for k in range(m + 1, min(limit, m + OBJECT_WINDOW)):
            if t.word[k] and (
                t.key[k] in SUBJECT_RELATIVES
                or (in_relative and (BARE[t.key[k]] in ("قد", "لقد") or rd.cues[k] is not None))
            ):
                content.end = k
                break
    if guard == "plain" and content.quote < 0:
        quoted = quoted_complement(t, rd.q, m, content.start)
        if quoted is not None and quoted <= limit:
            content.end = quoted  # 'تصف المشروع بـ"الابتزاز"': the description is quoted
        elif content.nominal:
            # "عن مصادر وصفتها بالمطلعة، إنه ...": a description ends at the clause.
            for k in range(m + 1, min(limit, m + CONTENT_WINDOW)):
                if not t.word[k] and t.text[k] in CLAUSE_PUNCT and (content.end < 0 or k < content.end):
                    content.end = k
                    break
    d = Draft(i, cue, content, i, t.sent[i])
    if apposed is not None:
        set_speaker(rd, d, *apposed)
    elif subject is not None:
        set_speaker(rd, d, *rd.sp.split_role(*subject))
    elif relative:
        carry(rd, d)
    else:
        subject_before(rd, d, i, cue)
    return d


def _split_subject_object(rd: FieldReading, a: int, b: int, strict: bool = False) -> int | None:
    """Where the object starts in a phrase [a, b) read as the verb's subject:
    "بريطانيا موسكو", "الرئاسة الفلسطينية سلطات الاحتلال", "نائب فرنسي معارض ديفيد
    كاميرون", "زعيم حزب مؤيد للأكراد أردوغان". None when it does not split plainly."""
    t = rd.t
    # Two names joined by و, then the object: "دمشق وموسكو مسلحي المعارضة".
    if (
        not strict
        and b - a >= 3
        and t.key[a + 1][:1] == "و"
        and not DEFINITE[t.key[a]]
        and not DEFINITE[t.key[a + 1][1:]]
    ):
        if _opens_object(t, a + 2) and not DEFINITE[t.key[a + 2]]:
            return a + 2  # ("مسلحي" looks like an -ي adjective: a plural in construct)
    # A complete definite subject, then a new noun phrase: "الشرطة أعداد المشاركين".
    _, e = rd.sp.subject_only(a, b)
    while a < e < b and t.word[e] and (t.key[e].startswith("لل") or _definite_adjective(t.key[e])):
        e += 1  # "الأمين العام للجامعة العربية"
    if a < e < b:
        if strict and not DEFINITE[t.key[e]] and any(role(t, k) is not None for k in range(a, e)):
            # "وصف زوجة رئيس الوزراء مالكولم ترنبول بأنها": a role and its name, the
            # object; but "ووصف الرئيس الإيراني حسن روحاني الإجراءات بأنها": a role,
            # a name, then a definite object.
            return _name_then_object(t, a, b)
        return e if _opens_object(t, e) else None
    if strict:
        # A verb of many senses (وصف: described, prescribed) reads its subject only
        # where it ends plainly; "ووصف اجتماع وزراء مجموعة السبع بأنه" (its subject
        # dropped) does not split into "اجتماع وزراء | مجموعة السبع".
        if _known_surname(rd, a) and _opens_definite_object(t, a, a + 1):
            return a + 1  # "ووصف ترامب الاتفاق بـ" after "دونالد ترامب"
        named = _name_then_object(t, a, b)
        if named is not None:
            return named
        return _two_names(t, a, b)
    # An indefinite subject ends with an adjective or a genitive with ل; a bare word
    # after it opens the object: "نائب فرنسي معارض | ديفيد كاميرون".
    for k in range(a + 1, b if b - a > 2 else a + 1):
        prev, key = t.key[k - 1], t.key[k]
        if BARE[key] in _QUANTIFIERS or BARE[key] == "بعض":
            return k  # "باول بعض موظفي الوكالة"
        if DEFINITE[prev] and not prev.startswith("لل"):
            return None  # (a definite word the first rule did not split after)
        if key.startswith("لل") or _indefinite_adjective(key):
            continue
        if _indefinite_adjective(prev) or prev.startswith("لل"):
            return k if _opens_object(t, k) else None
    return _two_names(t, a, b)


# Words of a name read before the object of a verb of many senses (وصف): "حسن روحاني"،
# "كيم كي-غوان".
_NAME_WORDS = 3


def _name_then_object(t, a: int, b: int) -> int | None:
    """Where the object starts after a subject that is a name, after its role if it
    has one: "ووصفت طهران العقوبات بأنها"، "ووصف ماتيس تلك الخطوة بأنها"، "ووصف الرئيس
    الإيراني حسن روحاني الإجراءات الأمريكية بأنها". A name ends where a demonstrative
    or a definite plural or verbal noun follows it: a name takes no genitive after it,
    which is how a common noun runs on ("اجتماع وزراء مجموعة السبع" is one phrase; its
    first word is a verbal noun, not a name). Alone, without a role, a name is one
    word, none of the bodies' heads ("جيش الاحتلال"، "مصادر الشرطة") nor a noun of a
    shape names do not take (verbal nouns, ـة, construct plurals: "سياسة ترامب"،
    "مستخدمو مواقع التواصل")."""
    k = a
    if role(t, a) == "trigger":
        k += 1
        while k < b and t.word[k] and (DEFINITE[t.key[k]] or role(t, k) is not None):
            k += 1  # "الرئيس الإيراني"، "نائب وزير خارجية كوريا الشمالية"
    first = k
    while k < b and k - first < _NAME_WORDS and _name_word(t, k, k > first):
        k += 1
    if k == first or k >= b or (first == a and (k - first != 1 or BARE[t.key[a]] in SOURCE_HEADS)):
        return None
    key = t.key[k]
    if BARE[key] in DEMONSTRATIVES:
        return k
    if not DEFINITE[key] or key.startswith(("لل", "بال", "كال")) or role(t, k) is not None:
        return None
    # A definite word after a name may be the name's own family name ("سامي الخطيب"،
    # "بشار الأسد"): only a word of a shape family names do not take opens the object,
    # a plural in ـات or a verbal noun ("طهران العقوبات"، "بوتين الاتفاق").
    word = BARE[key][2:]
    return k if word.endswith("ات") or nominal_head(word) else None


def _name_word(t, k: int, later: bool) -> bool:
    """A word that may be part of a person's or a place's name ("بوتين"، "كيري"،
    "حسن روحاني"): bare, no role, not of a verbal noun's or a feminine noun's shape,
    not an adjective word unless it is a later word of the name."""
    key = t.key[k]
    if not t.word[k] or DEFINITE[key] or role(t, k) is not None or stop_kind(t, k) is not None:
        return False
    if key[:1] == "و" or key.startswith(("لل", "بال")) or key.endswith(("ه", "ات")):
        return False
    if not later and key.endswith("و"):
        return False  # a construct plural ("مستخدمو مواقع التواصل"), not "جاستن ترودو"
    if len(key) < 3 or key in _NOT_NAMES or BARE[key] in DEMONSTRATIVES:
        return False  # ("ووصفت رد الاتحاد"، "ووصف أحد المسؤولين")
    if not later and key in _ADJECTIVE_WORDS:
        return False  # ("مسؤول أمريكي")
    return not nominal_head(key) and key not in _BODY_HEADS


def _two_names(t, a: int, b: int) -> int | None:
    """Two bare words, a name and a name: "بريطانيا موسكو", "ترامب بكين"."""
    if b - a == 2 and role(t, a) is None and not nominal_head(t.key[a]) and _opens_object(t, a + 1):
        if not DEFINITE[t.key[a + 1]] and not nisba(t.key[a + 1]) and t.key[a + 1] not in _ADJECTIVE_WORDS:
            return a + 1  # (not "مسؤول أمريكي")
    return None


def _definite_adjective(key: str) -> bool:
    """ "العربية", "المستقلة", "العام": an adjective of the definite subject (not a
    feminine noun after a feminine one: "العربية الحكومة" is a subject and an object);
    or a number with the article, which follows its noun ("الدول الأربع")."""
    return nisba(key) or key.startswith("الم") or key in ADJECTIVES or (key[:2] == "ال" and key[2:] in CARDINALS)


def _opens_object(t, k: int) -> bool:
    key = t.key[k]
    return t.word[k] and stop_kind(t, k) is None and key[:1] != "و" and not key[:1].isdigit()


def _indefinite_adjective(key: str) -> bool:
    """ "فرنسي", "معارض", "مؤيد": a relational adjective or an م- participle."""
    return nisba(key) or (key[:1] == "م" and len(key) >= 4) or key in _ADJECTIVE_WORDS


def _subject_head(t, k: int) -> bool:
    """ "الحكومة", "وزير الخارجية": a definite word or a role opens the phrase; or a
    feminine noun in construct with a definite genitive ("وكالة الأنباء البولندية"،
    "هيئة الطيران"), definite by it (not "ونشر الموقع": a verb and its subject)."""
    if not t.word[k]:
        return False
    if DEFINITE[t.key[k]] or role(t, k) is not None:
        return True
    n = k + 1
    return (
        t.text[k].endswith("ة")
        and n < t.n
        and t.word[n]
        and t.sent[n] == t.sent[k]
        and DEFINITE[t.key[n]]
        and not nisba(t.key[n])
    )


def _relative_after_noun(t, i: int, back: tuple[int, int] | None) -> bool:
    """The verb at i opens a relative clause of the indefinite noun phrase before it
    (Arabic writes no الذي after an indefinite one): its last word is right before the
    verb and neither it nor the phrase's first word is definite or a role."""
    p = i - 1
    if p < 0 or not t.word[p] or t.sent[p] != t.sent[i] or stop_kind(t, p) is not None:
        return False
    if BARE[t.key[p]] in _CLAUSE_OPENERS:
        return False  # "وكان مورينيو قد وصف", "كما وصف"
    if back is not None and back[1] == i:
        return not _subject_head(t, back[0])
    return not _subject_head(t, p) and pronoun_subject(t, i) is None and not complementizer(t, p)


def _may_open_subject(t, j: int) -> bool:
    """Not a time or manner adverb ("سابقا"), a preposition ("لما حدث"، "لتسميم"), or a
    verbal noun joined by و ("ووصف وتفسير لكتابات الجامع": a noun, description):
    after them the verb has no subject of its own."""
    key = t.key[j]
    if not t.word[j] or stop_kind(t, j) is not None or BARE[key] in ADVERBS:
        return False
    if key.startswith(("لل", "لما", "لمن")) or (key[:1] == "ل" and nominal_head(key[1:])):
        return False
    return not (key[:1] == "و" and nominal_head(key[1:]))


# The present "توقع" without a conjunction is also "she signs" ("توقع مصر، السبت، عقدا"):
# no object is read after its subject's adjunct.
_SIGNS = "توقع"


def _object_after_adjunct(
    rd: FieldReading, i: int, phrase: tuple[int, int] | None, k: int, limit: int, cue: Cue
) -> int | None:
    """Where the object starts after a subject closed by a time word or a manner adverb
    ("أكدت الحكومة الاثنين | التزامها بالاتفاق"، "دانت الحكومة بشدة | الهجوم"), with
    commas around it ("وأعلنت إدارة النادي، يوم الاثنين، | الاستغناء عن المدرب"), or by
    an apposition set off by commas ("أعلنت وزيرة التخطيط، هالة السعيد، | نمو ..."):
    the subject is complete, so the noun phrase after it is the object of a cue that
    takes one bare (أعلن، أكد، نفى، أدان، توقع). A definite noun, a possessed noun, a
    verbal noun, أي/ما or a demonstrative (objects.object_start), or another indefinite
    noun ("، نمو الاقتصاد"، "يوم الأربعاء إقالة المدرب"). Not a present verb, a word
    with و ("سابقا، والفتح حاليا": the subject goes on), a relative pronoun or a
    subordinator ("، التي افتتحت"، "حين"), a role ("أعلن الاثنين رئيس النادي": the
    verb's own subject after a time word), nor a word read as a cue. None when no time
    word or apposition closes the subject, when the time word is the adjective of the
    phrase's last noun ("تؤكد رغبته في استعادة تألق الموسم | الماضي، حين"), or when the
    phrase read as the subject opens with a verbal noun or a possessed noun (the
    passive "ويتوقع وصول سفينة أخرى بحلول الثلاثاء": no subject at all)."""
    if cue.nominal != "bare" or phrase is None:
        return None
    t = rd.t
    if t.key[i] == _SIGNS or not t.word[phrase[0]]:
        return None
    head = t.key[phrase[0]]
    if (nominal_head(head) and not DEFINITE[head]) or possessed(t, phrase[0]):
        return None  # (not "الاتحاد": a definite body named by a verbal noun speaks)
    if k >= limit or (t.word[k] and t.key[k].startswith("الم")):
        return None  # ("الموسم الماضي": an adjective of the subject's noun)
    apposition = any(not t.word[m] and t.text[m] in COMMAS for m in range(*phrase))
    timed = False
    m = k
    end = min(limit, k + 8)
    while m < end:
        if not t.word[m]:
            if t.text[m] not in COMMAS:
                return None
        elif stop_kind(t, m) == "time":
            timed = True
        else:
            break
        m += 1
    if m >= end or not t.word[m] or not (timed or (apposition and m > k)):
        return None
    key = t.key[m]
    if rd.cues[m] is not None or rd.according[m] is not None or role(t, m) is not None:
        return None
    if key[:1] in "وف" or key in SUBJECT_RELATIVES or BARE[key] in _SUBORDINATORS or complementizer(t, m):
        return None
    if object_start(t, m, limit) == m:
        return None if DEFINITE[key] and t.word[m - 1] and may_be_adjective(t, m - 1, m) else m
    if _owned(t, m, _own_pronoun(t.key[i], cue)):
        return m  # "أكدت كندا الاثنين تمسكها بحقوق الإنسان"
    if (
        not DEFINITE[key]
        and stop_kind(t, m) is None
        and key[:1] not in "يبلك"
        and not (key[:1] == "ت" and not nominal_head(key))
        and not key[:1].isdigit()
        and m + 1 < limit
        and t.word[m + 1]
    ):
        return m  # "...، الأربعاء، نمو الاقتصاد"، "يوم الأربعاء إقالة المدرب": an indefinite noun
    return None


# How many words of a name the speaker's word limit may have cut off.
_CUT_NAME_WORDS = 3


def _cut_speaker_prep(rd: FieldReading, phrase: tuple[int, int] | None, k: int, limit: int, cue: Cue) -> int | None:
    """The cue's own preposition ("كشف عن"، "أعلن عن") a few name words after a subject
    phrase that the speaker reader's word limit cut (MAX_SPEAKER_WORDS), when a noun
    follows it: "... اللواء خلف الله بن عبيدالله | الطويرقي | عن إنجاز". The words
    between are plain words (no stop word, cue, أن or punctuation)."""
    if phrase is None or not cue.preps or phrase[1] - phrase[0] < MAX_SPEAKER_WORDS or cue.key in _OBJECT_LEMMAS:
        return None  # (not "دعا X حكومة الرئيس ... إلى": a person object before the preposition)
    if cue.nominal == "no":
        return None  # (no noun phrase after its preposition: "عبر ... نيابة عن أعضاء اللجنة شكره")
    t = rd.t
    if role(t, phrase[0]) != "trigger" and any(
        not DEFINITE[t.key[n]] and nominal_head(t.key[n]) for n in range(*phrase) if t.word[n]
    ):
        # ("أكدت عدة تقارير صحفية رفض عدد ...": the object read into the phrase; after
        # a role, a name may have the verbal-noun shape: "المهندس محمد توفيق")
        return None
    for m in range(k, min(limit - 1, k + _CUT_NAME_WORDS + 1)):
        if not t.word[m] or rd.cues[m] is not None or complementizer(t, m):
            return None
        if BARE[t.key[m]] in cue.preps and m > k and t.text[m] != "علي":  # (the name علي folds as على)
            n = m + 1
            ok = t.word[n] and stop_kind(t, n) is None and not complementizer(t, n)
            return m if ok else None  # (as after the cue's preposition anywhere: "أعلن عن ضبط عصابة")
        if stop_kind(t, m) is not None:
            return None
    return None


def _object_after_hashtag(rd: FieldReading, phrase: tuple[int, int] | None, k: int, limit: int, cue: Cue) -> int | None:
    """Where the object starts after a hashtag that ends the subject: "كشف باسم التميمي
    والد أيقونة الاحتجاج الفلسطيني #عهد_التميمي | سبب الإفراج عن الفيديو" (a name in
    apposition, no genitive follows it). The object is a construct head of
    claims_construct_objects.tsv with its genitive, or (a cue that takes a bare noun
    phrase) an indefinite verbal noun."""
    t = rd.t
    if phrase is None or cue.nominal not in ("bare", "prep") or k + 3 >= limit:
        return None
    if t.word[k] or t.text[k] != "#" or not t.word[k + 1] or t.start[k + 1] != t.end[k]:
        return None
    m = k + 2
    if not (t.word[m] and t.word[m + 1]) or t.sent[m + 1] != t.sent[k]:
        return None
    key = t.key[m]
    if DEFINITE[key] or stop_kind(t, m) is not None or rd.cues[m] is not None:
        return None
    if BARE[key] in _CONSTRUCT_HEADS and DEFINITE[t.key[m + 1]]:
        return m
    return m if cue.nominal == "bare" and nominal_head(key) else None


# How far a subject's modifier may run before the object: "في المناطق الأربع الأكثر
# تضررا في وسط البلاد وغربها" (ten words).
_MODIFIER_WORDS = 12


def _object_after_modifier(
    rd: FieldReading, i: int, phrase: tuple[int, int] | None, k: int, limit: int, cue: Cue
) -> int | None:
    """Where the object starts after a definite subject that a modifier goes on, a
    prepositional phrase or a relative clause: "وأعلنت السلطات | في المناطق الأربع
    الأكثر تضررا | حالة «كارثة وطنية»"، "نفى ابن المواطنة | التي اتهمت بسحر عائلة في
    مركز مسكة بالقصيم | عدم صلة والدته بالسحر". The object is a verbal noun (listed or
    of a derived shape) right after a definite or possessed word: a definite word takes
    no genitive, so the verbal noun opens a new noun phrase (after an indefinite one it
    is its genitive: "في إطار تعزيز ..."). Not across punctuation, a quotation, أن,
    another cue or a source; not after من/عن ("ويتوقع من الطلاب اتباع": of them) or a
    preposition the cue takes itself ("أعلنت الوزارة عن ..."), which other readings
    have. None when no such word is within reach: no claim rather than a wrong one."""
    if cue.nominal != "bare" or phrase is None or k >= limit:
        return None
    t = rd.t
    a, b = phrase
    last = b - 1
    if not t.word[last] or not DEFINITE[t.key[last]] or not t.word[k] or BARE[t.key[a]] in _QUANTIFIERS:
        return None  # ("ونفى كل الشكوك التي طرحها ...": the object, the subject carried)
    if any(t.word[n] and not DEFINITE[t.key[n]] and nominal_head(t.key[n]) for n in range(a, b)):
        return None  # ("وأعلنت مصر في فبراير تأجيل جولة ...": the object read into the phrase)
    opener = BARE[t.key[k]]
    if t.key[k] in SUBJECT_RELATIVES:
        if t.key[i][0] in "وف" and t.key[i][1:] in CUES:
            return None  # ("ونفى الاتهامات التي وجهها ...": the object, the subject carried)
    elif stop_kind(t, k) != "prep" or opener in ("من", "عن") or opener in cue.preps:
        return None
    end = min(limit, k + _MODIFIER_WORDS)
    for m in range(k + 1, end):
        if not t.word[m] or t.sent[m] != t.sent[k]:
            return None
        key = t.key[m]
        if complementizer(t, m) or rd.according[m] is not None:
            return None
        if rd.cues[m] is not None and t.key[m - 1] not in SUBJECT_RELATIVES:
            return None  # (a cue right after التي is the relative clause's verb)
        if stop_kind(t, m) not in (None, "prep", "time", "deixis"):
            return None  # ("... كان من المقرر انعقاده": a clause of its own)
        if BARE[key] in ("ما", "اي") and m > k + 1 and t.word[m - 1] and stop_kind(t, m - 1) is None:
            # "نفي هيئة الطيران المدني في قطر | ما ورد ببيان ..."، "نفت الشركة في بيانها
            # أي تورط": what/any opens the object after any word but a preposition.
            pk = t.key[m - 1]
            if pk in SUBJECT_RELATIVES or m + 1 >= limit or not t.word[m + 1]:
                return None
            if pk[:1] in "بلك" or (not DEFINITE[pk] and nominal_head(pk)):
                return None  # ("باعتماد ما تضمنه": a noun and its genitive)
            return m
        if DEFINITE[key] or stop_kind(t, m) is not None or not nominal_head(key):
            continue
        p = m - 1
        pk = t.key[p]
        if pk in SUBJECT_RELATIVES or stop_kind(t, p) is not None:
            return None
        if not DEFINITE[pk] and not (
            t.text[p].endswith(("ها", "هم", "هما")) and any(x in NOMINAL_HEADS for x in noun_bases(BARE[key]))
        ):
            # "في إطار تعزيز": a genitive. After a possessed word ("وسط البلاد وغربها
            # حالة"), only a listed head: "التي طرحها ترامب" is a verb and its object.
            continue
        if m + 1 >= limit or t.sent[m + 1] != t.sent[m] or not (t.word[m + 1] or t.opens[m + 1] >= 0):
            return None
        return m
    return None


def _object_after_name(rd: FieldReading, i: int, phrase: tuple[int, int] | None, cue: Cue) -> int | None:
    """Where the object starts in a phrase [a, b) read as the subject of a cue that takes
    a bare noun phrase, when the subject is a name, which takes no genitive:
    - a surname the article gave in full, then a verbal noun, أي/ما or the subject's own
      possessed noun: "وأكد شكري | أهمية العمل" (after "سامح شكري"), "ونفى عمر | قيام
      الحكومة بأي زيادات";
    - any one bare word, then a noun with the subject's own pronoun (the pronoun agreeing
      with the verb: "ونفت موسكو | ضلوعها في الهجوم"، "وأكد بوتين | حضوره المباراة");
    - a role and a name of two words or more, then a verbal noun, أي/ما or the possessed
      noun: "وأعلن الرئيس دونالد ترامب | حالة الطوارئ"، "أكد قائد المنتخب سيرجيو راموس |
      تماسك الفريق".
    Not after a common noun, whose genitive a verbal noun may be ("أكدت لجنة تحقيق"،
    "وسائل إعلام"، "خبراء اقتصاد"): only a name known as one, or the agreeing pronoun;
    a bare word written with ة is a noun unless known as a name ("وتؤكد سلامة
    إجراءاتها": the safety of its procedures; "ينفي شائعة طلاقه"), one of the
    participle shape an adverb ("أعلنوا مسبقا معارضتهم")."""
    if cue.nominal != "bare" or phrase is None:
        return None
    t = rd.t
    a, b = phrase
    if b - a < 2 or not all(t.word[k] for k in range(a, b)):
        return None
    own = _own_pronoun(t.key[i], cue)

    def opens(k: int, verbal: bool, own: tuple[str, ...] = own) -> bool:
        key = t.key[k]
        if DEFINITE[key] or stop_kind(t, k) is not None or rd.cues[k] is not None or role(t, k) is not None:
            return False
        if key[:1] in "وفلبك" or key[:1].isdigit() or complementizer(t, k):
            return False
        if _owned(t, k, own):
            return True
        return verbal and (nominal_head(key) or BARE[key] in ("اي", "ما"))

    first = t.key[a]
    known = _known_surname(rd, a)
    plain = (
        not DEFINITE[first]
        and role(t, a) is None
        and stop_kind(t, a) is None
        and (known or not nominal_head(first))
        and (known or not nisba(first))  # ("شكري": a surname of the -ي shape)
        and (known or not t.text[a].endswith("ة"))  # ("وتؤكد سلامة إجراءاتها": safety)
        and not participle(first)  # ("أعلنوا مسبقا معارضتهم": an adverb)
        and first[:1] not in "وف"
        and not first[:1].isdigit()
        and rd.cues[a] is None
    )
    if plain and opens(a + 1, known):
        return a + 1
    if (
        not DEFINITE[first]
        and not nisba(first)
        and first[:1] not in "وفبك"  # (not "بشكل رسمي": a manner phrase)
        and not nominal_head(first)
        and stop_kind(t, a) is None
        and not possessed(t, a)
    ):
        # "وأكد مصدر عسكري | تواصل التقدم"، "وأكدت مصادر عسكرية وطبية يمنية | مقتل":
        # an adjective closes an indefinite noun phrase (a genitive never follows it).
        k = a + 1
        while k < b and not DEFINITE[t.key[k]] and stop_kind(t, k) is None and _indefinite_nisba(t.key[k]):
            k += 1
        # (Any pronoun: "أكد مسؤولون أميركيون قلقهم", a verb before a plural subject is singular.)
        if a + 1 < k < b and opens(k, True, ("هما", "هم", "ها")):
            return k
    if role(t, a) != "trigger":
        return None
    for k in range(a + 2, b):
        if not opens(k, True):
            continue
        name, role_range = rd.sp.split_role(a, k)
        if role_range is not None and name[1] == k and k - name[0] >= 2 and not nominal_head(t.key[name[0]]):
            return k  # (not "دونالد | ترامب": a name's word of the verbal-noun shape)
    return None


def _indefinite_nisba(key: str) -> bool:
    """ "عسكري"، "وطبية"، "يمنية": a relational adjective, perhaps joined by و."""
    return len(key) >= 4 and (nisba(key) or (key[:1] == "و" and nisba(key[1:])))  # (not "في")


def _own_pronoun(key: str, cue: Cue) -> tuple[str, ...]:
    """The possessive pronoun of the verb's subject, as the verb form shows it: "نفت
    ضلوعها"، "أعلنوا خوضهم"، "وأكد حضوره" (ه for a masculine verb: only on a word of
    four letters or more before it, see `_owned`)."""
    gender = cue_gender(key, cue)
    suffixes = own_suffixes(key, gender)
    if not suffixes and gender == "m":
        return ("ه",)
    return suffixes


def _owned(t, k: int, own: tuple[str, ...]) -> bool:
    """A noun with the subject's own pronoun: "ضلوعها"، "حضوره" (written ه, not the ة of
    "جمعة"; its stem of four letters or more, not a present verb, not a cue)."""
    if own == ("ه",):
        key = t.key[k]
        return (
            t.text[k].endswith("ه")
            and len(key) >= 5
            and key[:1] not in "يت"
            and key[:-1] not in CUES
            and not key.endswith(("يه", "اه", "وه"))
        )
    if not own:
        return False
    key = t.key[k]
    if key[:1] == "ت" and t.word[k] and stop_kind(t, k) is None and not t.text[k].endswith("ة"):
        # "نفت موسكو تورطها"، "أعلنت طالبان تبنيها": a تفعّل/تفاعل verbal noun with the
        # subject's own pronoun (possessed() refuses ت-: "تعلنها" is a present verb; a
        # verb form of a cue is refused here too, and a stem of four letters is asked).
        for suf in own:
            stem = key[: -len(suf)]
            if key.endswith(suf) and len(stem) >= 4 and stem not in CUES and not stem.startswith(("تت", "تست")):
                return True
        return False
    return possessed(t, k, own)
