"""One article in, its findings out: the path every article takes.

`enrich` calls normalize, figures and claims in that order, then numbers what it found.
The stream agent (streams/agents.py) and the offline `khabar enrich` command both call
it, through streams/pipeline.py, so what a user tries on a file is what the worker does.
"""

from __future__ import annotations

import hashlib
from time import perf_counter
from typing import Any, Mapping

from processors.claims.extract import extract_claims
from processors.figures.extract import extract_figures
from processors.model import Claim, Enriched, Field, Figure
from processors.text.normalize import Normalized, normalize

# Part of every event id: a replay by the same version yields the same ids, an upgraded
# pipeline yields new ones (its findings may differ).
PIPELINE_VERSION = "1"
FIELDS: tuple[Field, ...] = ("title", "body")


def normalize_fields(article: Mapping[str, Any]) -> dict[Field, Normalized]:
    return {name: normalize(article[name]) for name in FIELDS if article.get(name)}


def content_key(fields: Mapping[Field, Normalized]) -> str:
    """A digest of the folded text: the same story re-sent under another id or url
    (with other whitespace, diacritics or hamza spelling) has the same key."""
    digest = hashlib.sha256()
    for name in FIELDS:
        if name in fields:
            digest.update(" ".join(fields[name].key.split()).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:32]


def number(article_id: str, figures: list[Figure], claims: list[Claim]) -> None:
    """Give the article's figures and claims their ids, the only place ids are made:
    "<article id>:<pipeline version>:figure:<position>" (and ":claim:"), so a replay
    yields the same ids. Done once both are extracted: a claim holds its figures
    themselves, not their ids (processors/model.py), and nothing reads an id before
    the findings are serialized."""
    prefix = f"{article_id}:{PIPELINE_VERSION}"
    for position, figure in enumerate(figures):
        figure.id = f"{prefix}:figure:{position}"
    for position, claim in enumerate(claims):
        claim.id = f"{prefix}:claim:{position}"


def enrich(
    article: Mapping[str, Any],
    article_id: str,
    timings: dict[str, float] | None = None,
) -> Enriched:
    """Findings of one validated article: normalized fields, figures, claims.

    `timings`, when given, receives the milliseconds each stage took (for the logs).
    """
    t0 = perf_counter()
    fields = normalize_fields(article)
    t1 = perf_counter()
    figures: list[Figure] = []
    for name, norm in fields.items():
        figures.extend(extract_figures(norm, name))
    t2 = perf_counter()
    claims = extract_claims(fields, figures)
    number(article_id, figures, claims)
    t3 = perf_counter()
    if timings is not None:
        timings["normalize"] = (t1 - t0) * 1000
        timings["figures"] = (t2 - t1) * 1000
        timings["claims"] = (t3 - t2) * 1000
    return Enriched(fields, content_key(fields), figures, claims)
