"""The counted noun phrase: what a number counts, with its modifiers as written.

    "1612 منشأة عسكرية أوكرانية"            → منشأة عسكرية أوكرانية
    "39 من أنظمة الصواريخ المضادة للطائرات"  → أنظمة الصواريخ المضادة للطائرات (partitive من)
    "62 موقع تحكم ومركز اتصالات"            → موقع تحكم (و starts the next item)
    "49 طائرة على الأرض"                    → طائرة (a preposition starts a new phrase)

Without a morphological analyser (too slow for the stream) the phrase is delimited by
rules over tokens and the stop-word lexicon; see `counted_phrase`.
"""

from __future__ import annotations

from processors.figures.lexicons import CLASSIFIERS, DESIGNATORS, MONTHS, NOT_PARTITIVE, ROOT_WORDS, STOPWORDS
from processors.figures.numbers import CARDINALS
from processors.figures.tokens import NUM, WORD, Tokens

# A phrase longer than this is almost always a sentence running on after the noun.
MAX_WORDS = 6
# A clitic glued to digits ("و52", "بـ500", "الـ52") belongs to the number, not to a phrase.
DIGIT_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "ال", "لل", "بال", "وال", "ولل", "وبال"})
# Definite words opened by a preposition clitic start a new phrase:
# "141 دولة بالجمعية العامة" → دولة.
_PREPOSITION_ARTICLE = ("بال", "كال", "فال", "وبال", "وكال")
# Words after which "من" continues inside the phrase (partitive) rather than starting a
# new one: "40 وحدات من المركبات" vs "5 طائرات من طراز".
_NOT_PARTITIVE = NOT_PARTITIVE


def is_numberish(tk: Tokens, i: int) -> bool:
    """Token i starts another number (digits, a clitic on digits, a number word)."""
    if i >= tk.n:
        return False
    k = tk.kind[i]
    if k == NUM:
        return True
    if k != WORD:
        return False
    f = tk.fold[i]
    if f in DIGIT_CLITICS and i + 1 < tk.n and tk.kind[i + 1] == NUM and tk.joined(i + 1):
        return True
    entry = CARDINALS.get(f)
    return entry is not None and entry[1][0] != "teen_head"


# Nisba adjectives (بريطانية, لبناني, بحرية, ليبيين) start with ب/ل as a root letter.
_NISBA = ("ي", "يه", "يين", "يون", "يات")


def opens_phrase(f: str) -> bool:
    """A word that starts a prepositional phrase: "بالجمعية", "باتجاه", "لتأمين"."""
    if f in ROOT_WORDS:
        return False
    if f.startswith(_PREPOSITION_ARTICLE):
        return True
    return len(f) >= 4 and f[0] in "بل" and f[1] != "ل" and not f.endswith(_NISBA)


def looks_verbal(f: str) -> bool:
    """Verbs that follow the phrase: "قتلوا" (past plural وا), "منزل تضررت" (past
    feminine ت, not the plural ات), "جرعة ستصل" (future ست-)."""
    if f in ROOT_WORDS or len(f) < 3:
        return False
    if f.endswith("وا") and len(f) >= 4:
        return True
    if f.endswith("ت") and not f.endswith(("ات", "يت", "وت")):
        return True  # "عاما مرت", "منزلا تضررت"
    # the future prefix is followed by an imperfect stem, never by ي or ا:
    # "ستصل", "ستواصل" are verbs; "صاروخ ستينغر", "ستاد" are not
    return f.startswith("ست") and f not in CARDINALS and len(f) > 3 and f[2] not in "يا"


def _imperfect_or_dual(f: str) -> bool:
    """A word after the head that starts a new clause or object, not a modifier:
    an imperfect verb "7 أشخاص يشتبه في تورطهم", "ربع السكان يعانون" (ي-, while
    modifiers starting with ي are nisba adjectives: "يمنية", "يومية"), or a dual noun,
    "11 مليون شخص جرعتين" (a plural head takes no dual modifier)."""
    if f in ROOT_WORDS or len(f) < 4:
        return False
    if f[0] == "ي" and not f.endswith(_NISBA):
        return True
    return len(f) >= 5 and f.endswith(("تين", "تان"))


# A possessed noun is not counted by a number before it: "فقد عشرات الآلاف منازلهم".
# ("متهم", "أسهم" end in هم too, hence the length).
_POSSESSED = ("هم", "هن", "كم")


def is_head(tk: Tokens, i: int, partitive: bool = False) -> bool:
    """Can token i be the first word of a counted phrase? After a partitive من a
    possessed noun is fine: "أكثر من ثمانين من سكانها"."""
    if i >= tk.n or tk.kind[i] != WORD or tk.nl[i]:
        return False
    f = tk.fold[i]
    # (no verb or ب/ل test on the head itself: "عضوا", "لاعبا", "بطانية" are nouns)
    if f in STOPWORDS or (f,) in MONTHS or is_numberish(tk, i) or f in DESIGNATORS:
        return False
    if f.startswith(_PREPOSITION_ARTICLE) and f not in ROOT_WORDS:
        return False
    if not partitive and len(f) >= 6 and f.endswith(_POSSESSED + ("ها",)):
        return False
    if len(f) > 1 and f[0] == "و" and f not in ROOT_WORDS:
        # "5 دول وامتناع" : the conjunction means there is no counted noun here
        return False
    return True


def counted_phrase(tk: Tokens, j: int, partitive_only: bool = False, construct: bool = False) -> tuple[int, int] | None:
    """[first, last+1) token range of the phrase counted by a number ending before token j.

    partitive_only: percentages count only through من ("40 في المئة من الناخبين").
    construct: the number is the first term of a construct ("ثلث مساحة البلاد",
    "آلاف الأشخاص"), so a definite genitive may follow the head; after a plain number the
    noun is a tamyiz and a definite word right after it starts something else.
    """
    n = tk.n
    if j >= n or tk.nl[j]:
        return None
    partitive = tk.fold[j] == "من"
    if partitive:
        # "39 من أنظمة الصواريخ": partitive; but "5 من أصل 10" is not
        if tk.f(j + 1) in _NOT_PARTITIVE:
            return None
        j += 1
    elif partitive_only:
        return None
    if not is_head(tk, j, partitive):
        return None
    f = tk.fold[j]
    if not partitive and len(f) >= 4 and f.endswith("ت") and looks_verbal(f):
        return None  # a past verb, not a noun: "من أصل 17 أطلقت باتجاه المدينة"
    head = j
    classifier = tk.fold[head] in CLASSIFIERS
    definite = partitive
    end = head + 1
    words = 1
    while end < n and words < MAX_WORDS:
        if tk.kind[end] != WORD or tk.nl[end]:
            break  # punctuation, digits, Latin, a new line
        f = tk.fold[end]
        if f == "من":
            # partitive after a classifier: "40 وحدات من المركبات العسكرية"
            if classifier and end == head + 1 and is_head(tk, end + 1, True):
                end += 1
                continue
            break
        if f in STOPWORDS or is_numberish(tk, end) or looks_verbal(f) or (f,) in MONTHS or f in DESIGNATORS:
            break
        if _imperfect_or_dual(f):
            break
        if len(f) >= 5 and f.endswith(_POSSESSED + ("ها", "هما")):
            break  # a possessed noun is a new object: "27 شخصا لقوا حتفهم", "مدرسة أبوابها"
        is_definite = f.startswith(("ال", "لل"))
        if definite and not is_definite:
            # the modifiers of a definite noun are definite: "اثنين من المسلحين فرا"
            break
        if is_definite and end == head + 1 and not partitive and not construct:
            # a number's own noun is not a construct head: "11200000 شخص الجرعة الأولى";
            # later words may be ("دبابة روسية الصنع")
            break
        definite = definite or is_definite
        if opens_phrase(f):
            break
        if f[0] == "و" and len(f) > 1 and f not in ROOT_WORDS:
            break  # "62 موقع تحكم ومركز اتصالات": و starts the next item
        if f.startswith("لل") and not (end - 1 > head and tk.fold[end - 1].startswith("ال")):
            # ل+ال completes a definite adjective ("المضادة للطائرات"); after the bare
            # noun it is a new phrase ("52 طائرة للقوات" → طائرة).
            break
        end += 1
        words += 1
    return head, end
