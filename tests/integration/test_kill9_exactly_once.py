"""kill -9 at random moments while articles stream in, a restart each time: a
read_committed consumer sees every article enriched exactly once (the default
exactly_once guarantee: Kafka transactions; a restarted worker fences the dead one's)."""

from __future__ import annotations

import random
import time

import pytest

from streams import topics
from tests.integration.articles import good_messages
from tests.integration.harness import FAST_FAILOVER, exactly_once_report

ARTICLES = 5000
KILLS = 3


@pytest.mark.timeout(480)
def test_kill_9_at_random_moments_loses_nothing_and_duplicates_nothing(pipeline):
    rng = random.Random(9)
    messages = good_messages(ARTICLES, seed=10, tag="kill")
    worker = pipeline.start_worker(**FAST_FAILOVER)
    stream = pipeline.produce_over([(key, value) for key, value, _ in messages], seconds=40)
    for _ in range(KILLS):
        # A random moment while it enriches: after its first article, plus a random delay.
        assert worker.wait_for_log("article.enriched", timeout=180), worker.log_path.read_text()[-3000:]
        time.sleep(rng.uniform(0.0, 3.0))
        worker.kill()
        worker = pipeline.start_worker(**FAST_FAILOVER)
    stream.join(timeout=120)
    assert not stream.is_alive()

    missing = pipeline.wait_for_keys(topics.ENRICHED, {key for key, _, _ in messages}, timeout=240)
    assert worker.alive(), worker.log_path.read_text()[-3000:]
    assert worker.terminate() == 0
    out = pipeline.read(topics.ENRICHED, to_end=True, timeout=120)
    assert exactly_once_report(out, [article_id for _, _, article_id in messages]) == "", f"{len(missing)} missing"
