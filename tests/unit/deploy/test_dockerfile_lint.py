"""hadolint, the Dockerfile linter (its shellcheck included for RUN lines), finds
nothing, down to style level."""

from __future__ import annotations

import subprocess

from tests.unit.deploy.fixtures import DOCKERFILE, tool


def test_hadolint_finds_nothing():
    result = subprocess.run(
        [tool("hadolint"), "--no-color", "--failure-threshold", "style", str(DOCKERFILE)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
