"""Every row of every figures/numbers lexicon is exercised by a sentence of the test set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from processors.figures.numbers import LEXICONS, fold, read_tsv

CASES = [
    json.loads(line)
    for line in Path(__file__).with_name("figures_cases.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
# Only sentences that assert something (an expected figure or a negative).
TEXTS = [fold(c["text"]) for c in CASES if c["expect"] or c.get("not")]
WORDS = [t.replace("،", " ").replace(".", " ").replace(",", " ").replace("-", " ").split() for t in TEXTS]
# A row may appear with a clitic ("بملياري", "لأكثر") or the article ("الدولارات").
CLITICS = ("", "و", "ب", "ل", "ك", "ف", "وب", "ول", "ال", "لل", "بال", "وال")
FILES = sorted(p.name for p in LEXICONS.glob("*.tsv") if p.name.startswith(("figures_", "numbers_")))


def used(form: str) -> bool:
    parts = fold(form).split()
    if not parts[0].isalpha():  # signs: "%", "$"
        return any(parts[0] in t for t in TEXTS)
    for words in WORDS:
        for i in range(len(words) - len(parts) + 1):
            first = words[i]
            if any(first == c + parts[0] for c in CLITICS) and words[i + 1 : i + len(parts)] == parts[1:]:
                return True
    return False


@pytest.mark.parametrize("name", FILES)
def test_every_row_is_exercised(name):
    rows = read_tsv(name)
    assert rows
    # figures_currency_countries.tsv: the adjective is the second column
    col = 1 if name == "figures_currency_countries.tsv" else 0
    missing = [r[col] for r in rows if not used(r[col])]
    assert not missing, f"{name}: no test sentence uses {missing}"
