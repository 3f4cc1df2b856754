"""The compose stack's shape: broker → one-shot topic creation → scalable workers,
healthchecks on what runs long, nothing published beyond loopback."""

from __future__ import annotations

from tests.unit.deploy.fixtures import compose, seconds, service

LONG_RUNNING = ("kafka", "worker")


def test_topics_are_created_once_after_the_broker_is_healthy():
    topics = service("topics")
    assert topics["command"] == ["topics", "create"]
    assert topics["depends_on"] == {"kafka": {"condition": "service_healthy"}}
    assert topics["restart"] == "no"


def test_workers_start_after_the_topics_exist():
    assert service("worker")["depends_on"] == {"topics": {"condition": "service_completed_successfully"}}
    assert service("worker")["command"] == ["worker"]


def test_worker_can_be_scaled():
    # --scale worker=N needs N containers: no fixed name, no fixed host port.
    worker = service("worker")
    assert "container_name" not in worker
    assert "ports" not in worker
    assert "deploy" not in worker or "replicas" not in worker["deploy"]


def test_worker_has_time_to_commit_on_sigterm():
    worker = service("worker")
    assert worker.get("stop_signal", "SIGTERM") == "SIGTERM"
    assert seconds(worker["stop_grace_period"]) >= 30
    # The worker ends itself at KHABAR_SHUTDOWN_TIMEOUT; Docker's SIGKILL must come later.
    assert seconds(worker["stop_grace_period"]) > float(compose()["x-khabar-env"]["KHABAR_SHUTDOWN_TIMEOUT"])


def test_long_running_services_have_healthchecks_and_restart():
    for name in LONG_RUNNING:
        assert service(name)["healthcheck"]["test"], name
        assert service(name)["restart"] == "unless-stopped", name
    assert service("worker")["healthcheck"]["test"] == ["CMD", "khabar", "health"]


def test_ports_are_published_on_loopback_only():
    for name, svc in compose()["services"].items():
        for port in svc.get("ports", []):
            assert isinstance(port, str) and port.startswith("127.0.0.1:"), (name, port)


def test_khabar_services_share_one_image():
    khabar = [svc for name, svc in compose()["services"].items() if name != "kafka"]
    assert {(svc["image"], svc["build"]) for svc in khabar} == {("khabar:0.1.0", ".")}


def test_samples_run_only_in_the_demo_profile():
    samples = service("samples")
    assert samples["profiles"] == ["demo"]
    assert samples["command"] == ["produce", "/app/samples"]
    assert samples["restart"] == "no"
