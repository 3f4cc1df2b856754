"""`khabar produce PATH...`: publish raw articles with kafka-python.

PATH is as streams/sources.py reads it (JSON lines, JSON, directories, `-`).
Lines are sent as they are, even when they are not valid articles: judging them is the
worker's job (it dead-letters them with a reason), and a scraper's bytes must reach the
pipeline untouched. The key is the article id when the line is an article.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Iterator

import orjson
from kafka import KafkaProducer
from tqdm import tqdm

from streams import topics
from streams.pipeline import article_id_of
from streams.settings import Settings
from streams.sources import iter_sources


@dataclass
class Summary:
    sent: int = 0
    failed: int = 0
    bytes: int = 0
    seconds: float = 0.0


def iter_messages(paths: list[str]) -> Iterator[bytes]:
    return (value for _where, value in iter_sources(paths))


def key_of(value: bytes) -> bytes | None:
    try:
        article = orjson.loads(value)
        return article_id_of(article).encode("utf-8") if isinstance(article, dict) and "url" in article else None
    except Exception:
        return None


def make_producer(settings: Settings, **overrides: object) -> KafkaProducer:
    config: dict[str, object] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "client_id": "khabar-produce",
        "acks": "all",
        "linger_ms": 5,
        "max_request_size": 2_097_152,
        "retries": 10,
    }
    config.update(overrides)
    return KafkaProducer(**config)


def produce(settings: Settings, paths: list[str], progress: bool = True, topic: str | None = None) -> Summary:
    import time

    target = topic or settings.topic(topics.RAW)
    summary = Summary()
    producer = make_producer(settings)
    errors: list[BaseException] = []
    t0 = time.perf_counter()
    bar = tqdm(unit=" articles", disable=not progress, file=sys.stderr, desc=f"→ {target}")
    try:
        for value in iter_messages(paths):
            future = producer.send(target, key=key_of(value), value=value)
            future.add_errback(errors.append)
            summary.sent += 1
            summary.bytes += len(value)
            bar.update(1)
        producer.flush()
    finally:
        bar.close()
        producer.close()
    summary.failed = len(errors)
    summary.sent -= summary.failed
    summary.seconds = time.perf_counter() - t0
    return summary
