"""The README documents the contracts users build on; these keep it honest."""

from __future__ import annotations

import re
from pathlib import Path

import schemas
from streams import topics
from streams.pipeline import REASONS
from streams.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _table_rows(text: str) -> dict[str, list[str]]:
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0].startswith("`"):
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_every_setting_is_documented_with_its_default():
    rows = _table_rows(README)
    for setting in SETTINGS:
        assert setting.name in rows, f"{setting.name} missing from the README's configuration table"
        documented = rows[setting.name][0]
        if setting.default:
            assert f"`{setting.default}`" == documented, (setting.name, documented)


def test_every_dead_letter_reason_is_documented_and_in_the_schema():
    rows = _table_rows(README)
    enum = schemas.load("deadletter")["properties"]["reason"]["enum"]
    assert sorted(enum) == sorted(REASONS)
    for reason in REASONS:
        assert reason in rows, f"reason {reason} missing from the README"


def test_every_topic_is_documented():
    rows = _table_rows(README)
    for spec in topics.SPECS:
        assert spec.name in rows


def test_readme_gives_the_two_commands_first_and_ci_runs_the_test_one():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.split("#")[0].strip()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^exec make test$", ci, re.M)
