"""Two workers in one consumer group (the same app id), one of them stopped mid-stream
(SIGTERM, graceful; or SIGKILL): the other takes its partitions over, by itself, and
nothing is lost.

Under exactly_once (the default) a read_committed consumer sees every article enriched
exactly once. Under at_least_once an article may be enriched twice across the
rebalance, as the guarantee allows, but both copies carry the same deterministic event
id, so a consumer that de-duplicates on `event_id` sees each article once.

The surviving worker is never restarted here: a worker that lost messages at the
rebalance (faust-streaming 0.15.3 did, streams/faust_ext) would fail this.
"""

from __future__ import annotations

import pytest

from streams import topics
from tests.integration.articles import good_messages
from tests.integration.harness import FAST_FAILOVER, exactly_once_report

ARTICLES = 3000


@pytest.mark.timeout(480)
@pytest.mark.parametrize("guarantee", ["exactly_once", "at_least_once"])
@pytest.mark.parametrize("stop", ["sigterm", "sigkill"])
def test_one_of_two_workers_stopped_mid_stream_loses_nothing(pipeline, stop, guarantee):
    group = {**FAST_FAILOVER, "KHABAR_PROCESSING_GUARANTEE": guarantee}
    messages = good_messages(ARTICLES, seed=11, tag=f"two-{stop}-{guarantee}")
    stays = pipeline.start_worker(**group)
    goes = pipeline.start_worker(**group)
    stream = pipeline.produce_over([(key, value) for key, value, _ in messages], seconds=20)

    # Mid-stream: both have partitions and have enriched articles.
    for worker in (stays, goes):
        assert worker.wait_for_log("article.enriched", timeout=120), worker.log_path.read_text()[-3000:]
    if stop == "sigterm":
        assert goes.terminate() == 0
    else:
        goes.kill()
    stream.join(timeout=120)
    assert not stream.is_alive()

    keys = {key for key, _, _ in messages}
    missing = pipeline.wait_for_keys(topics.ENRICHED, keys, timeout=300)
    assert stays.alive(), stays.log_path.read_text()[-3000:]
    gaps = [e for e in stays.log_events() if e.get("event") == "partition.gap"]
    assert not missing, f"{len(missing)} never enriched; holes the worker saw: {gaps[:5]}"
    assert not gaps
    assert stays.terminate() == 0

    out = pipeline.read(topics.ENRICHED, to_end=True, timeout=120)
    article_ids = [article_id for _, _, article_id in messages]
    if guarantee == "exactly_once":
        assert exactly_once_report(out, article_ids) == ""
    else:
        by_article: dict[str, set[str]] = {}
        for event in out:
            by_article.setdefault(event["article"]["id"], set()).add(event["event_id"])
        assert set(by_article) == set(article_ids)
        assert all(len(ids) == 1 for ids in by_article.values())
    print(f"{stop}/{guarantee}: {len(out) - len(set(article_ids))} second copies of {len(article_ids)} articles")
