"""Arabic numbers: digit strings in three scripts and the number-word lexicons.

Pure and small: `fold` (the matching form of a word), `digits_value` (a digit string
with its separators → int/float), and the number-word tables loaded once from
processors/lexicons/numbers_*.tsv. processors/figures/extract.py composes them into figures.

Why our own `fold` and not only `Normalized.key`: lookups must work whatever the
normalizer left in `display` (diacritics, tatweel, Persian yeh), so every word is folded
the same way the lexicons are folded at load time.
"""

from __future__ import annotations

import re

from processors.text import lexicon
from processors.text.fold import MARKS, fold

LEXICONS = lexicon.LEXICONS

# Diacritics, Quranic marks, tatweel and zero-width characters carry no meaning for
# matching: "ثلاثةُ" and "ثلاثـة" are ثلاثة. One set and one fold for all of khabar.
IGNORABLE = MARKS


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a figures/numbers lexicon (no header line: data from the first row)."""
    return lexicon.read_rows(name)


# --- digits -------------------------------------------------------------------------

# The Arabic comma between digits ("2،5 في المئة", typed for want of ٫) reads like ",".
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹\u060c", "01234567890123456789,")
_SEP = re.compile(r"[.,\u066b\u066c]")
# A longer run of digits is a serial, a phone or garbage, never a quantity; it also keeps
# int() away from Python's 4300-digit limit on pathological input.
MAX_DIGITS = 15


def digits_value(text: str) -> int | float | None:  # noqa: C901 (one decision table)
    """Value of a digit string such as "1,612", "١٬٦١٢", "3.5", "٣٫٥", "1.234.567".

    Arabic-Indic ٬ is always a thousands separator and ٫ always a decimal point; the
    Arabic comma "،" between digits is read as "," ("2،5" = 2.5). For the
    Western "," and ".": repeated → thousands; a single "," followed by exactly three
    digits → thousands ("1,612"), otherwise a decimal comma ("3,5" as some Maghreb
    outlets write); a single "." is a decimal point ("1.5 مليار"). Both present: the last
    one is the decimal point ("1,234.5").
    """
    if text.isascii():
        if text.isdigit():
            return int(text) if len(text) <= MAX_DIGITS else None
    else:
        text = text.translate(_DIGITS)
    seps = _SEP.findall(text)
    parts = _SEP.split(text)
    if sum(len(p) for p in parts) > MAX_DIGITS:
        return None
    if not seps:
        return int(text)
    decimal = None
    if "\u066b" in seps:
        if seps.count("\u066b") > 1 or seps[-1] != "\u066b":
            return None
        decimal = "\u066b"
    elif len(set(seps)) == 1:
        c = seps[0]
        if c == "\u066c" or len(seps) > 1:
            decimal = None
        elif c == ",":
            decimal = None if len(parts[-1]) == 3 else ","
        else:
            decimal = "."
    else:
        decimal = seps[-1]
        if seps.count(decimal) > 1:
            return None
    if decimal is None:
        if any(len(p) != 3 for p in parts[1:]):
            return None
        return int("".join(parts))
    whole = "".join(parts[:-1])
    return float(f"{whole}.{parts[-1]}")


def as_number(value: float | int) -> float | int:
    """1500000000.0 → 1500000000: whole values are reported as ints."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# --- number words -------------------------------------------------------------------

# Clitics that attach to a number word: و (and), ف (then), ب (with/for: "بملياري دولار"),
# ل (to/for), ك (as), and their pairs ("وبخمسة"). Never ال: a definite cardinal
# ("الخمسة") is a different construction, not counted here.
NUMBER_CLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")
# Ordinals and fractions are mostly definite; ل+ال contracts to لل ("للمرة الثانية").
DEFINITE_CLITICS = ("", "و", "ف", "ب", "ك", "وب", "فب")


def _with_clitics(table: dict, form: str, entry: tuple, clitics=NUMBER_CLITICS) -> None:
    for clitic in clitics:
        table.setdefault(clitic + form, (clitic, entry))


def _load_cardinals() -> dict[str, tuple[str, tuple[str, int]]]:
    table: dict[str, tuple[str, tuple[str, int]]] = {}
    for form, value, cls in read_tsv("numbers_cardinals.tsv"):
        _with_clitics(table, fold(form), (cls, int(value)))
    return table


def _load_definite(name: str, cast) -> dict[str, tuple[str, tuple]]:
    """Forms with and without ال, with clitics; the entry says whether ال was there."""
    table: dict[str, tuple[str, tuple]] = {}
    for row in read_tsv(name):
        form = fold(row[0])
        value = cast(row[1])
        extra = tuple(row[2:])
        for clitic in DEFINITE_CLITICS:
            table.setdefault(clitic + "ال" + form, (clitic, (value, True) + extra))
            table.setdefault(clitic + form, (clitic, (value, False) + extra))
        table.setdefault("لل" + form, ("ل", (value, True) + extra))
        table.setdefault("ل" + form, ("ل", (value, False) + extra))
    return table


# folded word (with its clitic) → (clitic, (class, value))
CARDINALS = _load_cardinals()
# folded word → (clitic, (value, definite, gender))
ORDINALS = _load_definite("numbers_ordinals.tsv", int)
# folded word → (clitic, (value, definite))
FRACTIONS = _load_definite("numbers_fractions.tsv", float)
