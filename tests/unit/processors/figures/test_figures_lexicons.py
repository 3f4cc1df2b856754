"""Every row of every figures/numbers lexicon is exercised by a sentence of the test set."""

from __future__ import annotations

import pytest

from processors.figures.numbers import LEXICONS, read_tsv
from processors.text.fold import fold

# A row may appear with a clitic ("بملياري", "لأكثر") or the article ("الدولارات").
CLITICS = ("", "و", "ب", "ل", "ك", "ف", "وب", "ول", "ال", "لل", "بال", "وال")
FILES = sorted(p.name for p in LEXICONS.glob("*.tsv") if p.name.startswith(("figures_", "numbers_")))


@pytest.fixture(scope="module")
def sentences(figures_cases) -> tuple[list[str], list[list[str]]]:
    """The folded text and the words of every sentence that asserts something (an
    expected figure or a negative)."""
    texts = [fold(c["text"]) for c in figures_cases if c["expect"] or c.get("not")]
    words = [t.replace("،", " ").replace(".", " ").replace(",", " ").replace("-", " ").split() for t in texts]
    return texts, words


def used(form: str, texts: list[str], sentence_words: list[list[str]]) -> bool:
    parts = fold(form).split()
    if not parts[0].isalpha():  # signs: "%", "$"
        return any(parts[0] in t for t in texts)
    for words in sentence_words:
        for i in range(len(words) - len(parts) + 1):
            first = words[i]
            if any(first == c + parts[0] for c in CLITICS) and words[i + 1 : i + len(parts)] == parts[1:]:
                return True
    return False


@pytest.mark.parametrize("name", FILES)
def test_every_row_is_exercised(name, sentences):
    rows = read_tsv(name)
    assert rows
    # figures_currency_countries.tsv: the adjective is the second column
    col = 1 if name == "figures_currency_countries.tsv" else 0
    missing = [r[col] for r in rows if not used(r[col], *sentences)]
    assert not missing, f"{name}: no test sentence uses {missing}"
