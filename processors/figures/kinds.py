"""The kind of a quantity: percent, money, measure or fraction, else cardinal.

Decided by the words right after the number, else the sign right before it:

- percent: "40 في المئة", "35%", "%40", and "بنسبة 35" (a percentage without its sign,
  unless a noun or a second number follows: "بنسبة خمسة عشر من الأصوات" is still one);
- money: a currency word or sign, with the country that makes its ISO code ("دينار
  أردني" → JOD, "جنيها مصريا" → EGP), "مليارين من الدولارات", "$500";
- measure: a unit of figures_units.tsv, the longest first ("كيلومتر مربع" → km2);
- fraction: a count of a plural denominator, "ثلاثة أرباع" = 0.75, "سبعة أعشار".

Only these kinds and cardinal count something (`COUNTING_KINDS`): they alone carry
approx, range and counted. Years, dates, times and identifiers are typed earlier
(typed.py), ordinals by their own words (ordinals.py).
"""

from __future__ import annotations

from processors.figures import lexicons as L
from processors.figures.context import prev_in
from processors.figures.counted import is_head
from processors.figures.numbers import CARDINALS, FRACTIONS
from processors.figures.numerals import MINUS
from processors.figures.tokens import NUM, Tokens

COUNTING_KINDS = frozenset({"cardinal", "percent", "money", "measure", "fraction"})


def table_at(tk: Tokens, j: int, table: dict, widest: int = 2) -> int:
    """Width (1 to `widest` tokens, longest first) of a table entry at token j, or 0."""
    if j >= tk.n or tk.nl[j]:
        return 0
    for w in range(min(widest, tk.n - j), 1, -1):
        if not any(tk.nl[j + 1 : j + w]) and tuple(tk.fold[j : j + w]) in table:
            return w
    return 1 if (tk.fold[j],) in table else 0


def currency_at(tk: Tokens, j: int) -> tuple[str, int] | None:
    if j >= tk.n or tk.nl[j]:
        return None
    cur = L.CURRENCIES.get(tk.fold[j])
    if cur is None:
        return None
    name, code = cur
    adj = tk.f(j + 1)
    if adj and tk.joined(j + 1):
        # "دينار أردني", "جنيها مصريا", "ليرة لبنانية"
        for form in (adj, adj[:-1]):
            found = L.CURRENCY_COUNTRIES.get((name, form))
            if found:
                return found, 2
    return code, 1


def plural_fraction(tk: Tokens, j: int) -> float:
    """The value of the plural denominator at token j ("أعشار" = 0.1), or 0."""
    fr = FRACTIONS.get(tk.f(j))
    if fr is None or fr[0] or fr[1][1] or len(fr[1]) < 3 or fr[1][2] != "plural":
        return 0
    return fr[1][0]


def number_follows(tk: Tokens, j: int) -> bool:
    """A second number follows token j after a range or ratio word: "20-25 في المئة",
    "365 إلى 173", "300 أو 400%" (the percent sign, if any, is the second number's)."""
    f = tk.f(j)
    if f in MINUS or f in ("الي", "حتي", "او", "مقابل"):
        return tk.joined(j + 1) and (tk.kind[j + 1] == NUM or tk.f(j + 1) in CARDINALS)
    return (
        f in ("و", "او") and tk.joined(j + 1) and tk.kind[j + 1] == NUM or (f in CARDINALS and CARDINALS[f][0] == "و")
    )


def kind_of(tk: Tokens, t0: int, j: int, value, top, shape: str, pre: str, start: int):
    """The kind of the number read over tokens [t0, j): (kind, value, shape, unit,
    currency, start, end token). The end token takes in the unit, currency or percent
    words; start moves back to a sign before the digits ("%40", "$500")."""
    kind, unit, currency, end_tok = "cardinal", None, None, j
    w = table_at(tk, j, L.PERCENT)
    before = tk.f(t0 - 1) if tk.adj[t0] and t0 else ""
    if w:
        kind, end_tok = "percent", j + w
    elif before in ("%", "٪"):
        kind, start = "percent", tk.start[t0 - 1]  # "%40"
    else:
        cur = currency_at(tk, j)
        if cur is None and tk.f(j) == "من" and top:
            cur = currency_at(tk, j + 1)  # "مليارين من الدولارات"
            if cur:
                cur = (cur[0], cur[1] + 1)
        if cur:
            kind, currency, end_tok = "money", cur[0], j + cur[1]
        elif before in L.CURRENCY_SIGNS:
            kind, currency, start = "money", L.CURRENCIES[before][1], tk.start[t0 - 1]  # "$500"
        else:
            w = table_at(tk, j, L.UNITS, L.UNITS_MAX_WORDS)
            if w:
                kind, unit, end_tok = "measure", L.UNITS[tuple(tk.fold[j : j + w])], j + w
            elif shape in ("U", "US") and tk.joined(j) and plural_fraction(tk, j):
                # "ثلاثة أرباع", "سبعة أعشار", "أربعة أسباع"
                kind, value, end_tok = "fraction", round(value * plural_fraction(tk, j), 10), j + 1
                shape = "F"
            elif (
                prev_in(tk, t0, pre, L.PERCENT_BEFORE) is not None
                and not (is_head(tk, j) and tk.f(j) != "من")
                and not number_follows(tk, j)
            ):
                kind = "percent"  # "بنسبة 35", "بنسبة خمسة عشر من الأصوات"
    return kind, value, shape, unit, currency, start, end_tok
