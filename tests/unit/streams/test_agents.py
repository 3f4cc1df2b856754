"""streams/agents.py without a broker: the de-duplication rule of `Enricher.handle` and
the agent loop's use of the commit guard (`Enricher.run`).

The broker, faust's producer and stream are replaced by the few methods the Enricher
calls; the dedup table is the real `Seen` over a dict, with a clock set by the test
(the horizon itself is tested in test_dedup.py, the guard's cap in test_commits.py).
"""

from __future__ import annotations

import asyncio
import random
from types import SimpleNamespace
from typing import Any

import orjson
import pytest
from faust.types import TP

from streams import agents, topics
from streams.agents import Enricher
from streams.commits import CommitGuard
from streams.dedup import Seen
from streams.settings import load
from tests.integration.articles import good_article

HORIZON = 3600.0
RAW = "news.articles.raw"


class Clocked(Seen):
    """The table's event time set by the test (faust's current event in the worker)."""

    clock = 1_700_000_000.0

    def now(self) -> float:
        return self.clock


class Table(dict):
    """faust's Table over its memory store, as Seen uses it: get, set, del, and `data`
    (the store, whose `data` is every partition's dict)."""

    @property
    def data(self) -> SimpleNamespace:
        return SimpleNamespace(data=self)


class Producer:
    """faust's producer as the Enricher sends to it: every send recorded, delivered."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, bytes | None, bytes]] = []

    async def send(self, topic, key, value, partition, timestamp, headers, *, transactional_id=None):
        self.sent.append((topic, key, value))
        return SimpleNamespace(add_done_callback=lambda callback: None)

    def take(self) -> list[tuple[str, bytes | None, bytes]]:
        sent, self.sent = self.sent, []
        return sent


class App:
    in_transaction = False

    def __init__(self) -> None:
        self.producer = Producer()
        self.commit_guard = CommitGuard(RAW)
        self.consumer = SimpleNamespace(committed_offset=lambda tp: None)


@pytest.fixture
def enricher() -> Enricher:
    settings = load({})
    out = {name: SimpleNamespace(get_topic_name=lambda name=name: settings.topic(name)) for name in topics.OUTPUTS}
    return Enricher(settings, out, Clocked(Table(), HORIZON, "memory"), App())


def article(i: int, **changes: Any) -> dict:
    a = good_article(i, random.Random(i), "dedup")
    a.update(changes)
    return a


def event(value: dict | bytes, offset: int, partition: int = 0) -> SimpleNamespace:
    raw = value if isinstance(value, bytes) else orjson.dumps(value)
    message = SimpleNamespace(
        topic=RAW,
        partition=partition,
        offset=offset,
        value=raw,
        key=None,
        timestamp=None,
        tp=TP(RAW, partition),
    )
    return SimpleNamespace(message=message)


def handle(enricher: Enricher, ev: SimpleNamespace) -> list[tuple[str, bytes | None, bytes]]:
    asyncio.run(enricher.handle(ev))
    return enricher.app.producer.take()


def event_ids(sent) -> list[tuple[str, str]]:
    return [(topic, orjson.loads(value)["event_id"]) for topic, _, value in sent]


def enriched(sent) -> list[dict]:
    return [orjson.loads(value) for topic, _, value in sent if topic == topics.ENRICHED]


# --- the de-duplication rule ------------------------------------------------------------


def test_the_first_message_of_an_article_is_enriched_and_remembered(enricher):
    sent = handle(enricher, event(article(1), offset=5))
    (out,) = enriched(sent)
    assert out["duplicate_of"] is None
    assert {topic for topic, _, _ in sent} == {topics.ENRICHED, topics.CLAIMS, topics.FIGURES}
    entry = enricher.seen.table["id:dedup-1"]
    assert entry["at"] == {"t": RAW, "p": 0, "o": 5}
    assert enricher.seen.table[f"content:{entry['content']}"]["id"] == "dedup-1"


def test_the_same_article_id_in_another_message_is_a_duplicate_and_publishes_nothing(enricher):
    handle(enricher, event(article(1), offset=5))
    before = dict(enricher.seen.table)
    # Sent again (another offset, another partition, even with other text): skipped.
    assert handle(enricher, event(article(1), offset=9)) == []
    assert handle(enricher, event(article(1, body=article(2)["body"]), offset=3, partition=1)) == []
    assert enricher.stats.duplicates == 2
    assert enricher.seen.table == before


def test_the_same_message_handled_again_is_not_a_duplicate(enricher):
    # A retry after a crash (at least once): its outputs may not have been written.
    first = handle(enricher, event(article(1), offset=5))
    again = handle(enricher, event(article(1), offset=5))
    assert again and event_ids(again) == event_ids(first)
    assert enricher.stats.duplicates == 0


def test_the_same_content_under_another_id_is_enriched_and_names_the_first(enricher):
    a = article(1)
    handle(enricher, event(a, offset=5))
    copy = {**a, "id": "dedup-copy", "url": "https://news.example/copy"}
    (out,) = enriched(handle(enricher, event(copy, offset=6)))
    assert out["duplicate_of"] == "dedup-1"
    # The content stays the first article's; the copy is remembered by its id.
    key = enricher.seen.table["id:dedup-copy"]["content"]
    assert enricher.seen.table[f"content:{key}"]["id"] == "dedup-1"
    (third,) = enriched(handle(enricher, event({**copy, "id": "dedup-third"}, offset=7)))
    assert third["duplicate_of"] == "dedup-1"


def test_an_article_seen_longer_ago_than_the_horizon_is_enriched_again(enricher):
    a = article(1)
    handle(enricher, event(a, offset=5))
    enricher.seen.clock += HORIZON  # exactly the horizon: still remembered
    assert handle(enricher, event(a, offset=6)) == []
    enricher.seen.clock += 1.0
    (out,) = enriched(handle(enricher, event(a, offset=7)))
    assert out["duplicate_of"] is None  # its content entry is past the horizon too
    assert enricher.seen.table["id:dedup-1"]["at"]["o"] == 7


def test_a_dead_letter_is_not_remembered(enricher):
    sent = handle(enricher, event(b"{not json", offset=5))
    assert [topic for topic, _, _ in sent] == [topics.DEADLETTER]
    assert enricher.seen.table == {}


# --- the agent loop and the commit guard ------------------------------------------------


class Stream:
    """faust's stream as the agent reads it: events in order, acks recorded."""

    def __init__(self, events: list[SimpleNamespace]) -> None:
        self._events = events
        self.acked: list[int] = []

    def noack(self) -> Stream:
        return self

    async def events(self):
        for ev in self._events:
            yield ev

    async def ack(self, ev) -> None:
        self.acked.append(ev.message.offset)


class Fatal(Exception):
    pass


def _fatal(event: str, exc: BaseException | None = None, **fields: Any) -> None:
    raise Fatal(event)


@pytest.fixture
def loop_without_broker(monkeypatch):
    # The topic limits are an admin call to the broker: none here, the settings stay.
    monkeypatch.setattr(agents, "message_limits", lambda settings, names: {})
    # The worker exits (os._exit) where the loop meets a failure: here, an exception.
    monkeypatch.setattr(agents, "fatal", _fatal)


def test_a_message_fetched_again_is_acked_but_not_handled_twice(enricher, loop_without_broker):
    messages = [event(article(i), offset=i) for i in range(3)]
    stream = Stream([*messages, messages[1], messages[2]])  # a seek back to offset 1
    asyncio.run(enricher.run(stream))
    assert stream.acked == [0, 1, 2, 1, 2]
    assert enricher.stats.total_in == 3
    guard = enricher.app.commit_guard
    assert guard.last_handled(RAW, 0) == 2
    assert guard.cap({TP(RAW, 0): 57}) == {TP(RAW, 0): 3}


def test_a_message_whose_outputs_fail_is_neither_acked_nor_committable(enricher, loop_without_broker):
    async def refuse(*args, **kwargs):
        raise RuntimeError("broker gone")

    stream = Stream([event(article(0), offset=0), event(article(1), offset=1)])
    handled = enricher.handle

    async def handle_then_refuse(ev):
        if ev.message.offset == 1:
            enricher.app.producer.send = refuse
        await handled(ev)

    enricher.handle = handle_then_refuse
    with pytest.raises(Fatal, match="worker.output_failed"):
        asyncio.run(enricher.run(stream))
    assert stream.acked == [0]
    assert enricher.app.commit_guard.cap({TP(RAW, 0): 2}) == {TP(RAW, 0): 1}
    assert "id:dedup-1" not in enricher.seen.table  # handled again after the restart
