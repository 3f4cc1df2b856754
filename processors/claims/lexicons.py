"""The claims lexicons (processors/lexicons/claims_*.tsv), loaded once at import.

Every lookup is on a *folded* word: diacritics, tatweel and direction marks removed,
أ/إ/آ/ٱ → ا, ى → ي, ة → ه, Arabic-Indic digits → ASCII. Folding here rather than
trusting `Normalized.key` keeps the claims extractor correct whether or not the
normalizer already folded (its first version is an identity placeholder), and a
writer's "أكّد", "اكد" and "أكـد" all find the same cue.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from processors.text import lexicon
from processors.text.fold import fold

LEXICON_DIR = lexicon.LEXICONS

# Pronoun suffixes a noun may carry: "تأكيدها", "كلمته", "نظيره".
PRONOUN_SUFFIXES = ("هما", "هم", "ها", "نا", "ه")


def read_rows(name: str) -> list[list[str]]:
    """Rows of a claims lexicon (they all name their columns in a header line)."""
    return lexicon.read_rows(name, header=True)


def noun_bases(key: str) -> list[str]:
    """The folded word, then without ال/لل, then without a pronoun suffix (with the
    teh marbuta that a suffix turns into ت restored: "كلمته" → "كلمه")."""
    out = [key]
    for art in ("ال", "لل"):
        if key.startswith(art) and len(key) > len(art) + 1:
            out.append(key[len(art) :] if art == "ال" else key[2:])
    for base in list(out):
        for suf in PRONOUN_SUFFIXES:
            if base.endswith(suf) and len(base) > len(suf) + 1:
                stem = base[: -len(suf)]
                out.append(stem)
                if stem.endswith("ت"):
                    out.append(stem[:-1] + "ه")
                break
    return out


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    kind: str  # verb | participle | noun
    preps: frozenset[str]  # folded prepositions that may open the content
    nominal: str  # no | prep | bare
    negates: bool
    # The folded lemma, for the tables keyed by it (claims_object_cues.tsv, hedges):
    # folded once here rather than at every cue read.
    key: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", fold(self.lemma))


def _load_cues() -> dict[str, Cue]:
    table: dict[str, Cue] = {}
    for lemma, kind, preps, nominal, negates, forms in read_rows("claims_cues.tsv"):
        cue = Cue(
            lemma,
            kind,
            frozenset(fold(p) for p in preps.split(",") if p != "-"),
            nominal,
            negates == "yes",
        )
        for form in forms.split():
            base = fold(form)
            variants = [base]
            if kind == "noun":
                variants += [base + s for s in PRONOUN_SUFFIXES]
                # Plurals in ات take the suffix after ات: "تصريحاته".
                proclitics: tuple[str, ...] = ("", "و", "ب", "ل", "ف", "وب", "ول")
            else:
                proclitics = ("", "و", "ف")
            for v in variants:
                for p in proclitics:
                    table.setdefault(p + v, cue)
    return table


def load_set(name: str, column: int = 0) -> frozenset[str]:
    """The folded words of one column of a lexicon."""
    return frozenset(fold(r[column]) for r in read_rows(name))


def load_word_tuples(name: str) -> frozenset[tuple[str, ...]]:
    """Multi-word rows as tuples of folded words ("في وقت سابق")."""
    return frozenset(tuple(fold(r[0]).split()) for r in read_rows(name))


def load_with_forms(name: str) -> frozenset[str]:
    """A word and the forms listed in its third column ("داعيا" داعية داعين)."""
    return frozenset(fold(f) for r in read_rows(name) for f in [r[0], *r[2].split()])


def _load_phrases(name: str) -> dict[tuple[str, ...], str]:
    """phrase (folded words) → kind, variants included ('|' separates multi-word
    variants, a space single-word ones)."""
    table: dict[tuple[str, ...], str] = {}
    for row in read_rows(name):
        phrase, kind = row[0], row[1]
        variants = row[2] if len(row) > 2 else ""
        table[tuple(fold(phrase).split())] = kind
        if variants.strip():
            sep = "|" if "|" in variants else " "
            for v in variants.split(sep):
                if v.strip():
                    table[tuple(fold(v).split())] = kind
    return table


CUES = _load_cues()
CARRYOVER = load_set("claims_carryover.tsv")
HEDGES = _load_phrases("claims_hedges.tsv")
NEGATIONS = _load_phrases("claims_negations.tsv")
ROLES = {fold(w): kind for w, kind in read_rows("claims_roles.tsv")}
SPEAKER_STOPS = {fold(w): kind for w, kind in read_rows("claims_speaker_stops.tsv")}
NOMINAL_HEADS = load_set("claims_nominal_heads.tsv")
CUE_BLOCKERS = {fold(w): kind for w, kind in read_rows("claims_cue_blockers.tsv")}
HEADLINE_LABELS = load_set("claims_headline_labels.tsv")
HEADLINE_PLACES = load_set("claims_headline_places.tsv")
COMPLEMENTIZERS = load_set("claims_complementizers.tsv")
ADVERBS = load_set("claims_adverbs.tsv")
# Closed word lists of single stages (each file's header says what its rows are for).
KANA = load_set("claims_kana.tsv")
TIME_PHRASES = load_word_tuples("claims_time_phrases.tsv")
SUBJECT_RELATIVES = load_set("claims_subject_relatives.tsv")
NEGATION_RELATIVES = load_set("claims_negation_relatives.tsv")
# The first words of "إلا أن"، "غير أن" (however): claims_next_act_openers.tsv, kind except.
# The lemma of the commonest cue, which a few rules are about ("قال ...، إذا ...").
SAY = fold("قال")
HOWEVER = frozenset(fold(w) for w, kind, _ in read_rows("claims_next_act_openers.tsv") if kind == "except")
DEMONSTRATIVES = load_set("claims_demonstratives.tsv")
NAME_JOINERS = load_set("claims_name_joiners.tsv")
RESUMPTIVE = load_set("claims_resumptive.tsv")
SOURCE_CLAUSE_OPENERS = load_set("claims_source_clause_openers.tsv")
SOURCE_CONTENT_OPENERS = load_set("claims_source_content_openers.tsv")
SOURCE_HEADS = load_set("claims_source_heads.tsv")
CONTRAST_OPENERS = load_word_tuples("claims_contrast_openers.tsv")
FIRST_PERSON_QALA = load_set("claims_first_person_qala.tsv")
NARRATOR_LEADS = load_set("claims_narrator_leads.tsv")
# Read by more than one stage: participles of the speaker's next act (cues.py,
# boundaries.py), adjectives (objects.py, verbs.py), object verbs (cues.py, verbs.py).
SPEECH_PARTICIPLES = load_with_forms("claims_speech_participles.tsv")
ADJECTIVES = load_set("claims_adjectives.tsv")
OBJECT_CUE_ROWS = read_rows("claims_object_cues.tsv")
# According-to markers as folded word tuples; a final "ل" is a clitic on the next word.
ACCORDING_TO = tuple(tuple(fold(r[0]).split()) for r in read_rows("claims_according_to.tsv"))
# The cue of an according_to claim is its marker's first word ("وفقا", "بحسب"), by the
# folded word, with the conjunction و or ف too ("وبحسب", "فوفقا"). Markers whose first
# word opens other markers too ("على لسان", "على حد قول") have their lemma by their
# first two words (MARKER_PAIR_CUES).
MARKER_CUES: dict[str, Cue] = {}
MARKER_PAIR_CUES: dict[tuple[str, str], Cue] = {}
for _row in read_rows("claims_according_to.tsv"):
    _cue = Cue(_row[1], "marker", frozenset(), "no", False)
    _words = fold(_row[0]).split()
    _first = _words[0]
    MARKER_CUES.setdefault(_first, _cue)
    MARKER_CUES.setdefault("و" + _first, _cue)
    if _first != "حسب":  # ("فحسب" is "only")
        MARKER_CUES.setdefault("ف" + _first, _cue)
    if len(_words) > 1:
        # (a Cue of its own: spans.py tells the pair's from the first word's by identity)
        MARKER_PAIR_CUES.setdefault((_first, _words[1]), Cue(_row[1], "marker", frozenset(), "no", False))

# Verbs listed under "verb" in the stops lexicon, in the forms they take in news:
# "وكانت", "جددت", "يعيد".
_VERB_FORMS = {
    "كان": ("كان", "كانت", "كانوا", "يكون", "تكون"),
    "جدد": ("جدد", "جددت", "جددوا", "يجدد", "تجدد"),
    "اعاد": ("اعاد", "اعادت", "اعادوا", "يعيد", "تعيد"),
    "كرر": ("كرر", "كررت", "كرروا", "يكرر", "تكرر"),
}
for _base, _forms in _VERB_FORMS.items():
    if SPEAKER_STOPS.get(_base) == "verb":
        for _f in _forms:
            for _p in ("", "و", "ف"):
                SPEAKER_STOPS.setdefault(_p + _f, "verb")
