"""`khabar tail TOPIC`: print a topic's events, with Arabic readable (not \\u escapes)."""

from __future__ import annotations

import json
import sys
from typing import Iterator

from kafka import KafkaConsumer

from streams import topics
from streams.settings import Settings

SHORT_NAMES = {
    "raw": topics.RAW,
    "enriched": topics.ENRICHED,
    "claims": topics.CLAIMS,
    "figures": topics.FIGURES,
    "deadletter": topics.DEADLETTER,
}


def resolve(settings: Settings, name: str) -> str:
    """'claims' → '<prefix>news.claims'; a full topic name is taken as it is."""
    if name in SHORT_NAMES:
        return settings.topic(SHORT_NAMES[name])
    if name in {spec.name for spec in topics.SPECS}:
        return settings.topic(name)
    return name


def records(
    settings: Settings,
    topic: str,
    from_beginning: bool = True,
    idle_timeout_s: float | None = None,
    max_records: int | None = None,
) -> Iterator[tuple[bytes | None, bytes]]:
    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=settings.bootstrap_servers,
        auto_offset_reset="earliest" if from_beginning else "latest",
        enable_auto_commit=False,
        group_id=None,
        # Only what the worker committed: no events of aborted transactions.
        isolation_level="read_committed",
        consumer_timeout_ms=int(idle_timeout_s * 1000) if idle_timeout_s else float("inf"),
    )
    try:
        for count, record in enumerate(consumer, start=1):
            yield record.key, record.value
            if max_records is not None and count >= max_records:
                return
    finally:
        consumer.close()


def render(value: bytes, pretty: bool) -> str:
    try:
        obj = json.loads(value)
    except ValueError:
        return value.decode("utf-8", errors="replace")
    return json.dumps(obj, ensure_ascii=False, indent=2 if pretty else None)


def tail(
    settings: Settings,
    name: str,
    from_beginning: bool,
    idle_timeout_s: float | None,
    max_records: int | None,
    pretty: bool,
) -> int:
    count = 0
    for _key, value in records(settings, resolve(settings, name), from_beginning, idle_timeout_s, max_records):
        sys.stdout.write(render(value, pretty) + "\n")
        sys.stdout.flush()
        count += 1
    return count
