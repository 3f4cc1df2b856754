"""Where an unquoted content ends because the narration resumes.

    narrator_cut(t, a, b) -> int     b, or the token where a journalist's comment on
                                     the claim starts inside [a, b) ("، في إشارة إلى")
    next_act_cut(t, a, b, gender) -> int
                                     b, or where "لكنه/إلا أنها (لم) + cue" starts inside
                                     [a, b): the speaker's next act of speech
    next_verb_cut(t, cues, a, b, gender) -> int
                                     b, or the comma before "و + a past cue verb" of
                                     the speaker's gender inside [a, b) ("، وأكد")
    speaker_again_cut(t, a, b, head) -> int
                                     b, or the comma before "و + verb + the speaker's
                                     word" inside [a, b) ("، وأبدت الجامعة")
    participle_cut(t, cues, a, b, gender) -> int
                                     b, or the comma (semicolon) before the first participle of the
                                     speaker's next act inside [a, b) ("، داعيا")
    clause_cut(t, cues, a, b, indirect) -> int
                                     b, or the first place inside (a, b) where a
                                     reaction, كما/في حين + cue, a dated offset or
                                     (indirect) و + قال starts, or a relative clause
                                     with a past cue and its own subject

The comment phrases are data (claims_narrator.tsv). Their positions are found once per
field (rare second words, a C-level scan), then each content bisects them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any, TypeVar, cast

from processors.claims.agreement import agrees, cue_gender
from processors.claims.cues import PREP_VERB_CUES, prep_verb
from processors.claims.lexicons import (
    CONTRAST_OPENERS,
    CUES,
    HOWEVER,
    NARRATOR_LEADS,
    NEGATION_RELATIVES,
    SAY,
    SPEECH_PARTICIPLES,
    SUBJECT_RELATIVES,
    Cue,
    fold,
    load_set,
    read_rows,
)
from processors.claims.objects import marker_in_reach
from processors.claims.reading import THAT
from processors.claims.tokens import CLAUSE_PUNCT, CLOSE_QUOTES, COMMAS, OPEN_QUOTES, STRAIGHT_QUOTE, Tokens, scanned
from processors.claims.words import BARE, DEFINITE, STOP, complementizer, nominal_head

_Scan = TypeVar("_Scan", bound=Callable[..., Any])


def _per_field(name: str) -> Callable[[_Scan], _Scan]:
    """A scan of the whole field (t, and the field's cues if it takes them) made once:
    its result is kept in t.memo under name, and each later call returns it."""

    def wrap(scan: _Scan) -> _Scan:
        def once(t: Tokens, *args: Any) -> Any:
            found = t.memo.get(name)
            if found is None:
                found = t.memo[name] = scan(t, *args)
            return found

        return cast(_Scan, once)

    return wrap


_PHRASES = tuple(tuple(fold(r[0]).split()) for r in read_rows("claims_narrator.tsv"))
_SECOND = frozenset(p[1] for p in _PHRASES if len(p) > 1)


# (Punctuation keys are the marks as written: a comma's key is its text.)
_SECOND_BIT = scanned(_SECOND.__contains__)
_COMMA_BIT = scanned(COMMAS.__contains__)
_CLAUSE_PUNCT_BIT = scanned(CLAUSE_PUNCT.__contains__)
_CUE_BIT = scanned(CUES.__contains__)


# "، وذلك ردا على ..." (claims_narrator_after_that.tsv): the narrator says what the
# claim answers or coincides with.
_AFTER_THAT = tuple(tuple(fold(r[0]).split()) for r in read_rows("claims_narrator_after_that.tsv"))
_THAT_LEAD = fold("وذلك")
_THAT_LEAD_BIT = scanned(_THAT_LEAD.__eq__)


@_per_field("narrator")
def _starts(t: Tokens) -> list[int]:
    found = []
    key, word = t.key, t.word
    for i in t.having(_THAT_LEAD_BIT):
        if i == 0 or not word[i] or word[i - 1] or t.text[i - 1] not in COMMAS:
            continue
        if any(tuple(key[i + 1 : i + 1 + len(p)]) == p and all(word[i + 1 : i + 1 + len(p)]) for p in _AFTER_THAT):
            found.append(i)
    for i in t.having(_SECOND_BIT):
        if i == 0 or key[i - 1] != "في" or not word[i - 1]:
            continue
        s = i - 1
        if any(tuple(key[s : s + len(p)]) == p for p in _PHRASES):
            # "، وذلك في إشارة": the comment starts at وذلك, after the comma.
            if s > 0 and word[s - 1] and key[s - 1] in NARRATOR_LEADS:
                s -= 1
            found.append(s)
    found.sort()
    return found


def narrator_cut(t: Tokens, a: int, b: int) -> int:
    starts = _starts(t)
    if not starts:
        return b
    k = bisect_right(starts, a)
    if k < len(starts) and starts[k] < b:
        s = starts[k]
        # Only as a comment after the claim: after a comma, or "وذلك" (never the
        # content's own first words).
        if s > a and (t.key[s] in NARRATOR_LEADS or (not t.word[s - 1] and t.text[s - 1] in COMMAS)):
            return s
    return b


_LEADS = tuple(tuple(fold(r[0]).split()) for r in read_rows("claims_reaction_leads.tsv"))
_LEAD_FIRST = frozenset(p[0] for p in _LEADS)
_LEAD_FIRST_BIT = scanned(_LEAD_FIRST.__contains__)
_LEAD_SIZES = sorted({len(p) for p in _LEADS}, reverse=True)


def _suffixed_cue(key: str) -> bool:
    """A cue verb carrying an object pronoun: "تنفيه", "أكدته", "نفاه" (نفى + ه)."""
    for suf in ("ها", "ه"):
        if key.endswith(suf) and len(key) > len(suf) + 1:
            base = key[: -len(suf)]
            # (Keys are folded: نفى is "نفي", written "نفا" before a suffix.)
            for k in (base, base[:-1] + "ي" if base.endswith("ا") else base):
                cue = CUES.get(k)
                if cue is not None and cue.kind == "verb":
                    return True
    return False


# An unquoted content ends at a comma that brings in another party's reaction to it:
# "قالت الصحيفة إن المتهم زار القنصلية، وهو ما تنفيه السلطات".
@_per_field("reactions")
def _reactions(t: Tokens) -> list[int]:
    """Commas followed by a lead of claims_reaction_leads.tsv and a cue verb with the
    pronoun of ما, once per field (a C-level scan for the leads' first words)."""
    found = []
    key, word, text = t.key, t.word, t.text
    for i in t.having(_LEAD_FIRST_BIT):
        if i == 0 or word[i - 1] or text[i - 1] not in COMMAS:
            continue
        for size in _LEAD_SIZES:
            j = i + size
            if j < t.n and all(word[i:j]) and tuple(key[i:j]) in _LEADS:
                if word[j] and _suffixed_cue(key[j]):
                    found.append(i - 1)
                break
    return found


_AS = frozenset(fold(w) for w in ("كما", "وكما"))
# فيما/بينما (while) likewise: "أفادت الوكالة بأن الرئيس زار بكين، فيما يعتقد أنها أول
# زيارة خارجية له" (what is believed, a hedge with no claim of its own, is not what
# the agency reported).
_WHILE = frozenset(fold(w) for w in ("فيما", "وفيما", "بينما", "وبينما"))
_AS_BIT = scanned(lambda k: k in _AS or k in _WHILE)


# An unquoted content ends where "كما" + a cue verb starts, whether or not that cue
# reports a claim of its own: "إنهما مدنيان وليسا ضابطين في الاستخبارات، كما قالت
# السلطات البريطانية" (as the British authorities said: their claim, not the speaker's
# words), "...، كما أفاد التلفزيون الرسمي"; or "كما أكد لافروف نية موسكو ..." (also: the
# next act).
@_per_field("as_cues")
def _as_cues(t: Tokens, cues: list[Cue | None]) -> list[int]:
    """Where "كما" (or فيما/بينما outside a quotation) stands before a cue verb read in
    context, once per field. (Quoted, فيما/بينما goes on with the words quoted: 'قال
    أحدهم "إن تغير المناخ لا يحدث بينما يقول العلماء إنه حقيقة"'.)"""
    found = []
    for i in t.having(_AS_BIT):
        n = i + 1
        if t.key[i] in _WHILE and t.quote[i] >= 0:
            continue
        if t.word[i] and n < t.n and t.sent[n] == t.sent[i]:
            cue = cues[n]
            if cue is not None and cue.kind == "verb":
                found.append(i)
    return found


# How many words may stand between "في حين (أن)" and the cue verb of the other party:
# its subject ("في حين أن نقابة "سي جي تي" قدّرت").
_CONTRAST_SUBJECT = 6
# The openers are found by their last word: the first, في, is among the commonest words
# of a text, and looking for "حين" after each one cost more than all the other cuts.
_CONTRAST_LAST = frozenset(p[-1] for p in CONTRAST_OPENERS)
_CONTRAST_BIT = scanned(lambda k: BARE[k] in _CONTRAST_LAST)
_CONTRAST_BACK = sorted({len(p) - 1 for p in CONTRAST_OPENERS})
_QUOTE_MARKS = frozenset([*OPEN_QUOTES, *CLOSE_QUOTES, STRAIGHT_QUOTE])


# An unquoted content ends where "في حين" (claims_contrast_openers.tsv) brings in
# another party's act of speech, whether or not that act reports a claim of its own:
# "أعلنت الوزارة أن 323 ألف شخص شاركوا في التظاهرات في حين أن "سي جي تي" قدّرت عددهم
# بـ500 ألف" (the union's estimate is not what the ministry announced). Before a word
# that is no cue the contrast stays in the content: "قال إن الأسعار ارتفعت في حين أن
# الرواتب ثابتة".
@_per_field("contrast_cues")
def _contrast_cues(t: Tokens, cues: list[Cue | None]) -> list[int]:
    """Where "في حين (أن) [subject]" stands before a cue verb, once per field."""
    found = []
    word, key, text = t.word, t.key, t.text
    # Where an opener may start: its length before a last word (in order, once).
    ends = t.having(_CONTRAST_BIT)
    starts = sorted({j - back for j in ends for back in _CONTRAST_BACK if j >= back})
    for i in starts:
        if not word[i]:
            continue
        for opener in CONTRAST_OPENERS:
            m = i + len(opener)
            if m <= t.n and all(word[i:m]) and tuple(BARE[x] for x in key[i:m]) == opener:
                break
        else:
            continue
        if m < t.n and word[m] and BARE[key[m]] in ("ان", "أن"):
            m += 1
        words = 0
        while m < t.n and t.sent[m] == t.sent[i] and words <= _CONTRAST_SUBJECT:
            if not word[m]:
                if text[m] not in _QUOTE_MARKS:
                    break
            else:
                cue = cues[m]
                if cue is not None and cue.kind == "verb" and not _considered(cue, BARE[key[m]]):
                    found.append(i)
                    break
                words += 1
            m += 1
    return found


_CONSIDER = fold("اعتبر")


def _considered(cue: Cue, bare: str) -> bool:
    """Present يعتبر/تعتبر after "في حين" is mostly the passive "is considered", the
    speaker's words going on: "في حين تعتبر دول شرق آسيا خيارات مناسبة"."""
    return cue.key == _CONSIDER and bare[:1] in ("ي", "ت")


_FIRST_PERSON = load_set("claims_first_person.tsv")
_COLON_BIT = scanned(":".__eq__)
_FIRST_PERSON_BIT = scanned(lambda k: k in _FIRST_PERSON or (k[:1] in ("و", "ف") and k[1:] in _FIRST_PERSON))


def speech_runs_on(t: Tokens, cue_tokens: list[int], b: int) -> int:
    """Where unquoted speech after a colon ends when its first sentence ends at b: it
    runs on over the next sentences of its paragraph while each holds a word of the
    speaker talking of himself (claims_first_person.tsv) and no cue: "وقال المدرب:
    الوضع إيجابي. لقد تعافى وأنا واثق من عودته. وسجل اللاعب هدفين" ends before
    "وسجل" (the narration resumes). Where each run of such sentences ends is worked
    out once per field, so each content costs a lookup."""
    if b >= t.n or t.text[b] == "\n":
        return b
    s = t.sent[b]
    bounds = t.sent_bounds
    if bounds[s] != b:
        return b
    runs = t.memo.get("speech_runs")
    if runs is None:
        n = len(bounds) - 1
        speech = [False] * n
        for i in t.having(_FIRST_PERSON_BIT):
            if t.word[i]:
                speech[t.sent[i]] = True
        for i in cue_tokens:
            speech[t.sent[i]] = False
        for i in t.having(_COLON_BIT):
            # "وواصل: نحن نشعر ...", "ومضوا معلقين بالقول: ...": speech introduced anew.
            speech[t.sent[i]] = False
        runs = [0] * (n + 1)
        runs[n] = t.n
        breaks = t.breaks
        for k in range(n - 1, -1, -1):
            start, end = bounds[k], bounds[k + 1]
            if not speech[k]:
                runs[k] = start
                continue
            j = bisect_left(breaks, start)
            runs[k] = breaks[j] if j < len(breaks) and breaks[j] < end else runs[k + 1]
        t.memo["speech_runs"] = runs
    return max(runs[s], b)


def conjunct_end(t: Tokens, a: int, b: int) -> int:
    """A noun-phrase content ends at a comma followed by و and a new clause: "وأدانت
    المنظمة الحكم، ووصفته بأنه ..." (the object was "الحكم"), or at و + a verb of
    the narration (claims_narration_verbs.tsv: "وتم القبض عليه"). A list goes on
    after a comma without و ("...، الأحد، في الأجواء") or with و before a verbal
    noun ("مقتل خمسة أشخاص، وإصابة عشرة": _coordinated_noun) or a definite one
    ("...، والمدافع الإسباني": _listed_definite). The places are found once
    per field; each content bisects them (a sentence of thousands of noun-phrase
    contents is not walked once per content)."""
    found = _conjuncts(t)
    k = bisect_right(found, a)
    if k < len(found) and found[k] < b - 1:
        return found[k]
    return b


_NARRATION_VERBS = {fold(w): kind for w, kind in read_rows("claims_narration_verbs.tsv")}
_WA_NARRATION_BIT = scanned(lambda k: k[:1] == "و" and k[1:] in _NARRATION_VERBS)


@_per_field("conjuncts")
def _conjuncts(t: Tokens) -> list[int]:
    word, key = t.word, t.key
    found = [
        m
        for m in t.having(_COMMA_BIT)
        if not word[m]
        and t.quote[m] < 0  # (the quoted words' own list: 'بأنه "أساسي، وضروري"')
        and m + 1 < t.n
        and word[m + 1]
        and key[m + 1][:1] == "و"
        and len(key[m + 1]) > 3
        and not _coordinated_noun(key[m + 1][1:])
        and not _listed_definite(t, m + 1)
    ]
    for m in t.having(_WA_NARRATION_BIT):
        # "اتهمت العائلة الوافد بسحرهم وتم القبض عليه": the narration goes on.
        if word[m] and (_NARRATION_VERBS[key[m][1:]] == "verb" or not _present(t, m + 1)):
            found.append(m)
    found.sort()
    return found


def _listed_definite(t: Tokens, i: int) -> bool:
    """A definite noun after "، و" lists one more item of the noun-phrase content:
    "أعلن النادي تمديد عقد مهاجمه الدولي، والإسباني كازورلا"، "المقاعد في الرياض،
    والعاصمة المقدسة، والمدينة المنورة". Written ال, not أل/إل (folded alike: "وألقت"،
    "وألمح التقرير" are verbs); not a relative pronoun ("، والتي"، "، والذي": often
    the narrator's background on the noun, "أعلن الحوثيون مقتل الصماد، والذي قتل في
    غارة")."""
    word = t.text[i]
    return (
        word.startswith(_WA_AL)
        and len(t.key[i]) > 4
        and t.key[i][1:] not in CUES
        and t.key[i][1:] not in NEGATION_RELATIVES
    )


_WA_AL = ("وال", "ولل")


def _coordinated_noun(key: str) -> bool:
    """A verbal noun after "، و" coordinates with the noun-phrase content, which goes
    on: "أعلنت الوزارة مقتل خمسة أشخاص، وإصابة عشرة آخرين". A cue form opens the
    next clause ("، وأكدت أن"، "، ووصفته بأنه"), and so may a word that reads as a
    past verb as well: three letters ("، ورفض من قبل أن يرد": he refused; "رفع"،
    "منع"، "فتح") or است + three ("، واستضاف"، "، واستجاب عدد من الدول": the
    افتعال shape of a hollow root)."""
    # "أقر بأهمية بناء الثقة، وبأهمية مشاركة ...": its preposition again. A loop over
    # the prepositions peeled off, not a recursion (compiled code has no recursion
    # limit, and a crafted word of ب after ب would be as deep as it is long), and at
    # most _MAX_PEELED of them: no word carries more.
    for _ in range(_MAX_PEELED + 1):
        if _coordinated_noun_as_is(key):
            return True
        if not (key[:1] in ("ب", "ل") and key not in CUES):
            return False
        key = key[1:]
    return False


# (Two at most in real text: "ولل" is و + ل + ال.)
_MAX_PEELED = 2


def _coordinated_noun_as_is(key: str) -> bool:
    if key in CUES or not nominal_head(key):
        return False
    bare = BARE[key]
    if len(bare) <= 3 and not bare.endswith("ه"):
        return False
    return not (len(bare) == 6 and bare.startswith("است"))


def _present(t: Tokens, i: int) -> bool:
    """A present verb after قد ("وقد تسفر": may), by its prefix; "وقد تم" is past."""
    return i < t.n and t.word[i] and t.key[i][:1] in "يتن" and t.key[i] not in _NARRATION_VERBS


def _participle_gender(key: str) -> str | None:
    if key.endswith(("ين", "ون")):
        return None
    return "f" if key.endswith("ه") else "m"


@_per_field("speech_participles")
def _speech_participles(t: Tokens, cues: list[Cue | None]) -> list[int]:
    """Commas (or semicolons: "...؛ ومنوها على ...") followed by a participle of
    speech (a cue's, "مضيفا", or one of claims_speech_participles.tsv, "داعيا"),
    once per field."""
    found = []
    key, word = t.key, t.word
    for m in t.having(_CLAUSE_PUNCT_BIT):
        n = m + 1
        if n >= t.n or not word[n]:
            continue
        k = key[n]
        cue = cues[n]
        if (
            (cue is not None and cue.kind == "participle")
            or k in SPEECH_PARTICIPLES
            or (k[:1] == "و" and k[1:] in SPEECH_PARTICIPLES)
        ):
            found.append(m)
    return found


_OFFSET_UNITS = load_set("claims_narrator_offsets.tsv")
_OFFSET_DIRECTIONS = frozenset(fold(w) for w in ("بعد", "قبل", "عقب"))
_OFFSET_FROM = frozenset(fold(w) for w in ("من", "على"))


# An unquoted content ends where the narrator dates it against another event: "(،) وذلك
# بعد/قبل/عقب + (up to two words) + a unit of time (claims_narrator_offsets.tsv) + (a
# word) + من/على": "أعلنت المجر أن الخطة ترقى إلى الابتزاز، وذلك بعد يوم على كشف بروكسل
# عن ..."، "...، وذلك بعد ساعات قليلة على إعلان الوزارة". "وذلك بعد دراسة المشروع" (no
# unit of time) may be the speaker's words and goes on.
@_per_field("offsets")
def _offsets(t: Tokens) -> list[int]:
    found = []
    word, key = t.word, t.key
    for i in t.having(_THAT_LEAD_BIT):
        m = i + 1
        if not (m < t.n and word[m] and BARE[key[m]] in _OFFSET_DIRECTIONS):
            continue
        # The unit within the next three words, then من/على within two.
        end = min(m + 4, t.n)
        u = next((j for j in range(m + 1, end) if word[j] and key[j] in _OFFSET_UNITS), -1)
        if u < 0 or not all(word[m:u]):
            continue
        if any(word[j] and key[j] in _OFFSET_FROM for j in range(u + 1, min(u + 3, t.n))):
            found.append(i - 1 if i > 0 and t.text[i - 1] in COMMAS else i)
    return found


_RELATIVE_BIT = scanned(SUBJECT_RELATIVES.__contains__)


# An unquoted content ends where a relative clause brings in another party's act of
# speech, past, with its own subject and what it said: "أعلنت النقابة مشاركة 80 ألف
# شخص في التظاهرات التي قدّرت الشرطة أعداد المشاركين فيها بـ21 ألفا" (the police's
# estimate is not what the union announced), "...الممر الذي أعلن الروس والسوريون أن
# بوسع المدنيين الخروج عبره". Not where the antecedent is the verb's subject and the
# noun after it its object ("المسؤول الذي كتب المقال الافتتاحي في الصحيفة", "الأمراض
# التي أعلن القضاء عليها": no second noun or أن after the definite one), nor a
# present form, mostly a passive or a state ("السنة التي تعتبر الثانية"، "الذي
# يحمل الجنسية").
@_per_field("relatives")
def _relative_cues(t: Tokens) -> list[int]:
    """Where الذي/التي/الذين + a past cue verb + a definite subject (with up to
    _SUBJECT_WORDS definite words after it) + أن or an indefinite noun stand, once
    per field. (The lexicon's cue: read in context, a cue after a relative pronoun
    mostly names a statement, "ما قاله الوزير", and is not one: cues.cue_at.)"""
    found = []
    word, key = t.word, t.key
    for i in t.having(_RELATIVE_BIT):
        v, s = i + 1, i + 2
        if not (s < t.n and word[i] and word[v] and word[s] and t.sent[s] == t.sent[i]):
            continue
        k = key[v]
        cue = CUES.get(k)
        if cue is None or cue.kind != "verb" or k[:1] in ("و", "ف") or _present_cue(k, cue):
            continue
        if not DEFINITE[key[s]] or STOP[key[s]] is not None or not marker_in_reach(t, v, cue.key):
            continue
        if cue.key in PREP_VERB_CUES and not prep_verb(t, v, t.n, cue.key):
            continue  # "طالبي اللجوء الذين عبروا الحدود بشكل غير قانوني": crossed
        m = s + 1
        while m < min(t.n, s + 1 + _SUBJECT_WORDS) and word[m] and _definite_word(key[m]):
            m += 1  # "السلطات الأميركية"، "الروس والسوريون"
        if m < t.n and word[m] and t.sent[m] == t.sent[i]:
            if complementizer(t, m) or (not DEFINITE[key[m]] and STOP[key[m]] is None):
                found.append(i)
    return found


# Definite words a subject may run to after its head ("الروس والسوريون").
_SUBJECT_WORDS = 3


def _definite_word(key: str) -> bool:
    return bool(DEFINITE[key] or (key[:1] == "و" and DEFINITE[key[1:]]))


def _present_cue(key: str, cue: Cue) -> bool:
    """A present form of a cue verb: يقول، تعتبر ("توقعت" is past: no "يوقعت")."""
    return key[:1] == "ي" or (key[:1] == "ت" and CUES.get("ي" + key[1:]) is cue)


# An indirect content ends at و/ف + a past form of قال, whether or not that verb reports
# a claim of its own: "وجد أن عرضه يصب لصالح الرئيس وقال لهم يُعرض فورًا" (what was
# found ends before what was said), "...، وقال سيستمر البرنامج شهرا" (speech with no إن
# or colon: no claim is drafted for it). A present form goes on a chain of the content's
# own verbs: "كان بإمكانه أن يلجأ إلى المسؤول ويقول رأيه"; so do quoted words: 'قال إن
# ترودو "عقد مؤتمرا صحافيا وقال إن ..."'.
@_per_field("says")
def _says(t: Tokens, cues: list[Cue | None]) -> list[int]:
    found = [
        i
        for i in t.having(_CUE_BIT)
        if t.word[i]
        and t.quote[i] < 0
        and t.key[i][:1] in ("و", "ف")
        and t.key[i][1:4] == SAY
        and (cue := cues[i]) is not None
        and cue.kind == "verb"
        and cue.key == SAY
    ]
    return found


def clause_cut(t: Tokens, cues: list[Cue | None], a: int, b: int, indirect: bool) -> int:
    """Where an unquoted content [a, b) ends at the first of the cuts above that hold
    wherever they stand: a reaction, كما or في حين before a cue verb, a dated offset,
    a relative clause with a past cue and its own subject, and for an indirect
    content و/ف + قال. Their places are merged once per field
    (with or without قال), so each content costs one bisect rather than one per cut,
    and the first of them in (a, b) is where the cuts applied one after another end it.
    """
    memo_key = "clause_cuts_said" if indirect else "clause_cuts"
    found = t.memo.get(memo_key)
    if found is None:
        places = {
            *_reactions(t),
            *_as_cues(t, cues),
            *_contrast_cues(t, cues),
            *_offsets(t),
            *_relative_cues(t),
        }
        if indirect:
            places.update(_says(t, cues))
        found = t.memo[memo_key] = sorted(places)
    k = bisect_right(found, a)
    if k < len(found) and found[k] < b:
        return found[k]
    return b


@_per_field("next_verbs")
def _next_verbs(t: Tokens, cues: list[Cue | None]) -> tuple[list[int], list[str | None]]:
    """Commas followed by و + a past cue verb read in context, and the gender its
    form shows, once per field."""
    starts: list[int] = []
    genders: list[str | None] = []
    key, word = t.key, t.word
    for m in t.having(_COMMA_BIT):
        n = m + 1
        if word[m] or n >= t.n or not word[n] or key[n][:1] != "و":
            continue
        cue = cues[n]
        if cue is None or cue.kind != "verb" or cue.key in _NOT_NEXT or _present_cue(key[n][1:], cue):
            continue
        starts.append(m)
        genders.append(cue_gender(key[n], cue))
    return starts, genders


# Cue verbs that after "، و" are as often a verbal noun or another verb of the content:
# "، ونقل سفارتها إلى القدس" (the transfer), "، وجاء على رأسها قطاع ..." (came first).
_NOT_NEXT = frozenset(fold(w) for w in ("نقل", "جاء"))


def next_verb_cut(t: Tokens, cues: list[Cue | None], a: int, b: int, gender: str | None) -> int:
    """An indirect content ends at "، و" + a past cue verb whose form has the
    speaker's gender, whether or not that verb reports a claim of its own: in "قال
    إن الهجوم "يبدو شروعا في القتل"، وتوقع إلقاء اللوم على موسكو" and "قالت إنها
    كانت تخطط لهجوم، وأقرت بالاتهامات" the speaker's next act starts there. Both
    genders must be known and the same: a form that disagrees is the act of the
    content's subject ("قال الوزير إن الحكومة ستتدخل، وأكدت أنها ..."), and a plural
    says nothing ("قال إن المستوطنين أضرموا النار، وكتبوا شعارات"). Only the first
    such comma after the content's start is looked at: each content costs a bisect."""
    if gender is None:
        return b
    starts, genders = _next_verbs(t, cues)
    k = bisect_right(starts, a)
    if k < len(starts) and starts[k] < b and genders[k] == gender:
        return starts[k]
    return b


@_per_field("speaker_again")
def _speaker_again(t: Tokens) -> dict[str, list[int]]:
    """Commas followed by "و + a word" that is no إن/أن nor particle, keyed by the
    word after that one, once per field: "...، وأبدت الجامعة" is listed under
    "الجامعة"."""
    found: dict[str, list[int]] = {}
    key, word = t.key, t.word
    for m in t.having(_COMMA_BIT):
        n = m + 1
        if word[m] or n + 1 >= t.n or not word[n] or not word[n + 1] or key[n][:1] != "و" or len(key[n]) < 3:
            continue
        if BARE[key[n][1:]] in THAT or STOP[key[n][1:]] is not None:
            continue  # "، وأن الجامعة ..."، "، وكذلك حزب ...": the content goes on
        found.setdefault(key[n + 1], []).append(m)
    return found


def speaker_again_cut(t: Tokens, a: int, b: int, head: int) -> int:
    """An indirect content ends at "، و + verb" whose subject is the speaker named
    again: "أوضحت الجامعة أن الطالبة قبلت في علوم الحاسب، وأبدت الجامعة إمكانية
    تحويلها"، "وقال التقرير إن ...، ويتهم التقرير المسؤولين ..." (the narration
    takes up the speaker again). head: the speaker's first token."""
    at = _speaker_again(t).get(t.key[head])
    if not at:
        return b
    k = bisect_right(at, a)
    if k < len(at) and at[k] < b:
        return at[k]
    return b


def participle_cut(t: Tokens, cues: list[Cue | None], a: int, b: int, gender: str | None) -> int:
    """An unquoted content ends at a comma before a participle of the speaker's next
    act, whether or not that participle reports a claim of its own: "وبين المسؤول أن
    الطالبات توقفن عن الدراسة خوفا من الحوادث، متمنيا من الجامعة افتتاح فرع" (what
    was said ends at "الحوادث"). Only the first such participle after the content's
    start is looked at, and only if its form agrees with the speaker ("قالت
    الوزارة إن الجيش تقدم، مستخدما ..." is not hers), so each content costs a bisect."""
    found = _speech_participles(t, cues)
    if not found:
        return b
    k = bisect_right(found, a)
    if k < len(found) and found[k] < b:
        m = found[k]
        if agrees(gender, _participle_gender(t.key[m + 1])):
            return m
    return b


# "but he/she" before a cue verb, with the gender of the pronoun; "أنه/أنها" only after
# إلا/غير ("إلا أنه اعتبر", "غير أنها لم تؤكد"); a negation may come between
# (claims_next_act_openers.tsv).
_OPENER_ROWS = read_rows("claims_next_act_openers.tsv")
_BUT_PRONOUN = {fold(w): None if g == "-" else g for w, kind, g in _OPENER_ROWS if kind == "but"}
_THAT_PRONOUN = {fold(w): None if g == "-" else g for w, kind, g in _OPENER_ROWS if kind == "that"}
_NOT = frozenset(fold(w) for w, kind, _ in _OPENER_ROWS if kind == "not")


@_per_field("next_acts")
def _next_acts(t: Tokens) -> tuple[list[int], list[str | None]]:
    """Where "لكنه (لم) + cue verb" clauses start, and the pronoun's gender, once per
    field. The cue is the lexicon's word, also where the negation cancels it as a claim
    ("لكنها لم تكشف")."""
    starts: list[int] = []
    genders: list[str | None] = []
    key, word = t.key, t.word
    for i in t.having(_CUE_BIT):
        if CUES[key[i]].kind != "verb":
            continue
        j = i - 1
        if j > 0 and word[j] and key[j] in _NOT:
            j -= 1
        if j < 0 or not word[j]:
            continue
        if key[j] in _BUT_PRONOUN:
            starts.append(j)
            genders.append(_BUT_PRONOUN[key[j]])
        elif key[j] in _THAT_PRONOUN and j > 0 and word[j - 1] and key[j - 1] in HOWEVER:
            starts.append(j - 1)
            genders.append(_THAT_PRONOUN[key[j]])
    found = (starts, genders)
    return found


def next_act_cut(t: Tokens, a: int, b: int, gender: str | None) -> int:
    """An unquoted content ends where "but he/she" opens the speaker's next act of
    speech, even one that reports nothing: "قالت الشرطة إن غاز الأعصاب استخدم ضد
    الضحيتين لكنها لم تكشف عن نوعه" (what the police said ends at "الضحيتين"),
    "أضاف أن ...، إلا أنه اعتبر من المبكر الحكم". The pronoun must agree with the
    speaker ("قالت الوزارة إن المتهم اعترف لكنه نفى ..." is the accused's denial,
    inside what the ministry said). Only the first such clause after the content's
    start is looked at: each content costs a bisect."""
    starts, genders = _next_acts(t)
    k = bisect_right(starts, a)
    if k < len(starts) and starts[k] < b and agrees(gender, genders[k]):
        return starts[k]
    return b
