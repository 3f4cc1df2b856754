"""Two workers in one consumer group (the same app id), one of them stopped mid-stream
(SIGTERM, graceful; or SIGKILL): the other takes its partitions over and nothing is
lost, nor enriched twice (exactly_once)."""

from __future__ import annotations

import pytest

from streams import topics
from tests.integration.articles import good_messages
from tests.integration.harness import FAST_FAILOVER, exactly_once_report

ARTICLES = 3000


@pytest.mark.timeout(300)
@pytest.mark.parametrize("stop", ["sigterm", "sigkill"])
def test_one_of_two_workers_stopped_mid_stream_loses_nothing(pipeline, stop):
    messages = good_messages(ARTICLES, seed=11, tag=f"two-{stop}")
    stays = pipeline.start_worker(**FAST_FAILOVER)
    goes = pipeline.start_worker(**FAST_FAILOVER)
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

    missing = pipeline.wait_for_keys(topics.ENRICHED, {key for key, _, _ in messages}, timeout=180)
    assert not missing, f"{len(missing)} never enriched"
    assert stays.alive(), stays.log_path.read_text()[-3000:]
    assert stays.terminate() == 0
    out = pipeline.read(topics.ENRICHED, to_end=True, timeout=120)
    assert exactly_once_report(out, [article_id for _, _, article_id in messages]) == ""
