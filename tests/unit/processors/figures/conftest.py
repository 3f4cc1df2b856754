"""The figures case file (figures_cases.jsonl, schema in CASES.md), loaded once for the
tests of this package: `figures_cases` is every case, and a test that takes a
`figures_case` argument runs once per case, named by the case's id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ..support import load_cases

CASES_FILE = Path(__file__).with_name("figures_cases.jsonl")
CASES = load_cases(CASES_FILE, r"f\d{4}")


# tryfirst: the case id comes first in a test's name whatever the order pytest loads
# conftest files in (test_case[f0001-normalize], also when one directory is run).
@pytest.hookimpl(tryfirst=True)
def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "figures_case" in metafunc.fixturenames:
        metafunc.parametrize("figures_case", CASES, ids=[c["id"] for c in CASES])


@pytest.fixture(scope="session")
def figures_cases() -> list[dict[str, Any]]:
    return CASES
