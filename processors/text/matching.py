"""Small regex helpers shared by the text modules."""

from __future__ import annotations

import re


def match_end(match: re.Match[str] | None) -> int:
    """The end of a match known to succeed (a pattern that matches the empty string,
    or one called where its first character is)."""
    assert match is not None
    return match.end()
