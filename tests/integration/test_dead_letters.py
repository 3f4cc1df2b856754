"""Bad input never stops the worker and is never dropped: 10,000 bad messages of every
dead-letter reason, mixed with good articles, through one running worker."""

from __future__ import annotations

import base64
import collections
import os
import random

import pytest

import schemas
from streams import topics
from tests.integration.articles import BAD, bad_messages, good_messages

PER_REASON = int(os.environ.get("KHABAR_TEST_BAD_PER_REASON", "10000"))
GOOD = 300
LIMIT = 3000  # KHABAR_MAX_ARTICLE_BYTES of this worker: too_large messages are ~3.5 KB


@pytest.mark.timeout(420)
def test_every_bad_message_is_dead_lettered_with_its_reason_and_the_worker_goes_on(pipeline):
    bad = list(bad_messages(PER_REASON, seed=6, limit=LIMIT))
    good = good_messages(GOOD, seed=7, tag="good")
    assert max(len(value) for _, value, _ in good) < LIMIT
    mixed = [(key, value) for key, value, _ in bad] + [(key, value) for key, value, _ in good]
    random.Random(8).shuffle(mixed)
    expected_reason = {key: reason for key, _, reason in bad}
    assert set(expected_reason.values()) == set(BAD)

    worker = pipeline.start_worker(KHABAR_MAX_ARTICLE_BYTES=str(LIMIT), **pipeline.fault_hook())
    pipeline.produce((value for _, value in mixed), (key for key, _ in mixed))

    letters = pipeline.read(topics.DEADLETTER, count=len(bad), timeout=300)
    enriched = pipeline.read(topics.ENRICHED, count=GOOD, timeout=60)
    raw = {(r.partition, r.offset): r for r in pipeline.records(topics.RAW, count=len(mixed), timeout=60)}

    assert worker.alive(), worker.log_path.read_text()[-3000:]
    assert len(raw) == len(mixed)
    # Every bad message exactly once, with its reason, its bytes and where it came from.
    by_key = collections.Counter(base64.b64decode(d["original_key"]) for d in letters)
    assert [k for k, n in by_key.items() if n > 1] == []
    missing = set(expected_reason) - set(by_key)
    assert not missing, f"{len(missing)} bad messages not dead-lettered, e.g. {sorted(missing)[:5]}"
    wrong = collections.Counter()
    validator = schemas.validator("deadletter")
    for letter in letters:
        source = letter["source"]
        assert source["topic"] == pipeline.topic(topics.RAW)
        record = raw[(source["partition"], source["offset"])]
        assert base64.b64decode(letter["original"]) == (record.value or b"")
        assert base64.b64decode(letter["original_key"]) == record.key == letter["_kafka"]["key"]
        if letter["reason"] != expected_reason[record.key]:
            wrong[(expected_reason[record.key], letter["reason"])] += 1
        assert letter["message"]
        letter.pop("_kafka")
        assert list(validator.iter_errors(letter)) == []
    assert not wrong, f"(expected, got): count = {dict(wrong)}"
    # Every good article enriched, exactly once; nothing else enriched.
    ids = collections.Counter(e["article"]["id"] for e in enriched)
    assert ids == collections.Counter(article_id for _, _, article_id in good)
    assert worker.terminate() == 0
