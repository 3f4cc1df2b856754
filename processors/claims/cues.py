"""Finding reporting cues and according-to markers among the tokens of a field.

Owns the first stage of reading a field: which tokens are cues ("وقالت", "مضيفاً",
"تأكيدها") and which open an according-to marker ("وبحسب", "وفقا لـ"), each decided in
context (a cue after ما or لم reports nothing: "ما قاله الوزير"). Every later stage
looks only at the tokens found here.
"""

from __future__ import annotations

from itertools import compress, count

from processors.claims.lexicons import (
    ACCORDING_TO,
    COMPLEMENTIZERS,
    CUE_BLOCKERS,
    CUES,
    HEDGES,
    SPEECH_PARTICIPLES,
    SUBJECT_RELATIVES,
    Cue,
    fold,
    load_set,
    read_rows,
)
from processors.claims.objects import OBJECT_VERBS, marker_in_reach, relative_estimate
from processors.claims.tokens import Tokens
from processors.claims.words import BARE, STOP, circumstance, complementizer, role

# A verb never follows a preposition, so a cue verb's spelling right after one is the
# verbal noun written the same way: "مع توقع أن تتجاوز الحرارة 48 درجة" (with the
# expectation that ...), "بعد تابع". حتى and منذ also open clauses with a verb ("حتى
# أعلن الوزير أن ..."), and so do not count.
_VERB_AFTER_PREP_OK = load_set("claims_verb_after_preposition.tsv")
# Blocker kinds that cancel the cue after them: a relative word ("ما قاله الوزير"), a
# negator ("ولم تؤكد الشرطة أن ...": nothing was asserted), عدم before a verbal noun
# ("طالبا عدم ذكر اسمه").
_BLOCK_BEFORE = frozenset({"before", "negator", "verbal_noun"})
# Blocker kinds of a cue form that reports only where it opens a clause ("، ودعا
# الاتحاد إلى"), the second for a form that is also a name ("وقال دان كوتس إن").
_OPENS_CLAUSE = frozenset({"opens_clause", "name_or_verb"})
# Particles after which a verb still opens its clause: "كما دعا الاتحاد إلى ...".
_OPENERS = load_set("claims_clause_openers.tsv")
# Participles of the speaker's next act (claims_speech_participles.tsv) that are also
# cues ("، واصفا المشروع بالخيال"، "، داعيا السكان إلى الهدوء") report only as that
# next act, after a comma. Inside a clause they describe ("رفع دعوى مطالبة بتعويض")
# or go with the verb before them, whose content they do not interrupt: "وقالت
# القاضية لوالاس واصفة ما فعلته بأنه "عمل شرير"" is what قالت reports (act_participle).
# "وجاء في البيان أن ..." (it was stated in the statement): جاء reports only with في
# and a text right after it (claims_stated_in.tsv), the text being the speaker; "جاء
# في المرتبة الثانية" (came second) is no claim.
STATED_IN_LEMMAS = frozenset({fold("جاء")})
# "في بيان له" (in a statement of his): whose text it is was said before.
_HIS = frozenset({"له", "لها", "لهم", "لهما"})
_STATED_IN = load_set("claims_stated_in.tsv")


def stated_in(t: Tokens, i: int) -> bool:
    """Token i (جاء) is followed by في and a text: "في البيان", "في تقرير المنظمة"
    (not "في بيانها", "في بيان له": a text with a pronoun names no speaker of its own)."""
    k = i + 2
    if k >= t.n or not (t.word[i + 1] and t.word[k]) or t.key[i + 1] != "في" or t.sent[k] != t.sent[i]:
        return False
    key = t.key[k]
    if not (key in _STATED_IN or (key[:2] == "ال" and key[2:] in _STATED_IN)):
        return False
    return not (k + 1 < t.n and t.word[k + 1] and t.key[k + 1] in _HIS)


# "واختتم الوزير حديثه قائلا: ..."، "وختم بالقول إن ..." (concluded): these verbs
# report only with a word of speech in reach (below); else the colon after them names
# what ended ("اختتم المركز برنامج: تنمية المهارات"، "اختتم المنتخب استعداداته").
CONCLUDE_LEMMAS = frozenset({fold("اختتم"), fold("ختم")})
# How far after the verb that word may come: a subject, its occasion noun, قائلا.
_CONCLUDE_REACH = 8
# A colon this close to the verb follows a bare subject: "واختتم سكودامور: ...".
_CONCLUDE_BARE = 3


def concludes_speech(t: Tokens, i: int) -> bool:
    """Token i (اختتم/ختم) is followed, in its clause, by أن, a saying word (قائلا،
    بالقول), or an occasion noun (حديثه، كلمته، البيان), or by a colon right after a
    short subject. (Not a quote: 'واختتم "الخازم" حديثه بشكر ...' quotes a name.)"""
    for k in range(i + 1, min(t.n, i + 1 + _CONCLUDE_REACH)):
        if t.sent[k] != t.sent[i]:
            return False
        if not t.word[k]:
            if t.text[k] == ":":
                return k <= i + _CONCLUDE_BARE
            if t.opens[k] >= 0 or t.closes[k] >= 0:
                continue
            return False
        key = t.key[k]
        if complementizer(t, k) or STOP[key] == "saying" or circumstance(t, k):
            return True
        said = CUES.get(key)
        if said is not None and said.lemma == "قال":
            return True
    return False


def own_occasion(t: Tokens, j: int) -> bool:
    """ "واختتم حديثه قائلا": an occasion noun with its pronoun right after the verb is
    its object (the speaker's own talk), not its subject."""
    return circumstance(t, j) and t.text[j].endswith(("ه", "ها", "هم"))


def act_participle(key: str) -> bool:
    """ "داعيا", "وداعيا" ("واصفا" is itself the participle, not و + اصفا)."""
    return key in SPEECH_PARTICIPLES or (key[:1] in ("و", "ف") and key[1:] in SPEECH_PARTICIPLES)


# "عبر" + "عن": a verb written like a preposition, and the preposition its object takes
# (claims_prep_verbs.tsv).
_PREP_VERBS = {fold(row[0]): fold(row[1]) for row in read_rows("claims_prep_verbs.tsv")}
# How far after such a verb its object's preposition may come: "وعبر خالد يوسف، وهو أحد
# سكان القرية، عن فرحته" (nine).
MAX_PREP_VERB_SUBJECT = 14
# ... and as a cue opening its clause, where a long title may come first: "عبر صاحب
# السمو الشيخ محمد بن زايد آل نهيان ولي عهد أبوظبي نائب القائد الأعلى للقوات المسلحة
# بدولة الإمارات العربية المتحدة، عن إيمانه" (twenty-one).
MAX_PREP_CUE_SUBJECT = 24


def prep_verb(t: Tokens, k: int, end: int, lemma: str | None = None) -> bool:
    """The word at k, a preposition by its letters ("وعبر"), is the verb of its clause:
    its object's preposition follows its subject before `end` ("وعبر الوزير عن قلقه،
    مؤكدا"), with no cue or complementizer between."""
    if not t.word[k]:
        return False
    prep = _PREP_VERBS.get(BARE[t.key[k]] if lemma is None else lemma)
    if prep is None:
        return False
    # (As a cue, with no subject after it: "وعبروا عن تطلعهم".)
    reach = MAX_PREP_VERB_SUBJECT if lemma is None else MAX_PREP_CUE_SUBJECT
    for m in range(k + 1 if lemma is not None else k + 2, min(end, k + reach)):
        if t.word[m] and (t.key[m] in COMPLEMENTIZERS or t.text[m] in ("إن", "أن")):
            return False
        if t.word[m] and t.key[m] == prep:
            return True
    return False


# Cue lemmas spelled like a preposition (claims_prep_verbs.tsv): عبر.
PREP_VERB_CUES = frozenset(_PREP_VERBS)


def cue_at(t: Tokens, i: int) -> Cue | None:
    """The cue that token i is, unless the context shows it does not report a claim."""
    if not t.word[i]:
        return None
    cue = CUES.get(t.key[i])
    if cue is None:
        return None
    # "ما قاله الوزير", "التصريحات التي أدلى بها": a relative clause names a statement
    # without reporting it.
    if i > 0 and t.word[i - 1] and t.sent[i - 1] == t.sent[i] and CUE_BLOCKERS.get(BARE[t.key[i - 1]]) in _BLOCK_BEFORE:
        # ... but "وفق ما نقلته الوكالة، التي أشارت إلى أن ...": after a comma, a
        # relative pronoun is the subject of a verb that reports; "القمة التي قال
        # ستولتنبرغ إنها ستركز على ..." reports what its own subject said; and an
        # estimate's relative clause reports: "الأمم المتحدة التي قدرت عدد".
        if (
            not subject_relative(t, i)
            and not relative_estimate(t, i, i + 1)
            and not (
                CUE_BLOCKERS.get(BARE[t.key[i - 1]]) == "before" and cue.kind == "verb" and _said_of_antecedent(t, i)
            )
        ):
            return None
    # "وبين مدير الجمارك أن" (explained) opens its clause; "الفجوة بين الصادرات" does not.
    # After a comma or a quotation, or at a headline's start, بين is mostly "between"
    # too ("«تعادل زائف» بين الطرفين"، "، بين عامي 1914 و1918"، "أزمة بين إيران
    # وكوريا"): it explains only with أن or a colon after its subject.
    if CUE_BLOCKERS.get(BARE[t.key[i]]) == "clause_initial":
        if i > 0 and t.word[i - 1] and t.sent[i - 1] == t.sent[i]:
            return None
        if not _content_follows(t, i) or _between_pair(t, i):
            return None
    # "وعبر الوزير عن قلقه" (expressed): a cue written like a preposition (claims_prep_verbs.tsv)
    # reports only when its object's preposition follows its subject, opening the
    # clause; "عبر الحدود"، "عبر تويتر" (via) are none.
    if cue.key in PREP_VERB_CUES and not (
        (i == 0 or not t.word[i - 1] or t.sent[i - 1] != t.sent[i]) and prep_verb(t, i, t.n, cue.key)
    ):
        return None
    # "ودعا الاتحاد إلى ..." (called for) opens its clause, with و/ف or after a
    # punctuation mark; inside one it is mostly a relative or object clause whose
    # subject is elsewhere: "قرارا يدعو إلى ..."، "سمعته يدعو إلى ...".
    if CUE_BLOCKERS.get(BARE[t.key[i]]) in _OPENS_CLAUSE and t.key[i] == BARE[t.key[i]]:
        if i > 0 and t.word[i - 1] and t.sent[i - 1] == t.sent[i] and BARE[t.key[i - 1]] not in _OPENERS:
            return None
    if cue.key in STATED_IN_LEMMAS and not stated_in(t, i):
        return None
    if cue.key in CONCLUDE_LEMMAS and not concludes_speech(t, i):
        return None
    if cue.kind == "verb" and i > 0 and t.word[i - 1] and t.sent[i - 1] == t.sent[i]:
        prev = t.key[i - 1]
        if STOP[prev] == "prep" and BARE[prev] not in _VERB_AFTER_PREP_OK:
            return None
    if cue.kind == "participle" and act_participle(t.key[i]):
        if not (i > 0 and not t.word[i - 1] and t.text[i - 1] in (",", "،")):
            return None
    # "حمّلت الوزارة الشركة المسؤولية" (held responsible), "قدّرت الشرطة عددهم بـ21
    # ألفا" (estimated): a verb read whole with its marker reports only with one that
    # fits in reach; else "حمل المتظاهرون لافتات" (carried), "قدّر الجهود" (appreciated)
    # is no cue and must not cut a speaker or a content.
    if cue.kind == "verb" and cue.key in OBJECT_VERBS and not marker_in_reach(t, i, cue.key):
        return None
    # "ويُذكر أن ..." is the journalist's background note, not an attribution.
    if CUE_BLOCKERS.get(BARE[t.key[i]]) == "impersonal":
        if i + 1 < t.n and complementizer(t, i + 1):
            return None
    return cue


# How far after بين its أن may come: a subject with a role and a name, an adjunct
# ("وبين المتحدث الرسمي بصحة الجوف، فهد الكريع، أن", "وبين في تصريحات له، الخميس،
# أن").
_EXPLAIN_REACH = 30


def _content_follows(t: Tokens, i: int) -> bool:
    """أن/إن (or بأن) or a colon in the sentence within reach after token i, before
    another verb cue."""
    for k in range(i + 1, min(t.n, i + 1 + _EXPLAIN_REACH)):
        if t.sent[k] != t.sent[i]:
            return False
        if not t.word[k]:
            if t.text[k] == ":":
                return True
            continue
        if complementizer(t, k) or t.text[k].startswith(("بأن", "بإن")):
            return True
        cue = CUES.get(t.key[k])
        if cue is not None and cue.kind == "verb":
            return False  # (a noun cue may be its adjunct: "وبين في تصريحات له أن")
    return False


def _between_pair(t: Tokens, i: int) -> bool:
    """بين + a word + و and a definite word or بين: "between" two things ("وبين الحاضر
    والمستقبل يبقى الأمل أن"، "بين الخبرة وبين المنطق"); the verb بين has one
    subject, and a body's name goes on further ("وبين وزير الصحة والسكان أن")."""
    k = i + 2
    if k >= t.n or not t.word[k] or not t.word[i + 1] or t.sent[k] != t.sent[i]:
        return False
    if role(t, i + 1) == "trigger":
        return False  # "وبين المستشار والمدرب الدولي أحمد المالكي أن": two roles, one man
    key = t.key[k]
    return key[:1] == "و" and (key[1:3] == "ال" or key[1:] == "بين")


def according_at(t: Tokens, i: int) -> tuple[int, bool] | None:
    """If an according-to marker starts at token i: (index of the source's first token,
    whether that token carries the marker's ل). "وبحسب بيان للكرملين" → (i+1, False);
    "وفقا لوزارة الصحة" → (i+1, True); "نقلا عن مصادر" → (i+2, False)."""
    if not t.word[i]:
        return None
    keys, word, n = t.key, t.word, t.n
    # The conjunctions و and ف are stripped ("ووفق", "أما ...، فوفقا لدراسة"), but
    # "فحسب" is "only", not "حسب".
    first = keys[i]
    if first not in _FIRST_WORDS and first[:1] in ("و", "ف") and first != "فحسب":
        first = first[1:]
    markers = _BY_FIRST_WORD.get(first)
    if markers is None:
        return None
    for marker in markers:
        j = i + 1
        ok = True
        for part in marker[1:]:
            if j >= n or not word[j]:
                ok = False
                break
            if part == "ل":
                if keys[j].startswith("ل") and len(keys[j]) > 2:
                    return j, True
                if BARE[keys[j]] in _DETACHED_L and j + 1 < n:
                    # "وفقا لـ "رويترز""، "وفقا لـ أنتوني ...": the ل written apart.
                    return j + 1, False
                ok = False
                break
            if BARE[keys[j]] != part and keys[j] != part:
                ok = False
                break
            j += 1
        if ok and j < n:
            return j, False
    return None


_FIRST_WORDS = frozenset(m[0] for m in ACCORDING_TO)
# The markers by their first word, in the lexicon's order (the first that matches
# wins): a candidate token tries its own few, not the whole table.
_BY_FIRST_WORD: dict[str, tuple[tuple[str, ...], ...]] = {
    w: tuple(m for m in ACCORDING_TO if m[0] == w) for w in _FIRST_WORDS
}
# The preposition ل of a marker written as a word of its own ("وفقا لـ رويترز").
_DETACHED_L = frozenset(("ل", "لـ"))
# Words that may open a marker, with the conjunction: "وبحسب", "ووفق", "فوفقا".
MARKER_WORDS = _FIRST_WORDS | frozenset(c + w for w in _FIRST_WORDS for c in "وف")


def impersonal(key: str) -> bool:
    """A cue form that is also a hedge word (claims_hedges.tsv): unvocalized, "يعتقد أن"
    reads as the passive يُعتقد (it is believed), a hedge, unless a subject follows
    it ("يعتقد المحققون أن")."""
    if len(key) > 3 and key[0] in "وف" and key[1:] in CUES:
        key = key[1:]
    return HEDGES.get((key,)) == "word"


# How far after a relative's verb the أن with the pronoun of the antecedent may come:
# the verb's subject and a time word ("التي قال ستولتنبرغ الاثنين إنها").
_RESUMPTIVE_REACH = 7
_THIRD_PERSON = ("ه", "ها", "هم", "هما")


def _said_of_antecedent(t: Tokens, i: int) -> bool:
    """ "الدول التي قال أردوغان إنها تحاول ..."، "ما قال كيلدوف إنه افتقار ...": after
    a relative word, the verb's own subject (a word that is no preposition or pronoun),
    then أن with a pronoun of the third person that stands for the antecedent. The
    claim is the subject's, its content after أن; the relative clause then names what
    was said of the antecedent, it does not hide the speaker. Without a subject ("التي
    قال إنها": the speaker is elsewhere) or without the pronoun ("الذي أكد أن": whose
    is the relative's subject) the cue stays blocked."""
    k = i + 1
    if k >= t.n or not t.word[k] or t.sent[k] != t.sent[i] or STOP[t.key[k]] is not None or complementizer(t, k):
        return False
    for m in range(k + 1, min(t.n, k + 1 + _RESUMPTIVE_REACH)):
        if not t.word[m] or t.sent[m] != t.sent[i]:
            return False
        if complementizer(t, m):
            key = t.key[m][1:] if t.key[m][:1] == "ب" else t.key[m]
            return key[2:] in _THIRD_PERSON
        if CUES.get(t.key[m]) is not None or BARE[t.key[m]] == "قد":
            return False  # ("الذين تابعوا أعمال القمة قد أدركوا أنها": another verb's أن)
    return False


def subject_relative(t: Tokens, i: int) -> bool:
    """Token i follows "، التي" / "، الذي": a relative pronoun after a comma, whose
    antecedent (before the comma) is the subject of the verb at i."""
    return (
        i > 1
        and t.word[i - 1]
        and t.key[i - 1] in SUBJECT_RELATIVES
        and not t.word[i - 2]
        and t.text[i - 2] in ("،", ",")
    )


def object_cue(key: str) -> Cue | None:
    """A verb cue, also with the object pronoun of a relative ما: "ما ذكرته البعثة"."""
    cue = CUES.get(key)
    if cue is None:
        for suf in ("ه", "ها"):
            if key.endswith(suf) and len(key) > len(suf) + 2:
                cue = CUES.get(key[: -len(suf)])
                if cue is not None:
                    break
    return cue if cue is not None and cue.kind == "verb" else None


CANDIDATE_KEYS = frozenset(CUES) | MARKER_WORDS


def find_cues(t: Tokens) -> tuple[list[Cue | None], list[int], list[tuple[int, bool] | None], list[int]]:
    """(the cue of each token, the tokens with one, the according-to marker of each
    token as `according_at` gives it, the tokens with one)."""
    n = t.n
    # Most words are neither a cue nor a source marker: one C-level scan of the
    # keys finds the few that may be, and only those are looked at in context.
    cues: list[Cue | None] = [None] * n
    cue_tokens: list[int] = []
    according: list[tuple[int, bool] | None] = [None] * n
    marker_tokens: list[int] = []
    for i in compress(count(), map(CANDIDATE_KEYS.__contains__, t.key)):
        key = t.key[i]
        if key in CUES:
            cue = cues[i] = cue_at(t, i)
            if cue is not None:
                cue_tokens.append(i)
        if key in MARKER_WORDS:
            acc = according[i] = according_at(t, i)
            if acc is not None:
                marker_tokens.append(i)
    return cues, cue_tokens, according, marker_tokens
