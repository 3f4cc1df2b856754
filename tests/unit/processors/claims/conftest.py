"""The claims case file (claims_cases.jsonl, schema in CASES.md), loaded once for the
tests of this package: `claims_cases` is every case, and a test that takes a
`claims_case` argument runs once per case, named by the case's id
(test_passage[p001-normalize])."""

from __future__ import annotations

from pathlib import Path

from ..support import case_file_plugin

CASES_FILE = Path(__file__).with_name("claims_cases.jsonl")
pytest_generate_tests, claims_cases, CASES = case_file_plugin("claims_case", CASES_FILE, r"[a-z]\d{3}")
