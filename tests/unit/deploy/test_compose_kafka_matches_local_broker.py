"""The compose broker is the local development broker in a container: the same Apache
Kafka version (deploy/kafka/pom.xml) and the same deploy/kafka/server.properties,
except where a container must differ (addresses, the data path, static voters)."""

from __future__ import annotations

from tests.unit.deploy.fixtures import compose, kafka_version_of_pom, server_properties, service

# Variables the apache/kafka image passes to the JVM or scripts, not to server.properties
# (kafka.docker.KafkaDockerWrapper's ExcludeServerPropsEnv).
NOT_BROKER_PROPERTIES = {
    "KAFKA_VERSION", "KAFKA_HEAP_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS",
    "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL",
    "KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_JMX_HOSTNAME",
}  # fmt: skip

# Where a node is reached and keeps its data: host-specific by nature. The image also
# formats its storage for static voters (controller.quorum.voters) where kafka.sh uses
# --standalone with controller.quorum.bootstrap.servers.
ADDRESSING = {
    "listeners",
    "advertised.listeners",
    "listener.security.protocol.map",
    "controller.quorum.bootstrap.servers",
    "log.dirs",
}
CONTAINER_ONLY = {"controller.quorum.voters"}


def property_of(env_name: str) -> str:
    """The apache/kafka image's rule: KAFKA_ stripped, `_` → `.`, `__` → `_`, `___` → `-`,
    lower case (KAFKA_LOG_RETENTION_HOURS → log.retention.hours)."""
    name = env_name.removeprefix("KAFKA_").replace("_", ".").replace("...", "-").replace("..", "_")
    return name.lower()


def broker_properties() -> dict[str, str]:
    env = service("kafka")["environment"]
    return {property_of(k): str(v) for k, v in env.items() if k.startswith("KAFKA_") and k not in NOT_BROKER_PROPERTIES}


def test_image_is_the_kafka_version_of_the_local_broker():
    image, _, tag = service("kafka")["image"].partition(":")
    assert image == "apache/kafka", "the official Apache Kafka image"
    assert tag == kafka_version_of_pom()


def test_every_broker_setting_of_server_properties_is_the_same_in_compose():
    local = server_properties()
    in_compose = broker_properties()
    shared = {k: v for k, v in local.items() if k not in ADDRESSING}
    assert not [v for v in shared.values() if "@" in v], "a templated value outside ADDRESSING"
    assert {k: in_compose.get(k) for k in shared} == shared


def test_compose_sets_no_broker_property_the_local_broker_lacks():
    extra = set(broker_properties()) - set(server_properties()) - CONTAINER_ONLY
    assert not extra, f"add them to deploy/kafka/server.properties too, or explain: {sorted(extra)}"


def test_container_addressing_is_complete():
    props = broker_properties()
    assert {"listeners", "advertised.listeners", "log.dirs", "controller.quorum.voters"} <= set(props)
    local_map = set(server_properties()["listener.security.protocol.map"].split(","))
    assert local_map <= set(props["listener.security.protocol.map"].split(","))
    assert props["controller.quorum.voters"] == f"{props['node.id']}@kafka:9093"
    assert "CONTROLLER://:9093" in props["listeners"].split(",")
    assert "PLAINTEXT://:9092" in props["listeners"].split(",")


def test_kafka_data_is_a_named_volume_at_log_dirs():
    log_dirs = broker_properties()["log.dirs"]
    assert f"kafka-data:{log_dirs}" in service("kafka")["volumes"]
    assert "kafka-data" in compose()["volumes"]


def test_kafka_is_healthy_when_it_answers_api_versions():
    check = service("kafka")["healthcheck"]["test"]
    assert check == ["CMD", "/opt/kafka/bin/kafka-broker-api-versions.sh", "--bootstrap-server", "localhost:9092"]


def test_kafka_heap_is_the_local_brokers():
    assert service("kafka")["environment"]["KAFKA_HEAP_OPTS"] == "-Xms256m -Xmx1g"
