"""docker-compose.yml is a valid Compose file, checked offline by two independent
readers: the Compose specification's JSON Schema (vendored in check-jsonschema) and
Debian's docker-compose 1.29, which parses it exactly as it would before `up`
(profiles, depends_on conditions, anchors and merge keys, ${VAR:-default})."""

from __future__ import annotations

import subprocess
import sys

from tests.unit.deploy.fixtures import COMPOSE, ROOT, tool


def test_compose_file_matches_the_compose_specification_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_docker_compose_accepts_the_file_without_a_docker_engine():
    # `config` only reads and resolves the file: no daemon needed. A clean environment,
    # so that no KHABAR_KAFKA_HOST_PORT of the caller changes what is checked.
    result = subprocess.run(
        [tool("docker-compose"), "--project-directory", str(ROOT), "-f", str(COMPOSE), "config", "-q"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
