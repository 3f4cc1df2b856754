"""The figures case file (figures_cases.jsonl, schema in CASES.md), loaded once for the
tests of this package: `figures_cases` is every case, and a test that takes a
`figures_case` argument runs once per case, named by the case's id
(test_case[f0001-normalize])."""

from __future__ import annotations

from pathlib import Path

from ..support import case_file_plugin

CASES_FILE = Path(__file__).with_name("figures_cases.jsonl")
pytest_generate_tests, figures_cases, CASES = case_file_plugin("figures_case", CASES_FILE, r"f\d{4}")
