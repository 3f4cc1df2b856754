"""A noun-phrase content right after the verb, when the verb's subject is not after it.

After a verb, a definite noun is normally its subject ("نفت الوزارة ..."). But when the
subject came first ("الشركة نفت بشدة تلك المزاعم") or is a pronoun ("لكنه نفى التهم
الموجهة إليه"), the noun phrase after the verb is its object: what was denied,
announced, confirmed. Only cues whose content may be a bare noun phrase (nominal =
bare in claims_cues.tsv: نفى، أعلن، أكد، توقع ...) take one.

    pronoun_subject(t, i) -> (gender, opens) | None    "لكنه"/"إلا أنها" right before the cue
    object_start(t, j, limit) -> int | None       where the object noun phrase begins

And the verbs read whole with an object and a marker (claims_object_cues.tsv: "اتهمت
الحكومة المعارضة بالتحريض"، "قدّرت الشرطة عددهم بـ21 ألفا"): which word is their
marker, and whether it opens what the verb needs to report (`marker_fits`).
"""

from __future__ import annotations

from bisect import bisect_left

from processors.claims.lexicons import (
    ADJECTIVES,
    ADVERBS,
    COMPLEMENTIZERS,
    CUES,
    DEMONSTRATIVES,
    NOMINAL_HEADS,
    OBJECT_CUE_ROWS,
    SUBJECT_RELATIVES,
    fold,
    load_set,
    load_word_tuples,
    noun_bases,
)
from processors.claims.tokens import Quote, Tokens
from processors.claims.words import BARE, DEFINITE, STOP, complementizer, nisba, nominal_head, stop_kind
from processors.figures.lexicons import APPROX
from processors.figures.numbers import CARDINALS

# Two-word adverbials between a verb and its object, from claims_adverbs.tsv.
_ADVERB_PHRASES = frozenset(p for p in load_word_tuples("claims_adverbs.tsv") if len(p) > 1)


def pronoun_subject(t: Tokens, i: int) -> tuple[str | None, int] | None:
    """If the cue at i has a pronoun subject written on the particle before it
    ("لكنه نفى", "ولكنها أكدت", "إلا أنه نفى"): (its gender, the token where the
    clause opens); else None."""
    p = i - 1
    if p < 0 or not t.word[p] or t.sent[p] != t.sent[i]:
        return None
    key = t.key[p]
    for suf, gender in (("ها", "f"), ("ه", "m")):
        if key.endswith(suf) and key[: -len(suf)] in ("لكن", "ولكن", "فلكن"):
            return (gender, p)
        if key.endswith(suf) and key[: -len(suf)] in ("ان", "وان") and p > 0 and BARE[t.key[p - 1]] == "الا":
            return (gender, p - 1)
    return None


def object_start(t: Tokens, j: int, limit: int, suffixes: tuple[str, ...] | None = None) -> int | None:
    """Where the object noun phrase after a verb starts: a definite noun ("التهم
    الموجهة إليه"), a demonstrative ("تلك المزاعم") or a verbal noun ("وجود خطة"),
    after at most one manner adverb ("بشدة"), or a noun with a possessive pronoun of
    `suffixes` (all of them when None: "قوائمها"، "مواقفهم")."""
    if j < limit and t.word[j] and BARE[t.key[j]] in ADVERBS:
        j += 1
    elif j + 2 < limit and t.word[j] and t.word[j + 1] and (BARE[t.key[j]], t.key[j + 1]) in _ADVERB_PHRASES:
        j += 2  # "نفت على الدوام أي ضلوع"
    if j >= limit or not t.word[j]:
        return None
    key = t.key[j]
    if key in COMPLEMENTIZERS or STOP[key] is not None:
        return None
    if BARE[key] in ("اي", "ما") and j + 1 < limit and t.word[j + 1]:
        return j  # "نفت أي ضلوع لها", "نفى ما تردد"
    if BARE[key] in DEMONSTRATIVES or (DEFINITE[key] and not key.startswith(("لل", "بال", "كال"))) or nominal_head(key):
        return j
    if possessed(t, j, _POSSESSIVE if suffixes is None else suffixes):
        return j  # 'أعلنت "موبايلي" قوائمها المالية'
    return None


# Pronoun suffixes of a possessed noun, longest first: "قوائمها"، "مواقفهم".
_POSSESSIVE = ("هما", "هم", "ها")


def possessed(t: Tokens, j: int, suffixes: tuple[str, ...] = _POSSESSIVE) -> bool:
    """A noun with a possessive pronoun written on it, definite as its object is: "قوائمها
    المالية", "مواقفهم". Not a present verb with an object pronoun ("يتابعها", "تعلنها"),
    a preposition ("عليها", "منهم") or a word with a conjunction or preposition written
    on it ("وقوائمها", "لقوائمها"): only a stem of three letters or more after a first
    letter that is no such prefix (not ن, أ: "نتائجها"، "أرباحها" are nouns). (ه alone
    ends too many names and words: "طه"، "وجه".)"""
    key = t.key[j]
    if not t.word[j] or STOP[key] is not None or key[:1] in "يتوفبلك" or key[:2] in ("سي", "ست", "سن"):
        return False
    for suf in _POSSESSIVE:
        if key.endswith(suf):
            return suf in suffixes and len(key) - len(suf) >= 3 and key[: -len(suf)] not in CUES  # (not "أعلنها")
    return False


def own_suffixes(key: str, gender: str | None) -> tuple[str, ...]:
    """The possessive suffixes that agree with a verb form (`gender` as the form marks
    it): "نفت ضلوعها"، "أعلنوا خوضهم"، "أكدا موقفهما". After a subject before the verb a
    possessed noun is its object only when it is the subject's own; else it is the
    verb's subject ("حسبما أكد محاميهما": their lawyer said)."""
    if gender == "f":
        return ("ها",)
    if key.endswith(("وا", "ون")):
        return ("هم",)
    if gender is None and key.endswith(("ا", "ان", "تا")):
        return ("هما",)
    return ()


def may_be_adjective(t: Tokens, head: int, j: int) -> bool:
    """Whether the definite word at j may be an adjective of the word at head rather
    than a new noun phrase: a relational adjective ("الروسية"), a feminine word after a
    feminine one ("الهيئة المستقلة"), or a participle ("المتحدة", "الموجهة")."""
    key, head_key = BARE[t.key[j]], BARE[t.key[head]]
    if key in ("اي", "ما"):
        return False  # "ونفى الكرملين أي دور له": "any" looks like an -ي adjective
    if nisba(key) or key in ADJECTIVES:
        return True
    if key.endswith("ه") and head_key.endswith("ه"):
        return True
    return key.startswith("الم")


# Verbs read whole with an object and a marker (claims_object_cues.tsv), by folded
# lemma: (marker, where the content starts, what the marker must open).
OBJECT_VERBS = {fold(r[0]): (fold(r[1]), r[2], r[3]) for r in OBJECT_CUE_ROWS}
# How far after the verb its marker may come: a subject and an object of a few words.
OBJECT_WINDOW = 14
# ... and a quantity (ب + a number), which no other reading of the verb has, further
# on: the subject may go on with a modifier before what is measured ('وقدّرت شركة
# الإحصاء "أوكورانس" المعتمدة من قبل عدة وسائل إعلام عدد المتظاهرين في باريس بـ31700').
QUANTITY_WINDOW = 20


def object_window(guard: str) -> int:
    return QUANTITY_WINDOW if guard == "quantity" else OBJECT_WINDOW


# Modals, after which a verb form is the verbal noun (claims_modals.tsv): "لا يمكن وصفه".
_MODALS = load_set("claims_modals.tsv")
# First words of the approximations before a number (figures_approx.tsv): "بنحو 21
# مليونا"، "بأكثر من 150 ألفا"، "بما يقارب 5 آلاف".
_APPROX_FIRST = frozenset(w[0] for w, (_, where) in APPROX.items() if where == "before")


def is_marker(t: Tokens, m: int, marker: str) -> bool:
    key = t.key[m]
    if marker == "ب":
        # "بالتحريض", "بشن", "بأنه", "بـ21"; not a preposition of its own (بين، بعد).
        if key[:1] != "ب" or stop_kind(t, m) is not None:
            return False
        return len(key) > 2 or key[1:2].isdigit() or (m + 1 < t.n and not t.word[m + 1])  # ("بـ3 في المئة")
    return BARE[key] == marker or BARE[key] == "ال" + marker


def plain_marker(t: Tokens, m: int, marker: str) -> bool:
    """A marker no name or adjective is spelled like: "بالتقصير", "بأنه", "بـ21",
    'بـ"التحريض"' (not "بريطانيا", "بوتين", "بريطاني")."""
    if marker != "ب":
        return True
    key = t.key[m]
    return key.startswith("بال") or complementizer(t, m) or key[1:2].isdigit() or len(key) <= 2


def marker_fits(t: Tokens, m: int, marker: str, guard: str) -> bool:
    """Whether the marker at m opens what the verb needs to report (the guard column
    of claims_object_cues.tsv): "قدّرت الشرطة عددهم بـ21 ألفا" (a quantity: estimated),
    not "قدّر الوزير جهودهم بالشكر" (appreciated)."""
    if guard == "plain":
        return plain_marker(t, m, marker)
    if guard == "quantity":
        return _quantity(t, m)
    return True


def _number(key: str) -> bool:
    return key[:1].isdigit() or (key in CARDINALS and CARDINALS[key][0] == "")


def _quantity(t: Tokens, m: int) -> bool:
    """ "بـ21", "بـ 500", "بمليون", "بعشرات الآلاف", "بنحو 21 مليونا", "بأكثر من 150":
    ب and a number, or an approximation the number follows within two words."""
    k, rest = m, t.key[m][1:]
    if not rest:
        k += 1  # "بـ 500": ب written apart
        if k >= t.n or not t.word[k] or t.sent[k] != t.sent[m]:
            return False
        rest = t.key[k]
    if _number(rest):
        return True
    if rest not in _APPROX_FIRST:
        return False
    end = min(t.n, k + 4)
    return any(t.word[n] and t.sent[n] == t.sent[m] and _number(t.key[n]) for n in range(k + 1, end))


def marker_in_reach(t: Tokens, i: int, key: str) -> bool:
    """Whether the verb at i, read whole with its marker (claims_object_cues.tsv), has
    one that fits within reach: "حمّلت الوزارة الشركة المسؤولية", "قدّرت الشرطة عددهم
    بـ21 ألفا". Without it, "حمل المتظاهرون لافتات" (carried), "قدّر الرئيس الجهود"
    (appreciated) are no cue and must not cut a speaker or a content. Verbs read with
    any ب-word (اتهم) or none (دعا) are always cues."""
    spec = OBJECT_VERBS.get(key)
    if spec is None or spec[0] == "-" or (spec[0] == "ب" and spec[2] == "-"):
        return True
    if i > 0 and t.word[i - 1] and BARE[t.key[i - 1]] in _MODALS:
        return False  # "لا يمكن وصفه بالانتعاش": a verbal noun after a modal
    marker, _, guard = spec
    end = min(t.n, i + object_window(guard) + 1)
    for k in range(i + 1, end):
        if t.sent[k] != t.sent[i]:
            break
        if t.word[k] and is_marker(t, k, marker) and marker_fits(t, k, marker, guard):
            # "في ختام جلسة وُصفت بالعاصفة": the marker right after a verb with no
            # object pronoun is the passive's; no cue to cut the speaker before it.
            return not (guard == "plain" and k == i + 1 and not object_suffix(t.key[i]))
    return False


def object_suffix(key: str) -> bool:
    """ "ووصفته", "تتهمها": a verb form with an object pronoun written on it."""
    for suf in ("هما", "هم", "ها", "ه"):
        if key.endswith(suf) and key[: -len(suf)] in CUES:
            return True
    return False


def quoted_complement(t: Tokens, quotes: list[Quote], m: int, start: int) -> int | None:
    """When the description after the marker at m is a quotation of its own ('بـ"الابتزاز"',
    "بالـ«ضعيفة»", "بأنه «معركة ضد الإرهاب»"; `start` the content's first token): the
    token after the closing mark, where the description ends ("وصفه بأنه «معركة ضد
    الإرهاب» سمحت تركيا ...": what follows is narration)."""
    k = m + 1 if len(t.key[m]) <= 3 else start
    if k >= t.n or t.word[k] or (k != start and k != m + 1):
        return None
    n = bisect_left(quotes, k, key=lambda q: q.open)
    if n < len(quotes) and quotes[n].open == k and quotes[n].close < t.n:
        return quotes[n].close + 1
    return None


def quoted_name_split(t: Tokens, quotes: list[Quote], a: int, b: int) -> int | None:
    """Where the object starts in a phrase [a, b) read as the verb's subject when a
    name in quotation marks ends the subject: 'وقدّرت شركة الإحصاء "أوكورانس" عدد
    المتظاهرين بـ31700' → "عدد". None when no quoted name is followed by a word."""
    n = bisect_left(quotes, a + 1, key=lambda q: q.open)
    if n < len(quotes) and quotes[n].open < b:
        c = quotes[n].close + 1
        if c < b and t.word[c] and quotes[n].words <= 3:
            return c
    return None


# What an estimate measures (claims_estimate_nouns.tsv): "عدد"، "قيمة"، "ثروة".
_ESTIMATE_NOUNS = load_set("claims_estimate_nouns.tsv")


def estimate_object(t: Tokens, j: int, m: int) -> int | None:
    """Where the object of an estimate starts in [j, m), the words between the verb
    and its marker: the first noun of what is measured ("قدّرت الشرطة | عدد المشاركين
    بـ21 ألفا"، "تقدر مجلة فوربس | صافي ثروته بـ"). None when there is none, or it is
    right after the verb (no subject: the passive "وتقدر قيمة الصفقة بنحو ...")."""
    if t.word[j] and any(b in _ESTIMATE_NOUNS for b in noun_bases(BARE[t.key[j]])):
        return None  # "ويقدر إجمالي الخسائر بنحو ...": measured nouns only, the passive
    for k in range(j + 1, m):
        if t.word[k] and any(b in _ESTIMATE_NOUNS for b in noun_bases(BARE[t.key[k]])):
            return k
    return None


# Measured nouns that are masculine singular (claims_estimate_masculine.tsv): "عدد"، "حجم".
_MASCULINE_ESTIMATES = load_set("claims_estimate_masculine.tsv")


def masculine_estimate(t: Tokens, j: int) -> bool:
    """A masculine singular measured noun at j ("عددهم"، "حجم"): the passive of an
    estimate agrees with it ("قُدّر عددهم بـ"), a feminine verb before it does not."""
    return t.word[j] and any(b in _MASCULINE_ESTIMATES for b in noun_bases(BARE[t.key[j]]))


def relative_estimate(t: Tokens, i: int, j: int) -> bool:
    """An estimate in a relative clause whose subject is the antecedent: "وفق الأمم
    المتحدة التي قدّرت عدد النازحين بنحو مليونين" (the UN estimated). The verb right
    after التي/الذي and the measured noun right after the verb, bare and in construct
    ("عدد النازحين"). Not with a pronoun on that noun: "الساعة التي تقدر قيمتها بـ"
    is the passive (whose value is estimated), its topic no speaker."""
    return (
        i > 0
        and t.word[i - 1]
        and t.key[i - 1] in SUBJECT_RELATIVES
        and j + 1 < t.n
        and t.word[j]
        and t.word[j + 1]
        and (t.key[j] in _ESTIMATE_NOUNS or own_subject_estimate(t, i, j))
    )


# How many words the own subject of an estimate's relative clause may have.
_RELATIVE_SUBJECT_WORDS = 4


def own_subject_estimate(t: Tokens, i: int, j: int) -> bool:
    """An estimate in a relative clause with a subject of its own, a definite word and
    at most a few more before the measured noun in construct: "التظاهرات التي قدّرت
    الشرطة | أعداد المشاركين فيها بـ21 ألفا" (the police estimated; the antecedent is
    what is measured). Not a measured noun right after the verb (the antecedent's
    estimate, `relative_estimate`) nor a subject with a pronoun ("التي تقدر قيمتها
    الإجمالية": the passive)."""
    if not DEFINITE[t.key[j]] or t.key[j] in _ESTIMATE_NOUNS or STOP[t.key[j]] is not None:
        return False
    for k in range(j + 1, min(t.n - 1, j + 1 + _RELATIVE_SUBJECT_WORDS)):
        if not t.word[k] or t.sent[k] != t.sent[i] or STOP[t.key[k]] is not None:
            return False
        if not DEFINITE[t.key[k]] and any(b in _ESTIMATE_NOUNS for b in noun_bases(BARE[t.key[k]])):
            return t.word[k + 1] and t.sent[k + 1] == t.sent[k]
    return False


def listed_object_head(t: Tokens, a: int) -> bool:
    """An indefinite listed verbal noun (claims_nominal_heads.tsv: محاولة، ضرورة، وقوف)
    right after a verb heads its object, never its subject: "ورفضت محاولة مجموعة من
    النواب تعطيل القانون، مؤكدة ..." (the government, carried, rejected an attempt),
    "وأكد وقوف البرلمان إلى جانب الحكومة، مشددا". (Not a verbal noun known only by its shape:
    "وأكد تقرير ..."، "أظهر استطلاع ..." are subjects; nor one of three letters, which
    may be the verb itself after a word not read as one: "وحين رفض الشريف، قائلا".)"""
    key = t.key[a]
    if not t.word[a] or DEFINITE[key] or len(BARE[key]) < 4:
        return False
    return any(b in NOMINAL_HEADS for b in noun_bases(BARE[key]))
