"""Claims: who said what, with which reporting verb.

`extract.py` reads a field: cues (`cues.py`, `lexicons.py`, `words.py`), content
(`tokens.py` quotes and clauses, `boundaries.py`, `objects.py`), speakers
(`speakers.py`, `agreement.py` for carried-over and pronoun subjects),
according-to sources, flags (`flags.py`: hedged, negated). Cases:
tests/unit/processors/claims/claims_cases.jsonl.
"""

from processors.claims.extract import MAX_CONTENT_DEPTH, extract_claims

__all__ = ["MAX_CONTENT_DEPTH", "extract_claims"]
