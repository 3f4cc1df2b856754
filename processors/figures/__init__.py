"""Figures: numbers, quantities with their counted noun, ordinals, money, percentages.

`extract.py` reads a field's tokens (`tokens.py`) into numerals (`numbers.py`, the
number words), types them (kinds, qualifiers, ranges) and finds what they count
(`counted.py`); word lists are rows of processors/lexicons (`lexicons.py`). Cases:
tests/unit/processors/figures/figures_cases.jsonl.
"""

from processors.figures.extract import COUNTING_KINDS, extract_figures

__all__ = ["COUNTING_KINDS", "extract_figures"]
