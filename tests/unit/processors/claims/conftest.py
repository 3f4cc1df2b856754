"""The claims case file (claims_cases.jsonl, schema in CASES.md), loaded once for the
tests of this package: `claims_cases` is every case, and a test that takes a
`claims_case` argument runs once per case, named by the case's id."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ..support import load_cases

CASES_FILE = Path(__file__).with_name("claims_cases.jsonl")
CASES = load_cases(CASES_FILE, r"[a-z]\d{3}")


# tryfirst: the case id comes first in a test's name whatever the order pytest loads
# conftest files in (test_passage[p001-normalize], also when one directory is run).
@pytest.hookimpl(tryfirst=True)
def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "claims_case" in metafunc.fixturenames:
        metafunc.parametrize("claims_case", CASES, ids=[c["id"] for c in CASES])


@pytest.fixture(scope="session")
def claims_cases() -> list[dict[str, Any]]:
    return CASES
