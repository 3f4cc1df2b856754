"""The plumbing, for real: kafka-python → raw topic → a faust worker subprocess →
enriched topic → read back."""

from __future__ import annotations

import json
from pathlib import Path

import orjson

import schemas
from streams import topics

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed" / "article.json"


def test_article_goes_through_a_worker_and_comes_back_enriched(pipeline):
    article = json.loads(SEED.read_text(encoding="utf-8"))
    worker = pipeline.start_worker()
    pipeline.produce([orjson.dumps(article)], keys=[article["id"].encode()])

    out = pipeline.read(topics.ENRICHED, count=1, timeout=90)

    assert worker.alive(), worker.log_path.read_text()[-3000:]
    assert len(out) == 1
    event = out[0]
    assert event["_kafka"]["key"] == article["id"].encode()
    assert event["_kafka"]["headers"]["khabar-schema"] == b"khabar.article.enriched/1"
    event.pop("_kafka")
    assert list(schemas.validator("article.enriched").iter_errors(event)) == []
    assert event["article"]["id"] == article["id"]
    assert event["article"]["url"] == article["url"]
    assert event["event_id"].startswith(article["id"] + ":")
    assert event["source_offset"]["topic"] == pipeline.topic(topics.RAW)
    # Normalization ran: the stray damma of "ستُنفذ" is gone from the display text.
    assert "ستُنفذ" in article["body"]
    assert "ستُنفذ" not in event["normalized"]["body"]["display"]
    assert worker.terminate() == 0


def test_worker_exits_cleanly_on_sigterm(pipeline):
    worker = pipeline.start_worker()
    pipeline.produce([b"not json at all"])
    letters = pipeline.read(topics.DEADLETTER, count=1, timeout=90)
    assert [d["reason"] for d in letters] == ["invalid_json"]
    assert worker.terminate() == 0
    assert any(e.get("event") == "worker.started" for e in worker.log_events())
