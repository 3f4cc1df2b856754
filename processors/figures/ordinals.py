"""Ordinal words: which are ordinals, and which belong to a name, a time or a date.

- compound ordinals: "الحادي عشر", "الثانية عشرة", "الخامس و العشرون", and the definite
  cardinal heads "الأحد عشر", "الاثنا عشر", "الواحد والثلاثون" (alone "الأحد" and
  "الاثنين" are weekdays, "الواحد" is "the one"); "القرن العشرين";
- not reported, part of a name: a regnal number after a title and a name ("الملك محمد
  السادس", "الملكة إليزابيث الثانية") and the words of figures_ordinal_names.tsv
  ("الحرب العالمية الثانية", "عبد الله الثاني");
- typed instead: "الساعة العاشرة" and "من الثامنة مساء حتى السادسة صباحا" are times,
  "الخامس من يونيو" and "العاشر من الشهر المقبل" dates;
- without ال only where Arabic uses it as a number: the masculine heading a construct
  ("ثاني جولات", not "ثاني أكسيد الكربون"), the feminine after a feminine noun ("جولة
  ثالثة").
"""

from __future__ import annotations

from processors.figures import lexicons as L
from processors.figures.context import prev_word
from processors.figures.counted import is_head, is_numberish
from processors.figures.item import Item, add
from processors.figures.numbers import CARDINALS, IGNORABLE
from processors.figures.numerals import core_start
from processors.figures.quantities import definite_cardinal
from processors.figures.tokens import WORD, Tokens
from processors.figures.typed import date_tail, month_at

# Definite-looking words: an ordinal after one is an ordinary adjective
# ("الجولة الثالثة", "لليوم الثامن"); after anything else it is a name's.
_DEFINITE = ("ال", "لل", "وال", "بال", "كال", "فال", "ولل", "وبال")
# A possessive suffix makes a noun definite: "في يومها الثالث".
_POSSESSIVE = ("ه", "ها", "هم", "هما", "هن", "نا", "كم")


def after_title(tk: Tokens, i: int) -> bool:
    """A regnal ordinal: a title, then one or two name words, then the ordinal."""
    for back in (2, 3):
        t = i - back
        if t < 0 or not all(tk.joined(k) and tk.kind[k] == WORD for k in range(t + 1, i + 1)):
            continue
        if tk.fold[t] in L.REGNAL_TITLES and all(looks_like_name(tk, k) for k in range(t + 1, i)):
            return True
    return False


def looks_like_name(tk: Tokens, p: int) -> bool:
    if p < 0 or tk.kind[p] != WORD:
        return False
    f = tk.fold[p]
    raw = "".join(ch for ch in tk.text[tk.start[p] : tk.end[p]] if ch not in IGNORABLE)
    # raw, not folded: "إليزابيث" folds to اليزابيث but has no article
    if raw.startswith(_DEFINITE) or f in L.STOPWORDS or is_numberish(tk, p):
        return False
    if f[0] in "وف":
        return False  # "وخسر الثانية": a conjunction, so a verb or noun, not a name
    return not raw.endswith(_POSSESSIVE)


def tens_after(tk: Tokens, j: int):
    """(width, value) of the definite tens of a compound ordinal at token j: "والعشرون",
    "و العشرون" (the conjunction written apart), or None."""
    if not tk.joined(j):
        return None
    nxt = tk.fold[j]
    if nxt == "و" and tk.joined(j + 1):
        nxt, w = "و" + tk.f(j + 1), 2
    else:
        w = 1
    if not nxt.startswith("وال"):
        return None
    e = CARDINALS.get(nxt[3:])
    if e is None or e[0] or e[1][0] != "tens":
        return None
    return w, e[1][1]


def compound_ordinal(tk: Tokens, items: list[Item], i: int, cls: str) -> int:
    """Definite cardinal heads of compound ordinals: "الأحد عشر", "الإحدى عشرة", "الاثنا
    عشر" (11th, 12th), "الواحد والثلاثون" (31st). Alone "الأحد" and "الاثنين" are
    weekdays and "الواحد" is "the one": nothing is reported then."""
    f = tk.fold[i]
    value = CARDINALS[f[2:]][1][1]
    nxt = tk.f(i + 1) if tk.joined(i + 1) else ""
    if cls == "teen_head" and nxt not in ("عشر", "عشره"):
        return i + 1
    if cls == "teen_head":
        # an ordinal follows a definite singular noun: "المؤتمر الأحد عشر"; after a
        # plural, a possessed noun or before a definite noun it is the number
        # ("الدول الاثنتي عشرة الأعضاء")
        p = prev_word(tk, i)
        after = tk.f(i + 2) if tk.joined(i + 2) else ""
        if (
            f[2:] not in ("احد", "احدي", "اثني")
            or not p.startswith(_DEFINITE)
            or p.endswith(("ات", "ين", "ون", "ان"))
            or (after.startswith("ال") and after not in L.STOPWORDS and after != "الي")
        ):
            return definite_cardinal(tk, items, i, value)
    if cls == "one" and not tens_after(tk, i + 1):
        return i + 1
    gender = "f" if f.endswith(("ه", "احدي", "اثنتا", "اثنتي")) else "m"
    return ordinal(tk, items, i, ("", (value, True, gender)))


def ordinal(tk: Tokens, items: list[Item], i: int, entry) -> int:
    pre, (value, definite, gender) = entry
    f = tk.fold[i]
    base = f[len(pre) :]
    if base.startswith("ل") and pre == "ل":
        base = "ا" + base  # لل+X = ل + ال+X
    if base.startswith("ال") and definite:
        base = base[2:]
    j = i + 1
    nxt = tk.f(j) if tk.joined(j) else ""
    if nxt in ("عشر", "عشره"):
        value += 10  # "الحادي عشر", "الثانية عشرة"
        j += 1
    elif tens_after(tk, j):
        w, tens = tens_after(tk, j)
        value += tens  # "الحادي والعشرين", "الخامس و العشرون"
        j += w
    elif base in ("حادي", "حاديه"):
        return i + 1
    prev = prev_word(tk, i)
    start = core_start(tk, i, pre)
    if prev in L.TIME_BEFORE or (definite and gender == "f" and tk.joined(j) and tk.f(j) in L.TIME_AFTER):
        # "الساعة العاشرة"; "من الثامنة مساء حتى السادسة صباحا" (the hour is feminine)
        add(tk, items, "time", value, i, j, start=start)
        return j
    if definite:
        if tk.f(j) == "من" and tk.joined(j + 1):
            m = month_at(tk, j + 1)
            if m:  # "الخامس من يونيو" is a date
                m = date_tail(tk, m)
                add(tk, items, "date", None, i, m, start=start)
                return m
            if tk.f(j + 1) in L.MONTH_REF_NOUNS:
                # "في العاشر من الشهر المقبل": a day of a month named relatively
                m = j + 2
                if tk.joined(m) and tk.f(m) in L.MONTH_REF_ADJECTIVES:
                    m += 1
                add(tk, items, "date", None, i, m, start=start)
                return m
        if prev in L.ORDINAL_NAMES or (prev and after_title(tk, i)):
            return j  # "الحرب العالمية الثانية", "الملك محمد السادس"
    elif gender == "m":
        # without ال the masculine ordinal heads a construct: "ثاني جولات", "ثامن أيام";
        # but "ثاني أكسيد الكربون" is a compound name and "أول أمس" a day
        if not is_head(tk, j) or tk.f(j) in ("اكسيد", "امس"):
            return j
    else:
        # the feminine agrees with a feminine noun before it: "جولة ثالثة";
        # "أولى" also heads a construct: "أولى جلسات"
        if not ((prev.endswith("ه") and prev not in L.STOPWORDS) or (base == "اولي" and is_head(tk, j))):
            return j
    add(tk, items, "ordinal", value, i, j, start=start)
    return j
