"""streams/pipeline.py: every dead-letter reason, and what passes."""

from __future__ import annotations

import random

import orjson
import pytest

from streams.pipeline import REASONS, Enriched, Limits, Rejected, article_id_of, canonical_url, decode, process
from tests.integration.articles import BAD, good_article

LIMITS = Limits(max_article_bytes=3000, min_arabic_share=0.5)


def _article(**changes) -> dict:
    article = good_article(1, random.Random(1), "unit")
    article.update(changes)
    return {k: v for k, v in article.items() if v is not ...}


@pytest.mark.parametrize(
    "raw, reason",
    [
        (None, "schema_violation"),
        (b"", "invalid_json"),
        (b"{not json", "invalid_json"),
        (b'{"url": "https://a.b/\xff"}', "invalid_utf8"),
        (b"[1, 2]", "schema_violation"),
        (b"null", "schema_violation"),
        (orjson.dumps(_article(source=...)), "schema_violation"),
        (orjson.dumps(_article(url="no-scheme/x")), "schema_violation"),
        (orjson.dumps(_article(title="", body=" \n")), "empty_text"),
        (orjson.dumps(_article(title=None, body=...)), "empty_text"),
        (orjson.dumps(_article(body="x" * 4000)), "too_large"),
        (orjson.dumps(_article(title="Report", body="The minister said so.")), "not_arabic"),
    ],
)
def test_bad_input_is_rejected_with_its_reason(raw, reason):
    result = process(raw, LIMITS)
    assert isinstance(result, Rejected)
    assert (result.reason, bool(result.message)) == (reason, True)
    assert result.reason in REASONS


def test_size_is_judged_before_anything_else():
    assert decode(b"\xff" * 3001, LIMITS).reason == "too_large"


def test_rejected_valid_json_keeps_the_article_id():
    assert process(orjson.dumps(_article(title="Report", body="In English.")), LIMITS).article_id == "unit-1"


@pytest.mark.parametrize("reason", sorted(set(BAD) - {"processor_error"}))
def test_generated_bad_messages_are_what_they_say(reason):
    rng = random.Random(reason)
    for i in range(200):
        assert process(BAD[reason](i, rng, LIMITS.max_article_bytes), LIMITS).reason == reason


def test_processor_error_is_a_dead_letter_not_a_crash(monkeypatch):
    import streams.pipeline as pipeline

    def boom(article, article_id, timings=None):
        raise ZeroDivisionError("deep inside")

    monkeypatch.setattr(pipeline, "enrich", boom)
    result = process(orjson.dumps(_article()), LIMITS)
    assert isinstance(result, Rejected)
    assert result.reason == "processor_error"
    assert "ZeroDivisionError: deep inside" in result.message
    assert result.article_id == "unit-1"


def test_good_article_is_enriched_with_timings():
    result = process(orjson.dumps(_article()), LIMITS)
    assert isinstance(result, Enriched)
    assert result.article_id == "unit-1"
    assert result.arabic_share > 0.9
    assert {"normalize", "figures", "claims", "total"} <= set(result.timings_ms)
    assert set(result.findings.to_dict()) >= {"normalized", "content_key", "figures", "claims"}


def test_article_id_from_the_canonical_url_when_absent():
    a = {"url": "HTTPS://News.Example/a/b/?utm_source=x&z=1&fbclid=2", "source": "s"}
    b = {"url": "https://news.example/a/b?z=1", "source": "s"}
    assert canonical_url(a["url"]) == "https://news.example/a/b?z=1"
    assert article_id_of(a) == article_id_of(b)
    assert article_id_of(a).startswith("url:")
    assert article_id_of({"id": " x ", "url": "https://a"}) == "x"
