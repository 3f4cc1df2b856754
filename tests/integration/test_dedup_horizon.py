"""The dedup table against the real broker: what is within the horizon survives a
restart (RocksDB with its data directory, RocksDB without it, memory), and what is past
it is forgotten, from the local store and from the changelog topic (tombstones)."""

from __future__ import annotations

import time
from pathlib import Path

import orjson
import pytest
from kafka import KafkaConsumer, TopicPartition

from streams import topics
from tests.integration.articles import good_messages
from tests.integration.harness import FAST_FAILOVER, Pipeline

ARTICLES = 40


def table_key(key: str) -> bytes:
    """A table key as the changelog and the local store hold it (JSON)."""
    return orjson.dumps(key)


def changelog(pipeline: Pipeline) -> list:
    """Every committed record of the table's changelog topic, from its start."""
    name = f"{pipeline.app_id}-seen-changelog"
    consumer = KafkaConsumer(
        bootstrap_servers=pipeline.settings.bootstrap_servers,
        enable_auto_commit=False,
        group_id=None,
        isolation_level="read_committed",
    )
    try:
        tps = [TopicPartition(name, p) for p in range(pipeline.partitions)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps)
        out: list = []
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(consumer.position(tp) < end[tp] for tp in tps):
            for records in consumer.poll(timeout_ms=500).values():
                out.extend(records)
        return out
    finally:
        consumer.close()


def local_keys(datadir: Path) -> set[bytes]:
    """The keys of the worker's RocksDB databases (the worker must be stopped)."""
    from rocksdict import AccessType, Options, Rdict

    keys: set[bytes] = set()
    paths = sorted(datadir.glob("**/seen-*.db"))
    assert paths, f"no RocksDB database under {datadir}"
    for path in paths:
        db = Rdict(str(path), options=Options(raw_mode=True), access_type=AccessType.read_only())
        try:
            keys.update(k for k in db.keys() if not k.startswith(b"__faust"))
        finally:
            db.close()
    return keys


@pytest.mark.timeout(300)
@pytest.mark.parametrize(
    "store, keep_dir, stop",
    [
        ("rocksdb", True, "term"),
        ("rocksdb", True, "kill"),
        ("rocksdb", False, "term"),
        ("memory", False, "term"),
    ],
    ids=["rocksdb-datadir", "rocksdb-datadir-kill9", "rocksdb-no-datadir", "memory"],
)
def test_duplicate_within_the_horizon_is_caught_after_a_restart(pipeline, store, keep_dir, stop):
    env = {"KHABAR_TABLE_STORE": store, "KHABAR_DEDUP_HORIZON": "1h", **FAST_FAILOVER}
    messages = good_messages(ARTICLES, seed=31, tag="horizon")
    keys = [key for key, _, _ in messages]
    first = pipeline.start_worker(**env)
    pipeline.produce([value for _, value, _ in messages], keys)
    assert pipeline.wait_for_keys(topics.ENRICHED, set(keys), timeout=120) == set(), first.log_path.read_text()[-3000:]
    # Committed: read_committed consumers see the outputs only after the commit, which
    # carries the table's changelog writes.
    if stop == "kill":
        time.sleep(3)  # past a commit interval, so that the offsets are committed
        first.kill()
    else:
        assert first.terminate() == 0
    if keep_dir:
        env["KHABAR_DATA_DIR"] = first.env["KHABAR_DATA_DIR"]
    second = pipeline.start_worker(**env)
    pipeline.produce([value for _, value, _ in messages], keys)
    assert second.wait_for_log("article.duplicate", count=ARTICLES, timeout=120), second.log_path.read_text()[-3000:]
    assert second.terminate() == 0
    out = pipeline.read(topics.ENRICHED, to_end=True, timeout=60)
    assert sorted(e["article"]["id"] for e in out) == sorted(article_id for _, _, article_id in messages)
    duplicates = [e for e in second.log_events() if e.get("event") == "article.duplicate"]
    assert {e["article_id"] for e in duplicates} == {article_id for _, _, article_id in messages}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("guarantee", ["exactly_once", "at_least_once"])
def test_entries_past_the_horizon_are_forgotten_and_tombstoned(pipeline, guarantee):
    horizon = 4.0
    env = {
        "KHABAR_TABLE_STORE": "rocksdb",
        "KHABAR_DEDUP_HORIZON": f"{horizon}s",
        "KHABAR_PROCESSING_GUARANTEE": guarantee,
    }
    old = good_messages(ARTICLES, seed=41, tag="old")
    worker = pipeline.start_worker(**env)
    pipeline.produce([v for _, v, _ in old], [k for k, _, _ in old])
    assert pipeline.wait_for_keys(topics.ENRICHED, {k for k, _, _ in old}, timeout=120) == set()
    time.sleep(horizon + 1)

    # A resend past the horizon, before anything was swept from its partition (it is the
    # first message there since): the lookup already treats the entry as absent.
    key, value, resent_id = old[0]
    pipeline.produce([value], [key])
    # New articles on every partition drive the sweep, which deletes the old entries.
    new = good_messages(4 * ARTICLES, seed=42, tag="new")
    pipeline.produce([v for _, v, _ in new], [k for k, _, _ in new])
    assert pipeline.wait_for_keys(topics.ENRICHED, {k for k, _, _ in new}, timeout=120) == set()
    assert worker.wait_for_log("article.enriched", count=len(old) + 1 + len(new), timeout=60)
    time.sleep(2)  # a commit interval, and a `dedup` line
    assert worker.terminate() == 0

    events = worker.log_events()
    resent = [e for e in events if e.get("event") == "article.enriched" and e["article_id"] == resent_id]
    assert len(resent) == 2, "a resend after the horizon is enriched again"
    assert not [e for e in events if e.get("event") == "article.duplicate"]
    (last,) = [e for e in events if e.get("event") == "dedup"][-1:]
    assert last["removed_total"] >= 2 * len(old) - 2, last
    # The resend's lookup found the expired entry before it was swept.
    assert last["expired_lookups_total"] >= 1, last

    # Gone from the local store...
    expired_keys = {table_key(f"id:{article_id}") for _, _, article_id in old[1:]}
    kept = local_keys(Path(worker.env["KHABAR_DATA_DIR"]))
    assert {table_key(f"id:{a}") for _, _, a in new} <= kept  # (keys as the store holds them)
    assert not expired_keys & kept
    assert table_key(f"id:{resent_id}") in kept  # written again by the resend

    # ... and from the changelog: the last record of each expired key is a tombstone,
    # on the partition of its first record (the table's partition = the raw one).
    last_record: dict[bytes, object] = {}
    partitions: dict[bytes, set[int]] = {}
    for record in changelog(pipeline):
        last_record[record.key] = record
        partitions.setdefault(record.key, set()).add(record.partition)
    for k in expired_keys:
        assert k in last_record, k
        assert last_record[k].value is None, (k, last_record[k].value)
        assert len(partitions[k]) == 1, (k, partitions[k])
    content_tombstones = [k for k, r in last_record.items() if k.startswith(b'"content:') and r.value is None]
    assert len(content_tombstones) >= len(old) - 1
