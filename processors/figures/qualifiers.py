"""Ranges and qualifiers: the figures' last stage, over all the figures of a field.

Ranges join two figures found apart into one: "بين 10 و20" → value 10, range 20, text
"10 و20"; "من 5 إلى 10", "10-15 شخصا", "أكثر من 50 وأقل من 80". A scale or unit on the
high end applies to the low end when it fits ("بين 3 و4 ملايين" → 3e6), and the counted
phrase is the high end's. Then each counting figure takes its qualifier
(figures_approx.tsv) from before it ("نحو 40", "بأكثر من 100", "وما يقرب من") or from
up to two words after its phrase ("50 شخصا على الأقل"): approx "about", "more_than", …
The qualifier is not part of the figure's text. Both run after the scan, as a range
needs both its ends read and a qualifier stands before where a range opens.
"""

from __future__ import annotations

from processors.figures import lexicons as L
from processors.figures.item import Item
from processors.figures.kinds import COUNTING_KINDS
from processors.figures.lexicons import YEAR_STRONG
from processors.figures.tokens import WORD, Tokens

_RANGEABLE = frozenset({"cardinal", "percent", "money", "measure", "year"})
# Clitics on the first word of a qualifier: "بنحو 40", "لأكثر من 100", "وما يقرب من".
_QUALIFIER_CLITICS = ("و", "ب", "ل", "ف", "وب", "ول")
# Last words of the "before" qualifiers, with the clitics they may carry.
_QUALIFIER_ENDS = frozenset(
    c + k[-1] if len(k) == 1 else k[-1]
    for k, (_q, pos) in L.APPROX.items()
    if pos == "before"
    for c in ("",) + ("و", "ب", "ل", "ف", "وب", "ول")
)


def ranges(tk: Tokens, items: list[Item]) -> list[Item]:
    """The items with each range's two ends merged into the first."""
    out: list[Item] = []
    for it in items:
        if out and is_range(tk, out[-1], it):
            a = out[-1]
            if a.scale is None and it.scale and a.value * it.scale <= it.value:
                a.value *= it.scale  # "بين 3 و4 ملايين"
            if a.kind == "cardinal":
                a.kind = it.kind
            a.unit = a.unit or it.unit
            a.currency = a.currency or it.currency
            a.counted = it.counted
            a.range = it.value
            a.t1, a.end = it.t1, it.end
            continue
        out.append(it)
    return out


def is_range(tk: Tokens, a: Item, b: Item) -> bool:
    if a.kind not in _RANGEABLE or b.kind not in _RANGEABLE or a.counted is not None:
        return False
    if a.kind != "cardinal" and a.kind != b.kind:
        return False
    if a.value is None or b.value is None:
        return False
    before = tk.f(a.t0 - 1) if tk.joined(a.t0) else ""
    if b.t0 == a.t1 and b.pre == "و":
        if before in ("بين", "وبين"):
            a.opener = a.t0 - 1
            return True
        if before in YEAR_STRONG and tk.f(a.t0 - 2) in ("بين", "وبين"):
            a.opener = a.t0 - 2  # "بين عامي 2010 و2015"
            return True
    if before in ("من", "ومن") and (
        (b.t0 == a.t1 + 1 and tk.f(a.t1) in ("الي", "حتي")) or (b.t0 == a.t1 and b.pre == "ل")
    ):
        a.opener = a.t0 - 1
        return True
    # "نحو 3 إلى 4 ملايين طن": a bare lower number, إلى, a higher one
    if (
        b.t0 == a.t1 + 1
        and tk.f(a.t1) == "الي"
        and a.kind == "cardinal"
        and a.scale is None
        and a.value * (b.scale or 1) < b.value
    ):
        return True
    # "أكثر من 50 وأقل من 80": a lower and an upper bound
    if (
        b.t0 == a.t1 + 2
        and tk.f(a.t1) == "واقل"
        and tk.f(a.t1 + 1) == "من"
        and tk.joined(b.t0)
        and a.kind == "cardinal"
        and a.value < b.value
        and qualifier_before(tk, a.opener) in ("more_than", "at_least")
    ):
        return True
    # "10-15 شخصا", "30 - 40 ألف" (a lower then a higher number; "2-1" is a score),
    # the hyphen glued to both numbers or spaced on both sides
    # (bool(): the last test may yield the scale, an int, where a bool is declared.)
    return bool(
        b.t0 == a.t1 + 1
        and tk.fold[a.t1] in ("-", "\u2013")
        and tk.joined(b.t0)
        and a.kind == "cardinal"
        and a.value < b.value
        and (tk.adj[a.t1] and tk.adj[b.t0] or (b.kind != "year" and (b.scale or b.counted or b.kind != "cardinal")))
    )


def approx(tk: Tokens, items: list[Item]) -> None:
    """Each counting figure's qualifier, before it or after its phrase."""
    for it in items:
        if it.kind not in COUNTING_KINDS or it.approx:
            continue
        it.approx = qualifier_before(tk, it.opener) or qualifier_after(tk, it)


def qualifier_before(tk: Tokens, t: int) -> str | None:
    if t < 1 or tk.fold[t - 1] not in _QUALIFIER_ENDS:
        return None
    for width in range(L.APPROX_MAX_WORDS, 0, -1):
        s = t - width
        if s < 0 or any(tk.kind[k] != WORD or (k > s and tk.nl[k]) for k in range(s, t)) or tk.nl[t]:
            continue
        words = tk.fold[s:t]
        first = words[0]
        for clitic in ("",) + _QUALIFIER_CLITICS:
            if clitic and not first.startswith(clitic):
                continue
            found = L.APPROX.get((first[len(clitic) :], *words[1:]))
            if found and found[1] == "before":
                return found[0]
    return None


def qualifier_after(tk: Tokens, it: Item) -> str | None:
    # "50 شخصا على الأقل", "70 شخصا حتفهم تقريبا": up to two words after the phrase
    last = it.counted[1] if it.counted else it.t1
    for t in range(it.t1, min(last + 3, tk.n)):
        if tk.nl[t] or tk.kind[t] != WORD:
            break
        for width in (2, 1):
            found = L.APPROX.get(tuple(tk.fold[t : t + width]))
            if found and found[1] == "after":
                return found[0]
    return None
