"""Claims: who said what, with which reporting verb.

`extract.py` runs the stages over one `reading.py` (`FieldReading`) per field: cues
and source markers (`cues.py`, `lexicons.py`, `words.py`), names (`names.py`),
according-to sources (`according.py`), headlines (`headline.py`), the claim of each
cue (`verbs.py`, `participles.py`, `verbal_nouns.py`) with its subject before the verb
(`subjects.py`), content start (`content.py`, `tokens.py` quotes, `objects.py`),
carried-over and pronoun speakers (`carried.py`, `agreement.py`, `attribution.py`,
`speakers.py`), content ends (`ranges.py`, `boundaries.py`), output spans with flags
(`spans.py`, `flags.py`: hedged, negated) and figures (`figures.py`). Cases:
tests/unit/processors/claims/claims_cases.jsonl.
"""

from processors.claims.extract import MAX_CONTENT_DEPTH, extract_claims

__all__ = ["MAX_CONTENT_DEPTH", "extract_claims"]
