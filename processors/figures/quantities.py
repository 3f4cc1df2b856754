"""Quantities: a number that was read becomes a figure that counts something, or nothing.

`finish` takes a number read by numerals.py, lets kinds.py type it, then decides what it
counts (the phrase of counted.py) and whether it is a figure at all:

- a 4-digit number that counts nothing is a year ("في 2023 سجلت", typed.py decides);
- "صفر" is a figure only as a value ("بلغ صفر"): it is also the month Safar;
- one and two follow their noun ("جندي واحد", "طائرتين اثنتين");
- a short form is a number only before an indefinite noun ("سبع سنوات"; "تسع القاعة"
  is a verb);
- after a ranking noun a bare number is an ordinal ("في الدقيقة 23"), and "الـ32"
  without a noun after it ("القمة العربية الـ32") too.

And the quantities that start with their own words, not with a number read by numerals:
a definite cardinal after its noun ("الأسابيع الثلاثة المقبلة" → 3, counted
"الأسابيع"), the plural approximations ("عشرات الآلاف" → 10000, approx at_least) and a
fraction word ("ربع السكان", "نصف دولار").
"""

from __future__ import annotations

from processors.figures import lexicons as L
from processors.figures.context import prev_in, prev_word
from processors.figures.counted import counted_phrase, is_head, is_numberish, looks_verbal, opens_phrase
from processors.figures.item import Item, add
from processors.figures.kinds import currency_at, kind_of, table_at
from processors.figures.numbers import CARDINALS, ORDINALS
from processors.figures.numerals import core_start, leading_point, sign_start
from processors.figures.tokens import NUM, WORD, Tokens
from processors.figures.typed import is_year

_NISBA = ("ي", "يه", "يا", "يين", "يون", "يات")


def finish(tk: Tokens, items: list[Item], t0: int, j: int, value, top, shape: str, pre: str) -> int:
    """Kind, unit/currency, counted phrase of the number in tokens [t0, j)."""
    start = core_start(tk, t0, pre)
    sign = sign_start(tk, t0, pre)
    if sign is not None:
        start, value = sign, -value
    elif not pre and tk.kind[t0] == NUM and leading_point(tk, t0):
        start = tk.start[t0 - 1]  # ".5"
    kind, value, shape, unit, currency, start, end_tok = kind_of(tk, t0, j, value, top, shape, pre, start)
    end = tk.end[end_tok - 1]
    paren = not pre and t0 + 1 < end_tok and tk.fold[t0 + 1] == ")" and tk.kind[t0] == NUM
    if paren:
        # the text keeps both parentheses or neither: "(500) مليون ريال", "1500"
        if end_tok == t0 + 2:
            end = tk.end[t0]
        else:
            start = tk.start[t0 - 1]
    it = Item(kind, value, t0, end_tok, start, end, pre, top)
    if paren:
        it.opener = t0 - 1  # "نحو (25) مليون": the qualifier is before the parenthesis
    it.unit, it.currency = unit, currency
    resume = end_tok
    if kind in ("cardinal", "fraction"):
        # after "بلغ", "إلى", or with a sign, a lone number word is a value: "بلغ صفر"
        valued = sign is not None or (prev_in(tk, t0, pre, L.VALUE_CONTEXT) is not None and tk.f(j) != "من")
        if (
            sign is None
            and shape == "D"
            and top is None
            and pre not in ("ال", "وال", "بال")
            and is_year(tk, items, t0, j, value)
        ):
            it.kind = "year"  # the era marker ("م", "هـ") is not part of the number
            items.append(it)
            return j
        if shape == "ZERO":
            if not valued:
                return j  # "صفر" is also the month Safar
        elif shape in ("ONE", "TWO"):
            # "جندي واحد", "طائرتين اثنتين": the noun comes first
            noun = t0 - 1
            if tk.joined(t0) and is_head(tk, noun):
                it.counted = (noun, noun + 1)
            elif shape == "TWO" and tk.f(j) == "من":
                it.counted = counted_phrase(tk, j)
            if it.counted is None and not valued:
                return j
        else:
            it.counted = counted_phrase(tk, end_tok, construct=kind == "fraction")
        if shape == "US":
            # short forms are numbers only before an indefinite noun: "سبع سنوات"
            # yes, "تسع القاعة" (holds) no
            if (it.counted is None and not (valued and not tk.f(j).startswith("ال"))) or (
                it.counted and tk.fold[it.counted[0]].startswith("ال")
            ):
                return j
        if pre in ("ال", "وال", "بال") and it.counted and tk.fold[it.counted[0]].startswith("ال"):
            # "المقاعد الـ29 الباقية": between a noun and its adjective the number
            # counts the noun before it
            noun = t0 - 1
            it.counted = (noun, noun + 1) if tk.joined(t0) and tk.fold[noun].startswith("ال") else None
        p = prev_word(tk, t0)
        if shape == "D" and top is None and not pre and (p in L.ORDINAL_NOUNS):
            it.kind, it.counted = "ordinal", None  # "في الدقيقة 23 من المباراة"
        elif shape == "D" and it.counted is None and top is None and pre in ("", "ال", "وال", "بال"):
            if p.endswith(("ات", "ين", "ون")) and p.startswith("ال") and pre:
                it.counted = (t0 - 1, t0)  # "الدول الـ27": the number follows its noun
            elif pre or p in L.ORDINAL_NOUNS or prev_word(tk, t0 - 1) in L.ORDINAL_NOUNS:
                it.kind = "ordinal"  # "القمة العربية الـ32", "في الدقيقة 23"
    elif kind == "measure":
        it.counted = counted_phrase(tk, end_tok)  # "10 أطنان وقود", "3 أطنان من المخدرات"
        if it.counted and tk.fold[end_tok] != "من":
            h = tk.fold[it.counted[0]]
            if h.endswith(_NISBA) or looks_verbal(h) or (h[0] == "ب" and opens_phrase(h)):
                # "70 دونما زراعيا" (an adjective of the unit), "12 ألف هكتار تأثرت"
                # (a verb), "2500 طن بزيادة 3%" (a preposition): no material named
                it.counted = None
    elif kind == "percent":
        it.counted = counted_phrase(tk, end_tok, partitive_only=True)
    if it.counted and it.counted[1] > resume:
        resume = it.counted[1]
    items.append(it)
    return resume


def definite_cardinal(tk: Tokens, items: list[Item], i: int, value: int) -> int:
    """ "الأسابيع الثلاثة المقبلة", "الأشهر الثمانية عشر": the number follows its
    definite noun and agrees with it, so it counts that noun. Without a definite noun
    before it ("قال الثلاثة إن") it is a pronoun-like reference, not reported."""
    p = i - 1
    if not (tk.joined(i) and tk.kind[p] == WORD):
        return i + 1
    noun = tk.fold[p]
    if not (noun.startswith(("ال", "لل")) or noun[1:3] == "ال") or noun in L.STOPWORDS or is_numberish(tk, p):
        return i + 1
    j = i + 1
    if tk.joined(j) and tk.f(j) in ("عشر", "عشره") and value < 10:
        value += 10  # "الأشهر الثمانية عشر"
        j += 1
    # a definite nisba adjective may stand between: "الدول العربية الست"
    head = p
    while (
        head > 0
        and head > p - 2
        and tk.joined(head)
        and tk.fold[head].endswith(_NISBA)
        and tk.kind[head - 1] == WORD
        and tk.fold[head - 1].startswith("ال")
        and tk.fold[head - 1] not in L.STOPWORDS
    ):
        head -= 1
    it = add(tk, items, "cardinal", value, i, j)
    it.counted = (head, p + 1)
    return j


def approx_plural(tk: Tokens, items: list[Item], i: int, entry) -> int:
    """ "عشرات الآلاف من المتظاهرين", "مئات القتلى", "ملايين الدولارات": the lower bound."""
    pre, (_cls, value) = entry
    j = i + 1
    nxt = tk.f(j)
    if nxt.startswith("ال") and tk.joined(j):
        e = CARDINALS.get(nxt[2:])
        if e and not e[0] and e[1][0] == "scale_plural":
            value *= e[1][1]
            j += 1
    start = core_start(tk, i, pre)
    cur = currency_at(tk, j)
    if cur is None and tk.f(j) == "من":
        cur = currency_at(tk, j + 1)  # "مئات الملايين من الدولارات"
        if cur:
            j += 1
    if cur:
        it = Item("money", value, i, j + cur[1], start, tk.end[j + cur[1] - 1], pre)
        it.currency = cur[0]
    else:
        it = Item("cardinal", value, i, j, start, tk.end[j - 1], pre)
        it.counted = counted_phrase(tk, j, construct=True)
        if it.counted is None and j == i + 1:
            return j  # "آلاف" alone is too vague to report; "مئات الآلاف" is not
    it.approx = "at_least"
    items.append(it)
    return max(it.t1, it.counted[1] if it.counted else 0)


def fraction_word(tk: Tokens, items: list[Item], i: int, entry) -> int:
    pre, (value, definite, *plural) = entry
    if plural:
        return i + 1  # "أرباع", "أعشار": only after a count, see finish (kinds.kind_of)
    j = i + 1
    e = ORDINALS.get(tk.f(j))
    if e and e[1][1]:
        return j  # "النصف الأول من العام" is a period, not a share
    # a definite fraction is not the head of a construct: "إلى النصف مقارنة بـ", and
    # is a share only after a preposition or verb-like stop word or before من:
    # "الربع الأخير", "ليلة النصف" name periods
    if definite and tk.f(j).startswith("ال"):
        return j  # "الربع الأخير", "النصف الثاني"
    counted = counted_phrase(tk, j, partitive_only=definite, construct=True)
    if counted is None and not definite:
        return j  # "ساعة ونصف"
    if definite and counted is None and prev_word(tk, i) not in L.STOPWORDS:
        return j
    if not definite:
        # "ربع نقطة مئوية", "نصف دولار": a fraction of a unit is a measure or money
        cur = currency_at(tk, j)
        w = 0 if cur else table_at(tk, j, L.UNITS, L.UNITS_MAX_WORDS)
        if cur or w:
            end = j + (cur[1] if cur else w)
            it = add(tk, items, "money" if cur else "measure", value, i, end, start=core_start(tk, i, pre), pre=pre)
            if cur:
                it.currency = cur[0]
            else:
                it.unit = L.UNITS[tuple(tk.fold[j:end])]
            return end
    it = add(tk, items, "fraction", value, i, j, start=core_start(tk, i, pre), pre=pre)
    it.counted = counted
    return counted[1] if counted else j
