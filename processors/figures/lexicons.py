"""The figures lexicons (processors/lexicons/figures_*.tsv), loaded once at import.

Every table is keyed by the folded form (processors.figures.numbers.fold), so "أكثر" and "اكثر",
"فى" and "في" find the same row. Multi-word entries are tuples of folded words.
"""

from __future__ import annotations

from processors.figures.numbers import fold, read_tsv


def _words(form: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in form.split())


def _set(name: str) -> frozenset[str]:
    return frozenset(fold(row[0]) for row in read_tsv(name))


def _with_article(table: dict, form: str, value) -> None:
    """Currencies and units also occur definite: "ملايين الدولارات", "آلاف الأطنان"."""
    table.setdefault(form, value)
    if not form.startswith("ال") and form.isalpha():
        table.setdefault("ال" + form, value)


# "لست" (I am not) is not ل + ست (six).
NOT_NUMBERS = _set("figures_not_numbers.tsv")
# Words before a four-digit number that make it a year ("عام 2015", "لعام 2016").
YEAR_STRONG = _set("figures_year_strong.tsv")
# Nouns after which من is not partitive ("نوع من", "بين").
NOT_PARTITIVE = _set("figures_not_partitive.tsv")
# The word for the decimal point ("1 فاصلة 5").
DECIMAL_WORDS = _set("figures_decimal_words.tsv")

PERCENT: dict[tuple[str, ...], str] = {_words(r[0]): "percent" for r in read_tsv("figures_percent.tsv")}

CURRENCIES: dict[str, tuple[str, str]] = {}
for _form, _name, _code in read_tsv("figures_currencies.tsv"):
    _with_article(CURRENCIES, fold(_form), (_name, _code))
CURRENCY_SIGNS = frozenset(f for f in CURRENCIES if not f.isalpha())

# (currency name, folded adjective) → ISO code
CURRENCY_COUNTRIES: dict[tuple[str, str], str] = {
    (name, fold(adj)): code for name, adj, code in read_tsv("figures_currency_countries.tsv")
}

UNITS: dict[tuple[str, ...], str] = {}
# (multi-word units: "كيلومتر مربع", "كيلومترا في الساعة")
for _form, _unit in read_tsv("figures_units.tsv"):
    _w = _words(_form)
    UNITS.setdefault(_w, _unit)
    if len(_w) == 1:
        UNITS.setdefault(("ال" + _w[0],), _unit)

# qualifier words → (qualifier, "before"/"after")
APPROX: dict[tuple[str, ...], tuple[str, str]] = {
    _words(form): (qualifier, position) for form, qualifier, position in read_tsv("figures_approx.tsv")
}
APPROX_MAX_WORDS = max(len(k) for k in APPROX)

STOPWORDS = _set("figures_stopwords.tsv")
CLASSIFIERS = _set("figures_classifiers.tsv")
ROOT_WORDS = _set("figures_root_words.tsv")
_TRIGGERS = [_words(row[0]) for row in read_tsv("figures_identifier_triggers.tsv")]
IDENTIFIER_TRIGGERS = frozenset(w[0] for w in _TRIGGERS if len(w) == 1)
# two-word triggers as (word before last, last word): "قرار مجلس الأمن 2728"
IDENTIFIER_TRIGGERS2 = frozenset(w for w in _TRIGGERS if len(w) == 2)
DESIGNATORS = _set("figures_designators.tsv")
TIME_BEFORE = frozenset(fold(f) for f, pos in read_tsv("figures_time_context.tsv") if pos == "before")
TIME_AFTER = frozenset(fold(f) for f, pos in read_tsv("figures_time_context.tsv") if pos == "after")
# "من الشهر المقبل": the noun, and the adjectives that may follow it
MONTH_REF_NOUNS = frozenset(fold(f) for f, role in read_tsv("figures_month_refs.tsv") if role == "noun")
MONTH_REF_ADJECTIVES = frozenset(fold(f) for f, role in read_tsv("figures_month_refs.tsv") if role == "adjective")
ORDINAL_NAMES = frozenset(fold(f) for f, w in read_tsv("figures_ordinal_names.tsv") if w == "before")
REGNAL_TITLES = frozenset(fold(f) for f, w in read_tsv("figures_ordinal_names.tsv") if w == "title")
ORDINAL_NOUNS = _set("figures_ordinal_nouns.tsv")

YEAR_BEFORE = frozenset(fold(f) for f, pos in read_tsv("figures_year_context.tsv") if pos == "before")
YEAR_AFTER = frozenset(fold(f) for f, pos in read_tsv("figures_year_context.tsv") if pos == "after")

# folded words → month number; two-word months ("كانون الثاني") keyed by their tuple
MONTHS: dict[tuple[str, ...], int] = {_words(f): int(m) for f, m, _cal in read_tsv("figures_months.tsv")}
MONTH_FIRST_WORDS = frozenset(k[0] for k in MONTHS)
UNITS_MAX_WORDS = max(len(k) for k in UNITS)

# "سالب ثلاثة", "ناقص 7": the number after these words is negative
NEGATIVE_WORDS = _set("figures_negative.tsv")
# words that introduce a value ("بلغ", "إلى"): see figures_value_context.tsv
VALUE_CONTEXT = _set("figures_value_context.tsv")
# "بنسبة 35": a percentage without its sign
PERCENT_BEFORE = _set("figures_percent_before.tsv")
# "وصل العدد إلى 2000": nouns that name a quantity (with and without ال)
QUANTITY_NOUNS = _set("figures_quantity_nouns.tsv") | frozenset("ال" + f for f in _set("figures_quantity_nouns.tsv"))
