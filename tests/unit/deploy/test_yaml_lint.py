"""yamllint on the deployment YAML: no duplicate keys (a silent override in Compose and
Kubernetes alike), consistent indentation, no truthy surprises (`restart: no` would be
a boolean)."""

from __future__ import annotations

import subprocess
import sys

from tests.unit.deploy.fixtures import COMPOSE, KUBERNETES

CONFIG = "{extends: default, rules: {line-length: {max: 120}, document-start: disable}}"


def test_yamllint_finds_nothing():
    files = [str(COMPOSE), *sorted(str(p) for p in KUBERNETES.glob("*.yaml"))]
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "--strict", "-d", CONFIG, *files], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
