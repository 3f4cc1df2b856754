"""The word before a number, as the figure rules read it.

Most rules that type a number look one word back: "عام 1948" is a year, "الساعة 10" a
time, "بنسبة 35" a percentage, "بلغ صفر" a value. `prev_word` is that word (folded, on
the same line); `prev_in` asks whether it is in a word list once a clitic is taken off
("بنسبة" → "ب" + نسبة). The words that make the number after them a year are
lexicons.YEAR_STRONG ("عام 1948", "بين عامي 2010 و2015"). Shared by the numerals, the typed non-counts,
the kinds, the ordinals and the ranges, so it sits apart from all of them.
"""

from __future__ import annotations

from processors.figures.tokens import WORD, Tokens


def prev_word(tk: Tokens, t: int) -> str:
    """Folded word before token t on the same line, with a one-letter clitic removed."""
    if not tk.joined(t) or tk.kind[t - 1] != WORD:
        return ""
    return tk.fold[t - 1]


def prev_in(tk: Tokens, t0: int, pre: str, table) -> str | None:
    """The clitic ("" if none) of the word before the number at t0 when that word,
    without it, is in `table`; else None. "بنسبة" → "ب" for نسبة."""
    if pre:
        return None
    p = prev_word(tk, t0)
    if not p:
        return None
    if p in table:
        return ""
    for clitic in ("و", "ب", "وب", "ف"):
        if p.startswith(clitic) and p[len(clitic) :] in table:
            return clitic
    return None
