"""Reading the lexicon files of processors/lexicons/: one reader for all of them.

A lexicon is a TSV file: blank lines and lines starting with '#' are comments; some
files name their columns in a first non-comment line (`header=True`), the others start
with data. Loaded once at import by the modules that use them, never per article.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

# Found through the package, not this module's __file__: a module compiled by mypyc
# (processors/compiled.py) does not carry its source's path.
LEXICONS = Path(str(files("processors"))) / "lexicons"


def read_rows(name: str, header: bool = False) -> list[list[str]]:
    """The rows of lexicon `name`, each split on tabs, without comments (and header)."""
    lines = [
        line
        for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [line.split("\t") for line in (lines[1:] if header else lines)]


def codepoint(text: str) -> int:
    """A code point written as in the charmap lexicons: "U+0623"."""
    return int(text.removeprefix("U+"), 16)
