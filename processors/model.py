"""The shapes every part of khabar reads: spans, figures, claims, an enriched article.

These mirror schemas/figure.json, schemas/claim.json and the enriched article; the
field names are the public contract of the `news.figures` and `news.claims` topics.
Offsets always index the ORIGINAL text of a field, so `original[start:end] == text`.

Findings stay these objects from the processors to streams/events.py, the one place
that makes the published events of them (through the `to_dict` methods below).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from processors.text.normalize import Normalized

Field = Literal["title", "body"]

# The values schemas/definitions.v1.json allows (tests/unit/processors/test_model.py
# holds the two together): the types of the fields below.
FigureKind = Literal[
    "cardinal", "ordinal", "percent", "money", "measure", "fraction", "year", "date", "time", "identifier"
]
Approx = Literal["about", "more_than", "less_than", "at_least", "up_to", "nearly"]
ClaimType = Literal["direct", "indirect", "headline", "according_to"]
SpeakerResolution = Literal["explicit", "carried", "pronoun"]
SpeakerReason = Literal["passive", "no_antecedent", "disagreeing_antecedent", "unresolved_pronoun", "not_found"]


@dataclass(slots=True)
class Span:
    field: Field
    start: int
    end: int
    text: str

    # Written out, not dataclasses.asdict: asdict deep-copies recursively and cost ~0.7 ms
    # per article (a tenth of the whole enrichment) when an article has ~40 findings.
    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Figure:
    field: Field
    start: int
    end: int
    text: str
    value: float | int | None
    kind: FigureKind
    counted: str | None = None
    # Offsets of the counted phrase in the original field text, when there is one.
    counted_start: int | None = None
    counted_end: int | None = None
    unit: str | None = None
    currency: str | None = None
    approx: Approx | None = None
    range: float | int | None = None
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "kind": self.kind,
            "counted": self.counted,
            "counted_start": self.counted_start,
            "counted_end": self.counted_end,
            "unit": self.unit,
            "currency": self.currency,
            "approx": self.approx,
            "range": self.range,
        }


@dataclass(slots=True)
class Claim:
    field: Field
    type: ClaimType
    content: Span
    cue: dict[str, Any] | None  # {text, lemma, field, start, end}
    speaker: Span | None
    speaker_role: Span | None = None
    # Where a surname ("بوتين") was linked to a full name given earlier.
    speaker_full: str | None = None
    according_to: Span | None = None
    hedged: bool = False
    negated: bool = False
    # The figures inside the content, the objects themselves rather than their ids:
    # claims are read before anything is numbered (processors/enrich.py `number`), so
    # the order of extraction and numbering does not matter; `to_dict` writes the ids.
    figures: list[Figure] = dataclasses.field(default_factory=list)
    sentence: int | None = None
    id: str | None = None
    # How the speaker was found: "explicit" (named in the claim's own clause),
    # "carried" (a cue with no subject, "وأضاف"/"مضيفا", took an earlier claim's
    # speaker: `speaker` is that earlier mention), "pronoun" (a pronoun subject,
    # "لكنه نفى", resolved to its antecedent: `speaker` is the antecedent mention).
    # None when there is no speaker, and then `speaker_reason` says why: "passive"
    # (قيل), "no_antecedent", "disagreeing_antecedent" (the cue's gender agrees with no
    # recent speaker), "unresolved_pronoun", "not_found".
    speaker_resolution: SpeakerResolution | None = None
    speaker_reason: SpeakerReason | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "field": self.field,
            "type": self.type,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "speaker_role": self.speaker_role.to_dict() if self.speaker_role else None,
            "speaker_full": self.speaker_full,
            "cue": dict(self.cue) if self.cue else None,
            "content": self.content.to_dict(),
            "according_to": self.according_to.to_dict() if self.according_to else None,
            "hedged": self.hedged,
            "negated": self.negated,
            "figures": [f.id for f in self.figures],
            "sentence": self.sentence,
            "speaker_resolution": self.speaker_resolution,
            "speaker_reason": self.speaker_reason,
        }


@dataclass(slots=True)
class Enriched:
    """What `processors.enrich.enrich` finds in one article: its normalized fields (in
    FIELDS order, only those with text), the content key of its story, and its figures
    and claims in text order (title, then body), numbered."""

    normalized: dict[Field, Normalized]
    content_key: str
    figures: list[Figure]
    claims: list[Claim]

    def to_dict(self) -> dict[str, Any]:
        """The findings as the enriched event carries them (schemas/article.enriched);
        of a normalized field, its display and key texts."""
        return {
            "normalized": {name: {"display": n.display, "key": n.key} for name, n in self.normalized.items()},
            "content_key": self.content_key,
            "figures": [f.to_dict() for f in self.figures],
            "claims": [c.to_dict() for c in self.claims],
        }
