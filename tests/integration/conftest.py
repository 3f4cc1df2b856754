"""Integration tests run against a real Apache Kafka broker, never a mock.

The session fixture uses the broker already answering on KHABAR_BROKER (default
127.0.0.1:19092) or starts the local one with deploy/kafka/kafka.sh, and stops it at
the end only if it started it. If no broker can be had, the tests FAIL: CI must never
pass by skipping them.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.integration.harness import KAFKA_SH, Cluster

INTEGRATION = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test under tests/integration `integration` (a `pytestmark` in a
    conftest marks nothing), so `pytest -m "not integration"` runs the unit tests
    without a broker; `make test` runs both."""
    for item in items:
        if INTEGRATION in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def kafka() -> Cluster:
    cluster = Cluster.from_env()
    started = False
    if not cluster.answers():
        result = subprocess.run(["bash", str(KAFKA_SH), "start"], capture_output=True, text=True)
        if result.returncode != 0:
            pytest.fail(f"could not start the local Kafka broker:\n{result.stderr[-3000:]}", pytrace=False)
        started = True
    yield cluster
    if started and not os.environ.get("KHABAR_KEEP_BROKER"):
        subprocess.run(["bash", str(KAFKA_SH), "stop"], capture_output=True)


@pytest.fixture
def pipeline(kafka: Cluster, tmp_path: Path, request: pytest.FixtureRequest):
    """Fresh topics (a unique prefix) and a way to run workers on them; all cleaned up."""
    run = kafka.pipeline(request.node.name, tmp_path)
    yield run
    run.close()
