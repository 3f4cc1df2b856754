"""Figures: every number in an Arabic news field, with its value, kind and what it counts.

    extract_figures(norm, field) -> list[Figure]     sorted by start

Works on `norm.display` (tokens from processors.figures.tokens, folded for lookups) and
maps every span back with `norm.to_original`, so `text == original[start:end]` and
`counted == original[counted_start:counted_end]` whatever the normalizer removed.

Decisions (the public contract of `news.figures`):

- kind: cardinal, ordinal, percent, money, measure, fraction, year, date, time,
  identifier. Only cardinal/percent/money/measure/fraction carry approx/range/counted.
- text is the number with what makes its value (scale words, %, the currency or the
  unit: "500 مليون دولار", "40 في المئة"); not the clitic ("و52" → "52", "بملياري
  دولار" → "ملياري دولار"), not the qualifier ("نحو 40" → "40", approx "about").
  A range spans both ends: "بين 10 و20" → text "10 و20", value 10, range 20; a scale
  or unit on the high end applies to the low end when it fits ("بين 3 و4 ملايين" → 3e6).
- currency: the ISO 4217 code when known (دولار → USD unless qualified, "دولار كندي" →
  CAD, "جنيه مصري" → EGP, $ € £), else the generic name of a currency word whose country
  the text does not say ("pound", "riyal", "dinar", "dirham", "lira", "franc", "rupee").
- unit: short codes from figures_units.tsv (km, m, m2, t, kg, barrel, MW, pp …).
- Not counts (typed, never cardinal): years (a bare 19xx/20xx with no counted noun, or
  after عام/منذ/في…; value = the year), dates ("15 يونيو", "3 مارس 2022", "2022-03-03",
  "الخامس من يونيو"; value None), times ("الساعة 10:30" → 10.5), identifiers (after
  القرار/المادة/رقم…, model designators "إس-300" "F-16" "كوفيد-19", phone numbers;
  value the number or None for phones).
- Ordinals inside names are NOT reported: a regnal number after a title and a name
  ("الملك محمد السادس", "الملكة إليزابيث الثانية") and the words listed in
  figures_ordinal_names.tsv ("الحرب العالمية الثانية", "عبد الله الثاني"). Ordinals in
  month names ("كانون الثاني") belong to the month; "الخامس من يونيو" is a date.
- A bare number after a ranking noun (figures_ordinal_nouns.tsv: "الدقيقة 23", "الدورة
  45") is an ordinal; "2-1" after a score is an identifier, "10-15" a range.
- "الـ52" is a cardinal when a noun follows ("الـ27 دولة") and an ordinal otherwise
  ("القمة العربية الـ32").
- "عشرات الآلاف", "مئات", "آلاف الأشخاص": value = the lower bound (10000, 100, 1000)
  with approx "at_least".
- A definite cardinal 3-19 after a definite noun counts that noun: "الأسابيع الثلاثة
  المقبلة" → 3, counted "الأسابيع"; "الدول العربية الست" → counted "الدول العربية".
- A feminine definite ordinal or a small number before a part of the day is a time:
  "من الثامنة مساء حتى السادسة صباحا", "عند 5 عصرا"; "العاشر من الشهر المقبل" is a date.
- Digits alone in parentheses are read through them (Gulf agency style):
  "(1.8) مليون حاج" → 1800000, text "(1.8) مليون".

The stages, in order, each in its module and all sharing one list of `Item`s (item.py)
passed explicitly: one left-to-right scan over the tokens that can start a figure
(`_scan`), where digits go first to the non-counts (typed.py) then are read
(numerals.py) into a quantity (quantities.py: kind by kinds.py, counted noun by
counted.py), and words go to the number, ordinal (ordinals.py) or fraction readers;
then ranges and qualifiers (qualifiers.py) over the whole list; then the `Figure`s.
"""

from __future__ import annotations

from processors.figures import lexicons as L
from processors.figures.counted import DIGIT_CLITICS
from processors.figures.item import Item, add
from processors.figures.kinds import COUNTING_KINDS
from processors.figures.numbers import CARDINALS, FRACTIONS, ORDINALS, as_number
from processors.figures.numerals import compound, spelled_decimal
from processors.figures.ordinals import compound_ordinal, ordinal
from processors.figures.qualifiers import approx, ranges
from processors.figures.quantities import approx_plural, definite_cardinal, finish, fraction_word
from processors.figures.tokens import NUM, WORD, Tokens
from processors.figures.typed import date_tail, month_at, typed_digits
from processors.interrupt import checkpoint
from processors.model import Field, Figure
from processors.text.normalize import NormalizedText

# COUNTING_KINDS is kinds.py's, importable from here as before (tests, benchmarks).
__all__ = ["COUNTING_KINDS", "extract_figures"]

# Folded words that can start a figure (number words, ordinals, fractions, months, the
# clitics glued to digits, "القرن العشرين"); any other word is skipped at once.
# A definite cardinal 3-10 after a definite noun counts it: "الأيام السبعة الأولى",
# "الأعضاء الخمسة الدائمون" (never one/two: "الاثنين" is Monday, "الأحد" Sunday).
_DEFINITE_COUNT_CLASSES = frozenset({"unit", "unit_short", "ten", "ten_short"})
_STARTERS = frozenset(
    set(CARDINALS)
    | set(ORDINALS)
    | set(FRACTIONS)
    | set(DIGIT_CLITICS)
    | L.MONTH_FIRST_WORDS
    | {"ال" + f for f, (c, (cls, _v)) in CARDINALS.items() if not c and cls in _DEFINITE_COUNT_CLASSES | {"tens"}}
    | {"ال" + f for f, (c, (cls, _v)) in CARDINALS.items() if not c and cls in ("teen_head", "one")}
)


def extract_figures(norm: NormalizedText, field: Field) -> list[Figure]:
    """Every figure in one field (title/body), offsets into norm.original."""
    tk = Tokens(norm.display)
    if not tk.n:
        return []
    items = _scan(tk)
    original = norm.original
    out = []
    for it in items:
        checkpoint()
        s, e = norm.to_original(it.start, it.end)
        fig = Figure(
            field=field,
            start=s,
            end=e,
            text=original[s:e],
            value=it.value,
            kind=it.kind,
            unit=it.unit,
            currency=it.currency,
            approx=it.approx,
            range=it.range,
        )
        if it.value is not None:
            fig.value = as_number(it.value)
        if it.range is not None:
            fig.range = as_number(it.range)
        if it.counted:
            c0, c1 = it.counted
            cs, ce = norm.to_original(tk.start[c0], tk.end[c1 - 1])
            fig.counted, fig.counted_start, fig.counted_end = original[cs:ce], cs, ce
        out.append(fig)
    out.sort(key=lambda f: f.start)
    return out


def _scan(tk: Tokens) -> list[Item]:
    """One left-to-right pass; each reader returns the token index to resume at. Then
    ranges and qualifiers over what was found."""
    items: list[Item] = []
    # Only digits and words that can start a figure are looked at (a comprehension,
    # so the skipped words cost C time); signs and Latin are looked at from the number
    # next to them.
    starters = _STARTERS
    candidates = [i for i, (k, f) in enumerate(zip(tk.kind, tk.fold)) if k == NUM or (k == WORD and f in starters)]
    resume = 0
    for i in candidates:
        if i < resume:
            continue  # inside a figure or counted phrase already found
        checkpoint()  # (the time budget can stop a compiled loop here: processors/interrupt.py)
        j = _digits(tk, items, i) if tk.kind[i] == NUM else _word(tk, items, i)
        resume = j if j > i else i + 1
    checkpoint()
    items = ranges(tk, items)
    checkpoint()
    approx(tk, items)
    return items


def _digits(tk: Tokens, items: list[Item], i: int) -> int:
    """Token i is a digit run, or the clitic glued before one ("و52", "الـ52", "و 40")."""
    c = i + 1 if tk.kind[i] == WORD else i
    pre = tk.fold[i] if c != i else ""
    j = typed_digits(tk, items, i, c, pre)
    if j:
        return j
    r = compound(tk, i)
    if r is None:
        return c + 1
    value, j, top, shape = spelled_decimal(tk, *r)
    return finish(tk, items, i, j, value, top, shape, pre)


def _word(tk: Tokens, items: list[Item], i: int) -> int:
    """Token i is a word that can start a figure: a clitic on digits, a month, a number
    word, a definite cardinal, an ordinal or a fraction."""
    f = tk.fold[i]
    if f in DIGIT_CLITICS and i + 1 < tk.n and tk.kind[i + 1] == NUM and tk.joined(i + 1):
        return _digits(tk, items, i)
    if f in L.MONTH_FIRST_WORDS:
        m = month_at(tk, i)
        if m:
            tail = date_tail(tk, m)
            if tail > m and tk.kind[tail - 1] == NUM:
                add(tk, items, "date", None, i, tail)  # "مارس 2022", "مايو/أيار 2024"
                return tail
            if m - i == 2:
                return m  # "كانون الثاني": the ordinal is the month's
    if f in CARDINALS or f in FRACTIONS:
        r = compound(tk, i)
        if r is not None:
            value, j, top, shape = spelled_decimal(tk, *r)
            pre = CARDINALS[f][0] if f in CARDINALS else FRACTIONS[f][0]
            return finish(tk, items, i, j, value, top, shape, pre)
        e = CARDINALS.get(f)
        if e and e[1][0] in ("approx_plural", "scale_plural"):
            return approx_plural(tk, items, i, e)
    if f.startswith("ال"):
        e = CARDINALS.get(f[2:])
        if e and not e[0] and e[1][0] in _DEFINITE_COUNT_CLASSES:
            return definite_cardinal(tk, items, i, e[1][1])
        if e and not e[0] and e[1][0] in ("teen_head", "one"):
            return compound_ordinal(tk, items, i, e[1][0])
    o = ORDINALS.get(f)
    if o is not None:
        return ordinal(tk, items, i, o)
    fr = FRACTIONS.get(f)
    if fr is not None:
        return fraction_word(tk, items, i, fr)
    if f.startswith("ال"):
        e = CARDINALS.get(f[2:])
        if e and not e[0] and e[1][0] == "tens":
            return ordinal(tk, items, i, ("", (e[1][1], True, "m")))  # "القرن العشرين"
    return i + 1
