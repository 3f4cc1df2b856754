"""The worker is configured by the same documented variables everywhere: the names of
streams/settings.py's SETTINGS, all of them, in compose (x-khabar-env) and in the
Kubernetes ConfigMap. KHABAR_WORKER_ID is the one left out of both: its default
(<hostname>-<pid>) is right in a container, and Kubernetes sets it per pod from the
pod name."""

from __future__ import annotations

import pytest

from streams.settings import SETTINGS, load
from tests.unit.deploy.dockerfile import stages
from tests.unit.deploy.fixtures import DOCKERFILE, compose, kubernetes_kind, service

NAMES = {s.name for s in SETTINGS}
PER_WORKER = {"KHABAR_WORKER_ID"}
SHARED = NAMES - PER_WORKER
KHABAR_SERVICES = ("topics", "worker", "samples")


def configmap() -> dict[str, str]:
    return kubernetes_kind("ConfigMap")["data"]


def test_compose_environment_lists_every_shared_setting():
    assert set(compose()["x-khabar-env"]) == SHARED


def test_configmap_lists_every_shared_setting():
    assert set(configmap()) == SHARED


@pytest.mark.parametrize("name", KHABAR_SERVICES)
def test_khabar_services_use_the_shared_environment(name):
    assert service(name)["environment"] == compose()["x-khabar-env"]


def test_deployment_sets_only_settings_names():
    (container,) = kubernetes_kind("Deployment")["spec"]["template"]["spec"]["containers"]
    assert {e["name"] for e in container["env"]} <= NAMES
    assert [e["configMapRef"]["name"] for e in container["envFrom"]] == [
        kubernetes_kind("ConfigMap")["metadata"]["name"]
    ]


def test_pods_end_themselves_before_kubernetes_kills_them():
    grace = kubernetes_kind("Deployment")["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
    assert grace > float(configmap()["KHABAR_SHUTDOWN_TIMEOUT"])


def test_worker_id_is_the_pod_name_in_kubernetes():
    (container,) = kubernetes_kind("Deployment")["spec"]["template"]["spec"]["containers"]
    (worker_id,) = [e for e in container["env"] if e["name"] == "KHABAR_WORKER_ID"]
    assert worker_id["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.name"


@pytest.mark.parametrize("where", ["compose", "configmap"])
def test_values_are_valid_settings(where):
    env = {k: str(v) for k, v in (compose()["x-khabar-env"] if where == "compose" else configmap()).items()}
    settings = load(env)  # raises SettingsError naming a bad variable
    # The health endpoint must be reachable by the orchestrator's probes.
    assert settings.web_host == "0.0.0.0"


def test_image_defaults_agree_with_compose_and_kubernetes():
    (final,) = stages(DOCKERFILE)[-1:]
    image_env = {}
    for env in final.all("ENV"):
        for pair in env.args.split():
            key, _, value = pair.partition("=")
            if key.startswith("KHABAR_"):
                image_env[key] = value
    assert set(image_env) <= NAMES
    assert image_env["KHABAR_WEB_HOST"] == "0.0.0.0"
    for name, value in image_env.items():
        assert str(compose()["x-khabar-env"][name]) == value == configmap()[name], name
