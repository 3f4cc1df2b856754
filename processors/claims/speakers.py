"""Who is speaking: the speaker phrase around a cue, its role, and the names an article
gives in full so that a later surname can be linked to them."""

from __future__ import annotations

from dataclasses import dataclass

from processors.claims.lexicons import (
    COMPLEMENTIZERS,
    CUE_BLOCKERS,
    FIRST_PERSON_QALA,
    NAME_JOINERS,
    NOMINAL_HEADS,
    SOURCE_HEADS,
    SPEAKER_STOPS,
    Cue,
    load_set,
    load_with_forms,
    load_word_tuples,
    noun_bases,
)
from processors.claims.objects import may_be_adjective
from processors.claims.tokens import COMMAS, Quote, TextCache, Tokens, scanned
from processors.claims.words import (
    BARE,
    DEFINITE,
    QAD,
    ROLE,
    STOP,
    TRIGGER,
    circumstance,
    circumstance_noun,
    complementizer,
    conjunction_definite,
    nisba,
    nominal_head,
    participle,
    role,
    stop_kind,
)

MAX_SPEAKER_WORDS = 10
_TRIGGER_BIT = scanned(TRIGGER.__getitem__)
# "مطلع": the start of a period before a definite noun ("مطلع الأسبوع"), an adjective
# otherwise ("مصدر مطلع"): left out of the time stops for that reason.
_MATLA = "مطلع"
# Whether _ends_phrase can hold at a word at all, by its key alone (each of its three
# cases needs one of these): one cache lookup spares the call for most speaker words.
_MAY_END_PHRASE = TextCache(lambda k: BARE[k] == _MATLA or participle(k) or (k[:1] == "ب" and circumstance_noun(k[1:])))
# Words that open a noun phrase where a name could be expected after a role or a name:
# "سعود المالكي أحد المنفذين" (one of the perpetrators), "لجنة الوساطة بين الطرفين".
_NOT_NAMES = load_set("claims_not_names.tsv")
# "المصدر نفسه"، "المسؤول ذاته": an emphatic pronoun ends a name (claims_emphatics.tsv).
_EMPHATICS = load_with_forms("claims_emphatics.tsv")
MAX_NAME_WORDS = 4
# Blocker words end a speaker phrase ("واستغرب المراقبون مما أعلن"), except a cue form
# that is a cue only clause-initially: "لجنة الوساطة بين الطرفين" is one phrase, and
# عدم (before a verbal noun: claims_cue_blockers.tsv), which begins no new phrase, and
# a cue form that is also a name (دان: "وقال دان كوتس إن").
_BLOCKERS = frozenset(
    w for w, kind in CUE_BLOCKERS.items() if kind not in ("clause_initial", "verbal_noun", "name_or_verb")
)
# Words no rule of `forward`'s loop looks at but the last two (an object pronoun's
# circumstance, a nominal content): the loop's fast path.
_PLAIN = TextCache(
    lambda k: (
        k not in COMPLEMENTIZERS
        and not (k[:1] == "ف" and k[1:] in COMPLEMENTIZERS)
        and not k[:1].isdigit()
        and k[:1] != "ل"
        and BARE[k] not in _BLOCKERS
        and ROLE[k] != "linker"
        and STOP[k] is None
        and not _MAY_END_PHRASE[k]
    )
)
# Adverbs between a verb and its subject: "وأكد كذلك المدير أن" (not "كذلك").
_PRE_SUBJECT = load_set("claims_pre_subject_adverbs.tsv")
_PRE_SUBJECT_PHRASES = load_word_tuples("claims_pre_subject_phrases.tsv")
# Negations right before a verb cue: "الشركة لم تعلن"، "التقرير لا يشير".
_VERB_NEGATIONS = frozenset(("لا", "لم", "لن"))
# Letters after ل that open a name, not ل + a noun: لافروف، لودريان، ليلى، لؤي.
_LONG = ("ا", "و", "ي", "ى", "ؤ")
# ل + a second-person pronoun: "قال لكم", "أقول لكما".
_YOU = frozenset(("كم", "كما", "كن", "ك"))


def _possessed_l(text: str) -> bool:
    """ل + a noun with a pronoun suffix, as written ("لأنصاره", "لزملائه", "لمحاوره";
    the teh marbuta of "لجنة" is no ه)."""
    return any(text.endswith(suf) and len(text) - len(suf) >= 4 for suf in ("ه", "ها", "هم", "هما", "كم"))


# Punctuation after a one-word subject, before its content: "وأضاف باعجاجة: ...".
_NAME_ENDS = frozenset((":", "،", ","))


def _punct_after(t: Tokens, j: int) -> str:
    return t.text[j + 1] if not t.word[j + 1] else ""


# The most words of a place with ب between a role and its holder's name ("بمنطقة نجران").
_PLACE_WORDS = 3
# Words that make a short quotation a clause rather than a name (see label_quote).
_LABEL_CLAUSE_WORDS = frozenset(("كما",))
# Tokens between a quoted subject's comma and the إن/أن of its claim: "، الأحد، أنها".
_LABEL_ADJUNCT_TOKENS = 6


@dataclass(slots=True)
class SpeakerParse:
    speaker: tuple[int, int] | None  # token range [a, b)
    role: tuple[int, int] | None
    next: int  # first token after the speaker phrase (and its apposition)
    phrase: tuple[int, int] | None = None  # the whole phrase, role included


# Closing quotation marks some outlets also open with (”عين اليوم”, ″سبق″).
_CLOSING_ONLY = ("”", "″")


class SpeakerReader:
    """Reads speaker phrases in one field. `cues[i]`/`according[i]` are the cue and the
    according-to marker at token i, computed once by the caller."""

    def __init__(self, tokens: Tokens, quotes: list[Quote], cues: list, according: list):
        self.t = tokens
        self.q = quotes
        self.cues = cues
        self.according = according
        self._phrase_start = 0

    # ----------------------------------------------------------------- forward (VSO)
    def forward(self, i: int, limit: int, cue: Cue | None, source: bool = False) -> SpeakerParse:
        """The subject after a verb cue: "وقال المتحدث باسم وزارة الدفاع الروسية،
        إيغور كوناشينكوف إن ...". With `source`, the phrase follows a marker whose ل is
        written on its first word: "وفقا لوكالة الأنباء الكويتية" (not "told to")."""
        t = self.t
        word, key, cues, according = t.word, t.key, self.cues, self.according
        j = i
        # "قال لي الرئيس": a dative pronoun may come between the verb and its subject.
        while j < limit and word[j] and STOP[key[j]] in ("pronoun", "saying"):
            j += 1
        # ... or the addressee's quoted name: 'أكد لـ"الوطن" المتحدث الرسمي'.
        if j + 1 < limit and word[j] and BARE[key[j]] in ("لـ", "ل") and t.opens[j + 1] >= 0:
            q = self.q[t.opens[j + 1]]
            if 0 < q.words <= 3 and q.close + 1 < limit:
                j = q.close + 1
        elif j + 2 < limit and word[j] and BARE[key[j]] in ("لـ", "ل") and t.text[j + 1] in _CLOSING_ONLY:
            # ... written between two closing marks, which pair as no quotation: 'صرح
            # لـ”عين اليوم” عيضة الهذلي الناطق الإعلامي بأن' (one to three words).
            for n in range(j + 2, min(j + 6, limit)):
                if not word[n]:
                    if t.text[n] in _CLOSING_ONLY and n > j + 2 and n + 1 < limit:
                        j = n + 1
                    break
        # ... or whom the speaker told, with ل written on the word right after the cue:
        # "وقال لبي بي سي إن", 'قالت لشركة اليانصيب "أريد ..."' (see _addressee_l).
        # (Not after a first-person verb, "أقول لكم": its subject is never read.)
        if (
            j == i
            and not source
            and i > 0
            and cues[i - 1] is not None
            and j < limit
            and word[j]
            and BARE[key[i - 1]] not in FIRST_PERSON_QALA
        ):
            j, refused = self._addressee_l(j, limit)
            if refused or (j > i and j < limit and t.text[j].startswith(("بأن", "بإن"))):
                return SpeakerParse(None, None, j)  # ("وقالت للحضور بأنها": no subject)
        # ... and, after it, a circumstantial participle: "وقال لهم مازحا إن".
        if j > i and j < limit and word[j] and participle(key[j]):
            j += 1
        # "وأكد كذلك المدير أن", "وأضاف أيضا أن": an adverb before the subject, when
        # a role or the content follows it ("أكدت أيضا وجود عقبات": an object).
        if j < limit and word[j] and BARE[key[j]] in _PRE_SUBJECT:
            nxt = j + 1
            if nxt >= limit or not word[nxt] or complementizer(t, nxt) or role(t, nxt) == "trigger":
                j += 1
        # "وأكد من جانبه وزير الخارجية أن": a phrase announcing the new speaker.
        if j + 2 < limit and word[j] and word[j + 1] and (key[j], key[j + 1]) in _PRE_SUBJECT_PHRASES:
            j += 2
        if (
            j + 1 < limit
            and word[j]
            and not source
            and key[j][:1] == "ب"
            and nominal_head(key[j][1:])
            and not complementizer(t, j + 1)
            and _punct_after(t, j) not in _NAME_ENDS
        ):
            # "واعترف بوجود تقصير"، "وأقر باستخدام القوة": ب + a verbal noun right
            # after the verb is its object; the subject is not written here. (A
            # surname of that shape stands alone before the content: "وقال بارباع إن",
            # "وأضاف باعجاجة:".)
            return SpeakerParse(None, None, j)
        start = j
        self._phrase_start = start
        last = -1
        n = 0
        if j < limit and not word[j] and t.opens[j] >= 0 and self.label_quote(t.opens[j]):
            # 'صرحت "طيران الإمارات" في بيان أنها ...': a quoted name is the subject.
            q = self.q[t.opens[j]]
            if q.close < limit and q.open + 1 < q.close:
                return SpeakerParse((q.open + 1, q.close), None, q.close + 1, (q.open + 1, q.close))
        text = t.text
        while j < limit and n < MAX_SPEAKER_WORDS:
            if word[j] and _PLAIN[key[j]] and cues[j] is None and according[j] is None:
                # Most speaker words ("المتحدث", "وزارة", "الروسية") meet none of the
                # rules below but the last two: one lookup for them.
                if last >= 0 and (
                    (text[j].endswith(("ه", "ها", "هم")) and circumstance(t, j))
                    or (cue is not None and cue.nominal != "no" and self._opens_nominal(j, cue, last))
                ):
                    break
                last = j
                j += 1
                n += 1
                continue
            if not word[j]:
                opens = t.opens[j]
                if opens >= 0 and last >= 0 and self._name_quote(opens, limit):
                    # وكالة "بيلتا" البيلاروسية: a quoted name inside the phrase.
                    last = self.q[opens].close
                    j = last + 1
                    continue
                if t.text[j] in COMMAS and last >= 0:
                    app = self._apposition(start, last + 1, j, limit)
                    if app is not None:
                        return app
                break
            k = key[j]
            # (The word-class helpers, inlined: this loop runs for every cue.)
            if k in COMPLEMENTIZERS or cues[j] is not None or according[j] is not None:
                break
            if k[:1] == "ف" and k[1:] in COMPLEMENTIZERS and last >= 0:
                break  # "ووفق رواية الجيش فإن ...": فإن opens the content
            if last >= 0 and k[:1].isdigit():
                break
            if BARE[k] in _BLOCKERS:
                break  # "واستغرب المراقبون مما أعلن": a relative clause follows
            if last >= 0 and ROLE[k] == "linker" and self._linker(j, start, limit):
                # "المتحدث باسم الجيش", "المندوب الروسي لدى الأمم المتحدة"
                last = j + 1
                j += 2
                n += 2
                continue
            kind = STOP[k]
            if last >= 0 and kind is None and _MAY_END_PHRASE[k] and self._ends_phrase(j, limit):
                break
            if last >= 0 and kind is None and k[:1] == "ل" and self._told(j, start, last, limit):
                break  # "وقال المتحدث لبي بي سي إن", "أوباما للجمهور:": the addressee
            if kind == "addressee" and last == start and nominal_head(key[start]):
                kind = None  # "تقرير لوكالة تصنيف دولية": "of", not "told to"
            if kind == "addressee" and source and j == start:
                kind = None
            if kind == "addressee" and last >= 0 and role(t, start) == "trigger" and self._name_after_comma(j, limit):
                kind = None  # "المدير التنفيذي لشبكة التواصل "فيسبوك"، مارك زوكربيرغ، أن": a genitive
            if (
                kind == "deixis"
                and last < 0
                and BARE[k] not in ("هو", "هي")
                and j + 1 < limit
                and DEFINITE[key[j + 1]]
                and STOP[key[j + 1]] is None
            ):
                # "قال ذلك الشيخ": a demonstrative before its noun ("أوضح ذلك اليوم
                # مدير الفرع": before a time word it is the object, "that")
                kind = None
            if (
                kind == "prep"
                and last >= 0
                and t.text[j] == "علي"
                and (j + 1 >= limit or t.text[j + 1] in ("إن", "،", ","))
            ):
                # "وقال المهندس حسام علي إن": the name علي (folded like على), written
                # with ي, ending the phrase; a preposition takes an object. (Not before
                # أن: "تؤكد القاهرة علي أن" is على written with ي.)
                kind = None
            if kind == "prep":
                if (
                    cue is not None
                    and cue.nominal != "no"
                    and BARE[k] in cue.preps
                    and j + 1 < limit
                    and nominal_head(key[j + 1])
                ):
                    break  # "وحذرت رئيسة الوزراء من انهيار الاتفاق": the content's preposition
                if self._continues_with_prep(j, last, limit):
                    last = j
                    j += 1
                    n += 1
                    continue
                break
            if kind is not None:
                break
            # (The written word: folded, the teh marbuta of "دراسة حديثة" is ه too.)
            if last >= 0 and t.text[j].endswith(("ه", "ها", "هم")) and circumstance(t, j):
                break  # "وتابع زوكربيرغ حديثه": the speaker's own words, an object
            if last >= 0 and cue is not None and cue.nominal != "no" and self._opens_nominal(j, cue, last):
                break
            last = j
            j += 1
            n += 1
        if last < 0:
            return SpeakerParse(None, None, start)
        speaker, role_range = self.split_role(start, last + 1)
        if n >= MAX_SPEAKER_WORDS and role_range is not None and j < limit:
            # The word limit cut a name that follows a long role: "مدير إدارة العيادات
            # الخارجية بمدينة الملك فهد الطبية عوض آل رشيد".
            e = self.full_name_end(speaker[0], limit)
            if e > speaker[1]:
                speaker = (speaker[0], e)
                return SpeakerParse(speaker, role_range, e, (start, e))
        return SpeakerParse(speaker, role_range, last + 1, (start, last + 1))

    def _addressee_l(self, j: int, limit: int) -> tuple[int, bool]:
        """Past an addressee written with ل right after the cue (or j), and whether no
        subject follows it. The addressee is never the speaker, but a speaker may
        begin with ل too ("قالت لجنة الانتخابات إن", "وقالت لطيفة إن"), so ل must plainly be the preposition: on the article
        ("للصحفيين", "للمشاهدين"), on a word with a pronoun suffix ("لأنصاره",
        "لزملائه", "لكم"), on a letter's name ("لبي بي سي"; not "لمى إن"), or on a
        source head or a role ("لمصدر", "لوزير"). Names that open with ل mostly have a
        long vowel after it (لافروف، لودريان، ليلى): never read as ل. The ل-phrase is
        skipped when the content opens right after it (إن/أن, a colon, a quotation:
        "وأضاف لراديو مونت كارلو إن"); after ل + the article or a pronoun suffix, no
        subject is read in any case ("وقال لأنصاره في تجمع إنه"; "للمرة الأولى" is not
        followed by the speaker "الأولى")."""
        t = self.t
        key = t.key[j]
        if key[:1] != "ل" or len(key) < 3 or BARE[key] in ("لـ", "ل") or STOP[key] is not None:
            return j, False  # (listed addressees, "لوكالة", "للصحفيين", end the phrase as they are)
        rest = key[1:]
        text = t.text[j]
        if text[1:2] in _LONG:
            return j, False  # (the written word: "لأنصاره" is ل + hamza, not a long vowel)
        strong = key[:2] == "لل" or _possessed_l(text)
        # A letter's name after ل ("لبي بي سي", "لسي إن إن") is followed by another
        # one; "لمى" followed by إن is a name.
        letters = (
            len(rest) <= 2
            and j + 1 < limit
            and t.word[j + 1]
            and len(t.key[j + 1]) <= 2
            and t.key[j + 1] not in COMPLEMENTIZERS
        )
        if rest in _YOU:
            strong = True  # "أؤكد لكم"
        if not (
            strong
            or letters
            or ROLE[rest] == "trigger"
            or any(b in SOURCE_HEADS or SPEAKER_STOPS.get(b) == "addressee" for b in noun_bases(rest))
        ):
            return j, False
        m, opens = self._l_phrase_end(j, limit)
        if opens:
            return m, False
        # (Refused, the content is looked for from the word after ل: "وقالت للحضور
        # بأنها ستقدم لهم والدتها".)
        return (j + 1, True) if strong else (j, False)

    def _told(self, j: int, start: int, last: int, limit: int) -> bool:
        """A word with ل inside a speaker phrase, the content right after it, is the
        addressee: ل on a letter's name ("وقال المتحدث لبي بي سي إن"; not after a
        preposition, "من لحج", nor a plain word, "نفس لغة رئيسة"), on a noun with a
        pronoun suffix ("وقال الرئيس لأنصاره في المدينة إن"), or ل + the article
        on one word after a one-word speaker ("وقال أوباما للجمهور:", "وقالت المغنية
        للحضور بأنها"). A body's name goes on with لل ("اللجنة الدولية للصليب
        الأحمر", "المركز الإعلامي للمقاومة إن", "بيان للجيش أن"), so not after two
        words, a role, a source head or a verbal noun."""
        t = self.t
        k = t.key[j]
        if t.text[j][1:2] in _LONG or STOP[t.key[last]] is not None:
            return False
        if len(k) == 3:
            return self._l_phrase_end(j, limit)[1]
        if k[:2] != "لل" and _possessed_l(t.text[j]):
            # "وقال الرئيس لأنصاره في المدينة إن"; the phrase ends after it (not
            # "في إحدى لقاءاته التلفزيونية", whose ل is a root letter)
            n = j + 1
            return n >= limit or not t.word[n] or STOP[t.key[n]] is not None or t.key[n] in COMPLEMENTIZERS
        if k[:2] != "لل" or last != start or role(t, start) == "trigger" or t.key[start] in SOURCE_HEADS:
            return False
        if nominal_head(t.key[start]) or any(b in SOURCE_HEADS for b in noun_bases(t.key[start])):
            return False
        m, opens = self._l_phrase_end(j, limit)
        return opens and m == j + 1

    def _l_phrase_end(self, j: int, limit: int) -> tuple[int, bool]:
        """The end of a short phrase of plain words from j (an addressee with ل), and
        whether the content opens right there: إن/أن, a colon, a quotation, or an
        outlet's quoted name and إن ('لقناة "أل سي إي" إن')."""
        t = self.t
        m = j + 1
        while m < limit and m - j < 5 and t.word[m] and t.key[m] not in COMPLEMENTIZERS and self.cues[m] is None:
            if STOP[t.key[m]] is not None or t.text[m].startswith("بأن"):
                break
            m += 1
        if m < limit and not t.word[m] and t.opens[m] >= 0:
            q = self.q[t.opens[m]]
            if q.words <= 3 and q.close + 1 < limit and complementizer(t, q.close + 1):
                return q.close + 1, True
            return m, True
        if m < limit and t.word[m] and (t.key[m] in COMPLEMENTIZERS or t.text[m].startswith("بأن")):
            return m, True
        return m, m < limit and t.text[m] == ":"

    def _ends_phrase(self, j: int, limit: int) -> bool:
        """Words that are no stop by themselves but end a speaker phrase here: مطلع
        before a definite noun is a time ("أعلنت الحكومة مطلع الأسبوع"; "مصدر مطلع"
        is an informed source), an indefinite participle right before the content
        is the manner of speaking ("وقال الوزير ضاحكا إن", "وأضاف رونار مبتسما:"),
        and a statement noun with ب is where it was said ("وذكرت الهيئة ببيانها")."""
        t = self.t
        k = t.key[j]
        nxt = j + 1
        if BARE[k] == _MATLA:
            return nxt < limit and t.word[nxt] and t.key[nxt].startswith("ال")
        # (After a definite word, or a long مفتعلا form: "تاماس فارغا إن", "نادي مونزا"
        # end in names of the short shape.)
        if (
            participle(k)
            and (t.key[j - 1].startswith("ال") or (k[:1] == "م" and len(k) >= 6))
            and nxt < t.n
            and ((not t.word[nxt] and t.text[nxt] in ":،,") or complementizer(t, nxt))
        ):
            return True
        return k[:1] == "ب" and circumstance_noun(k[1:])

    def _linker(self, j: int, start: int, limit: int) -> bool:
        """A linker inside a role phrase takes the next word with it. لدى is a linker
        only before a definite organisation ("لدى الأمم المتحدة"); before anything else
        it is "upon" ("الوزير لدى وصوله") and ends the speaker."""
        t = self.t
        if role(t, j) != "linker" or j + 1 >= limit or not t.word[j + 1]:
            return False
        if BARE[t.key[j]] == "لدي":
            return role(t, start) == "trigger" and DEFINITE[t.key[j + 1]]
        return True

    def _continues_with_prep(self, j: int, last: int, limit: int) -> bool:
        """في/من continue an indefinite phrase ("وسائل إعلام في أوكرانيا", "مسؤول في
        الوزارة") but end a definite one ("المفاوض الروسي في كلمته")."""
        t = self.t
        if last < 0 or BARE[t.key[j]] not in ("في", "من"):
            return False
        # ... and a role phrase: "مديرة البحوث في أحد بنوك الاستثمار، منى الشريف".
        if DEFINITE[t.key[last]] and role(t, self._phrase_start) != "trigger":
            return False
        # ... until its name: "المتحدث باسم الوزارة اللواء سعد معن في فيديو قصير".
        if self._phrase_start < last:
            name, role_range = self.split_role(self._phrase_start, last + 1)
            if role_range is not None and self._person_name(*name, loose=True):
                return False
        if not t.word[last]:
            return False
        nxt = j + 1
        if nxt >= limit or not t.word[nxt]:
            return False
        return not (
            circumstance(t, nxt)
            or stop_kind(t, nxt) is not None
            or complementizer(t, nxt)
            or self.cues[nxt] is not None
        )

    def _opens_nominal(self, j: int, cue: Cue, last: int) -> bool:
        """Where a cue takes a noun-phrase content, the content may follow the speaker
        directly: "أعلنت الوزارة تدمير 1612 منشأة". A verbal noun after a definite word
        starts the content; after an indefinite one it is a genitive ("تقرير لوكالة
        تصنيف دولية", "وسائل إعلام")."""
        if cue.nominal == "no":
            return False
        key = self.t.key[j]
        # "أفادت مصادر بوقوع انفجار": the preposition is written on the noun.
        if "ب" in cue.preps and key.startswith("ب") and nominal_head(key[1:]):
            return True
        if cue.nominal != "bare" or DEFINITE[key] or not nominal_head(key):
            return False
        return DEFINITE[self.t.key[last]]

    def _name_quote(self, r: int, limit: int) -> bool:
        q = self.q[r]
        if q.words == 0 or q.words > 3 or q.close >= limit:
            return False
        after = q.close + 1
        if after >= limit:
            return False
        t = self.t
        if t.text[after] in COMMAS and self._name_after_comma(q.close, limit):
            return True  # '... "فيسبوك"، مارك زوكربيرغ، أن': the role's name follows
        # (A preposition or a time word after it too: 'أعلنت شركة "فيسبوك" عن تطوير
        # ...', 'أعلنت مجموعة "طيران الإمارات" الخميس عن طلبية'.)
        return t.word[after] and (complementizer(t, after) or stop_kind(t, after) in (None, "prep", "time"))

    def label_quote(self, r: int) -> bool:
        """A short quotation right after a word and right before a colon (or إن/أن)
        names what that word is ('لهيئة الإذاعة البريطانية "بي. بي. سي": «...»'): the speech is
        after the colon, never the label before it."""
        q = self.q[r]
        t = self.t
        if q.words == 0 or q.words > 5 or q.open == 0 or not t.word[q.open - 1]:
            return False
        after = q.close + 1
        if after >= t.n or t.sent[after] != t.sent[q.close]:
            return False
        if any(t.word[k] and BARE[t.key[k]] in _LABEL_CLAUSE_WORDS for k in range(q.open + 1, q.close)):
            # 'قال "رسالتي كما كتبت في التعريف": «...»': a clause (كما, "as") is
            # speech, no name. (Not any cue word: names of places and works hold them,
            # 'على هامش زيارته "صرح زايد المؤسس"'.)
            return False
        if t.word[after] and DEFINITE[t.key[after]] and nisba(t.key[after]):
            return True  # 'لمحطة "بي اف ام تي في" التلفزيونية إن': the name's adjective
        # ... or before إن/أن: 'لمحطة "بي اف ام تي في" إن ...'.
        if t.text[after] == ":" or complementizer(t, after):
            return True
        # ... or before a word that goes on with the sentence, for a name of up to
        # three words: 'أعلنت مجموعة "طيران الإمارات" الخميس عن طلبية', 'أعلنت
        # "موبايلي" قوائمها المالية' (speech ends at punctuation or another cue).
        if q.words <= 3 and t.word[after] and self.cues[after] is None:
            return True
        # ... or before a comma and an إن/أن a few words on, right after a reporting
        # verb or a word of the speaker's phrase: 'وأضاف "الفهيد"، أن ...'، 'وأكدت
        # "فيسبوك"، الأحد، أنها ...'، 'وقالت وكالة الفضاء الأميركية "ناسا"، إن ...'
        # (a name in quotation marks; 'وأضاف "مستوى اللاعبين تصاعدي"، متمنيا' and
        # 'أكد أن "الوضع خطير"، وأن ...' are speech).
        return q.words <= 3 and t.text[after] in COMMAS and self._complementizer_after_subject(q.open - 1, after)

    def _complementizer_after_subject(self, cue: int, comma: int) -> bool:
        t = self.t
        if cue < 0 or not t.word[cue]:
            return False
        said = self.cues[cue]
        if said is not None and said.kind != "verb":
            return False  # ("قائلا "..."، ..." introduces speech)
        if said is None and (complementizer(t, cue) or stop_kind(t, cue) is not None):
            return False  # 'أن "..."'، 'إلى "..."': what was said, not a name
        for k in range(comma + 1, min(t.n, comma + 1 + _LABEL_ADJUNCT_TOKENS)):
            if complementizer(t, k):
                return True  # (not "وأن": 'وأضاف "سأبدأ بزيارة الجرحى"، وأن ...' goes on with more)
            if t.opens[k] >= 0 or (t.word[k] and self.cues[k] is not None) or t.sent[k] != t.sent[comma]:
                return False
        return False

    def _apposition(self, start: int, end: int, comma: int, limit: int) -> SpeakerParse | None:
        t = self.t
        k = comma + 1
        if k >= limit:
            return None
        # ROLE، NAME: "المتحدث باسم وزارة الدفاع الروسية، إيغور كوناشينكوف إن".
        # (Not ل on a word: "وقال متحدث باسم فيسبوك، لبي بي سي، إن" tells whom he
        # spoke to, and the role is then the speaker; names that begin with ل have a
        # long vowel after it: ليلى، ليام، لوران.)
        if role(t, start) == "trigger" and not (t.key[k][:1] == "ل" and t.key[k][1:2] not in "يوا"):
            e = self.full_name_end(k, limit, apposition=True)
            if e == k and CUE_BLOCKERS.get(t.key[k]) == "clause_initial":
                # "وزير الأمن البريطاني، بين والاس، أن": a given name spelled like a
                # cue that reports only clause-initially (بين), with a name and a
                # comma after it, between commas after a role.
                # (One word read as a name here even when it looks like و + ال:
                # "والاس".)
                e2 = self.full_name_end(k + 1, limit, apposition=True)
                if e2 == k + 1 and k + 2 < limit and t.word[k + 1] and stop_kind(t, k + 1) is None:
                    e2 = k + 2 if self.cues[k + 1] is None and not complementizer(t, k + 1) else e2
                if k + 1 < e2 < limit and t.text[e2] in COMMAS:
                    e = e2
            if e > k and (e >= limit or self._boundary(e)):
                return SpeakerParse((k, e), (start, end), e, (start, e))
        # NAME، ROLE،: "قال إيغور كوناشينكوف، المتحدث باسم وزارة الدفاع، إن".
        if role(t, k) == "trigger" and role(t, start) != "trigger":
            r_end = self.role_end(k, limit)
            nxt = r_end
            if nxt < limit and t.text[nxt] in COMMAS:
                nxt += 1
            return SpeakerParse((start, end), (k, r_end), nxt, (start, r_end))
        return None

    def _name_after_comma(self, j: int, limit: int) -> bool:
        """A comma within a few tokens after j, then a full name and a boundary: the
        words before it still belong to the role ("ROLE لـX، NAME، أن")."""
        t = self.t
        for c in range(j + 1, min(limit, j + 8)):
            if not t.word[c] and t.text[c] in COMMAS:
                e = self.full_name_end(c + 1, limit, apposition=True)
                return e > c + 2 and (e >= limit or self._boundary(e))
        return False

    def _boundary(self, e: int) -> bool:
        t = self.t
        if not t.word[e]:
            return True
        k = t.key[e]
        return k in COMPLEMENTIZERS or STOP[k] is not None or self.cues[e] is not None or self.according[e] is not None

    # ------------------------------------------------------------------ roles, names
    def role_end(self, a: int, limit: int) -> int:
        """End of a role phrase opened by a trigger at a: definite modifiers and
        genitives ("الرئيس الروسي", "الأمين العام للأمم المتحدة"), a linker with its
        object ("المتحدث باسم وزارة الدفاع"), and at most two indefinite words of a
        construct chain ("وزير خارجية روسيا"). What follows is a name, if anything."""
        t = self.t
        k = a + 1
        chain = 0
        word, key, cues = t.word, t.key, self.cues
        prev_def = DEFINITE[key[a]]
        while k < limit:
            if not word[k]:
                break
            kk = key[k]
            if kk in COMPLEMENTIZERS or cues[k] is not None:
                break
            if ROLE[kk] == "linker" and self._linker(k, a, limit):
                k += 1
                if k < limit and word[k]:
                    prev_def = DEFINITE[key[k]]
                    chain = 0 if prev_def else 1
                    k += 1
                continue
            if DEFINITE[kk] and STOP[kk] is None:
                prev_def = True
                k += 1
                continue
            if not prev_def and chain < 2 and STOP[kk] is None and not kk[:1].isdigit():
                chain += 1
                k += 1
                continue
            break
        return k

    def name_end(self, k: int, limit: int) -> int:
        """End of a personal name starting at k: up to four words, none definite and
        none a function word ("إيغور كوناشينكوف", "فلادمير بوتين")."""
        t = self.t
        e = k
        word, key = t.word, t.key
        parts = 0
        while e < limit and parts < MAX_NAME_WORDS:
            if not word[e]:
                break
            ke = key[e]
            if ke in NAME_JOINERS and e + 1 < limit and word[e + 1] and e > k - 1:
                # "عبد الفتاح", "أبو الغيط": the joiner and the next word are one name
                # part, also two joiners ("سعود بن عبد الله المعجب").
                e += 1
                if key[e] in NAME_JOINERS and e + 1 < limit and word[e + 1]:
                    e += 1
                e += 1
                parts += 1
                continue
            if (
                DEFINITE[ke]
                or ke[:1].isdigit()
                or ke in COMPLEMENTIZERS
                or STOP[ke] is not None
                or self.cues[e] is not None
                or self.according[e] is not None
                or ROLE[ke] is not None
                or BARE[ke] in _BLOCKERS
                or ke in _EMPHATICS
            ):
                break
            e += 1
            parts += 1
        return e

    def split_role(self, a: int, b: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
        """ "الرئيس الروسي فلادمير بوتين" → speaker "فلادمير بوتين", role "الرئيس
        الروسي". A role with no name after it is the speaker itself ("وزير الخارجية")."""
        t = self.t
        opens_role = role(t, a) == "trigger"
        if opens_role:
            r = self.role_end(a, b)
            place = a < r < b and self._place_with_bi(r)
            if place:
                # "مدير فرع الجمعية بجدة عمر الجاسر", "مدير مكتب العمل بمحافظة خيبر فهد
                # الرشيدي": the place with ب is the role's; the name, if any, follows it
                # (else a title and a name further on, or the whole phrase speaks: "مدير
                # التعليم بمنطقة الرياض"), never the place ("بمنطقة الرياض").
                # (A place noun in construct has the place's name after it, "بمحافظة
                # خيبر فهد الرشيدي": the holder's name is looked for after that first,
                # then right after the ب word, "بجدة عمر الجاسر".)
                construct = r + 1 < b and t.word[r + 1] and not DEFINITE[t.key[r + 1]]
                starts = list(range(r + 2, min(b - 1, r + _PLACE_WORDS + 1)))
                starts = [*starts, r + 1] if construct else [r + 1, *starts]
                for p in starts:
                    if t.key[p] in NAME_JOINERS or t.key[p - 1] in NAME_JOINERS:
                        continue
                    if self._holder_name(p, b):
                        return (p, b), (a, p)
            if (
                not place
                and a < r < b
                and self.full_name_end(r, b) == b
                and not self._genitive_role(a, r)
                and not self._genitive_l(r)
            ):
                return (r, b), (a, r)
        # A name at the end after a title or a role's last definite word, where the role
        # phrase did not run up to it: "المتحدث الرسمي لجامعة تبوك الدكتور سمير النجدي",
        # "رجل الأعمال زياد البسام", "الشيخ أحمد بن سعيد".
        for r in range(a + 1, min(b, a + MAX_SPEAKER_WORDS)):
            # (ال itself before the name: after "للرئيس" the name is the president's,
            # "قائد عسكري موال للرئيس عبد ربه منصور هادي" is not Hadi.)
            if self._conjunct(r - 1):
                break  # "وزيرة الداخلية تيريزا ماي ونظيرها الفرنسي برنار كازنوف": two speakers
            if r - 1 > a and self._genitive_at(r - 1):
                break  # (_genitive_role(a, r): the words before r - 1 were checked already)
            if not (t.word[r - 1] and t.key[r - 1].startswith("ال")) or DEFINITE[t.key[r]]:
                continue
            # After a role, or a noun and its genitive with perhaps a title ("رجل
            # الأعمال الدكتور حازم زقزوق"). (A title alone stays with the name: "قال
            # المحامي خالد سعيد", the speaker "المحامي خالد سعيد"; after a role, a
            # name and a family name with ال need a boundary after them, see
            # full_name_end.)
            construct = (
                2 <= r - a <= 3
                and not DEFINITE[t.key[a]]
                and t.key[a] not in NAME_JOINERS  # ("عبد العلي محمد": one name)
                and all(t.key[j].startswith("ال") for j in range(a + 1, r))
            )
            if (opens_role or construct) and self._person_name(r, b, loose=construct):
                if t.key[r][:1] == "ب" and r + 1 < b and self._person_name(r + 1, b, loose=construct):
                    r += 1  # a place before the name: "مدير المهرجانات بجدة محمد الصفح"
                return (r, b), (a, r)
        # NAME ROLE: "نبيل أبو ردينة الناطق الرسمي باسم الرئاسة", also after a title,
        # which stays with the name ("القاضي عبد الستار بيرقدار المتحدث الرسمي").
        if not opens_role:
            n = a + 1 if DEFINITE[t.key[a]] else a
            e = self.name_end(n, b)
            if n < e < b - 1 and t.key[e].startswith("ال") and role(t, e + 1) == "trigger":
                e += 1  # the family name: "مازن العتيبي المتحدث باسم الهيئة"
            if n < e < b and role(t, e) == "trigger" and not self._conjunct(e) and self._person_name(n, e, loose=True):
                return (a, e), (e, b)
        return (a, b), None

    def _holder_name(self, p: int, b: int) -> bool:
        """[p, b) is a person's name after a role's place: a whole name, or a given
        name and a family name of the nisba shape ("فهد الرشيدي"; not a place and a
        rank, "نجران المقدم")."""
        t = self.t
        if self.full_name_end(p, b) == b and self._person_name(p, b, loose=True):
            return True
        return (
            b - p == 2
            and t.word[p]
            and t.word[p + 1]
            and not DEFINITE[t.key[p]]
            and DEFINITE[t.key[p + 1]]
            and nisba(t.key[p + 1])
            and self.name_end(p, b) == p + 1
        )

    def _place_with_bi(self, r: int) -> bool:
        """The word is ب + a place noun: with the article ("بالرياض") or a feminine
        noun as written with its teh marbuta ("بجدة", "بمنطقة", "بغرفة"); names
        with ب are mostly neither ("بشار", "بوتين")."""
        t = self.t
        key = t.key[r]
        return t.word[r] and key[:1] == "ب" and (key[:3] == "بال" or t.text[r].endswith("ة")) and len(key) > 3

    def _genitive_l(self, r: int) -> bool:
        """The words after a role open with ل: the role's organisation, not its holder's
        name ("المتحدث الأمني لوزارة الداخلية", "الرئيس العام لرعاية الشباب"; names
        that begin with ل have a long vowel after it: ليلى، لوران، لافروف)."""
        key = self.t.key[r]
        if key[:1] != "ل":
            return False
        rest = key[1:]
        # (After لو, a body that speaks: "لوزارة الداخلية", "لوكالة الأنباء".)
        return rest[:1] not in ("ي", "و", "ا") or rest in SOURCE_HEADS or ROLE[rest] is not None

    def _genitive_role(self, a: int, r: int) -> bool:
        """A role word with ل or after باسم inside (a, r): the name after it is that
        person's ("قائد عسكري حليف للرئيس السوري بشار الأسد" is not Assad, "المتحدثة
        باسم الممثلة العليا فدريكا موغيريني" not Mogherini)."""
        return any(self._genitive_at(j) for j in range(a + 1, r))

    def _genitive_at(self, j: int) -> bool:
        t = self.t
        return role(t, j) == "trigger" and (t.key[j][:1] == "ل" or role(t, j - 1) == "linker")

    def _conjunct(self, j: int) -> bool:
        """A word of the phrase that opens a second noun phrase: "ووزير", "والمتحدث",
        "ونظيرها" (a role or a definite word after و; not "وتقنية" in "هيئة
        الاتصالات وتقنية المعلومات", one name)."""
        t = self.t
        key = t.key[j]
        if key[:1] != "و" or not t.word[j]:
            return False
        rest = key[1:]
        return rest.startswith("ال") or ROLE[rest] == "trigger"

    def _person_name(self, k: int, e: int, loose: bool = False) -> bool:
        """[k, e) reads as a personal name of two parts or more ("زياد البسام", "محمد
        بن سلمان"; not "عبد الله" alone: "جامعة الملك عبد الله" is no person). With
        `loose` (after a title or a role, where the phrase is delimited already) a given
        name and a family name with ال are a name too: "العقيد فارس النمر في بيان"."""
        t = self.t
        first = t.key[k]
        whole = self.full_name_end(k, e) == e or (
            loose
            and e - k == 2
            and first[:1] != "ب"  # ("بوزارة الأوقاف")
            and self.name_end(k, e) == k + 1
            and t.key[k + 1].startswith("ال")
        )
        if not whole or role(t, k) is not None or first in _NOT_NAMES:
            return False  # (a role: "عضو مركز الدراسات"; "أحد المنفذين")
        # Not a genitive, a conjunct or a place written on the first word ("لمؤسسة
        # سالم بن محفوظ", "الحكومة وحركة حماس", "بمنطقة جازان"), nor a noun or a
        # verbal noun ("المالكي إطلاق الصاروخ", "بأداء فريقه"; names of that shape,
        # إيمان or إحسان, stay unsplit).
        if (
            first[:1] in "ول"
            or first[:2] == "بم"
            or nominal_head(first)
            or (first[:1] == "ب" and nominal_head(first[1:]))
        ):
            return False
        parts = 0
        for j in range(k, e):
            key = t.key[j]
            if not t.word[j] or key.startswith(("لل", "بال")) or (j > k and key[:1] == "و"):
                return False  # "سبحانه وتعالى", "مبيعا وتداولا"
            if any(base in NOMINAL_HEADS for base in noun_bases(key)):
                return False  # "حال اكتمال المشروع"
            if key.startswith("ال"):
                if t.text[j].endswith("ة"):
                    return False  # a family name is no feminine noun: "صالح الحازمي زوج المواطنة"
            elif t.text[j].endswith(("ها", "هم", "ته")) or (j > k and (key.endswith("يه") or t.text[j].endswith("ه"))):
                return False  # an adjective, a noun with a pronoun: "طائرة سعودية خاصة", "فريقه"
            parts += key not in NAME_JOINERS
        return parts >= 2

    def person_name(self, k: int, e: int, loose: bool = False) -> bool:
        """[k, e) is a personal name of two parts or more (see _person_name)."""
        return self._person_name(k, e, loose)

    def full_name_end(self, k: int, limit: int, apposition: bool = False) -> int:
        """name_end, letting the last word carry ال when a boundary follows it: family
        names often do ("عبد الفتاح البرهان", "بشار الأسد")."""
        t = self.t
        e = self.name_end(k, limit)
        parts = sum(1 for j in range(k, e) if t.key[j] not in NAME_JOINERS)
        if k < e < limit and parts < MAX_NAME_WORDS and DEFINITE[t.key[e]] and stop_kind(t, e) is None:
            after = e + 1
            if k + 1 < e and (after >= limit or self._boundary(after)):
                return after
            # After one name word only right before the content ("بشار الأسد إن"):
            # "انتقد زعيم المعارضة قرار الحكومة،" is an object, not a name.
            if after < t.n and (complementizer(t, after) or t.text[after] == ":"):
                return after
            if apposition and after < t.n and t.text[after] in COMMAS:
                return after  # "...، منى الشريف، إن"
            if after < t.n and t.word[after] and STOP[t.key[after]] == "addressee":
                return after  # "وصرح وزير المالية محمد الجدعان لوكالة الأنباء"
        return e

    def names(self) -> list[tuple[int, int]]:
        """Every role + full name in the field ("ودعا الرئيس الروسي فلادمير بوتين"), even
        outside claims, for linking a later surname."""
        out = []
        t = self.t
        n = t.n
        word, sent = t.word, t.sent
        # Role words are few: one C-level pass over the keys finds them.
        for i in t.having(_TRIGGER_BIT):
            if word[i]:
                limit = i + 1
                while limit < n and word[limit] and sent[limit] == sent[i] and limit - i < 12:
                    limit += 1
                r = self.role_end(i, limit)
                e = self.full_name_end(r, limit)
                if e - r >= 2:
                    out.append((r, e))
        return out

    def subject_only(self, a: int, b: int) -> tuple[int, int]:
        """The subject of a non-reporting verb, without its object: "وانتقد زعيم
        المعارضة قرار الحكومة" → "زعيم المعارضة"; "وخاطب الرئيس الحشود" → "الرئيس".
        After a definite word only a relational adjective continues ("الرئيس الروسي"),
        or, after a role, a name ("الرئيس الروسي فلاديمير بوتين")."""
        t = self.t
        is_role = role(t, a) == "trigger"
        e = a + 1
        while e < b:
            if not t.word[e]:
                break
            if is_role and t.key[e][:1] == "ب" and (place := self._place_then_name(e, b)):
                return a, place  # "رئيس لجنة التنمية بالبدع محمد المسعودي حاجة ..."
            if DEFINITE[t.key[e - 1]] and t.word[e - 1]:
                if DEFINITE[t.key[e]]:
                    if not may_be_adjective(t, e - 1, e):
                        break  # ("الأمم المتحدة", "الهيئة المستقلة" go on)
                elif not (is_role and self.full_name_end(e, b) == b):
                    break
            e += 1
        return a, e

    def _place_then_name(self, e: int, b: int) -> int:
        """After a role, a place with ب and a person's name: "رئيس لجنة التنمية
        بالبدع محمد المسعودي" (as split_role reads it); the end of the name, or 0 (a
        prepositional object: "بالمشروع الجديد")."""
        t = self.t
        if t.key[e][:1] != "ب" or e + 2 >= b:
            return 0
        n = self.full_name_end(e + 1, b)
        if n - e < 3 and n < b and t.key[n].startswith("ال"):
            n += 1  # (a family name with ال before the object: "محمد المسعودي حاجة")
        if (n < b and (role(t, n) is not None or DEFINITE[t.key[n]])) or t.text[e + 1].endswith("ة"):
            return 0  # "بشرطة منطقة القصيم الرائد بدر": a place, and the role goes on
        return n if n - e >= 3 and self._person_name(e + 1, n, loose=True) else 0

    # ---------------------------------------------------------------- backward (SVO)
    def backward(self, i: int, sent_start: int, after_an: bool = False) -> tuple[int, int] | None:
        """The subject before a cue: "الوزارة قد أعلنت أن", "جددت فيه موسكو تأكيدها".
        None when what precedes is not a subject, e.g. the object of a preposition:
        "وفي تصريحات صحفية أكد أن" (then the speaker is carried over)."""
        t = self.t
        j = i - 1
        if j >= sent_start and t.word[j] and BARE[t.key[j]] in QAD:
            j -= 1
        elif j > sent_start and t.word[j] and BARE[t.key[j]] in _VERB_NEGATIONS:
            j -= 1  # "التقرير الجديد لا يشير إلى": the subject is before the negation
        end = j + 1
        first = -1
        while j >= sent_start:
            if not t.word[j]:
                closes = t.closes[j]
                if closes >= 0 and first >= 0 and 0 < self.q[closes].words <= 3:
                    first = self.q[closes].open
                    j = first - 1
                    continue
                break
            key = t.key[j]
            if key in COMPLEMENTIZERS or self.cues[j] is not None or self.according[j] is not None:
                break
            if key[:1].isdigit() or BARE[key] in _BLOCKERS:
                if first >= 0 and CUE_BLOCKERS.get(BARE[key]) == "before":
                    return None  # "لكن ما حدث في عدن أكد": a relative clause, not a speaker
                break
            kind = STOP[key]
            if kind == "deixis":
                return None  # "وفي ذلك الوقت أعلن": an adjunct, not a subject
            if kind == "prep":
                if (
                    first >= 0
                    and BARE[key] in ("في", "من")
                    and j - 1 >= sent_start
                    and t.word[j - 1]
                    and not DEFINITE[t.key[j - 1]]
                    and stop_kind(t, j - 1) is None
                ):
                    first = j  # "وسائل إعلام في أوكرانيا أعلنت"
                    j -= 1
                    continue
                if after_an and first >= 0 and BARE[key] == "عن":
                    break  # "ونقل التلفزيون عن الرئيس قوله إن": the owner of قوله
                return None
            if kind is not None:
                break
            first = j
            if conjunction_definite(key):
                break  # "والرئيس أكد": the conjunction opens the clause
            if end - j > 6:
                return None
            j -= 1
        if first < 0:
            return None
        return first, end

    def interrupted(self, i: int, sent_start: int) -> tuple[int, int] | None:
        """The subject before a cue when a parenthetical clause stands between them:
        "إلا أن ضابطا، فضل عدم الكشف عن هويته، قال: ...". The subject must open its
        clause (after إن/أن, a clause particle or at the sentence start), so that the
        phrase is not the end of another clause."""
        t = self.t
        if i - 1 <= sent_start or t.word[i - 1] or t.text[i - 1] not in COMMAS:
            return None
        c = i - 2
        while c > sent_start and c > i - 12 and (t.word[c] and self.cues[c] is None and t.opens[c] < 0):
            c -= 1
        if c <= sent_start or t.word[c] or t.text[c] not in COMMAS or c == i - 2:
            return None
        back = self.backward(c, sent_start)
        if back is None:
            return None
        a = back[0]
        if a == sent_start:
            return back
        before = a - 1
        if t.word[before] and (t.key[before] in COMPLEMENTIZERS or STOP[t.key[before]] == "function"):
            return back
        return None
