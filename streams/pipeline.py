"""Bytes in, an enriched article or a dead letter out: the error policy in one place.

The worker's agent and the offline `khabar enrich` command both call `process`, so a
message is judged the same way everywhere. Each rejection carries a machine-readable
`reason` (the dead-letter contract) and a message for a human.
"""

from __future__ import annotations

import hashlib
import traceback
from dataclasses import dataclass, field
from time import perf_counter
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import orjson

import schemas
from processors import model
from processors.enrich import enrich
from processors.text.normalize import arabic_share
from streams.deadline import ArticleTimeout, budget

REASONS = (
    "invalid_json",
    "invalid_utf8",
    "schema_violation",
    "empty_text",
    "too_large",
    "not_arabic",
    "processor_error",
    "processing_timeout",
    "output_too_large",
    "output_error",
)


@dataclass(slots=True)
class Rejected:
    reason: str
    message: str
    article_id: str | None = None


@dataclass(slots=True)
class Enriched:
    """An accepted message: the article and what the processors found in it (typed,
    serialized only by streams/events.py)."""

    article_id: str
    article: dict[str, Any]
    findings: model.Enriched
    arabic_share: float
    timings_ms: dict[str, float] = field(default_factory=dict)
    # What `cap_findings` cut, when it cut anything (the enriched event's `truncated`).
    truncated: dict[str, int] | None = None


@dataclass(frozen=True, slots=True)
class Limits:
    max_article_bytes: int = 1_000_000
    min_arabic_share: float = 0.5
    # Figures, and claims, kept per article (streams/settings.py KHABAR_MAX_FINDINGS):
    # the number of messages one article fans out to stays bounded whatever its text.
    max_findings: int = 5000
    # Seconds the processors may take on one article (streams/deadline.py); None: no limit.
    article_timeout: float | None = None

    @classmethod
    def of(cls, settings: Any) -> "Limits":
        return cls(
            settings.max_article_bytes, settings.min_arabic_share, settings.max_findings, settings.article_timeout
        )


# Tracking parameters make the same article look like many; they are not part of its
# identity.
_TRACKING = ("utm_", "fbclid", "gclid", "mc_", "ref", "_ga")


def canonical_url(url: str) -> str:
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith(_TRACKING)]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(sorted(query)), ""))


def article_id_of(article: dict[str, Any]) -> str:
    given = article.get("id")
    if isinstance(given, str) and given.strip():
        return given.strip()
    return "url:" + hashlib.sha256(canonical_url(article["url"]).encode("utf-8")).hexdigest()[:24]


def _first_schema_error(article: dict[str, Any]) -> str | None:
    error = next(iter(schemas.validator("article.raw").iter_errors(article)), None)
    if error is None:
        return None
    where = "/".join(str(p) for p in error.absolute_path) or "(article)"
    return f"{where}: {error.message}"[:500]


def _has_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def decode(raw: bytes | None, limits: Limits) -> dict[str, Any] | Rejected:
    """Judge a raw message: a valid article (a dict) or why not."""
    if raw is None:
        return Rejected("schema_violation", "the message has no value (a tombstone)")
    if len(raw) > limits.max_article_bytes:
        return Rejected("too_large", f"{len(raw)} bytes, over the limit of {limits.max_article_bytes}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejected("invalid_utf8", f"not UTF-8 at byte {exc.start}: {exc.reason}")
    try:
        article = orjson.loads(text)
    except orjson.JSONDecodeError as exc:
        return Rejected("invalid_json", f"not JSON: {exc}"[:500])
    if not isinstance(article, dict):
        return Rejected("schema_violation", f"an article is a JSON object, got {type(article).__name__}")
    if (
        isinstance(article.get("url"), str)
        and isinstance(article.get("source"), str)
        and not _has_text(article.get("title"))
        and not _has_text(article.get("body"))
        and all(article.get(k) is None or isinstance(article.get(k), str) for k in ("title", "body"))
    ):
        return Rejected("empty_text", "neither title nor body has any text", _safe_id(article))
    problem = _first_schema_error(article)
    if problem is not None:
        return Rejected("schema_violation", problem, _safe_id(article))
    return article


def _safe_id(article: dict[str, Any]) -> str | None:
    try:
        return article_id_of(article)
    except Exception:
        return None


def process(raw: bytes | None, limits: Limits) -> Enriched | Rejected:
    t0 = perf_counter()
    decoded = decode(raw, limits)
    if isinstance(decoded, Rejected):
        return decoded
    article = decoded
    article_id = article_id_of(article)
    text = " ".join(article[k] for k in ("title", "body") if _has_text(article.get(k)))
    share = arabic_share(text)
    if share < limits.min_arabic_share:
        return Rejected(
            "not_arabic",
            f"{share:.0%} of the letters are Arabic, under the threshold of {limits.min_arabic_share:.0%}",
            article_id,
        )
    timings: dict[str, float] = {}
    try:
        with budget(limits.article_timeout):
            findings = enrich(article, article_id, timings)
    except ArticleTimeout:
        return Rejected(
            "processing_timeout",
            f"the processors took over {limits.article_timeout:g} s (KHABAR_ARTICLE_TIMEOUT) on this article",
            article_id,
        )
    except Exception as exc:  # a processor bug must cost one article, not the worker
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return Rejected(
            "processor_error",
            f"{type(exc).__name__}: {exc} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})"[:1000],
            article_id,
        )
    truncated = cap_findings(findings, limits.max_findings)
    timings["total"] = (perf_counter() - t0) * 1000
    return Enriched(article_id, article, findings, share, timings, truncated)


def cap_findings(findings: model.Enriched, cap: int) -> dict[str, int] | None:
    """Keep the first `cap` figures and the first `cap` claims (text order: title, then
    body). An article past the cap (a statistics table pasted as prose, a crafted
    article) is still enriched; the returned dict says how many there were (None: under
    the cap), and a kept claim lists only kept figures, so every id it names was
    published."""
    figures, claims = findings.figures, findings.claims
    if len(figures) <= cap and len(claims) <= cap:
        return None
    truncated = {"figures_found": len(figures), "claims_found": len(claims), "kept_per_kind": cap}
    if len(figures) > cap:
        del figures[cap:]
        kept = {id(f) for f in figures}  # the objects: a claim holds the figures themselves
        for claim in claims:
            claim.figures = [f for f in claim.figures if id(f) in kept]
    del claims[cap:]
    return truncated
