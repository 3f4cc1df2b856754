"""The seed article through a running worker: the enriched article on its topic, each
figure on the figures topic and each claim on the claims topic, as processors.enrich
finds them offline (linguistic correctness is tested in tests/unit/processors); every
event valid against its schema; event ids the same in two independent runs."""

from __future__ import annotations

import collections
import json
from pathlib import Path

import orjson

import schemas
from streams import events, topics
from streams.pipeline import Enriched, Limits, process

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed"
SCHEMA_OF = {
    topics.ENRICHED: "article.enriched",
    topics.FIGURES: "figure",
    topics.CLAIMS: "claim",
    topics.DEADLETTER: "deadletter",
}
VOLATILE = ("produced_at", "_kafka")


def _run_seed(pipeline) -> dict[str, list[dict]]:
    """Seed article (and one bad message, so every topic has an event) → one worker →
    every topic's events, each checked against its schema and header."""
    article = json.loads((SEED / "article.json").read_text(encoding="utf-8"))
    offline = process(orjson.dumps(article), Limits())
    assert isinstance(offline, Enriched), offline
    worker = pipeline.start_worker()
    pipeline.produce([orjson.dumps(article), b"{broken"], keys=[article["id"].encode(), b"broken"])
    want = {
        topics.ENRICHED: 1,
        topics.FIGURES: len(offline.findings.figures),
        topics.CLAIMS: len(offline.findings.claims),
        topics.DEADLETTER: 1,
    }
    pipeline.read(topics.DEADLETTER, count=1, timeout=90)  # the worker is through both
    assert worker.terminate() == 0, worker.log_path.read_text()[-3000:]
    out = {name: pipeline.read(name, to_end=True, timeout=60) for name in want}
    for name, got in out.items():
        assert len(got) == want[name], name
        validator = schemas.validator(SCHEMA_OF[name])
        for event in got:
            assert event["_kafka"]["headers"]["khabar-schema"] == schemas.header_value(SCHEMA_OF[name])
            payload = {k: v for k, v in event.items() if k != "_kafka"}
            errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(payload)]
            assert errors == [], (name, errors[:5])
            if name != topics.DEADLETTER:
                assert event["_kafka"]["key"] == article["id"].encode()
    return out


def _strip(event: dict) -> dict:
    return {k: v for k, v in event.items() if k not in VOLATILE}


def test_seed_article_fans_out_to_every_topic_as_enriched_offline(pipeline, kafka, tmp_path, request):
    article = json.loads((SEED / "article.json").read_text(encoding="utf-8"))
    offline = process(orjson.dumps(article), Limits())
    out = _run_seed(pipeline)

    (enriched,) = out[topics.ENRICHED]
    assert enriched["article"]["id"] == article["id"]
    assert enriched["figures"] == offline.findings.to_dict()["figures"]
    assert enriched["claims"] == offline.findings.to_dict()["claims"]
    # Each figure and claim on its own topic, self-contained, as the offline events.
    assert sorted(map(_strip, out[topics.FIGURES]), key=lambda e: e["event_id"]) == sorted(
        map(_strip, events.figure_events(offline)), key=lambda e: e["event_id"]
    )
    assert sorted(map(_strip, out[topics.CLAIMS]), key=lambda e: e["event_id"]) == sorted(
        map(_strip, events.claim_events(offline)), key=lambda e: e["event_id"]
    )
    for event in out[topics.FIGURES] + out[topics.CLAIMS]:
        assert {k: event["article"][k] for k in ("id", "url", "source", "published_at")} == {
            "id": article["id"],
            "url": article["url"],
            "source": article["source"],
            "published_at": article["published_at"],
        }
    (letter,) = out[topics.DEADLETTER]
    assert letter["reason"] == "invalid_json"

    # The hand-annotated figures of the seed all arrive on the figures topic.
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    want = collections.Counter(f["value"] for f in expected["figures"])
    got = collections.Counter(e["figure"]["value"] for e in out[topics.FIGURES])
    assert want - got == collections.Counter(), f"expected figure values missing on the topic: {want - got}"

    # A second, independent run (other topics, other app id) gives the same event ids.
    other = kafka.pipeline(request.node.name + "-again", tmp_path / "again")
    try:
        again = _run_seed(other)
    finally:
        other.close()
    for name in (topics.ENRICHED, topics.FIGURES, topics.CLAIMS):
        assert sorted(e["event_id"] for e in again[name]) == sorted(e["event_id"] for e in out[name]), name
    assert len({e["event_id"] for name in (topics.FIGURES, topics.CLAIMS) for e in out[name]}) == len(
        out[topics.FIGURES]
    ) + len(out[topics.CLAIMS])
