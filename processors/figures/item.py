"""A figure while the stages build it, before it becomes a `processors.model.Figure`.

An `Item` keeps what the later stages need and the published figure does not: its
token span (`t0`, `t1`), its scale word ("3 ملايين": a range "بين 3 و4 ملايين" reads the
low end with it), the clitic before it ("و20" closes a range opened by "بين 10") and the
token where a qualifier may stand (`opener`: "نحو (25) مليون"). The stages share one
list of items, passed to them explicitly (`add` appends to it); extract.py turns the
list into figures once ranges and qualifiers are settled.
"""

from __future__ import annotations

from processors.figures.tokens import Tokens


class Item:
    __slots__ = (
        "kind",
        "value",
        "t0",
        "t1",
        "start",
        "end",
        "scale",
        "unit",
        "currency",
        "approx",
        "range",
        "counted",
        "pre",
        "opener",
    )

    def __init__(self, kind, value, t0, t1, start, end, pre="", scale=None):
        self.kind = kind
        self.value = value
        self.t0 = t0  # first token (a clitic token before digits included)
        self.t1 = t1  # token after the figure text
        self.start = start  # display offsets of the text
        self.end = end
        self.scale = scale
        self.pre = pre
        self.unit = None
        self.currency = None
        self.approx = None
        self.range = None
        self.counted = None  # (first, end) tokens
        self.opener = t0  # token where a range opens ("بين", "من")


def add(tk: Tokens, items: list[Item], kind, value, t0, t1, start=None, end=None, pre="", scale=None) -> Item:
    """A new item over tokens [t0, t1) (display offsets from them unless given), appended."""
    it = Item(
        kind,
        value,
        t0,
        t1,
        tk.start[t0] if start is None else start,
        tk.end[t1 - 1] if end is None else end,
        pre,
        scale,
    )
    items.append(it)
    return it
