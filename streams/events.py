"""The payloads khabar publishes, shaped as schemas/*.json say: the one place an
article's findings (processors.model objects) become the dicts that are published.

Event ids are deterministic (article id + pipeline version + position, see
processors/enrich.py), so a replay or a retry after a crash yields the same ids and a
consumer can de-duplicate on `event_id`.
"""

from __future__ import annotations

import base64
import functools
from datetime import datetime, timezone
from typing import Any

import schemas
from processors.enrich import PIPELINE_VERSION
from streams.pipeline import Enriched, Rejected

SCHEMA_HEADER = "khabar-schema"
_ARTICLE_EXTRA = ("body", "fetched_at", "language", "author", "section", "meta")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _envelope(name: str, event_id: str, produced_at: str) -> dict[str, Any]:
    return {
        "schema": f"khabar.{name}",
        "schema_version": schemas.VERSION,
        "event_id": event_id,
        "pipeline_version": PIPELINE_VERSION,
        "produced_at": produced_at,
    }


@functools.cache  # ~40 sends per article, a handful of schemas
def headers(name: str) -> list[tuple[str, bytes]]:
    return [(SCHEMA_HEADER, schemas.header_value(name))]


def article_ref(result: Enriched) -> dict[str, Any]:
    a = result.article
    return {
        "id": result.article_id,
        "url": a["url"],
        "source": a["source"],
        "published_at": a.get("published_at"),
        "title": a.get("title"),
    }


def article_events(
    result: Enriched, duplicate_of: str | None, position: dict[str, Any] | None
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The enriched article, its claim events and its figure events. The findings are
    made dicts once (processors.model's `to_dict`) for the three: ~40 events per article."""
    findings = result.findings.to_dict()
    return (
        _enriched_article(result, findings, duplicate_of, position),
        _claim_events(result, findings),
        _figure_events(result, findings),
    )


def enriched_article(result: Enriched, duplicate_of: str | None, position: dict[str, Any] | None) -> dict[str, Any]:
    return _enriched_article(result, result.findings.to_dict(), duplicate_of, position)


def figure_events(result: Enriched) -> list[dict[str, Any]]:
    return _figure_events(result, result.findings.to_dict())


def claim_events(result: Enriched) -> list[dict[str, Any]]:
    return _claim_events(result, result.findings.to_dict())


def _enriched_article(
    result: Enriched, findings: dict[str, Any], duplicate_of: str | None, position: dict[str, Any] | None
) -> dict[str, Any]:
    article = article_ref(result)
    for key in _ARTICLE_EXTRA:
        if key in result.article:
            article[key] = result.article[key]
    return {
        **_envelope("article.enriched", f"{result.article_id}:{PIPELINE_VERSION}:article", _now()),
        "article": article,
        "normalized": findings["normalized"],
        "language": {"arabic_share": round(result.arabic_share, 4)},
        "content_key": findings["content_key"],
        "duplicate_of": duplicate_of,
        "figures": findings["figures"],
        "claims": findings["claims"],
        "source_offset": position,
        "truncated": result.truncated,
    }


def _figure_events(result: Enriched, findings: dict[str, Any]) -> list[dict[str, Any]]:
    ref = article_ref(result)
    at = _now()  # one clock reading for the article's events: formatting it per event showed in profiles
    return [{**_envelope("figure", f["id"], at), "article": ref, "figure": f} for f in findings["figures"]]


def _claim_events(result: Enriched, findings: dict[str, Any]) -> list[dict[str, Any]]:
    ref = article_ref(result)
    by_id = {f["id"]: f for f in findings["figures"]}
    at = _now()
    return [
        {
            **_envelope("claim", c["id"], at),
            "article": ref,
            "claim": c,
            "figures": [by_id[i] for i in c["figures"] if i in by_id],
        }
        for c in findings["claims"]
    ]


def dead_letter(
    rejected: Rejected,
    value: bytes | None,
    key: bytes | None,
    topic: str | None,
    partition: int | None,
    offset: int | None,
) -> dict[str, Any]:
    where = f"{topic}:{partition}:{offset}"
    return {
        **_envelope("deadletter", f"deadletter:{PIPELINE_VERSION}:{where}", _now()),
        "reason": rejected.reason,
        "message": rejected.message,
        "original": base64.b64encode(value or b"").decode("ascii"),
        "original_size": len(value or b""),
        "original_key": base64.b64encode(key).decode("ascii") if key is not None else None,
        "source": {"topic": topic, "partition": partition, "offset": offset},
        "article_id": rejected.article_id,
    }
