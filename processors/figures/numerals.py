"""Reading a number from tokens: digits, number words and their compounds, into a value.

numbers.py holds the tables (number words, digit strings); this module reads runs of
tokens with them and says where the number starts:

- atoms: a digit run, a number word with its clitic ("وخمسة"), the conjunction written
  apart ("أربعة و عشرون");
- below a thousand: "ثلاثمائة وخمسة وعشرون" = 325, "ثلاثة عشر", "٤ مئة و ١٥" = 415,
  French digit groups "2 500 000", digits in parentheses "(1.8) مليون";
- with scales and in falling order: "ثلاثة آلاف وخمسمائة" = 3500, "ملياري دولار" = 2e9,
  "مليون ونصف" = 1.5e6; the decimal point spelled out: "1 فاصلة 5" = 1.5;
- where the text starts: after its clitic ("و52" → "52"), at a minus glued to the digits
  ("-1.2") or at "سالب"/"ناقص", at a leading decimal point (".5").

Each reader returns, with the value, the token after what it read, so the caller
(extract.py) keeps one left-to-right pass. What the number is (kind, unit, year,
ordinal) is decided later, by the stages that call these.
"""

from __future__ import annotations

from processors.figures import lexicons as L
from processors.figures.context import prev_in
from processors.figures.counted import DIGIT_CLITICS, is_head
from processors.figures.lexicons import DECIMAL_WORDS, NOT_NUMBERS, YEAR_STRONG
from processors.figures.numbers import CARDINALS, FRACTIONS, IGNORABLE, digits_value
from processors.figures.tokens import NUM, SIGN, WORD, Tokens

_SMALL_CLASSES = frozenset({"unit", "unit_short", "teen_head", "one", "two", "ten", "ten_short", "tens"})
_SHAPE = {"unit": "U", "unit_short": "US", "one": "ONE", "two": "TWO"}
# A minus sign glued to digits: "-1.2", "−٦" (U+2212), "–5"; after a word or a number with
# no space it is a hyphen ("إس-300", "2000-3000").
MINUS = frozenset({"-", "\u2212", "\u2013"})
# "1 فاصلة 5": the spelled decimal point
_DECIMAL_WORDS = DECIMAL_WORDS
# Spaces allowed between the digit groups of "2 500 000" (one character: space, no-break
# space, thin space, narrow no-break space).
_GROUP_SPACES = frozenset(" \u00a0\u2009\u202f")
_ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


# --- where the number starts ------------------------------------------------------------


def core_start(tk: Tokens, t: int, pre: str) -> int:
    """Display offset where the number itself starts, after its clitic."""
    if tk.kind[t] == WORD and t + 1 < tk.n and tk.kind[t + 1] == NUM and tk.fold[t] in DIGIT_CLITICS:
        return tk.start[t + 1]
    s = tk.start[t]
    if not pre or tk.kind[t] != WORD:
        return s
    text, e, k = tk.text, tk.end[t], len(pre)
    while k and s < e:
        if text[s] not in IGNORABLE:
            k -= 1
        s += 1
    while s < e and text[s] in IGNORABLE:
        s += 1
    return s


def leading_point(tk: Tokens, i: int) -> bool:
    """Digits i open with a decimal point and nothing before it: ".5", "٫٢٥"."""
    if not (
        i > 1 and tk.adj[i] and tk.fold[i - 1] in (".", "\u066b") and tk.fold[i].isdigit() and len(tk.fold[i]) <= 3
    ):
        return False
    # after a word and a space ("سجل .77"), not after a number ("12 .50") or a year
    # word ("عام .94", a full stop typed on the wrong side); ".2." numbers a list
    if not (tk.joined(i - 1) and not tk.adj[i - 1] and (tk.kind[i - 2] == WORD or tk.fold[i - 2] in MINUS)):
        return False
    if tk.fold[i - 2] in L.YEAR_BEFORE or tk.fold[i - 2] in YEAR_STRONG or tk.fold[i - 2] in L.ORDINAL_NOUNS:
        return False
    return not (i + 1 < tk.n and tk.adj[i + 1] and tk.fold[i + 1] in (".", ")"))


def sign_start(tk: Tokens, t0: int, pre: str):
    """Display offset of what makes the number at t0 negative, or None: a minus glued
    to the digits with a space (or nothing) before it ("-1.2", "−٦", "-.5"), or
    "سالب"/"ناقص" before it. A hyphen after a word or a number is not a sign."""
    if pre:
        return None
    if tk.kind[t0] == NUM:
        m = t0 - 2 if leading_point(tk, t0) else t0 - 1
        if m >= 0 and tk.fold[m] in MINUS and tk.adj[m + 1] and (m == 0 or not tk.adj[m] or tk.fold[m - 1] in "(«\"'"):
            # not "15 -30" (a range), "بي -1" "F -16" (designators), "المادة -3-"
            b = m - 1
            if b < 0 or tk.nl[m] or (tk.kind[b] == WORD and len(tk.fold[b]) > 2) or tk.kind[b] == SIGN:
                if not (t0 + 1 < tk.n and tk.adj[t0 + 1] and tk.fold[t0 + 1] in MINUS):
                    return tk.start[m]
    w = prev_in(tk, t0, pre, L.NEGATIVE_WORDS)
    if w is not None:
        return core_start(tk, t0 - 1, w)
    return None


# --- values -----------------------------------------------------------------------------


def atom(tk: Tokens, i: int):
    """(class, value, clitic, width) of the number atom at token i, or None."""
    if i >= tk.n:
        return None
    k = tk.kind[i]
    if k == NUM:
        if i and tk.kind[i - 1] == SIGN and tk.adj[i] and tk.fold[i - 1] in "/:":
            return None
        if leading_point(tk, i):
            return "D", digits_value("0." + tk.fold[i]), "", 1  # ".5", "٫٢٥"
        v = digits_value(tk.fold[i])
        return None if v is None else ("D", v, "", 1)
    if k != WORD:
        return None
    f = tk.fold[i]
    if f in DIGIT_CLITICS and i + 1 < tk.n and tk.kind[i + 1] == NUM and tk.joined(i + 1):
        v = digits_value(tk.fold[i + 1])
        return None if v is None else ("D", v, f, 2)
    if f == "و" and i + 1 < tk.n and tk.kind[i + 1] == WORD and tk.joined(i + 1):
        # the conjunction written apart: "أربعة و عشرون", "خمسمائة و خمسة و عشرون"
        e = CARDINALS.get(tk.fold[i + 1])
        if e is None or e[0]:
            return None
        return e[1][0], e[1][1], "و", 2
    e = CARDINALS.get(f)
    if e is None or f in NOT_NUMBERS:
        return None
    return e[1][0], e[1][1], e[0], 1


def small(tk: Tokens, i: int):
    """A number below 1000 (or a digit run): (value, next, shape)."""
    r = _small_head(tk, i)
    if r is not None and r[2] == _HUNDREDS:
        return plus_below_100(tk, r[0], r[1])
    return r


# A hundreds number read up to its hundred ("ثلاث مئة", "٤ مئة"): (value, next, _HUNDREDS);
# `small` then reads what a و adds below 100.
_HUNDREDS = "hundreds"


def _small_head(tk: Tokens, i: int):
    """`small` up to a hundreds number's hundred. Apart so that the part after the و
    (plus_below_100) reads a number without reading hundreds again: "4 مئة و4 مئة و..."
    was a recursion as deep as the run (compiled, as deep as the C stack: a crash),
    each inner hundreds number read only to be refused as not below 100."""
    a = atom(tk, i)
    if a is None:
        return None
    cls, v, _pre, w = a
    j = i + w
    if cls == "D":
        if paren_close(tk, i, j):
            j += 1  # "(1.8) مليون حاج": the scale and noun follow the parenthesis
        elif isinstance(v, int):
            raw = tk.fold[j - 1]
            if len(raw) <= 3 and raw.isdigit():
                j2, v2 = digit_groups(tk, j, v)
                if j2 - j >= 2 or (j2 > j and len(raw) <= 2):
                    j, v = j2, v2  # "2 500 000", "12 500"; not "150 300" (a range once a tatweel dash is gone)
            if v < 10:
                b = atom(tk, j)
                if b and not b[2] and b[0] == "hundred" and b[1] == 100:
                    return v * 100, j + 1, _HUNDREDS  # "٤ مئة و ١٥"
        return v, j, "D"
    if cls == "zero":
        return 0, j, "ZERO"
    if cls == "hundred":
        return v, j, _HUNDREDS
    if cls in ("unit", "unit_short", "teen_head", "one", "two"):
        b = atom(tk, j)
        if b and not b[2]:
            if b[0] in ("ten", "ten_short"):
                return v + 10, j + 1, "TEEN"  # "ثلاثة عشر", "إحدى عشرة"
            if b[0] == "hundred" and b[1] == 100 and cls in ("unit", "unit_short") and v >= 3:
                return v * 100, j + 1, _HUNDREDS  # "ثلاث مئة"
        if cls == "teen_head":
            return None  # "أحد" alone is "one of", not a figure
        if b and b[2] == "و" and b[0] == "tens":
            return v + b[1], j + b[3], "T"  # units before tens: "خمسة وعشرون"
        return v, j, _SHAPE[cls]
    if cls == "ten":
        return 10, j, "TEN"
    if cls == "ten_short":
        return 10, j, "US"
    if cls == "tens":
        return v, j, "T"
    return None


def digit_groups(tk: Tokens, j: int, v: int):
    """Groups of three digits after one space each: "2 500 000" (French style)."""
    text, n = tk.text, tk.n
    while (
        j < n
        and tk.kind[j] == NUM
        and len(tk.fold[j]) == 3
        and tk.fold[j].isdigit()
        and tk.start[j] - tk.end[j - 1] == 1
        and text[tk.end[j - 1]] in _GROUP_SPACES
        and v < 10**12
    ):
        v = v * 1000 + int(tk.fold[j].translate(_ASCII_DIGITS))
        j += 1
    return j, v


def paren_close(tk: Tokens, i: int, j: int) -> bool:
    """Digits alone in parentheses with the rest of the figure after them, as Saudi
    and Gulf agencies write: "بلغ عدد الحجاج (1.8) مليون حاج", "(500) مليون ريال"."""
    return (
        j == i + 1
        and 0 < i
        and j + 1 < tk.n
        and tk.fold[j] == ")"
        and tk.adj[j]
        and tk.fold[i - 1] == "("
        and tk.adj[i]
        and tk.kind[j + 1] == WORD
        and tk.joined(j + 1)
    )


def plus_below_100(tk: Tokens, v, j):
    # "ثلاثمائة وخمسة وعشرون": hundreds, then و and the rest below a hundred
    b = atom(tk, j)
    if b and b[2] == "و" and (b[0] in _SMALL_CLASSES or b[0] == "D"):
        r = _small_head(tk, j)
        if r and r[2] != _HUNDREDS and r[0] < 100:
            return v + r[0], r[1], "H"
    return v, j, "H"


def group(tk: Tokens, i: int):
    """A small number with its scale word: (value, next, scale, shape)."""
    r = small(tk, i)
    if r is None:
        a = atom(tk, i)
        if a is not None:
            cls, v, _pre, w = a
            if cls == "scale":
                return v, i + w, v, "S"  # "ألف جندي", "مليار دولار"
            if cls == "scale_dual" or (cls == "scale_acc" and noun_follows(tk, i + w)):
                return 2 * v, i + w, v, "S"  # duals: "ملياري دولار", "ألفا جندي"
            if cls == "scale_acc":
                return v, i + w, v, "S"  # accusative: "بلغت مليارا ونصف"
            return None
        # "نصف مليون", "ربع مليار دولار"
        fr = FRACTIONS.get(tk.f(i)) if tk.is_word(i) else None
        if fr and not fr[1][1]:
            b = atom(tk, i + 1)
            if b and not b[2] and b[0] == "scale":
                return fr[1][0] * b[1], i + 2, b[1], "S"
        return None
    v, j, shape = r
    if shape != "ZERO" and tk.is_word(j):
        fr = FRACTIONS.get(tk.fold[j])
        if fr and fr[0] == "و" and not fr[1][1] and fr[1][0] in (0.5, 0.25):
            v += fr[1][0]  # "اثنان ونصف", "عشرة وربع", "3 ونصف مليون"
            j += 1
            shape = "FR"
    b = atom(tk, j)
    if b and not b[2]:
        cls = b[0]
        if cls in ("scale", "scale_acc") and shape in ("D", "H", "T", "TEEN", "FR"):
            return v * b[1], j + 1, b[1], "S"  # "أحد عشر ألفا", "1.5 مليار", "مئة ألف"
        if cls == "scale_plural" and (shape in ("D", "FR") or (shape in ("U", "US", "TEN") and 3 <= v <= 10)):
            return v * b[1], j + 1, b[1], "S"  # "ثلاثة آلاف", "3 ملايين"
    return v, j, None, shape


def noun_follows(tk: Tokens, j: int) -> bool:
    return tk.joined(j) and (is_head(tk, j) or tk.fold[j] in L.CURRENCIES or (tk.fold[j],) in L.UNITS)


def compound(tk: Tokens, i: int):
    """Groups joined by و in falling order: "ثلاثة آلاف وخمسمائة" = 3500,
    "مليون و500 ألف" = 1500000, "مليون ونصف" = 1500000.
    Returns (value, next, top scale, shape) or None."""
    g = group(tk, i)
    if g is None:
        return None
    total, j, scale, shape = g
    top = scale
    while scale:
        a = atom(tk, j)
        if a is None:
            fr = FRACTIONS.get(tk.f(j)) if tk.is_word(j) else None
            if fr and fr[0] == "و" and not fr[1][1] and fr[1][0] in (0.5, 0.25):
                total += fr[1][0] * scale
                j += 1
                b = atom(tk, j)
                if b and not b[2] and b[0] == "scale" and b[1] == scale:
                    j += 1  # "مليون ونصف مليون دولار"
            break
        if a[2] != "و":
            break
        g2 = group(tk, j)
        if g2 is None or g2[0] >= scale:
            break  # "بين ألف وألفين" is a range, not a sum
        total += g2[0]
        j = g2[1]
        scale = g2[2]
    return total, j, top, shape


def spelled_decimal(tk: Tokens, value, j, top, shape):
    """ "1 فاصلة 25", "واحد فاصلة خمسة": the decimal point spelled out, then an optional
    scale ("2 فاصلة 5 مليون")."""
    if top is not None or not isinstance(value, int) or tk.f(j) not in _DECIMAL_WORDS:
        return value, j, top, shape
    if not (tk.joined(j) and tk.joined(j + 1)):
        return value, j, top, shape
    a = atom(tk, j + 1)
    r = small(tk, j + 1) if a and not a[2] else None
    if r is None or not isinstance(r[0], int) or r[2] == "ZERO":
        return value, j, top, shape
    value, j = value + float("0." + str(r[0])), r[1]
    b = atom(tk, j)
    if b and not b[2] and b[0] in ("scale", "scale_acc", "scale_plural"):
        return value * b[1], j + 1, b[1], "S"
    return value, j, None, "D"
