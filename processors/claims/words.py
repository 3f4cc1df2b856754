"""Word classes the claims extractor needs, decided by lexicon lookups and word shape
(no morphological analyzer: it is too slow for ≥400 articles/s)."""

from __future__ import annotations

import re
from functools import lru_cache

from processors.claims.lexicons import (
    ADVERBS,
    COMPLEMENTIZERS,
    NOMINAL_HEADS,
    ROLES,
    SPEAKER_STOPS,
    fold,
    load_set,
    noun_bases,
    read_rows,
)
from processors.claims.tokens import TextCache, Tokens

# Verbal nouns of the derived verb patterns open a noun-phrase content without being
# listed: تفعيل (تدمير، تعليق)، إفعال (إطلاق، إغلاق)، افتعال/انفعال (اعتقال، انسحاب)،
# استفعال (استئناف، استهداف)، تفاعل (تراجع، تزايد: "أقر بتراجع المبيعات"). Folded, so
# إ is ا.
_MASDAR = re.compile(r"ت..ي.|ا..ا.|ا.ت.ا.|ان..ا.|است..ا.|ت.ا..")


# Particles before a sentence's verb, and of them قد and لقد (claims_before_verb.tsv).
BEFORE_VERB = load_set("claims_before_verb.tsv")
QAD = frozenset(fold(w) for w, kind in read_rows("claims_before_verb.tsv") if kind == "qad")


# "والد" (father), "والدة" (mother): وال that is not و + ال (claims_own_wa_words.tsv).
OWN_WA = load_set("claims_own_wa_words.tsv")


def conjunction_definite(key: str) -> bool:
    """و/ف + ال written on a word: "والرئيس" (and the president), not "والد" (father)."""
    return key[:3] in ("وال", "فال") and key not in OWN_WA


def bare(key: str) -> str:
    """The word without the conjunction و/ف written on it ("والوزير" → "الوزير")."""
    if len(key) > 2 and key[0] in "وف" and key not in OWN_WA:
        return key[1:]
    return key


def definite(key: str) -> bool:
    """Marked definite by ال (or لل, the article after ل: "للأمم")."""
    k = bare(key) if key[:2] not in ("ال", "لل") else key
    if k.startswith(("كاله", "كالت", "كالات")) and key.startswith("وكال"):
        return False  # "وكالة"، "وكالتها"، "وكالات": agency, not و + ك + ال
    return len(k) > 3 and (k[:2] in ("ال", "لل") or k[:3] in ("بال", "كال"))


# Word classes depend on the folded word only, and news repeats its words: each class
# is also a dict (folded word → result), filled on first sight. The extractor asks
# a few hundred of these questions per article; a dict lookup in the caller costs a
# fraction of a function call. BARE, DEFINITE, STOP and ROLE take any folded word;
# STOP and ROLE are for words only (callers check `Tokens.word` first).
BARE = TextCache(bare)
DEFINITE = TextCache(definite)


# The predicates below take (tokens, i): a punctuation token is never in a word class.
def stop_kind(t: Tokens, i: int) -> str | None:
    return STOP[t.key[i]] if t.word[i] else None


def _stop_kind(k: str) -> str | None:
    kind = SPEAKER_STOPS.get(k)
    # Occasion and addressee nouns end a speaker only after a preposition ("في
    # بيان") or with ل ("لوكالة"); bare, they may be the speaker ("وكالة بيلتا").
    if kind and kind not in ("circumstance", "addressee"):
        return kind
    b = bare(k)
    if k in ADVERBS or b in ADVERBS:
        return "time"  # a manner adverb ends a speaker like a time word: "الخبراء طويلا"
    kind = SPEAKER_STOPS.get(b)
    # Not "pronoun": "ولي العهد" is not "و + لي".
    if kind and kind in ("time", "prep", "verb", "function", "deixis", "question"):
        return kind
    # "لكنه", "لكنها": a clause-opening particle carrying its subject pronoun.
    for suf in ("ه", "ها", "هم"):
        if b.endswith(suf) and SPEAKER_STOPS.get(b[: -len(suf)]) == "function":
            return "function"
    # "قال عنه", "يوضح فيها", "ادعت خلالها": a preposition carrying a pronoun is an
    # object or an adjunct, never the speaker (like the listed "له", "فيه").
    # (ف is also the first letter of "فيها": both readings are tried.)
    for w in (k, b):
        for suf in ("هما", "هم", "ها", "ه"):
            if w.endswith(suf) and len(w) > len(suf) + 1 and SPEAKER_STOPS.get(w[: -len(suf)]) == "prep":
                return "pronoun"
    # "لوكالة", "للصحفيين": the addressee of the statement.
    if k.startswith("ل") and len(k) > 3:
        rest = "ا" + k[1:] if k.startswith("لل") else k[1:]
        for base in noun_bases(rest):
            if SPEAKER_STOPS.get(base) == "addressee":
                return "addressee"
    return None


STOP = TextCache(_stop_kind)


def circumstance(t: Tokens, i: int) -> bool:
    """The occasion of speaking after a preposition: "في كلمته", "خلال المؤتمر"."""
    return t.word[i] and _circumstance(t.key[i])


def circumstance_noun(key: str) -> bool:
    """A folded word that names an occasion of speaking ("بيانها", "كلمته")."""
    return _circumstance(key)


@lru_cache(maxsize=1 << 16)
def _circumstance(key: str) -> bool:
    return any(SPEAKER_STOPS.get(b) == "circumstance" for k in _keys(key) for b in noun_bases(k))


def _keys(key: str) -> tuple[str, ...]:
    """The word as written and without a conjunction: و is also a root letter
    ("وزير", "وكالة"), so both readings are tried."""
    b = bare(key)
    return (key,) if b == key else (key, b)


def complementizer(t: Tokens, i: int) -> bool:
    return t.word[i] and t.key[i] in COMPLEMENTIZERS


def role(t: Tokens, i: int) -> str | None:
    """'trigger' or 'linker' for role words, with ال, ة and pronoun suffixes allowed."""
    return ROLE[t.key[i]] if t.word[i] else None


def _role(key: str) -> str | None:
    for k in _keys(key):
        for base in noun_bases(k):
            kind = ROLES.get(base)
            if kind:
                return kind
            if base.endswith("ه"):  # feminine: "المتحدثة", "وزيرة"
                if ROLES.get(base[:-1]) == "trigger":
                    return "trigger"
    return None


ROLE = TextCache(_role)
# Whether a folded word is a role trigger ("الرئيس", "وزيرة"): finding the role words
# of a field is then one C-level map over its keys.
TRIGGER = TextCache(lambda key: ROLE[key] == "trigger")


def digit(t: Tokens, i: int) -> bool:
    return t.word[i] and t.key[i][:1].isdigit()


@lru_cache(maxsize=1 << 16)
def nominal_head(key: str) -> bool:
    """Could open a noun-phrase content: a listed noun or a derived verbal noun,
    possibly with a pronoun suffix ("سيطرته"). Not a manner adverb that has the
    shape of one ("تماما")."""
    if key in ADVERBS or bare(key) in ADVERBS:
        return False
    # The accusative alif of an indefinite noun: "أعلنت النقابة إضرابا عاما".
    keys = (key, key[:-1]) if key.endswith("ا") and len(key) > 4 else (key,)
    for k in keys:
        for base in noun_bases(k):
            if base in NOMINAL_HEADS or _MASDAR.fullmatch(base):
                return True
    return False


# An indefinite accusative active participle, which opens a circumstantial clause after a
# comma ("، واصفا الأنباء بأنها", "، داعيا الطرفين", "، معتبرا أن"): فاعلا, or م + three
# or four letters + ا (مفعلا، مفتعلا، مفاعلا). "فضلا"/"أيضا" have four letters only.
_PARTICIPLE = re.compile(r"[وف]?(?:.ا..ا|م...ا|م....ا)")


@lru_cache(maxsize=1 << 16)
def participle(key: str) -> bool:
    return _PARTICIPLE.fullmatch(key) is not None


def nisba(k: str) -> bool:
    """A relational adjective ("الروسي", "العسكرية", "الأمريكيين")."""
    return k.endswith(("ي", "يه", "يين", "يون", "يات"))
