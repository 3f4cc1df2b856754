"""Figures: numbers, quantities with their counted noun, ordinals, money, percentages.

`extract.py` runs the stages over a field's tokens (`tokens.py`), all sharing one list
of figures under construction (`item.py`): digits that are not counts (`typed.py`:
identifiers, dates, times, years), numbers read into values (`numerals.py`, with the
number words of `numbers.py`), their kind (`kinds.py`: percent, money, measure,
fraction), ordinal words (`ordinals.py`), then ranges and qualifiers (`qualifiers.py`).
`context.py` is the word before a number that several stages read; `quantities.py`
decides what a number counts, from the noun phrase after it
(`counted.py`); word lists are rows of processors/lexicons (`lexicons.py`). Cases:
tests/unit/processors/figures/figures_cases.jsonl.
"""

from processors.figures.extract import COUNTING_KINDS, extract_figures

__all__ = ["COUNTING_KINDS", "extract_figures"]
