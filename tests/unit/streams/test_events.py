"""streams/events.py: every payload valid against its schema; deterministic ids."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import orjson

import schemas
from streams import events
from streams.pipeline import Enriched, Limits, Rejected, process

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed" / "article.json"


def _errors(name: str, payload: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in schemas.validator(name).iter_errors(payload)]


def _seed() -> Enriched:
    result = process(SEED.read_bytes(), Limits())
    assert isinstance(result, Enriched)
    return result


def test_enriched_article_figure_and_claim_events_follow_their_schemas():
    result = _seed()
    where = {"topic": "news.articles.raw", "partition": 2, "offset": 7}
    assert _errors("article.enriched", events.enriched_article(result, None, where)) == []
    assert _errors("article.enriched", events.enriched_article(result, "other-id", None)) == []
    for event in events.figure_events(result):
        assert _errors("figure", event) == []
    for event in events.claim_events(result):
        assert _errors("claim", event) == []


def test_event_ids_are_deterministic_and_unique():
    one, two = _seed(), _seed()
    ids = lambda r: [e["event_id"] for e in events.figure_events(r) + events.claim_events(r)]  # noqa: E731
    assert ids(one) == ids(two)
    assert len(set(ids(one))) == len(ids(one))
    article = json.loads(SEED.read_text(encoding="utf-8"))
    assert events.enriched_article(one, None, None)["event_id"].startswith(article["id"] + ":")


def test_figure_and_claim_events_are_self_contained():
    result = _seed()
    article = json.loads(SEED.read_text(encoding="utf-8"))
    for event in events.figure_events(result) + events.claim_events(result):
        assert {k: event["article"][k] for k in ("id", "url", "source", "published_at")} == {
            k: article[k] for k in ("id", "url", "source", "published_at")
        }


def test_dead_letter_keeps_the_original_bytes_and_where_it_came_from():
    raw = b"\xff\xfe not utf-8"
    letter = events.dead_letter(Rejected("invalid_utf8", "bad byte"), raw, b"k", "t", 3, 42)
    assert _errors("deadletter", letter) == []
    assert base64.b64decode(letter["original"]) == raw
    assert base64.b64decode(letter["original_key"]) == b"k"
    assert letter["source"] == {"topic": "t", "partition": 3, "offset": 42}
    assert letter["event_id"] == events.dead_letter(Rejected("invalid_utf8", "x"), raw, None, "t", 3, 42)["event_id"]
    tombstone = events.dead_letter(Rejected("schema_violation", "no value"), None, None, "t", 0, 0)
    assert _errors("deadletter", tombstone) == [] and tombstone["original"] == "" and tombstone["original_key"] is None


def test_headers_name_the_schema():
    assert events.headers("figure") == [("khabar-schema", b"khabar.figure/1")]


def test_payloads_are_orjson_serializable():
    result = _seed()
    assert orjson.loads(orjson.dumps(events.enriched_article(result, None, None)))["article"]["id"] == result.article_id
