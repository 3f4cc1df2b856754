"""deploy/kafka/kafka.sh: start is idempotent, stop leaves nothing behind.

Runs a second broker on its own ports and data directory, so the session's broker is
not disturbed.
"""

from __future__ import annotations

import os
import socket
import subprocess

import pytest

from tests.integration.harness import KAFKA_SH, free_port


def _kafka_sh(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(KAFKA_SH), *args], env=env, capture_output=True, text=True, timeout=300)


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def _broker_pids(home: str) -> list[str]:
    out = subprocess.run(["pgrep", "-f", f"{home}/server.properties"], capture_output=True, text=True)
    return out.stdout.split()


@pytest.mark.timeout(400)
def test_start_twice_then_stop_leaves_no_process_and_frees_the_port(tmp_path):
    port, ctrl = free_port(), free_port()
    home = str(tmp_path / "broker")
    env = {**os.environ, "KHABAR_KAFKA_PORT": str(port), "KHABAR_KAFKA_CTRL_PORT": str(ctrl), "KHABAR_KAFKA_HOME": home}
    try:
        first = _kafka_sh(env, "start")
        assert first.returncode == 0, first.stderr
        pids = _broker_pids(home)
        assert len(pids) == 1
        assert _kafka_sh(env, "status").returncode == 0

        second = _kafka_sh(env, "start")
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        assert _broker_pids(home) == pids  # no second broker

        stop = _kafka_sh(env, "stop")
        assert stop.returncode == 0, stop.stderr
        assert _broker_pids(home) == []
        assert _port_free(port) and _port_free(ctrl)
        assert _kafka_sh(env, "status").returncode == 3

        # Storage was formatted once and is reused: a restart keeps the cluster id.
        meta = (tmp_path / "broker" / "data" / "meta.properties").read_text()
        assert _kafka_sh(env, "start").returncode == 0
        assert (tmp_path / "broker" / "data" / "meta.properties").read_text() == meta
    finally:
        _kafka_sh(env, "stop")
    assert _broker_pids(home) == []
