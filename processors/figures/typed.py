"""Numbers that are not counts: identifiers, phones, dates, clock times and years.

They are typed (kind identifier, date, time, year), never reported as cardinals, and
read before any quantity rule so that their digits count nothing:

- identifiers: model designators "إس-300", "F-16", "كوفيد-19"; a number after a trigger
  word "القرار 2334", "القرار رقم 2254", "قرار مجلس الأمن 2728"; phones "+20 100 123
  4567", "01001234567"; a score "بنتيجة 2-1";
- dates: "2022-03-03", "03/03/2022", "3/3", "15 يونيو", "3 مارس 2022", "12 مايو/أيار"
  (value None); a slash between digits may instead be a fraction ("٥/٨ من الحصة");
- times: "10:30" → 10.5, "الساعة 10", "عند 8 مساء";
- years: a bare 19xx/20xx that counts no noun ("في 2023 سجلت", not "2000 شرطي"), or a
  3-4 digit number after عام/سنة or before an era marker ("عام 1948", "1443 هـ"); decided
  by `is_year` once the number is read, value the year.
"""

from __future__ import annotations

from processors.figures import lexicons as L
from processors.figures.context import prev_in, prev_word
from processors.figures.counted import counted_phrase, is_head, looks_verbal
from processors.figures.item import Item, add
from processors.figures.lexicons import YEAR_STRONG
from processors.figures.numbers import digits_value
from processors.figures.numerals import MINUS, sign_start
from processors.figures.tokens import LATIN, NUM, WORD, Tokens


def month_at(tk: Tokens, i: int) -> int:
    f = tk.f(i)
    if f not in L.MONTH_FIRST_WORDS:
        return 0
    if i + 1 < tk.n and tk.joined(i + 1) and (f, tk.fold[i + 1]) in L.MONTHS:
        return i + 2
    if (f,) in L.MONTHS:
        return i + 1
    return 0


def date_tail(tk: Tokens, m: int) -> int:
    """Token after a date whose month name ends before token m: the month's other
    calendar name after a slash ("12 مايو/أيار", "7 أكتوبر/تشرين الأول", as pan-Arab
    outlets write both) and a four-digit year ("3 مارس 2022")."""
    if m + 1 < tk.n and tk.fold[m] == "/" and tk.adj[m] and tk.adj[m + 1]:
        m2 = month_at(tk, m + 1)
        if m2:
            m = m2
    if m < tk.n and tk.kind[m] == NUM and len(tk.fold[m]) == 4 and tk.joined(m):
        m += 1
    return m


def typed_digits(tk: Tokens, items: list[Item], t0: int, c: int, pre: str) -> int:
    """Digits that are not quantities: designators, identifiers, phones, dates, times."""
    fold, kind, adj, n = tk.fold, tk.kind, tk.adj, tk.n
    raw = fold[c]
    value = digits_value(raw)
    # "إس-300", "F-16", "كوفيد-19": word, hyphen, digits, no spaces
    if not pre and c >= 2 and fold[c - 1] == "-" and adj[c] and adj[c - 1] and kind[c - 2] in (WORD, LATIN):
        add(tk, items, "identifier", value, c - 2, c + 1)
        return c + 1
    if not pre and tk.joined(c) and (kind[c - 1] == LATIN or (kind[c - 1] == WORD and fold[c - 1] in L.DESIGNATORS)):
        add(tk, items, "identifier", value, c - 1, c + 1)  # "إس 400", "F 16"
        return c + 1
    # "القرار 2334", "القرار رقم 2254", "المادة 5", "الرحلة 302"
    p = prev_word(tk, t0)
    if p and (
        p in L.IDENTIFIER_TRIGGERS
        or (len(p) > 2 and p[1:] in L.IDENTIFIER_TRIGGERS)
        or (prev_word(tk, t0 - 1), p) in L.IDENTIFIER_TRIGGERS2  # "قرار مجلس الأمن 2728"
    ):
        add(tk, items, "identifier", value, t0, c + 1, start=tk.start[c])
        return c + 1
    # phones: "+20 100 123 4567", "01001234567"
    digits_only = raw.isdigit()
    if (c and fold[c - 1] == "+" and adj[c]) or (digits_only and raw[0] in "0٠۰" and len(raw) >= 6):
        s = tk.start[c - 1] if c and fold[c - 1] == "+" and adj[c] else tk.start[c]
        j = c + 1
        while j < n and not tk.nl[j] and (kind[j] == NUM or (fold[j] == "-" and j + 1 < n and kind[j + 1] == NUM)):
            j += 1
        add(tk, items, "identifier", None, t0, j, start=s)
        return j
    # "2022-03-03", "03/03/2022", "3/3"
    if c + 2 < n and fold[c + 1] in ("-", "/") and adj[c + 1] and kind[c + 2] == NUM and adj[c + 2]:
        sep = fold[c + 1]
        if c + 4 < n and fold[c + 3] == sep and adj[c + 3] and kind[c + 4] == NUM and adj[c + 4]:
            add(tk, items, "date", None, t0, c + 5, start=tk.start[c])
            return c + 5
        v2 = digits_value(fold[c + 2])
        if sep == "-" and (value is None or v2 is None or value >= v2):
            # "بنتيجة 2-1" is a score: neither side is a figure
            add(tk, items, "identifier", None, t0, c + 3, start=tk.start[c])
            return c + 3
        if sep == "/" and isinstance(value, int) and isinstance(v2, int):
            date = 1 <= value <= 31 and 1 <= v2 <= 12
            sign = sign_start(tk, c, pre)
            partitive = value < v2 and tk.f(c + 3) == "من" and tk.joined(c + 3) and tk.joined(c + 4)
            if (
                2 <= v2 <= 100
                and 1 <= value
                and prev_word(tk, t0) not in L.TIME_BEFORE
                and (sign is not None or partitive or (not date and value < v2))
            ):
                # "٥/٨ من الحصة", "٧٧/١٠٠", "-١٢/١٠": a fraction, not a date
                it = add(tk, items, "fraction", value / v2, t0, c + 3, start=tk.start[c] if sign is None else sign)
                if sign is not None:
                    it.value = -it.value
                if partitive:
                    it.counted = counted_phrase(tk, c + 3)
                return max(c + 3, it.counted[1] if it.counted else 0)
            if date:
                add(tk, items, "date", None, t0, c + 3, start=tk.start[c])
                return c + 3
    if value is None:
        # "03.03.2022" is a date; any other overlong or malformed run is not a figure
        parts = raw.replace("/", ".").split(".")
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4 and len(parts[0]) <= 2:
            add(tk, items, "date", None, t0, c + 1, start=tk.start[c])
        return c + 1
    # clock times: "10:30", "الساعة 10"
    if c + 2 < n and fold[c + 1] == ":" and adj[c + 1] and kind[c + 2] == NUM and adj[c + 2]:
        m = digits_value(fold[c + 2]) or 0
        add(tk, items, "time", value + m / 60, t0, c + 3, start=tk.start[c])
        return c + 3
    if prev_word(tk, t0) in L.TIME_BEFORE or (
        not pre and isinstance(value, int) and 1 <= value <= 12 and tk.joined(c + 1) and tk.f(c + 1) in L.TIME_AFTER
    ):
        add(tk, items, "time", value, t0, c + 1, start=tk.start[c])  # "الساعة 10", "عند 8 مساء"
        return c + 1
    # day and month, optional year: "15 يونيو", "3 مارس 2022", "1 كانون الثاني 2023"
    if isinstance(value, int) and 1 <= value <= 31 and pre != "ال":
        m = month_at(tk, c + 1) if tk.joined(c + 1) else 0
        if m:
            m = date_tail(tk, m)
            add(tk, items, "date", None, t0, m, start=tk.start[c])
            return m
    return 0


def quantity_before(tk: Tokens, t0: int) -> bool:
    """A quantity noun among the four words before token t0: "وصل العدد إلى"."""
    for k in range(t0 - 1, max(t0 - 5, -1), -1):
        if not tk.joined(k + 1) or tk.kind[k] != WORD:
            return False
        f = tk.fold[k]
        if f in L.QUANTITY_NOUNS or (f[:1] in "وب" and f[1:] in L.QUANTITY_NOUNS):
            return True
    return False


def is_year(tk: Tokens, items: list[Item], t0: int, j: int, value) -> bool:
    raw = tk.fold[t0 + 1] if tk.kind[t0] == WORD else tk.fold[t0]
    if not isinstance(value, int) or not raw.isdigit() or not 3 <= len(raw) <= 4:
        return False
    prev = prev_word(tk, t0)
    if prev and prev[0] in "وبل" and prev[1:] in L.YEAR_BEFORE:
        prev = prev[1:]
    nxt = tk.f(j) if tk.joined(j) else ""
    if prev in YEAR_STRONG or nxt in L.YEAR_AFTER:
        return True  # "عام 1948", "1443 هـ"
    if len(raw) != 4 or not 1000 <= value <= 2099:
        return False
    if (
        prev_in(tk, t0, "", L.VALUE_CONTEXT) is not None
        and (prev_word(tk, t0) != "الي" or quantity_before(tk, t0 - 1))
        and not (items and items[-1].kind == "year" and items[-1].t1 >= t0 - 2)
    ):
        return False  # "وصل العدد إلى 1500", not "من 2010 إلى 2015"
    if tk.f(j) in MINUS and tk.adj[j] and tk.joined(j + 1) and tk.kind[j + 1] == NUM and tk.adj[j + 1]:
        v2 = digits_value(tk.fold[j + 1])
        if isinstance(v2, int) and (v2 > 2099 or v2 - value >= 100) and is_head(tk, j + 2):
            return False  # "2000-3000 زائر": a range of counts, not "2015-2016"
    if prev in L.YEAR_BEFORE and value >= 1900:
        return True  # "في 2023 سجلت", "بعد 2011 تغير"
    if is_head(tk, j) and not looks_verbal(tk.fold[j]):
        return False  # "2000 شرطي"
    return prev in L.YEAR_BEFORE or value >= 1900
