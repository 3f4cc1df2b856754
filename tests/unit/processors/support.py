"""What the processors' tests share: the seed fixture, the case files' loader, the one
fake normalizer and the one way expected text is compared with found text.

The fixtures built on these are in conftest.py; test modules import from here only what
they need at collection time (parametrize lists), when a fixture is too late.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any, Callable

from processors.text.fold import fold, fold_letters
from processors.text.normalize import normalize

SEED_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "seed"


@cache
def load_seed(name: str) -> dict[str, Any]:
    """tests/fixtures/seed/<name>.json: "article" (the seed article) or "expected" (its
    hand annotation). Cached: callers must not change it."""
    return json.loads((SEED_DIR / f"{name}.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the case files


class CaseFileError(ValueError):
    """A case file a test must not run on: a case without an id, or an id twice."""


def load_cases(path: Path, id_pattern: str) -> list[dict[str, Any]]:
    """The cases of a case file (CASES.md beside it: one JSON object a line; blank
    lines and lines starting with "//" are skipped), each with its `id`. Refuses a case without an id, an id that does not match `id_pattern`
    (a regex, matched in full) and an id used twice: ids name the tests, so they must
    stay put when a case is added (a line number would rename every later test)."""
    cases: list[dict[str, Any]] = []
    first_line: dict[str, int] = {}
    problems = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("//"):
            continue
        case = json.loads(line)
        case_id = case.get("id")
        if not isinstance(case_id, str) or not re.fullmatch(id_pattern, case_id):
            problems.append(f"line {n}: id {case_id!r} is not of the form {id_pattern}")
        elif case_id in first_line:
            problems.append(f"line {n}: id {case_id!r} already used on line {first_line[case_id]}")
        else:
            first_line[case_id] = n
        cases.append(case)
    if problems:
        raise CaseFileError(f"{path.name}: " + "; ".join(problems))
    return cases


# ---------------------------------------------------------------- the fake normalizer

# What the fake drops: harakat (fathatan to sukun), superscript alef, tatweel, ZWNJ, ZWJ.
# Every other mark of processors.text.fold.MARKS (madda and hamza above/below
# U+0653-U+0655, Quranic signs, direction marks) stays in display.
_DROPPED = re.compile("[\u064b-\u0652\u0670\u0640\u200c\u200d]")


class FakeNormalized:
    """Duck-typed like processors.text.normalize.Normalized: `original`, `display`,
    `key`, `to_original(start, end)`; built by `fake_normalize`."""

    def __init__(self, original: str, display: str, offsets: list[int]) -> None:
        self.original = original
        self.display = display
        # As Normalized.key: display with the letter folds of the one fold, one character
        # for one, so a span of key is the same span of display.
        self.key = fold_letters(display)
        self._offsets = offsets  # offsets[i]: index in original of display[i]; then len(original)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            o = self._offsets[start]
            return o, o
        return self._offsets[start], self._offsets[end - 1] + 1


def fake_normalize(original: str) -> FakeNormalized:
    """A normalizer other than the real one, so that an extractor tested under both
    depends on the interface of Normalized and not on what the real one happens to do.

    What it guards:
    - offsets: it drops harakat, tatweel, ZWNJ/ZWJ and collapses runs of spaces and
      tabs, so display is shorter than original and a display index is not an original
      index; every span an extractor reports must go through `to_original`;
    - display is not the real display: digits stay as written (Arabic-Indic ٣ and
      Persian ۳ are not made ASCII, ٫ and ٬ stay), the marks outside `_DROPPED` stay
      (madda/hamza above, Quranic signs, direction marks), no NFKC, no HTML removed, and
      a line break with spaces around it stays as it is. The extractor must not depend
      on what display holds beyond that (the earlier identity fake guarded the same
      with display == original);
    - key is display through the real `fold_letters`, the same length as display, as
      the interface promises: an extractor may read key at display's offsets.
    """
    display: list[str] = []
    offsets: list[int] = []
    prev_space = False
    for i, ch in enumerate(original):
        if _DROPPED.match(ch):
            continue
        if ch in " \t":
            if prev_space:
                continue
            prev_space = True
            ch = " "
        else:
            prev_space = False
        display.append(ch)
        offsets.append(i)
    offsets.append(len(original))
    return FakeNormalized(original, "".join(display), offsets)


# The normalizers every extractor test runs under (the `normalizer` fixture, conftest.py).
NORMALIZERS: dict[str, Callable[[str], Any]] = {"normalize": normalize, "fake": fake_normalize}


# ---------------------------------------------------------------- comparing text

_FOLDED = str.maketrans({"٫": ".", "٬": ",", "«": None, "»": None, "“": None, "”": None, '"': None})


def folded(text: str | None) -> str | None:
    """Text as a reader compares it, so an expectation written by hand meets what was
    found however either was typed: the one fold (processors/text/fold.py: no
    diacritics or tatweel, alef/yeh/teh marbuta folded, digits in ASCII), the Arabic
    decimal and thousands separators as "." and ",", quotation marks dropped, runs of
    whitespace as one space, none at the ends. None stays None (no span is not an
    empty one)."""
    if text is None:
        return None
    return " ".join(fold(text).translate(_FOLDED).split())


def case_file_plugin(
    argname: str, path: Path, id_pattern: str
) -> tuple[Callable[..., None], Any, list[dict[str, Any]]]:
    """What a package's conftest.py needs of its case file: a `pytest_generate_tests`
    hook that runs a test taking `argname` once per case (named by the case's id,
    first in the test's name whatever order pytest loads conftest files in: tryfirst),
    a session fixture `<argname>s` with every case, and the cases."""
    import pytest

    cases = load_cases(path, id_pattern)

    @pytest.hookimpl(tryfirst=True)
    def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
        if argname in metafunc.fixturenames:
            metafunc.parametrize(argname, cases, ids=[c["id"] for c in cases])

    @pytest.fixture(scope="session", name=argname + "s")
    def all_cases() -> list[dict[str, Any]]:
        return cases

    return pytest_generate_tests, all_cases, cases
