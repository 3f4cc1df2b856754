"""deploy/README.md, the runbook: it covers what an operator needs, names only topics
that exist, documents the log fields, and its embedded manifest and script are valid."""

from __future__ import annotations

import re
import textwrap

import kubernetes_validate
import pytest
import yaml

from streams.topics import SPECS
from tests.unit.deploy.fixtures import RUNBOOK

SECTIONS = (
    "## Configuration",
    "## Scale out",
    "## Add partitions",
    "## Replay a topic after an upgrade",
    "## Drain the dead-letter topic",
    "## What to watch in the logs",
)
LOG_FIELDS = (
    "ts", "level", "event", "worker_id",
    "topic", "partition", "offset", "article_id", "reason", "timings_ms", "counts",
    "articles_in", "articles_out", "dead_letters", "throughput_per_s", "latency_ms", "consumer_lag", "interval_s",
)  # fmt: skip


def text() -> str:
    return RUNBOOK.read_text(encoding="utf-8")


@pytest.mark.parametrize("heading", SECTIONS)
def test_runbook_has_section(heading):
    assert heading in text().splitlines()


def test_runbook_documents_every_log_field():
    missing = [f for f in LOG_FIELDS if f"`{f}`" not in text()]
    assert not missing


def test_runbook_names_only_real_topics():
    real = {spec.name for spec in SPECS}
    mentioned = set(re.findall(r"\bnews\.[a-z.]*[a-z]", text()))
    assert mentioned and mentioned <= real, mentioned - real


def test_runbook_manifests_match_the_kubernetes_schema():
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text(), re.S)]
    manifests = [b for b in blocks if isinstance(b, dict) and "apiVersion" in b]
    assert manifests, "the HPA example"
    for manifest in manifests:
        kubernetes_validate.validate(manifest, kubernetes_validate.latest_version(), strict=True)


def test_runbook_drain_script_compiles():
    (script,) = re.findall(r"<<'EOF'\n(.*?)\n\s*EOF\n", text(), re.S)
    compile(textwrap.dedent(script), "drain-deadletters", "exec")
