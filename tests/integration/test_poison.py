"""No article can stall, crash-loop or hang a worker (issue 12), through a real worker
and the real broker.

- adversarial valid articles (every family of benchmarks/adversarial.py, the two
  reproductions of the issue, one at the size limit) interleaved with good ones: every
  good article enriched, every adversarial one enriched or dead-lettered with its
  reason, nothing stuck; then SIGTERM ends the worker, exit 0, within the bound;
- an article that runs past KHABAR_ARTICLE_TIMEOUT is dead-lettered
  `processing_timeout` and the partition goes on;
- a worker stuck where the time budget cannot reach still ends on SIGTERM within
  KHABAR_SHUTDOWN_TIMEOUT (exit 1), and a restart handles everything;
- an output the broker refuses (a topic's limit lowered behind the worker's back) ends
  the worker with exit 1 instead of a stall; the restart, sizing its outputs to the
  topic, dead-letters the article and goes on: no crash loop.
"""

from __future__ import annotations

import base64
import random
import time

import orjson
import pytest
from kafka.admin import ConfigResource, ConfigResourceType

from benchmarks.adversarial import FAMILIES
from streams import topics
from streams.admin import admin_client
from streams.pipeline import REASONS
from tests.integration.articles import good_article, good_messages

SHUTDOWN_BOUND = 30.0  # KHABAR_SHUTDOWN_TIMEOUT's default, the documented bound


def _adversarial(limit: int) -> list[tuple[bytes, bytes]]:
    out = []
    for name, make in FAMILIES.items():
        article = make(300)
        article["id"] = f"adv-{name}"
        out.append((article["id"].encode(), orjson.dumps(article)))
    # The two reproductions, at their sizes.
    for name, n in (("quotes_unbalanced", 2000), ("cue_qala_an", 4000)):
        article = FAMILIES[name](n)
        article["id"] = f"adv-issue-{name}"
        out.append((article["id"].encode(), orjson.dumps(article)))
    # One at the size limit: the family with the most claims per byte.
    article = FAMILIES["quotes_unbalanced"](1)
    unit = len(orjson.dumps(FAMILIES["quotes_unbalanced"](2))) - len(orjson.dumps(article))
    n = (limit - len(orjson.dumps(article)) - 200) // unit
    article = FAMILIES["quotes_unbalanced"](n)
    article["id"] = "adv-at-limit"
    value = orjson.dumps(article)
    assert limit - 2000 < len(value) <= limit
    out.append((b"adv-at-limit", value))
    return out


@pytest.mark.timeout(600)
def test_adversarial_articles_are_answered_and_sigterm_ends_the_worker_in_time(pipeline):
    limit = 1_000_000  # KHABAR_MAX_ARTICLE_BYTES's default
    adversarial = _adversarial(limit)
    good = [(key, value) for key, value, _ in good_messages(60, seed=12, tag="good")]
    mixed = [m for pair in zip(good, adversarial) for m in pair] + good[len(adversarial) :] + adversarial[len(good) :]
    worker = pipeline.start_worker()
    pipeline.produce((v for _, v in mixed), (k for k, _ in mixed))

    good_keys = {k for k, _ in good}
    adv_keys = {k for k, _ in adversarial}
    missing = pipeline.wait_for_keys(topics.ENRICHED, good_keys, timeout=300)
    assert not missing, (
        f"{len(missing)} good articles not enriched: {sorted(missing)[:5]}\n" + worker.log_path.read_text()[-3000:]
    )
    # Each adversarial article: enriched or dead-lettered, within the same wait.
    deadline = time.monotonic() + 240
    answered: dict[bytes, str] = {}
    while time.monotonic() < deadline and set(answered) != adv_keys:
        for e in pipeline.read(topics.ENRICHED, timeout=30, idle=3):
            if e["_kafka"]["key"] in adv_keys:
                answered[e["_kafka"]["key"]] = "enriched"
        for d in pipeline.read(topics.DEADLETTER, timeout=30, idle=3):
            key = base64.b64decode(d["original_key"]) if d["original_key"] else None
            if key in adv_keys:
                assert d["reason"] in REASONS and d["message"]
                answered[key] = d["reason"]
    assert set(answered) == adv_keys, f"never answered: {sorted(adv_keys - set(answered))}"
    assert worker.alive()

    events = worker.log_events()
    assert not [e for e in events if "Restarting dead" in str(e.get("message", ""))]
    assert not [e for e in events if e.get("event") in ("partition.gap", "worker.output_failed", "output.send_failed")]
    # The at-limit article came out whole or shortened, and said so.
    if answered[b"adv-at-limit"] == "enriched":
        (at_limit,) = [
            e for e in pipeline.read(topics.ENRICHED, timeout=30, idle=3) if e["_kafka"]["key"] == b"adv-at-limit"
        ]
        assert at_limit["truncated"]

    started = time.monotonic()
    code = worker.terminate(timeout=SHUTDOWN_BOUND + 30)
    took = time.monotonic() - started
    assert code == 0, worker.log_path.read_text()[-3000:]
    assert took < SHUTDOWN_BOUND, took


@pytest.mark.timeout(300)
def test_an_article_past_its_time_budget_is_dead_lettered_and_the_partition_goes_on(pipeline):
    rng = random.Random(5)
    slow = good_article(1, rng, "slow", meta={"spin": 120})
    after = [good_article(i, rng, "after") for i in range(2, 12)]
    messages = [slow, *after]
    worker = pipeline.start_worker(KHABAR_ARTICLE_TIMEOUT="2", **pipeline.fault_hook())
    # One key for all: the same partition, the slow one first.
    pipeline.produce((orjson.dumps(a) for a in messages), (b"same" for _ in messages))

    enriched = pipeline.read(topics.ENRICHED, count=len(after), timeout=120)
    assert {e["article"]["id"] for e in enriched} == {a["id"] for a in after}
    (letter,) = pipeline.read(topics.DEADLETTER, count=1, timeout=30)
    assert letter["reason"] == "processing_timeout" and letter["article_id"] == slow["id"]
    assert worker.terminate() == 0


@pytest.mark.timeout(300)
def test_sigterm_ends_a_worker_stuck_beyond_the_budget_and_the_restart_loses_nothing(pipeline):
    rng = random.Random(6)
    stuck = good_article(1, rng, "stuck", meta={"hang": 600})
    others = [good_article(i, rng, "other") for i in range(2, 8)]
    worker = pipeline.start_worker(KHABAR_ARTICLE_TIMEOUT="2", KHABAR_SHUTDOWN_TIMEOUT="6", **pipeline.fault_hook())
    pipeline.produce([orjson.dumps(stuck)], [b"k-stuck"])
    assert worker.wait_for_log("worker.started", timeout=120)
    time.sleep(5)  # the agent is inside the article by now

    started = time.monotonic()
    code = worker.terminate(timeout=60)
    took = time.monotonic() - started
    assert code == 1 and took < 6 + 10, (code, took)
    assert worker.wait_for_log("worker.shutdown_timeout", timeout=1) or any(
        e.get("event") == "worker.shutdown_timeout" for e in worker.log_events()
    )

    # Restarted without the hang (the fault fixed): the stuck article and the rest.
    pipeline.produce((orjson.dumps(a) for a in others), (a["id"].encode() for a in others))
    pipeline.start_worker()
    enriched = pipeline.read(topics.ENRICHED, count=len(others) + 1, timeout=120)
    assert {e["article"]["id"] for e in enriched} == {stuck["id"], *(a["id"] for a in others)}


@pytest.mark.timeout(300)
def test_a_refused_output_ends_the_worker_and_the_restart_dead_letters_the_article(pipeline):
    rng = random.Random(7)
    first = [good_article(i, rng, "first") for i in range(3)]
    worker = pipeline.start_worker()
    pipeline.produce((orjson.dumps(a) for a in first), (a["id"].encode() for a in first))
    assert len(pipeline.read(topics.ENRICHED, count=len(first), timeout=120)) == len(first)

    # The claims topic now takes less than any claim event, behind the worker's back.
    client = admin_client(pipeline.settings)
    try:
        client.alter_configs(
            [
                ConfigResource(
                    ConfigResourceType.TOPIC, pipeline.topic(topics.CLAIMS), configs={"max.message.bytes": "300"}
                )
            ]
        )
    finally:
        client.close()
    quoted = good_article(10, rng, "refused")
    quoted["body"] = "قال الوزير إن الحكومة ستبني 40 مدرسة جديدة هذا العام. " + quoted["body"]
    pipeline.produce([orjson.dumps(quoted)], [quoted["id"].encode()])
    worker.proc.wait(timeout=120)
    assert worker.proc.returncode == 1
    assert any(e.get("event") in ("output.send_failed", "worker.output_failed") for e in worker.log_events())

    # The restart reads the topic's limit: the article is dead-lettered, the next enriched.
    after = good_article(11, rng, "after")
    after["body"] = "ارتفعت درجات الحرارة في المدينة إلى 40 درجة مئوية أمس."  # no claim
    pipeline.produce([orjson.dumps(after)], [after["id"].encode()])
    restarted = pipeline.start_worker()
    letters = pipeline.read(topics.DEADLETTER, count=1, timeout=120)
    assert [(d["article_id"], d["reason"]) for d in letters] == [(quoted["id"], "output_too_large")]
    enriched = pipeline.read(topics.ENRICHED, count=len(first) + 1, timeout=120)
    assert after["id"] in {e["article"]["id"] for e in enriched}
    assert restarted.alive()
    assert any(e.get("event") == "topics.limit_below_setting" for e in restarted.log_events())
