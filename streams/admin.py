"""`khabar topics create`: every topic of DESIGN.md, with partitions, replication and
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
                "configs": spec.config,
            }
            for name, spec in wanted.items()
            if name not in existing
        }
        if missing:
            client.create_topics(missing, timeout_ms=int(timeout_s * 1000), wait_for_metadata=True)
        return {name: ("created" if name in missing else "exists") for name in wanted}
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
