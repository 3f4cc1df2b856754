"""Run khabar as a user would (subprocess workers, kafka-python clients) in tests.

`Pipeline` gives a test its own topic prefix and app id, so tests never see each
other's messages; like Quix Streams' `Application.run(count=N, timeout=s)`, `read`
collects what came out until a count or a time-out.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import orjson
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from streams import topics
from streams.admin import create_topics, delete_topics, kafka_answers
from streams.settings import load

ROOT = Path(__file__).resolve().parents[2]
KAFKA_SH = ROOT / "deploy" / "kafka" / "kafka.sh"


# The shortest session the broker accepts (group.min.session.timeout.ms): the partitions
# of a killed worker come back in seconds, not after the 45 s default.
FAST_FAILOVER = {"KHABAR_SESSION_TIMEOUT": "6"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    bootstrap: str

    @classmethod
    def from_env(cls) -> "Cluster":
        return cls(load().bootstrap_servers[0])

    def answers(self) -> bool:
        host, _, port = self.bootstrap.rpartition(":")
        try:
            with socket.create_connection((host, int(port)), timeout=1):
                pass
        except OSError:
            return False
        return kafka_answers(self.bootstrap)

    def pipeline(self, test_name: str, workdir: Path, partitions: int = 4) -> "Pipeline":
        slug = re.sub(r"[^a-z0-9]+", "-", test_name.lower()).strip("-")[:40]
        run = f"{slug}-{uuid.uuid4().hex[:8]}"
        return Pipeline(self, run, workdir, partitions)


@dataclass
class Worker:
    proc: subprocess.Popen
    log_path: Path
    env: dict[str, str]

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        """kill -9: no chance to commit or flush anything."""
        if self.alive():
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()

    def terminate(self, timeout: float = 60) -> int:
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def wait_for_log(self, event: str, count: int = 1, timeout: float = 120) -> bool:
        """Wait until the worker logged `event` at least `count` times (or died)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.alive():
            if sum(1 for e in self.log_events() if e.get("event") == event) >= count:
                return True
            time.sleep(0.2)
        return False

    def log_events(self) -> list[dict]:
        out = []
        for line in self.log_path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                out.append(orjson.loads(line))
            except orjson.JSONDecodeError:
                pass
        return out


@dataclass
class Pipeline:
    cluster: Cluster
    run: str
    workdir: Path
    partitions: int
    workers: list[Worker] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.prefix = f"test.{self.run}."
        self.app_id = f"khabar-test-{self.run}"
        self.env = {
            **os.environ,
            "KHABAR_BROKER": f"kafka://{self.cluster.bootstrap}",
            "KHABAR_TOPIC_PREFIX": self.prefix,
            "KHABAR_APP_ID": self.app_id,
            "KHABAR_PARTITIONS": str(self.partitions),
            "KHABAR_STATS_INTERVAL": "1",
        }
        self.settings = load(self.env)
        create_topics(self.settings)

    def topic(self, name: str) -> str:
        return self.settings.topic(name)

    def start_worker(self, **env: str) -> Worker:
        index = len(self.workers)
        datadir = self.workdir / f"worker-{index}"
        datadir.mkdir(parents=True, exist_ok=True)
        worker_env = {
            **self.env,
            "KHABAR_DATA_DIR": str(datadir),
            "KHABAR_WEB_PORT": str(free_port()),
            "KHABAR_WORKER_ID": f"w{index}",
            **env,
        }
        log_path = self.workdir / f"worker-{index}.log"
        with log_path.open("ab") as log:
            proc = subprocess.Popen(
                [sys.executable, "-m", "streams.cli", "worker"],
                env=worker_env,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )
        worker = Worker(proc, log_path, worker_env)
        self.workers.append(worker)
        return worker

    def fault_hook(self) -> dict[str, str]:
        """Environment for a worker whose processors raise on articles with
        meta {"raise": true} (tests/integration/articles.py FAULT_HOOK, test-only)."""
        from tests.integration.articles import FAULT_HOOK

        hook_dir = self.workdir / "fault-hook"
        hook_dir.mkdir(exist_ok=True)
        (hook_dir / "sitecustomize.py").write_text(FAULT_HOOK, encoding="utf-8")
        path = [str(hook_dir), str(ROOT), *filter(None, [self.env.get("PYTHONPATH")])]
        return {"PYTHONPATH": os.pathsep.join(path)}

    def producer(self) -> KafkaProducer:
        return KafkaProducer(
            bootstrap_servers=self.settings.bootstrap_servers, acks="all", linger_ms=5, max_request_size=4_194_304
        )

    def produce(self, values: Iterable[bytes], keys: Iterable[bytes | None] | None = None) -> int:
        producer = self.producer()
        count = 0
        keys = iter(keys) if keys is not None else None
        for value in values:
            producer.send(self.topic(topics.RAW), key=next(keys) if keys else None, value=value)
            count += 1
        producer.flush()
        producer.close()
        return count

    def produce_over(self, messages: list[tuple[bytes, bytes]], seconds: float, batches: int = 100) -> threading.Thread:
        """Publish (key, value) messages evenly over about `seconds` in a background
        thread (a stream, not a burst); join() the thread to wait for the last one."""

        def run() -> None:
            producer = self.producer()
            size = max(1, -(-len(messages) // batches))
            try:
                for start in range(0, len(messages), size):
                    for key, value in messages[start : start + size]:
                        producer.send(self.topic(topics.RAW), key=key, value=value)
                    producer.flush()
                    time.sleep(seconds / batches)
            finally:
                producer.close()

        thread = threading.Thread(target=run, name="produce-over", daemon=True)
        thread.start()
        return thread

    def read(
        self,
        name: str,
        count: int | None = None,
        timeout: float = 60.0,
        idle: float | None = None,
        committed: bool = True,
        to_end: bool = False,
    ) -> list[dict]:
        """Events of a topic from its start, until `count` came, `timeout` passed, or
        nothing came for `idle` seconds. read_committed by default: what a consumer of
        khabar's output sees. `to_end`: until the end offsets of when the read began
        (everything, once no writer is left)."""
        out: list[dict] = []
        for record in self.records(name, count, timeout, idle, committed, to_end):
            event = orjson.loads(record.value)
            event["_kafka"] = {
                "partition": record.partition,
                "offset": record.offset,
                "key": record.key,
                "headers": dict(record.headers or []),
            }
            out.append(event)
        return out

    def wait_for_keys(self, name: str, keys: set[bytes], timeout: float) -> set[bytes]:
        """Read a topic until every key in `keys` was seen (or `timeout`); the missing."""
        missing = set(keys)

        def done(got: list) -> bool:
            missing.difference_update(r.key for r in got)
            return not missing

        self.records(name, timeout=timeout, until=done)
        return missing

    def records(
        self,
        name: str,
        count: int | None = None,
        timeout: float = 60.0,
        idle: float | None = None,
        committed: bool = True,
        to_end: bool = False,
        until: Callable[[list], bool] | None = None,
    ) -> list:
        """The raw kafka-python records of a topic from its start (as `read`)."""
        consumer = KafkaConsumer(
            bootstrap_servers=self.settings.bootstrap_servers,
            enable_auto_commit=False,
            group_id=None,
            isolation_level="read_committed" if committed else "read_uncommitted",
            max_partition_fetch_bytes=8_388_608,
            fetch_max_bytes=52_428_800,
        )
        topic = self.topic(name)
        tps = [TopicPartition(topic, p) for p in range(self.partitions)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        end = consumer.end_offsets(tps) if to_end else None
        out: list = []
        deadline = time.monotonic() + timeout
        last = time.monotonic()
        try:
            while time.monotonic() < deadline:
                batch = consumer.poll(timeout_ms=500)
                got = [r for records in batch.values() for r in records]
                if got:
                    last = time.monotonic()
                out.extend(got)
                if until is not None and until(got):
                    break
                if count is not None and len(out) >= count:
                    break
                if idle is not None and time.monotonic() - last > idle:
                    break
                if end is not None and all(consumer.position(tp) >= end[tp] for tp in tps):
                    break
            else:
                if end is not None:
                    raise TimeoutError(f"{topic}: not read to its end offsets {end} in {timeout}s")
        finally:
            consumer.close()
        return out

    def close(self) -> None:
        for worker in self.workers:
            worker.terminate(timeout=30)
        try:
            names = [self.topic(spec.name) for spec in topics.SPECS]
            names.append(f"{self.app_id}-seen-changelog")
            delete_topics(self.settings, names)
        except Exception:
            pass


def exactly_once_report(enriched: list[dict], article_ids: list[str]) -> str:
    """'' when each article id is enriched exactly once and nothing else is; else what
    is wrong, with examples (where the duplicates came from, to debug a failure)."""
    seen: dict[str, list[dict]] = {}
    for event in enriched:
        seen.setdefault(event["article"]["id"], []).append(event)
    wanted = set(article_ids)
    missing = sorted(wanted - set(seen))
    extra = sorted(set(seen) - wanted)
    twice = {k: v for k, v in seen.items() if len(v) > 1}
    problems = []
    if missing:
        problems.append(f"{len(missing)} never enriched, e.g. {missing[:5]}")
    if extra:
        problems.append(f"{len(extra)} unexpected, e.g. {extra[:5]}")
    if twice:
        examples = [
            (k, [(e["source_offset"], e["_kafka"]["partition"], e["_kafka"]["offset"]) for e in v])
            for k, v in list(twice.items())[:3]
        ]
        problems.append(f"{len(twice)} enriched more than once, e.g. {examples}")
    return "; ".join(problems)
