"""Two workers in one consumer group (the same app id), one of them stopped mid-stream
(SIGTERM, graceful; or SIGKILL): the other takes its partitions over and nothing is
lost.

Several workers in one group run at_least_once: faust 0.15.3's transaction manager
does not survive a rebalance (a kept partition's producer is asked to begin a
transaction it is already in, and its outputs stay in a transaction that is never
committed, invisible to read_committed consumers: see README, "Reliability"). Copies
of an article enriched twice across the rebalance carry the same deterministic event
ids, so a consumer that de-duplicates on `event_id` sees each article once.

The surviving worker runs under a supervisor, as in production (compose's restart
policy, Kubernetes): a worker that finds a hole in a partition's offsets, or an output
it cannot write, exits with 1 instead of going on, and is started again.
"""

from __future__ import annotations

import time

import pytest

from streams import topics
from tests.integration.articles import good_messages
from tests.integration.harness import FAST_FAILOVER

ARTICLES = 3000
RESTART_LIMIT = 3
GROUP = {**FAST_FAILOVER, "KHABAR_PROCESSING_GUARANTEE": "at_least_once"}


def _supervised_until_all_enriched(pipeline, worker, keys, timeout):
    """Wait for every key on the enriched topic, restarting the worker if it exits."""
    deadline = time.monotonic() + timeout
    restarts = 0
    missing = set(keys)
    while missing and time.monotonic() < deadline:
        missing = pipeline.wait_for_keys(topics.ENRICHED, missing, timeout=15)
        if missing and not worker.alive() and restarts < RESTART_LIMIT:
            restarts += 1
            worker = pipeline.start_worker(**GROUP)
    return worker, restarts, missing


@pytest.mark.timeout(420)
# A rebalance can make faust 0.15.3 drop messages it had fetched; the worker notices
# the hole (`partition.gap`), stops before committing past it, and the supervisor's
# restart resumes at the first missing message (README, "Reliability").
@pytest.mark.parametrize("stop", ["sigterm", "sigkill"])
def test_one_of_two_workers_stopped_mid_stream_loses_nothing(pipeline, stop):
    messages = good_messages(ARTICLES, seed=11, tag=f"two-{stop}")
    stays = pipeline.start_worker(**GROUP)
    goes = pipeline.start_worker(**GROUP)
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
    stays, restarts, missing = _supervised_until_all_enriched(pipeline, stays, keys, timeout=240)
    assert not missing, f"{len(missing)} never enriched ({restarts} restarts)"
    assert stays.terminate() == 0

    out = pipeline.read(topics.ENRICHED, to_end=True, timeout=120)
    by_article: dict[str, set[str]] = {}
    for event in out:
        by_article.setdefault(event["article"]["id"], set()).add(event["event_id"])
    assert set(by_article) == {article_id for _, _, article_id in messages}
    # Any second copy is the same event (same id), so consumers can drop it.
    assert all(len(ids) == 1 for ids in by_article.values())
    copies = len(out) - len(by_article)
    print(f"{stop}: {restarts} supervisor restarts, {copies} duplicate copies of {len(by_article)} articles")
