"""streams/offline.py (`khabar enrich`): the worker's judgement on files, no Kafka."""

from __future__ import annotations

import io
import random

import orjson

import schemas
from streams.offline import enrich_sources
from streams.settings import load
from tests.integration.articles import good_article


def test_enriched_lines_out_dead_letters_to_err_in_order():
    rng = random.Random(3)
    good = [orjson.dumps(good_article(i, rng, "off")) for i in range(3)]
    sources = [("f:1", good[0]), ("f:2", b"{bad"), ("f:3", good[1]), ("f:4", b"\xff"), ("f:5", good[2])]
    out, err = io.StringIO(), io.StringIO()
    dead = enrich_sources(sources, out, err, load({}))
    assert dead == 2
    enriched = [orjson.loads(line) for line in out.getvalue().splitlines()]
    letters = [orjson.loads(line) for line in err.getvalue().splitlines()]
    assert [e["article"]["id"] for e in enriched] == ["off-0", "off-1", "off-2"]
    assert [e["source_offset"] for e in enriched] == [
        {"topic": "f:1", "partition": 0, "offset": 0},
        {"topic": "f:3", "partition": 0, "offset": 2},
        {"topic": "f:5", "partition": 0, "offset": 4},
    ]
    assert [(d["reason"], d["source"]["topic"]) for d in letters] == [("invalid_json", "f:2"), ("invalid_utf8", "f:4")]
    for event in enriched:
        assert list(schemas.validator("article.enriched").iter_errors(event)) == []
    for letter in letters:
        assert list(schemas.validator("deadletter").iter_errors(letter)) == []


def test_limits_come_from_settings():
    article = orjson.dumps(good_article(0, random.Random(0), "off"))
    err = io.StringIO()
    assert enrich_sources([("f:1", article)], io.StringIO(), err, load({"KHABAR_MAX_ARTICLE_BYTES": "10"})) == 1
    assert orjson.loads(err.getvalue())["reason"] == "too_large"
