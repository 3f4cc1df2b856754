"""Worker settings, read from environment variables only.

The same variables configure the local run, docker-compose and Kubernetes; the table in
the README ("Configuration") documents them. Bad values fail at start with a message
naming the variable, not deep inside faust.
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, fields
from typing import Callable, Mapping

GUARANTEES = ("exactly_once", "at_least_once")


class SettingsError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: str
    help: str


# One list, so the README table, the compose file and the Kubernetes ConfigMap can be
# checked against it by the test suite.
SETTINGS: tuple[Setting, ...] = (
    Setting(
        "KHABAR_BROKER", "kafka://127.0.0.1:19092", "Kafka bootstrap servers (faust URL form; comma-separate several)"
    ),
    Setting("KHABAR_TOPIC_PREFIX", "", "prefix of every topic name, e.g. 'staging.'"),
    Setting("KHABAR_APP_ID", "khabar", "faust app id = consumer group id and prefix of internal topics"),
    Setting("KHABAR_PARTITIONS", "4", "partitions of each topic created by `khabar topics create`"),
    Setting("KHABAR_REPLICATION", "1", "replication factor of each topic"),
    Setting("KHABAR_PROCESSING_GUARANTEE", "exactly_once", "exactly_once (Kafka transactions) or at_least_once"),
    Setting("KHABAR_COMMIT_INTERVAL", "1.0", "seconds between offset commits (bounds exactly-once latency)"),
    Setting(
        "KHABAR_SESSION_TIMEOUT",
        "45",
        "seconds without a heartbeat before the group gives a dead worker's partitions to the others"
        " (bounds the pause after a kill -9 or a lost node; keep it above the slowest article's processing time)",
    ),
    Setting("KHABAR_MAX_ARTICLE_BYTES", "1000000", "raw messages larger than this are dead-lettered (too_large)"),
    Setting(
        "KHABAR_MAX_MESSAGE_BYTES",
        "8388608",
        "largest message khabar writes: max.message.bytes of the output topics it creates and the producer's"
        " request size; at least 3x KHABAR_MAX_ARTICLE_BYTES so a dead letter always fits",
    ),
    Setting(
        "KHABAR_MAX_FINDINGS",
        "5000",
        "figures, and claims, kept per article (in text order); the enriched event says how many were left out",
    ),
    Setting(
        "KHABAR_ARTICLE_TIMEOUT",
        "10",
        "seconds one article may take in the processors before it is dead-lettered (processing_timeout)",
    ),
    Setting(
        "KHABAR_SHUTDOWN_TIMEOUT",
        "30",
        "seconds from SIGTERM to exit, whatever state the worker is in (then exit code 1);"
        " above KHABAR_ARTICLE_TIMEOUT, below the orchestrator's grace period",
    ),
    Setting(
        "KHABAR_MIN_ARABIC_SHARE", "0.5", "share of Arabic letters below which an article is dead-lettered (not_arabic)"
    ),
    Setting("KHABAR_STATS_INTERVAL", "10", "seconds between `stats` log lines"),
    Setting("KHABAR_LOG_LEVEL", "INFO", "DEBUG, INFO, WARNING or ERROR"),
    Setting("KHABAR_DATA_DIR", ".khabar", "faust's local state directory (tables' local store)"),
    Setting(
        "KHABAR_TABLE_STORE",
        "rocksdb",
        "local store of the dedup table: rocksdb (on disk in KHABAR_DATA_DIR, kept across restarts) or memory"
        " (rebuilt from the changelog topic at every start; tests and development)",
    ),
    Setting(
        "KHABAR_DEDUP_HORIZON",
        "30d",
        "how long an article id and a content key are remembered, by the raw message's timestamp"
        " (a number of seconds, or with a unit: 90s, 45m, 12h, 30d); older entries are forgotten",
    ),
    Setting(
        "KHABAR_STANDBY_REPLICAS",
        "1",
        "standby copies of each dedup table partition kept by other workers, so a failover does not"
        " wait for the changelog to be read (0 to 3)",
    ),
    Setting("KHABAR_WORKER_ID", "", "worker id in logs (default: hostname-pid)"),
    Setting("KHABAR_WEB_HOST", "127.0.0.1", "address of the worker's health endpoint"),
    Setting("KHABAR_WEB_PORT", "6066", "port of the worker's health endpoint"),
)


def _whole(name: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None


def _positive_int(name: str, raw: str) -> int:
    value = _whole(name, raw)
    if value < 1:
        raise SettingsError(f"{name} must be at least 1, got {value}")
    return value


def _positive_float(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from None
    if not value > 0:
        raise SettingsError(f"{name} must be greater than 0, got {value}")
    return value


def _session_timeout(name: str, raw: str) -> float:
    value = _positive_float(name, raw)
    # The broker refuses sessions under group.min.session.timeout.ms (6 s by default);
    # faust wants the session timeout under its request timeout (90 s).
    if not 6 <= value <= 90:
        raise SettingsError(f"{name} must be between 6 and 90 seconds, got {value}")
    return value


def _share(name: str, raw: str) -> float:
    value = _positive_float(name, raw) if raw.strip() not in ("0", "0.0") else 0.0
    if value > 1:
        raise SettingsError(f"{name} must be between 0 and 1, got {value}")
    return value


def _guarantee(name: str, raw: str) -> str:
    value = raw.strip().lower().replace("-", "_")
    if value not in GUARANTEES:
        raise SettingsError(f"{name} must be one of {', '.join(GUARANTEES)}, got {raw!r}")
    return value


def _level(name: str, raw: str) -> str:
    value = raw.strip().upper()
    if value not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise SettingsError(f"{name} must be DEBUG, INFO, WARNING or ERROR, got {raw!r}")
    return value


def _broker(name: str, raw: str) -> str:
    value = raw.strip()
    if not value:
        raise SettingsError(f"{name} must name at least one broker")
    return ",".join(
        part if "://" in part else f"kafka://{part}" for part in (p.strip() for p in value.split(",")) if part
    )


STORES = ("rocksdb", "memory")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _table_store(name: str, raw: str) -> str:
    value = raw.strip().lower().removesuffix("://")
    if value not in STORES:
        raise SettingsError(f"{name} must be one of {', '.join(STORES)}, got {raw!r}")
    return value


def _duration(name: str, raw: str) -> float:
    """Seconds: '2592000', '30d', '12h', '45m', '90s'."""
    text = raw.strip().lower()
    unit = _UNITS.get(text[-1:], None) if text else None
    number = text[:-1] if unit else text
    try:
        value = float(number) * (unit or 1)
    except ValueError:
        raise SettingsError(f"{name} must be seconds or a duration like 30d, 12h, 45m, 90s, got {raw!r}") from None
    if not value > 0:
        raise SettingsError(f"{name} must be greater than 0, got {raw!r}")
    return value


def _standby_replicas(name: str, raw: str) -> int:
    value = _whole(name, raw)
    if not 0 <= value <= 3:
        raise SettingsError(f"{name} must be between 0 and 3, got {value}")
    return value


@dataclass(frozen=True, slots=True)
class Settings:
    broker: str
    topic_prefix: str
    app_id: str
    partitions: int
    replication: int
    processing_guarantee: str
    commit_interval: float
    session_timeout: float
    max_article_bytes: int
    max_message_bytes: int
    max_findings: int
    article_timeout: float
    shutdown_timeout: float
    min_arabic_share: float
    stats_interval: float
    log_level: str
    data_dir: str
    table_store: str
    dedup_horizon: float
    standby_replicas: int
    worker_id: str
    web_host: str
    web_port: int

    @property
    def bootstrap_servers(self) -> list[str]:
        """The broker list as kafka-python wants it: host:port, no scheme."""
        return [part.split("://", 1)[-1] for part in self.broker.split(",")]

    def topic(self, name: str) -> str:
        return f"{self.topic_prefix}{name}"


_PARSERS: dict[str, Callable[[str, str], object]] = {
    "KHABAR_BROKER": _broker,
    "KHABAR_PARTITIONS": _positive_int,
    "KHABAR_REPLICATION": _positive_int,
    "KHABAR_PROCESSING_GUARANTEE": _guarantee,
    "KHABAR_COMMIT_INTERVAL": _positive_float,
    "KHABAR_SESSION_TIMEOUT": _session_timeout,
    "KHABAR_MAX_ARTICLE_BYTES": _positive_int,
    "KHABAR_MAX_MESSAGE_BYTES": _positive_int,
    "KHABAR_MAX_FINDINGS": _positive_int,
    "KHABAR_ARTICLE_TIMEOUT": _positive_float,
    "KHABAR_SHUTDOWN_TIMEOUT": _positive_float,
    "KHABAR_MIN_ARABIC_SHARE": _share,
    "KHABAR_STATS_INTERVAL": _positive_float,
    "KHABAR_LOG_LEVEL": _level,
    "KHABAR_WEB_PORT": _positive_int,
    "KHABAR_TABLE_STORE": _table_store,
    "KHABAR_DEDUP_HORIZON": _duration,
    "KHABAR_STANDBY_REPLICAS": _standby_replicas,
}


def load(env: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    for setting, attr in zip(SETTINGS, (f.name for f in fields(Settings))):
        raw = env.get(setting.name, setting.default)
        parser = _PARSERS.get(setting.name)
        values[attr] = parser(setting.name, raw) if parser else raw
    if not values["worker_id"]:
        values["worker_id"] = f"{socket.gethostname()}-{os.getpid()}"
    if not values["app_id"]:
        raise SettingsError("KHABAR_APP_ID must not be empty")
    # A raw message up to the raw topic's limit (2x the article limit, streams/topics.py)
    # is dead-lettered with its bytes in base64 (4/3 of them): the dead letter must fit.
    if values["max_message_bytes"] < 3 * values["max_article_bytes"]:  # type: ignore[operator]
        raise SettingsError(
            f"KHABAR_MAX_MESSAGE_BYTES ({values['max_message_bytes']}) must be at least 3x"
            f" KHABAR_MAX_ARTICLE_BYTES ({values['max_article_bytes']}), so that any article's dead letter fits"
        )
    # The in-flight article must be able to finish (or time out) before the shutdown
    # deadline, or every SIGTERM during a slow article would end in a forced exit.
    if values["shutdown_timeout"] <= values["article_timeout"]:  # type: ignore[operator]
        raise SettingsError(
            f"KHABAR_SHUTDOWN_TIMEOUT ({values['shutdown_timeout']}) must be above"
            f" KHABAR_ARTICLE_TIMEOUT ({values['article_timeout']})"
        )
    return Settings(**values)  # type: ignore[arg-type]
