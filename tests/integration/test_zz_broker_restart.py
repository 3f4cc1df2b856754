"""The broker stopped and started again mid-stream (same data directory): the worker
recovers by itself, nothing is lost, nothing enriched twice.

Named test_zz_* to run last: it stops the broker every other test uses. The broker is
started again in a `finally`, whatever happens."""

from __future__ import annotations

import subprocess
import time

import pytest

from streams import topics
from tests.integration.articles import good_messages
from tests.integration.harness import KAFKA_SH, exactly_once_report

ARTICLES = 2000
DOWN_SECONDS = 15


def _kafka(command: str) -> None:
    result = subprocess.run(["bash", str(KAFKA_SH), command], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.timeout(420)
def test_worker_recovers_after_the_broker_restarts_mid_stream(pipeline):
    messages = good_messages(ARTICLES, seed=12, tag="restart")
    before, after = messages[: ARTICLES // 2], messages[ARTICLES // 2 :]
    worker = pipeline.start_worker()
    pipeline.produce((value for _, value, _ in before), (key for key, _, _ in before))
    assert worker.wait_for_log("article.enriched", timeout=120), worker.log_path.read_text()[-3000:]
    try:
        _kafka("stop")  # mid-stream: the worker is enriching the first half
        time.sleep(DOWN_SECONDS)
        assert worker.alive(), worker.log_path.read_text()[-3000:]
    finally:
        _kafka("start")
    pipeline.produce((value for _, value, _ in after), (key for key, _, _ in after))

    missing = pipeline.wait_for_keys(topics.ENRICHED, {key for key, _, _ in messages}, timeout=240)
    assert worker.alive(), worker.log_path.read_text()[-3000:]
    assert not missing, f"{len(missing)} never enriched"
    assert worker.terminate() == 0
    out = pipeline.read(topics.ENRICHED, to_end=True, timeout=120)
    assert exactly_once_report(out, [article_id for _, _, article_id in messages]) == ""
