"""The figures inside each claim's content (`Claim.figures`), by id, in the order of the
article's figures: "قال الوزير إن العدد ارتفع إلى 50" lists the figure 50.

The last stage, over the claims of all fields at once: figures are found by
processors/figures, claims here, and only their offsets in the original text meet.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from processors.interrupt import checkpoint
from processors.model import Claim, Figure


def attach_figures(claims: list[Claim], figures: list[Figure]) -> None:
    """Each claim lists the figures inside its content, in the order of `figures`.
    Figures are sorted by start once per field and each content bisects them, rather
    than every claim scanning every figure. (A figure's start is at or before its
    end, so one inside [c.start, c.end] starts at or before c.end.)"""
    by_field: dict[str, list[tuple[int, int]]] = {}
    for k, f in enumerate(figures):
        by_field.setdefault(f.field, []).append((f.start, k))
    starts: dict[str, list[int]] = {}
    for name, field_rows in by_field.items():
        field_rows.sort()
        starts[name] = [s for s, _ in field_rows]
    for claim in claims:
        checkpoint()  # (processors/interrupt.py)
        rows = by_field.get(claim.field)
        if not rows:
            claim.figures = []
            continue
        c = claim.content
        field_starts = starts[claim.field]
        lo = bisect_left(field_starts, c.start)
        hi = bisect_right(field_starts, c.end, lo)
        inside = sorted(k for _, k in rows[lo:hi] if figures[k].end <= c.end)
        claim.figures = [figures[k] for k in inside]
