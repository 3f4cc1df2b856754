"""The Kubernetes worker Deployment can scale, stop cleanly and be watched: replicas
within the partitions, a grace period to commit, probes on /health, limits, a
non-root read-only container with its state on an emptyDir; a PDB; the topics Job."""

from __future__ import annotations

from tests.unit.deploy.dockerfile import stages
from tests.unit.deploy.fixtures import DOCKERFILE, kubernetes_kind

HEALTH_PORT = 6066


def pod() -> dict:
    return kubernetes_kind("Deployment")["spec"]["template"]["spec"]


def worker() -> dict:
    (container,) = pod()["containers"]
    return container


def config() -> dict[str, str]:
    return kubernetes_kind("ConfigMap")["data"]


def test_replicas_fit_the_partitions():
    replicas = kubernetes_kind("Deployment")["spec"]["replicas"]
    assert 2 <= replicas <= int(config()["KHABAR_PARTITIONS"])


def test_grace_period_is_long_enough_to_commit():
    assert pod()["terminationGracePeriodSeconds"] >= 60
    assert pod()["terminationGracePeriodSeconds"] > 10 * float(config()["KHABAR_COMMIT_INTERVAL"])


def test_rolling_update_never_exceeds_the_replicas():
    rolling = kubernetes_kind("Deployment")["spec"]["strategy"]["rollingUpdate"]
    assert rolling == {"maxSurge": 0, "maxUnavailable": 1}


def test_probes_call_the_health_endpoint():
    ports = {p["name"]: p["containerPort"] for p in worker()["ports"]}
    assert ports["health"] == HEALTH_PORT == int(config()["KHABAR_WEB_PORT"])
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        assert worker()[probe]["httpGet"] == {"path": "/health", "port": "health"}, probe


# Measured (benchmarks/soak.py, README "State and restarts"): a worker's memory
# without its RocksDB databases at the plateau, each database's cap (ROCKSDB_OPTIONS),
# and the worst 1 MB crafted article's peak (benchmarks/adversarial.py families).
BASE_MB = 130
PER_DATABASE_MB = 16
WORST_ARTICLE_MB = 136


def _mb(quantity: str) -> float:
    units = {"Mi": 1.048576, "Gi": 1073.741824, "M": 1.0, "G": 1000.0}
    for suffix, factor in units.items():
        if quantity.endswith(suffix):
            return float(quantity[: -len(suffix)]) * factor
    return float(quantity) / 1e6


def test_memory_covers_the_measured_steady_state_and_the_worst_article():
    resources = worker()["resources"]
    assert resources["requests"]["cpu"] and resources["limits"]["cpu"]
    replicas = kubernetes_kind("Deployment")["spec"]["replicas"]
    partitions = int(config()["KHABAR_PARTITIONS"])
    copies = 1 + int(config()["KHABAR_STANDBY_REPLICAS"])
    databases = -(-partitions // replicas) * copies  # active and standby, per pod
    steady = BASE_MB + PER_DATABASE_MB * databases
    request, limit = _mb(resources["requests"]["memory"]), _mb(resources["limits"]["memory"])
    # More partitions per pod without more memory would fail here.
    assert request >= steady
    assert limit >= 1.5 * (steady + WORST_ARTICLE_MB)
    assert limit >= request


def test_runs_as_the_images_non_root_user_on_a_read_only_root():
    user = stages(DOCKERFILE)[-1].last("USER").args.split(":")[0]
    security = pod()["securityContext"]
    assert security["runAsNonRoot"] is True
    assert str(security["runAsUser"]) == user != "0"
    assert worker()["securityContext"]["readOnlyRootFilesystem"] is True
    assert worker()["securityContext"]["allowPrivilegeEscalation"] is False
    assert worker()["securityContext"]["capabilities"]["drop"] == ["ALL"]


def test_data_dir_and_tmp_are_writable_empty_dirs():
    empty_dirs = {v["name"] for v in pod()["volumes"] if "emptyDir" in v}
    mounts = {m["mountPath"]: m["name"] for m in worker()["volumeMounts"]}
    assert mounts[config()["KHABAR_DATA_DIR"]] in empty_dirs
    assert mounts["/tmp"] in empty_dirs


def test_disruption_budget_covers_the_workers_one_at_a_time():
    pdb = kubernetes_kind("PodDisruptionBudget")["spec"]
    assert pdb["maxUnavailable"] == 1
    labels = kubernetes_kind("Deployment")["spec"]["template"]["metadata"]["labels"]
    assert pdb["selector"]["matchLabels"].items() <= labels.items()
    assert pdb["selector"] == kubernetes_kind("Deployment")["spec"]["selector"]


def test_topics_job_creates_the_topics_with_the_same_config():
    job = kubernetes_kind("Job")["spec"]["template"]["spec"]
    (container,) = job["containers"]
    assert container["args"] == ["topics", "create"]
    assert container["envFrom"] == worker()["envFrom"]
    assert container["image"] == worker()["image"]
    assert job["restartPolicy"] in ("OnFailure", "Never")
