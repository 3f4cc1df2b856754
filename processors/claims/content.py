"""Where a claim's content starts: after إن/أن (indirect), inside quotation marks, after
a colon or "، لقد" (direct), a noun phrase where the cue allows one ("أعلنت الوزارة
تدمير ..."), or the quotation or clause before a post-posed cue ("«...»، قال الوزير").

Only the start is decided here (where it ends is processors/claims/ranges.py): every
cue kind looks for its content the same way, past adjuncts of time, place and occasion.
"""

from __future__ import annotations

from processors.claims.lexicons import (
    COMPLEMENTIZERS,
    CUES,
    HOWEVER,
    SAY,
    SPEAKER_STOPS,
    SUBJECT_RELATIVES,
    TIME_PHRASES,
    Cue,
    fold,
    load_set,
    noun_bases,
    read_rows,
)
from processors.claims.objects import OBJECT_VERBS
from processors.claims.reading import CONTENT_WINDOW, Content, FieldReading
from processors.claims.tokens import CLAUSE_PUNCT, COMMAS
from processors.claims.words import BARE, DEFINITE, complementizer, digit, nisba, nominal_head, stop_kind

_STANCE_NOUNS = load_set("claims_stance_nouns.tsv")
# Prepositions a stance noun takes before what it bears on, written apart ("أمله في"،
# "قلقها من"، "قلقه إزاء") or on the next word ("تطلعه لتجاوز"، "ثقته بحصول").
_STANCE_PREPS = frozenset(fold(w) for w in ("في", "من", "إزاء", "بشأن", "حيال", "على"))
_STANCE_CLITICS = ("ل", "ب")


def skip_source(rd: FieldReading, m: int) -> int:
    """The token after the according-to source that starts at m ("بحسب الوكالة")."""
    s = rd.source_at.get(m)
    return m + 1 if s is None else max(s.end, m + 1)


def _plain_circumstance(key: str) -> bool:
    """An occasion noun without a pronoun suffix: "بيان", "البيان", "تصريح"."""
    key = BARE[key]
    if key.startswith("ال"):
        key = key[2:]
    return SPEAKER_STOPS.get(key) == "circumstance"


def skip_saying(rd: FieldReading, j: int, limit: int) -> int:
    """ "وأردف قائلا: ..." — a participle of saying right after a cue only
    introduces the content; it is not a second claim."""
    saying = rd.cues[j] if j < limit else None
    if saying is not None and saying.kind == "participle" and saying.lemma == "قال":
        rd.consumed.add(j)
        return j + 1
    if j < limit and stop_kind(rd.t, j) == "saying":
        return j + 1  # "لافتا الانتباه إلى أن", "وتابع بالقول إن"
    return j


_FIRST_PERSON = load_set("claims_first_person.tsv")


def _bare_speech(rd: FieldReading, k: int, limit: int) -> Content | None:
    """Speech without colon or quotation marks after "قائلا": "وأضاف قائلا نحن
    مستمرون في المقاومة ..." is his own words, first person, as after a colon; the
    participle of saying only introduces it. Only before a word of the speaker
    talking of himself (claims_first_person.tsv): "قائلا في بيان إن", "قائلا
    لصحيفة" go on to the content or to an adjunct."""
    t = rd.t
    if not 0 < k < limit or not t.word[k] or not t.word[k - 1]:
        return None
    saying = rd.cues[k - 1]
    if saying is None or saying.kind != "participle" or saying.lemma != "قال":
        return None
    key = t.key[k]
    if complementizer(t, k):
        return None  # "قائلا إننا سنواصل": indirect, after the particle
    if key in _FIRST_PERSON or (key[:1] in ("و", "ف") and key[1:] in _FIRST_PERSON):
        return Content("direct", start=k, colon=True)
    return None


# Nouns a quoted name or title follows (claims_name_heads.tsv): kind → the most words
# such a name has.
_NAME_HEADS = {fold(w): kind for w, kind in read_rows("claims_name_heads.tsv")}
_NAME_WORDS = {"name": 5, "title": 15}


def _named_by_head(rd: FieldReading, r: int) -> bool:
    """'وتوقعت شركة "نور"، المنتجة الكبرى، أن ...'، 'قال المتحدث باسم "الجبهة
    الشعبية"، سالم حداد، إن ...'، 'كتب مقالا بعنوان "كيف نخرج من الأزمة؟"': a
    quotation glued to an indefinite noun that takes a name (claims_name_heads.tsv) is
    that name or title, not what the speaker said. 'وقالت الصحيفة "لن نسكت"' (with ال)
    and 'وقال مسؤول "لن ننسحب"' (a speaker, not a name-taking noun) stay speech."""
    q = rd.q[r]
    t = rd.t
    p = q.open - 1
    if p < 0 or not t.word[p] or q.words == 0:
        return False
    # As written ("وكالة" is no و + كالة), then without و/ف, then without ل/ب
    # ("لشركة"). The rows have no ال, so "الشركة"، "للشركة" never match.
    key = t.key[p]
    kind = _NAME_HEADS.get(key) or _NAME_HEADS.get(BARE[key])
    if kind is None and BARE[key][:1] in ("ل", "ب") and len(BARE[key]) > 3:
        kind = _NAME_HEADS.get(BARE[key][1:])
    return kind is not None and q.words <= _NAME_WORDS[kind]


def _quote_is_speech(rd: FieldReading, r: int, after_intro: bool) -> bool:
    q = rd.q[r]
    if rd.sp.label_quote(r) or _named_by_head(rd, r):
        return False
    return q.words >= 3 or (after_intro and q.words >= 1)


def content_now(rd: FieldReading, k: int, limit: int, cue: Cue, nominal: bool = True) -> Content | None:
    """A content that starts right at token k (no subject in between)."""
    t = rd.t
    if k >= limit:
        return None
    bare = _bare_speech(rd, k, limit)
    if bare is not None:
        return bare
    if not t.word[k]:
        opens = t.opens[k]
        if opens >= 0 and _quote_is_speech(rd, opens, True):
            return Content("direct", quote=opens)
        if t.text[k] == ":":
            return _after_colon(rd, k, limit)
        return None
    if BARE[t.key[k]] in cue.preps and k + 1 < limit and complementizer(t, k + 1):
        return _after_complementizer(rd, k + 1, limit)  # "أشار إلى أن"
    if cue.nominal == "prep" and BARE[t.key[k]] in cue.preps and k + 1 < limit and t.opens[k + 1] >= 0:
        # '، مشيرة إلى "استمرار تجاهل التنبيهات"': a quoted noun phrase after the
        # preposition is what was said, in the speaker's words (direct). Not a label
        # inside a longer phrase: 'مشيرا إلى "الاتفاق" الذي وقع أمس'.
        r = t.opens[k + 1]
        if _quote_is_speech(rd, r, False) and not _clause_goes_on(rd, r, limit):
            return Content("direct", quote=r)
    if cue.nominal == "no" and BARE[t.key[k]] in cue.preps and k + 2 < limit and t.word[k + 1]:
        # A stance noun between the preposition and أن: "معربا عن ثقته بأن ...",
        # "أعرب عن أمله في أن ...".
        n = k + 2
        if t.word[n] and BARE[t.key[n]] in cue.preps and n + 1 < limit:
            n += 1
        if complementizer(t, n):
            return _after_complementizer(rd, n, limit)
        stance = _stance_object(rd, k + 1, limit)
        if stance is not None:
            return stance
    if complementizer(t, k):
        return _after_complementizer(rd, k, limit)
    if nominal and cue.nominal != "no":
        return _nominal_at(rd, k, limit, cue, True)
    return None


def _stance_object(rd: FieldReading, s: int, limit: int) -> Content | None:
    """ "أعرب عن أمله في حصول مجموعته على طلبيات": after a stance noun with its
    pronoun (claims_stance_nouns.tsv) and its preposition, an indefinite noun in
    construct opens the content ("حصول مجموعته ..."); "لتجاوز" keeps its ل out of
    it. A definite noun is what the stance is about, not a proposition: "أعرب عن
    قلقه من الوضع" has no content."""
    t = rd.t
    key = t.key[s]
    if key.startswith("ال") or not any(
        b in _STANCE_NOUNS for k in (BARE[key], key) for b in noun_bases(k)[1:]
    ):  # (as written too: "فخره" is no ف + خره)
        return None  # (the suffix is required: "أعرب عن قلق" names no one's stance)
    n = s + 1
    if n >= limit or not t.word[n]:
        return None
    if t.key[n] in _STANCE_PREPS:
        m = n + 1
        if m < limit and t.word[m] and not DEFINITE[t.key[m]] and stop_kind(t, m) is None and not complementizer(t, m):
            return Content("indirect", start=m, nominal=True)
        return None  # ("عن أمله في أن ...": the أن-clause, read as before)
    head = t.key[n]
    if (
        len(head) > 3
        and head[:1] in _STANCE_CLITICS
        and not head.startswith("لل")  # "عن أسفها للمقطع المتداول": a definite noun
        and not DEFINITE[head]
        and not DEFINITE[head[1:]]
        and stop_kind(t, n) is None
        and not complementizer(t, n)
        and head[1:] not in COMPLEMENTIZERS  # "عن أسفه لأنه ...": because
    ):
        return Content("indirect", start=n, skip=1, nominal=True)
    return None


def _after_complementizer(rd: FieldReading, k: int, limit: int) -> Content | None:
    n = k + 1
    if n >= rd.t.n:
        return None
    opens = rd.t.opens[n]
    if opens >= 0 and rd.q[opens].words >= 1 and not _clause_goes_on(rd, opens, limit):
        return Content("direct", quote=opens)  # على أن "مهام ..."
    if opens >= 0 and rd.q[opens].words >= _QUOTED_CLAUSE_WORDS and _narration_after(rd, opens):
        return Content("direct", quote=opens)  # إن "التصعيد يمهد لهجوم" بعدما ...
    if n >= limit:
        return None
    # 'قال إنه "من الممكن" أن تعود المفاوضات': a quotation that only opens the clause
    # is part of it; what was said is the whole clause, quotation marks and all.
    return Content("indirect", start=n)


_NARRATION_AFTER_QUOTE = load_set("claims_narration_after_quote.tsv")
# The fewest words of a quotation that holds a clause of its own ("التصعيد يمهد
# لهجوم"), not a phrase of the speaker's clause ('إن "علاقة جيدة" تربطهما').
_QUOTED_CLAUSE_WORDS = 3


def _narration_after(rd: FieldReading, r: int) -> bool:
    """Whether the word right after the quotation's closing mark resumes the narration
    (claims_narration_after_quote.tsv): 'قال إن "..." بعدما استكملت القوات ...'."""
    t = rd.t
    c = rd.q[r].close
    if c >= t.n or t.closes[c] != r:
        return False
    m = c + 1
    return m < t.n and t.word[m] and t.sent[m] == t.sent[c] and t.key[m] in _NARRATION_AFTER_QUOTE


def _clause_goes_on(rd: FieldReading, r: int, limit: int) -> bool:
    """Whether a word follows the quotation's closing mark in the same sentence:
    'أن "القرار الأحادي" لم يترك لنا خيارا' (the clause goes on), not 'إن "..."،'."""
    t = rd.t
    c = rd.q[r].close
    if c >= t.n or t.closes[c] != r:
        return False  # (a quotation left unclosed ends at a cue: reading.end_unclosed_quotes)
    m = c + 1
    return m < min(limit, t.n) and t.word[m] and t.sent[m] == t.sent[m - 1]


def _after_colon(rd: FieldReading, k: int, limit: int) -> Content | None:
    n = k + 1
    if n < rd.t.n and rd.t.opens[n] >= 0 and rd.q[rd.t.opens[n]].words >= 1:
        return Content("direct", quote=rd.t.opens[n])
    if n >= limit:
        return None
    if complementizer(rd.t, n) and rd.t.key[n] not in _FIRST_PERSON:
        # "وقال العسيف: أنه ورث الحرفة عن أبيه": إن/أن after the colon, no quotation
        # mark, reports his words indirectly; what was said follows the particle. It
        # still runs on over his next sentences as speech after a colon does. (With
        # "we/I" on it the particle only opens his own words: "وقال: إننا لن نتخلى".)
        content = _after_complementizer(rd, n, limit)
        if content is not None and content.quote < 0:
            content.colon = True
        return content
    return Content("direct", start=n, colon=True)


def _nominal_at(rd: FieldReading, m: int, limit: int, cue: Cue, first: bool) -> Content | None:
    t = rd.t
    key = t.key[m]
    if BARE[key] in cue.preps and m + 1 < limit and t.word[m + 1] and not complementizer(t, m + 1):
        if stop_kind(t, m + 1) is None:
            return Content("indirect", start=m + 1, nominal=True)  # "كشف عن ارتفاع"
    if "ب" in cue.preps and key.startswith("ب") and nominal_head(key[1:]):
        return Content("indirect", start=m, skip=1, nominal=True)  # "أفادت ... بوقوع"
    if "ب" in cue.preps and key == "بما" and m + 1 < limit and t.word[m + 1] and stop_kind(t, m + 1) is None:
        return Content("indirect", start=m, skip=1, nominal=True)  # "نددت الدول بما جرى"
    if _to_clitic(key, cue):
        return Content("indirect", start=m, skip=1, nominal=True)  # "وأشار لوجود ضوابط"
    if (
        cue.nominal == "bare"
        and BARE[key] in ("ما", "اي")
        and m + 1 < limit
        and t.word[m + 1]
        and not (key == "اي" and m > 0 and t.text[m - 1] in COMMAS)
    ):
        # (After a comma, أي is "that is": "أعلنت الهيئة النتائج ...، أي أقل بـ13
        # مقعدا من الأغلبية" explains a number, it is not "any".)
        return Content("indirect", start=m, nominal=True)  # "نفى ما تردد", "نفت أي نية"
    if cue.nominal == "bare" and (digit(t, m) or ((not DEFINITE[key] or hamza_al(t, m)) and nominal_head(key))):
        return Content("indirect", start=m, nominal=True)  # "أعلنت الوزارة تدمير"
    return None


def hamza_al(t, m: int) -> bool:
    """A word written with إل (a hamza under its alif), which the article never is: the
    إفعال verbal noun of a root in ل ("إلقاء"، "إلغاء"، "إلزام"), folded like a definite
    word ("القاء"): "وتوقع إلقاء اللوم على موسكو" opens the object."""
    text = t.text[m]
    if text[:1] in ("و", "ف"):
        text = text[1:]
    return text.startswith("إل")


_TO = fold("إلى")


def _to_clitic(key: str, cue: Cue) -> bool:
    """ل on a verbal noun standing for the cue's إلى: "وأشار لوجود ضوابط"، "ودعا لإجراء
    انتخابات"، "نبه الأمير لضرورة الحصول على إذن". Not لل (the article: "للمرة")
    nor a name in ل ("لافروف"، "لجنة"): the word without ل must be a verbal noun."""
    return _TO in cue.preps and key.startswith("ل") and not key.startswith("لل") and nominal_head(key[1:])


def _could_open(key: str, cue: Cue) -> bool:
    """Whether _nominal_at could open a content at a word with this key: its tests on
    the word itself, without those on the words after it (each of its four cases needs
    one of these), so that a word it must refuse skips _may_open."""
    if cue.nominal == "no":
        return False
    bare_key = BARE[key]
    if bare_key in cue.preps:
        return True
    if "ب" in cue.preps and ((key.startswith("ب") and nominal_head(key[1:])) or key == "بما"):
        return True
    if _to_clitic(key, cue):
        return True
    return cue.nominal == "bare" and (
        bare_key in ("ما", "اي") or key[:1].isdigit() or (not DEFINITE[key] and nominal_head(key))
    )


def _opens_written(rd: FieldReading, m: int, cue: Cue) -> bool:
    """_could_open for a verbal noun in إل that its key reads as definite (hamza_al)."""
    return cue.nominal == "bare" and hamza_al(rd.t, m) and nominal_head(rd.t.key[m])


# Conditional particles that open a speaker's words after قال and a comma.
_CONDITIONALS = frozenset(fold(w) for w in ("إذا", "لو"))


def find_content(rd: FieldReading, k: int, limit: int, cue: Cue) -> Content | None:
    """The content after the speaker, past adjuncts of time, place and occasion
    ("في كلمته خلال الاجتماع، لقد ...", "صباح الخميس، ثامن أيام العمليات، تدمير")."""
    t = rd.t
    bare = _bare_speech(rd, k, limit)
    if bare is not None:
        return bare
    nominal: Content | None = None
    end = min(limit, k + CONTENT_WINDOW)
    m = k
    while m < end:
        if not t.word[m]:
            opens = t.opens[m]
            if opens >= 0 and nominal is not None:
                return nominal  # 'ونفت الهيئة وجود "أي تجاوزات جوهرية"': one phrase
            if opens >= 0 and _quote_is_speech(rd, opens, m == k):
                return Content("direct", quote=opens)
            if opens >= 0 and _named_by_head(rd, opens) and rd.q[opens].close < end:
                # A name's words are not the claim's: 'مع شبكة "سي ان بي سي"، "..."'
                # has no إن, 'بعنوان "سوريا: ..."' no colon.
                m = rd.q[opens].close + 1
                continue
            mark = t.text[m]
            if nominal is not None and mark in CLAUSE_PUNCT and not (m + 1 < limit and complementizer(t, m + 1)):
                # "ونفى الراشدي ما نقلته وسائل إعلام عن ...، واصفا الأنباء بأنها
                # ...", "حذرت الهيئة من موجة حر، مع توقع أن ...": the noun phrase
                # was the content; an أن further on belongs to another clause. (An
                # أن right after the comma closes an adjunct: "أكد، في كلمة أمام
                # أنصاره، أن ...".)
                return nominal
            if mark == ":":
                return _after_colon(rd, m, limit)
            if mark in COMMAS and m + 1 < limit and BARE[t.key[m + 1]] == "لقد":
                return Content("direct", start=m + 1)  # "...، لقد اتفقنا"
            m += 1
            continue
        if cue.key == SAY and m > k and not t.word[m - 1] and t.text[m - 1] in COMMAS and t.key[m] in _CONDITIONALS:
            # "يقول الرئيس الأمريكي، دونالد ترامب، إذا لم تكن محادثاته مثمرة فإنه
            # سينسحب": a conditional after the speaker's comma is what he says, as
            # an إن clause would be ("فيما إذا"، "ما إذا" follow a word, "، فإذا"
            # goes on a clause: no claim).
            return Content("indirect", start=m)
        if complementizer(t, m):
            if m > k and t.word[m - 1] and t.key[m - 1] in HOWEVER:
                # "وكان المرصد أفاد في حصيلة أولية عن 18 قتيلا، إلا أنها واصلت
                # الارتفاع": إلا/غير أن is "however", the narration's next clause, not
                # the cue's "that".
                break
            if m > k and t.word[m - 1] and stop_kind(t, m - 1) == "prep" and BARE[t.key[m - 1]] not in cue.preps:
                # "بعد أن", "قبل أن", "منذ أن": conjunctions of time, not "that".
                m += 1
                continue
            return _after_complementizer(rd, m, limit)
        other = rd.cues[m]
        if other is not None:
            if m == k and cue.nominal == "bare" and other.kind == "noun":
                # "ونفت الحكومة مزاعم المعارضة بأن ...": the reported claim is the
                # denied content; مزاعم is read as a claim of its own too.
                return Content("indirect", start=m, nominal=True)
            if other.kind == "noun":
                m += 1  # "قال الوزير في تصريح لوكالة ... إن": the occasion, not a claim
                continue
            if m + 1 < limit and skip_saying(rd, m, limit) == m + 1 and rd.cues[m] is not None:
                m += 1  # "وتابع زوكربيرغ حديثه قائلا: ...": قائلا only introduces it
                continue
            break  # another cue: the next claim
        if rd.according[m] is not None:
            m = skip_source(rd, m)
            continue
        if cue.nominal == "no" and BARE[t.key[m]] in cue.preps and m + 1 < limit and t.word[m + 1]:
            # "أعرب المدير التجاري للشركة عن ثقته في حصول ...": past the subject.
            stance = _stance_object(rd, m + 1, limit)
            if stance is not None:
                return stance
        # (_may_open, with its adjunct and occasion rules, is the costlier test: it is
        # asked only of a word that _nominal_at could take at all.)
        if nominal is None and (_could_open(t.key[m], cue) or _opens_written(rd, m, cue)) and _may_open(rd, m, k):
            nominal = _nominal_at(rd, m, limit, cue, m == k)
        if (
            nominal is None
            and m > k
            and BARE[t.key[m]] in cue.preps
            and cue.nominal != "no"
            and cue.key not in OBJECT_VERBS  # (دعا: claims_object_cues.tsv)
            and _prep_after_adjunct(t, m, k, limit)
        ):
            # (Not a stance verb, whose content is after its stance noun: "أعرب في بيان
            # عن استغرابه"; nor دعا, whose "في" phrase may follow its object: "دعا
            # المسؤولين في الولايات المجاورة إلى".)
            nominal = Content("indirect", start=m + 1, nominal=True)
        if (
            nominal is None
            and m > k
            and not t.word[k]
            and cue.key in OBJECT_VERBS
            and (BARE[t.key[m]] in cue.preps or _to_clitic(t.key[m], cue))
            and _object_after_comma(t, m, k, limit)
        ):
            if BARE[t.key[m]] in cue.preps:
                nominal = Content("indirect", start=m + 1, nominal=True)
            else:
                nominal = Content("indirect", start=m, skip=1, nominal=True)  # "، المواطنين لاستخدام"
        m += 1
    return nominal


def _may_open(rd: FieldReading, m: int, k: int) -> bool:
    """A noun-phrase content starts right after the speaker, after a comma, or
    after a time word; not inside an adjunct ("في بيان صادر عن مكتبه")."""
    if m == k:
        return True
    t = rd.t
    if m - 3 >= k and tuple(t.key[m - 3 : m]) in TIME_PHRASES:
        return True  # "أعلنت ... في وقت سابق اعتقال 20 شخصا"
    if (not t.word[m - 1] and t.text[m - 1] in CLAUSE_PUNCT) or stop_kind(t, m - 1) == "time":
        return True
    # After the occasion of speaking, with at most one adjective: "ونفت الوزارة في
    # بيان منفصل صحة ما يتداول", "وأعلن الجيش في بيان تدمير ...".
    for p in (m - 1, m - 2):
        # Not after a suffixed occasion, whose noun governs an object: "خلال
        # لقائه أنصاره".
        if p - 1 < k or not t.word[p] or not _plain_circumstance(t.key[p]) or stop_kind(t, p - 1) != "prep":
            continue
        if p == m - 2 and (
            not t.word[m - 1]
            or stop_kind(t, m - 1) is not None
            or DEFINITE[t.key[m - 1]]
            or nominal_head(t.key[m - 1])
            or stop_kind(t, m) is not None  # "في بيان صادر عن مكتبها"
        ):
            continue
        return True
    return _after_own_occasion(t, m, k) or _after_definite_adjunct(t, m, k)


def _prep_after_adjunct(t, m: int, k: int, limit: int) -> bool:
    """The cue's own preposition right after the speaker's adjunct of occasion, then a
    verbal noun: "وأكد نائب المدير خلال الزيارة على ضرورة ..."، "وأكد الوزير في كلمته
    على أهمية ...". The adjunct opens with a preposition right after the speaker
    (not من/عن, which governs the verb's object: "ويتوقع من الطلاب") and is made of
    occasion, place and definite words only; a verbal noun follows the preposition
    ("على ضرورة"، "على أهمية"), not a definite noun or a name ("على المواقف الثابتة"
    may be a place or a thing acted on: no claim)."""
    n = m + 1
    if n >= limit or not t.word[m] or not t.word[n] or m - k > _ADJUNCT_WORDS:
        return False
    key = t.key[n]
    if DEFINITE[key] or stop_kind(t, n) is not None or not nominal_head(key) or key.endswith("ا"):
        return False
    if stop_kind(t, k) != "prep" or BARE[t.key[k]] in ("من", "عن") or BARE[t.key[k]] == BARE[t.key[m]]:
        return False
    return all(_adjunct_word(t, j) for j in range(k + 1, m))


# How many words the object of دعا may have between the speaker's comma and إلى.
_CALLED_WORDS = 6


def _object_after_comma(t, m: int, k: int, limit: int) -> bool:
    """دعا's object set off from its subject by a comma, then the cue's preposition and
    a verbal noun: "ودعا العقيد سامي الحربي، المواطنين والمقيمين إلى أخذ الحيطة"،
    "ودعا الدكتور العطية، الولايات المتحدة إلى بذل جهد"، "دعا البنك الدولي، السعودية
    ودول الخليج إلى الاستثمار". The comma is right after the speaker; the words
    between it and the preposition are a noun phrase only: definite words, names and
    nouns in construct before a definite word, joined by و (no verb, relative or
    preposition: "دعا الوزير، المواطنين الذين توجهوا إلى المدينة" is no call to go)."""
    if t.word[k] or t.text[k] not in COMMAS or not k + 1 < m <= k + 1 + _CALLED_WORDS:
        return False
    if BARE[t.key[m]] == _TO:
        # (With ل written on it, "لاستخدام" is a verbal noun already: _to_clitic.)
        n = m + 1
        if n >= limit or not t.word[n] or stop_kind(t, n) is not None:
            return False
        head = t.key[n][2:] if DEFINITE[t.key[n]] else t.key[n]
        if not nominal_head(head):
            return False  # (not a place: "دعا الوزير، الوفد إلى المدينة" is an invitation)
    for j in range(k + 1, m):
        if not t.word[j] or stop_kind(t, j) is not None:
            return False
        key = BARE[t.key[j]]
        if key[:1] == "و" and len(key) > 3:
            key = key[1:]
        if key in SUBJECT_RELATIVES or key in COMPLEMENTIZERS or key[:1].isdigit():
            return False
        if key[:1] in ("ب", "ل", "ك", "ف") and not key.startswith("ال"):
            return False  # a preposition written on its word: "، بمناسبة الذكرى السبعين، لتأسيس"
        if not (DEFINITE[key] or nisba(key) or (j + 1 < m and DEFINITE[t.key[j + 1]]) or j == m - 1):
            return False  # (a last bare word is a name: "، السعودية ودول الخليج"، "، واشنطن")
    return True


# How far after the speaker an adjunct may end before the object: "في كلمته أمام
# البرلمان" (four words).
_ADJUNCT_WORDS = 5


def _after_definite_adjunct(t, m: int, k: int) -> bool:
    """An indefinite verbal noun right after an adjunct that opened with a preposition
    after the speaker and ends on a definite word: "أكد الرئيس في كلمته أمام البرلمان
    ضرورة ...", "وأعلن الجيش في مؤتمر صحفي بالعاصمة تدمير ...". A definite word takes
    no genitive and an indefinite word is not its adjective, so the verbal noun opens a
    new noun phrase, the object. Not an accusative in ا, an adverb of the verbal-noun
    shape ("منذ البداية انطلاقا من ...")."""
    p = m - 1
    if p <= k or m - k > _ADJUNCT_WORDS or not t.word[p] or not t.word[m] or not DEFINITE[t.key[p]]:
        return False
    key = t.key[m]
    if DEFINITE[key] or key.endswith("ا") or stop_kind(t, m) is not None or not nominal_head(key):
        return False
    if key.endswith("ه") and nominal_head(key[:-1]):
        return False  # (a plural of the أفعال shape with its pronoun: "أنصاره")
    if stop_kind(t, k) != "prep" or BARE[t.key[k]] in ("من", "عن"):
        return False  # ("ويتوقع من الطلاب اتباع ...": expected of them, no speaker's adjunct)
    return all(_adjunct_word(t, n) for n in range(k + 1, m))


def _adjunct_word(t, n: int) -> bool:
    """A word of an adjunct of place or occasion: a preposition, a word with the
    article ("البرلمان"، "بالعاصمة"), an occasion noun ("مؤتمر"، "كلمته") or a relational
    adjective ("صحفي"). Not a verb ("إذ تعلن عن ذلك لتؤكد للجميع حرص ...")."""
    if not t.word[n]:
        return False
    key = BARE[t.key[n]]
    if stop_kind(t, n) == "prep" or key.startswith(("ال", "بال", "وال", "لل")) or nisba(key):
        return True
    return _plain_circumstance(key) or _suffixed_circumstance(key)


def _after_own_occasion(t, m: int, k: int) -> bool:
    """An indefinite verbal noun right after the speaker's own occasion, a preposition
    and an occasion noun with a pronoun suffix: "وأكد خلال لقائه ضرورة تعزيز ..."،
    "وأعلن في كلمته إطلاق ...". The suffixed occasion governs whom it meets ("خلال
    لقائه أنصاره": no verbal noun, no content there), never a verbal noun, so the
    verbal noun opens the object."""
    p = m - 1
    if p - 1 < k or not t.word[p] or not t.word[m] or stop_kind(t, p - 1) != "prep":
        return False
    key = t.key[m]
    if DEFINITE[key] or not nominal_head(key) or stop_kind(t, m) is not None:
        return False
    if key.endswith("ه") and nominal_head(key[:-1]):
        return False  # "لقائه أنصاره": a plural of the أفعال shape with its pronoun
    occasion = BARE[t.key[p]]
    return not occasion.startswith("ال") and _suffixed_circumstance(occasion)


# (The teh marbuta and the hamza change before a suffix: كلمته، لقائه.)
_BEFORE_SUFFIX = {"ت": "ه", "ئ": "ء", "ؤ": "ء"}


def _suffixed_circumstance(key: str) -> bool:
    """An occasion noun with a pronoun suffix: "كلمته", "لقائه", "مؤتمرهم"."""
    for suf in ("هما", "هم", "ها", "ه"):
        if key.endswith(suf):
            stem = key[: -len(suf)]
            return _plain_circumstance(stem) or (
                stem[-1:] in _BEFORE_SUFFIX and _plain_circumstance(stem[:-1] + _BEFORE_SUFFIX[stem[-1]])
            )
    return False


def preposed(rd: FieldReading, i: int, after: int, limit: int) -> Content | None:
    """A cue after its content: "«الوضع تحت السيطرة»، قال الوزير." or "الوضع تحت
    السيطرة، قال الوزير." The speaker phrase must end the clause."""
    t = rd.t
    if t.key[i][0] in "وف" and t.key[i][1:] in CUES:
        return None  # "وقال" opens a new clause; it never follows its content
    p = i - 1
    if p >= 0 and t.text[p] in COMMAS:
        p -= 1
    if p < 0:
        return None
    if t.closes[p] >= 0 and rd.q[t.closes[p]].words >= 2:
        return Content("direct", quote=t.closes[p])
    if t.text[i - 1] in COMMAS:
        first = t.sentence_start(i)
        words = sum(t.word[first : min(i - 1, first + 5)])
        if words >= 3 and t.word[first] and stop_kind(t, first) != "prep":
            return Content("direct", start=first, end=i - 1)
    return None
