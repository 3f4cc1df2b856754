"""`khabar topics create`: every topic of khabar (README "Topics"), with partitions, replication and
retention; idempotent (existing topics are left as they are and reported)."""

from __future__ import annotations

from kafka.admin import KafkaAdminClient

from streams import topics
from streams.settings import Settings


def admin_client(settings: Settings) -> KafkaAdminClient:
    return KafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, client_id="khabar-admin")


def create_topics(settings: Settings, timeout_s: float = 30.0) -> dict[str, str]:
    """Create the missing topics; returns {topic: "created" | "exists"}."""
    client = admin_client(settings)
    try:
        existing = set(client.list_topics())
        wanted = {settings.topic(spec.name): spec for spec in topics.SPECS}
        missing = {
            name: {
                "num_partitions": settings.partitions,
                "replication_factor": settings.replication,
                "configs": topics.config(spec, settings),
            }
            for name, spec in wanted.items()
            if name not in existing
        }
        if missing:
            client.create_topics(missing, timeout_ms=int(timeout_s * 1000), wait_for_metadata=True)
        return {name: ("created" if name in missing else "exists") for name in wanted}
    finally:
        client.close()


def message_limits(settings: Settings, names: list[str]) -> dict[str, int]:
    """max.message.bytes in force for each existing topic of `names` (the topic's own
    setting or the broker's default): topics made by an older khabar or by hand may
    take less than KHABAR_MAX_MESSAGE_BYTES, and the worker must size its outputs to
    what the broker will accept, or the broker refuses them after the fact."""
    from kafka.admin import ConfigResource, ConfigResourceType

    client = admin_client(settings)
    try:
        present = set(client.list_topics())
        wanted = [n for n in names if n in present]
        if not wanted:
            return {}
        answer = client.describe_configs([ConfigResource(ConfigResourceType.TOPIC, n) for n in wanted])
        found = answer.get("topic", {}) if isinstance(answer, dict) else {}
        limits = {}
        for name in wanted:
            entry = found.get(name, {}).get("max.message.bytes")
            if entry and str(entry.get("value", "")).isdigit():
                limits[name] = int(entry["value"])
        return limits
    finally:
        client.close()


def delete_topics(settings: Settings, names: list[str]) -> None:
    client = admin_client(settings)
    try:
        present = set(client.list_topics())
        doomed = [n for n in names if n in present]
        if doomed:
            client.delete_topics(doomed)
    finally:
        client.close()


def kafka_answers(bootstrap: str, timeout_s: float = 5.0) -> bool:
    """True when a Kafka broker answers metadata requests at `bootstrap` (host:port),
    whoever started it: the demo and the tests then use it instead of starting one."""
    try:
        client = KafkaAdminClient(
            bootstrap_servers=[bootstrap],
            client_id="khabar-probe",
            request_timeout_ms=int(timeout_s * 1000),
        )
    except Exception:
        return False
    try:
        client.list_topics()
        return True
    except Exception:
        return False
    finally:
        client.close()
