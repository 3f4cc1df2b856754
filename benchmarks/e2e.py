"""End to end through the real local Kafka broker, with one worker subprocess.

(a) Sustained throughput: N corpus articles are pre-loaded into a fresh raw topic, then
    one worker (`khabar worker`, a subprocess, as a user runs it) is started, and a
    read_committed consumer of the enriched topic (what downstream consumers see) waits
    for all N. The rate is N over the time from the worker's first output record to the
    last enriched event visible; the worker's start-up (faust boot, group join) is
    reported apart. Run for at_least_once and exactly_once.

(b) Latency at a fixed offered load: a producer sends corpus articles at a steady rate
    (default 50/s for 30 s), noting each send time; a read_committed consumer of the
    enriched topic notes each arrival (same machine, same clock): produce -> enriched
    latency p50/p95/p99. With exactly_once the output is visible only once the
    transaction commits, so the latency is bounded by the commit interval
    (KHABAR_COMMIT_INTERVAL): it is reported beside it, at 1.0 s and 0.1 s.

Every run uses a fresh topic prefix and app id, and deletes its topics at the end. The
broker is started with deploy/kafka/kafka.sh when none answers, and stopped at the end
only then.

    python -m benchmarks.e2e --count 10000 --rate 50 --duration 30
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import orjson

from benchmarks import corpus

ROOT = Path(__file__).resolve().parent.parent
KAFKA_SH = ROOT / "deploy" / "kafka" / "kafka.sh"

Log = Callable[[str], None]


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------- the broker


@contextlib.contextmanager
def broker(log: Log = _stderr) -> Iterator[str]:
    """The local broker's bootstrap address; started here (and stopped at the end) only
    when none answers. A broker someone else started is left alone."""
    from streams.admin import kafka_answers
    from streams.settings import load

    bootstrap = load().bootstrap_servers[0]
    started = False
    if not kafka_answers(bootstrap):
        log(f"starting the local Apache Kafka broker on {bootstrap} (deploy/kafka/kafka.sh start)")
        subprocess.run(["bash", str(KAFKA_SH), "start"], check=True)
        started = True
    try:
        yield bootstrap
    finally:
        if started:
            log("stopping the local broker this benchmark started")
            subprocess.run(["bash", str(KAFKA_SH), "stop"], capture_output=True)


# ------------------------------------------------------------------------ one run's world


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


@dataclass
class Run:
    """Fresh topics under a unique prefix, one worker subprocess, clients; all cleaned up."""

    bootstrap: str
    kind: str
    partitions: int = 4
    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="khabar-bench-")))
    worker: subprocess.Popen | None = None
    worker_cpu_at_start: float = 0.0

    def __post_init__(self) -> None:
        from streams.admin import create_topics
        from streams.settings import load

        run = f"{self.kind}-{time.strftime('%H%M%S')}-{uuid.uuid4().hex[:6]}"
        self.prefix = f"bench.{run}."
        self.app_id = f"khabar-bench-{run}"
        self.env = {
            **os.environ,
            "KHABAR_BROKER": f"kafka://{self.bootstrap}",
            "KHABAR_TOPIC_PREFIX": self.prefix,
            "KHABAR_APP_ID": self.app_id,
            "KHABAR_PARTITIONS": str(self.partitions),
        }
        self.settings = load(self.env)
        create_topics(self.settings)

    def topic(self, name: str) -> str:
        return self.settings.topic(name)

    def start_worker(
        self, guarantee: str, commit_interval: float | None = None, extra_env: dict[str, str] | None = None
    ) -> subprocess.Popen:
        env = {
            **self.env,
            "KHABAR_PROCESSING_GUARANTEE": guarantee,
            "KHABAR_DATA_DIR": str(self.workdir / "data"),
            "KHABAR_WEB_PORT": str(free_port()),
            "KHABAR_WORKER_ID": f"bench-{self.kind}",
        }
        if commit_interval is not None:
            env["KHABAR_COMMIT_INTERVAL"] = str(commit_interval)
        env.update(extra_env or {})
        self.log_path = self.workdir / "worker.log"
        with self.log_path.open("ab") as log:
            self.worker = subprocess.Popen(
                [sys.executable, "-m", "streams.cli", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT
            )
        self.worker_cpu_at_start = cpu_seconds(self.worker.pid) or 0.0
        return self.worker

    def worker_alive(self) -> bool:
        return self.worker is not None and self.worker.poll() is None

    def worker_cpu(self) -> float | None:
        return cpu_seconds(self.worker.pid) if self.worker_alive() else None

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except (OSError, AttributeError):
            return ""

    def stop_worker(self, timeout: float = 60) -> int | None:
        if self.worker is None:
            return None
        if self.worker.poll() is None:
            self.worker.send_signal(signal.SIGTERM)
            try:
                self.worker.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.worker.kill()
                self.worker.wait()
        return self.worker.returncode

    def producer(self, **overrides: Any) -> Any:
        from streams.produce import make_producer

        config: dict[str, Any] = {"client_id": f"bench-{self.kind}", "linger_ms": 20, "batch_size": 262_144}
        config.update(overrides)
        return make_producer(self.settings, **config)

    def produce(self, values: Iterable[bytes]) -> tuple[int, float]:
        """Send raw articles (keyed by id, as `khabar produce` does); (count, seconds)."""
        from streams import topics
        from streams.produce import key_of

        producer = self.producer()
        t0 = time.perf_counter()
        count = 0
        errors: list[BaseException] = []
        for value in values:
            producer.send(self.topic(topics.RAW), key=key_of(value), value=value).add_errback(errors.append)
            count += 1
        producer.flush()
        producer.close()
        if errors:
            raise RuntimeError(f"{len(errors)} sends failed: {errors[0]!r}")
        return count, time.perf_counter() - t0

    def outputs(self) -> "Outputs":
        return Outputs(self)

    def close(self) -> None:
        self.stop_worker()
        try:
            from streams.admin import admin_client

            client = admin_client(self.settings)
            try:
                doomed = [t for t in client.list_topics() if t.startswith((self.prefix, self.app_id))]
                if doomed:
                    client.delete_topics(doomed)
            finally:
                client.close()
        except Exception as exc:  # cleanup must not hide the figures
            _stderr(f"could not delete the topics of {self.prefix}: {exc!r}")
        shutil.rmtree(self.workdir, ignore_errors=True)


class Outputs:
    """A read_committed consumer of the enriched and dead-letter topics, from their start:
    what a downstream consumer of khabar sees. Keys are article ids."""

    def __init__(self, run: Run) -> None:
        from kafka import KafkaConsumer, TopicPartition

        from streams import topics

        self.enriched_topic = run.topic(topics.ENRICHED)
        self.consumer = KafkaConsumer(
            bootstrap_servers=run.settings.bootstrap_servers,
            enable_auto_commit=False,
            group_id=None,
            isolation_level="read_committed",
            client_id=f"bench-{run.kind}-reader",
            fetch_max_wait_ms=100,
            max_poll_records=2000,
            fetch_max_bytes=52_428_800,
            max_partition_fetch_bytes=8_388_608,
        )
        tps = [
            TopicPartition(t, p)
            for t in (self.enriched_topic, run.topic(topics.DEADLETTER))
            for p in range(run.partitions)
        ]
        self.consumer.assign(tps)
        self.consumer.seek_to_beginning(*tps)

    def poll(self, timeout_ms: int = 200) -> list[tuple[float, bool, Any]]:
        """[(arrival time.time(), is_enriched, record)] of one poll."""
        batch = self.consumer.poll(timeout_ms=timeout_ms)
        now = time.time()
        return [(now, record.topic == self.enriched_topic, record) for records in batch.values() for record in records]

    def close(self) -> None:
        self.consumer.close()


def _pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


# ----------------------------------------------------------------- waiting for the outputs


@dataclass
class Collected:
    seen: set[bytes] = field(default_factory=set)  # article ids enriched (visible)
    dead: int = 0
    t_first: float | None = None  # arrival times at the reading consumer
    t_last: float | None = None
    first_ts: float | None = None  # the output records' own timestamps
    last_ts: float | None = None
    cpu_end: float | None = None  # the worker's CPU seconds when the last one came


def collect(
    run: "Run",
    outputs: Any,
    count: int,
    timeout: float,
    log: Log,
    note_every: float,
    ignore: frozenset[bytes] = frozenset(),
    since: float | None = None,
) -> Collected:
    """Read the enriched and dead-letter topics until `count` articles came out (or
    `timeout`), failing at once if the worker dies; a progress line every `note_every` s."""
    got = Collected()
    deadline = time.monotonic() + timeout
    next_note = time.monotonic() + note_every
    while len(got.seen) + got.dead < count and time.monotonic() < deadline:
        for arrival, enriched, record in outputs.poll():
            if not enriched:
                got.dead += 1
                continue
            if record.key in ignore or record.key in got.seen:
                continue
            got.seen.add(record.key)
            got.t_first = got.t_first or arrival
            got.t_last = arrival
            ts = record.timestamp / 1000
            got.first_ts = ts if got.first_ts is None else min(got.first_ts, ts)
            got.last_ts = ts if got.last_ts is None else max(got.last_ts, ts)
        if len(got.seen) + got.dead >= count:
            got.cpu_end = run.worker_cpu()
        if not run.worker_alive():
            raise RuntimeError(f"the worker died:\n{run.log_tail()}")
        if time.monotonic() > next_note:
            after = f" after {time.time() - since:.0f}s" if since is not None else ""
            log(f"    {len(got.seen)}/{count} enriched visible{after}")
            next_note += note_every
    return got


# ----------------------------------------------------------------------------- (a) throughput


def throughput(
    bootstrap: str,
    count: int,
    guarantee: str,
    size: int = corpus.DEFAULT_SIZE,
    seed: int = 7,
    commit_interval: float | None = None,
    timeout: float | None = None,
    log: Log = _stderr,
    values: list[bytes] | None = None,
) -> dict[str, Any]:
    values = values if values is not None else [line.rstrip(b"\n") for line in corpus.lines(count, size, seed)]
    count = len(values)
    timeout = timeout if timeout is not None else max(180.0, count / 20)
    run = Run(bootstrap, f"tput-{guarantee.replace('_', '')}")
    outputs = None
    try:
        sent, produce_s = run.produce(values)
        log(
            f"  [{guarantee}] pre-loaded {sent} articles ({sum(map(len, values)) / 1e6:.1f} MB) in {produce_s:.1f}s;"
            " starting the worker"
        )
        outputs = run.outputs()
        t_start = time.time()
        run.start_worker(guarantee, commit_interval)
        got = collect(run, outputs, count, timeout, log, note_every=10)
        seen, dead, t_last, first_ts, last_ts = got.seen, got.dead, got.t_last, got.first_ts, got.last_ts
        cpu_end = got.cpu_end
        done = len(seen) + dead >= count
        cpu_used = (cpu_end or run.worker_cpu() or 0.0) - run.worker_cpu_at_start
        startup = (first_ts - t_start) if first_ts else None
        # From the worker's first output record to the last event visible to a
        # read_committed consumer: processing, plus (exactly-once) the final commit.
        span = (t_last - first_ts) if t_last and first_ts else None
        result = {
            "guarantee": guarantee,
            "commit_interval": commit_interval if commit_interval is not None else run.settings.commit_interval,
            "articles": count,
            "enriched": len(seen),
            "dead_letters": dead,
            "complete": done,
            "mean_bytes": sum(map(len, values)) / count,
            "produce_s": produce_s,
            "startup_s": startup,
            "seconds": span,
            "rate": (len(seen) / span) if span else None,
            "total_s_incl_startup": (t_last - t_start) if t_last else None,
            "rate_incl_startup": (len(seen) / (t_last - t_start)) if t_last else None,
            "worker_rate_by_record_time": ((len(seen) - 1) / (last_ts - first_ts))
            if last_ts and last_ts > first_ts
            else None,
            "worker_cpu_s": cpu_used,
            "rate_per_worker_cpu_s": (len(seen) / cpu_used) if cpu_used else None,
        }
        log(
            f"  [{guarantee}] {len(seen)}/{count} enriched ({dead} dead letters) in {span or 0:.1f}s after start-up"
            f" of {startup or 0:.1f}s: {result['rate'] or 0:.0f} articles/s;"
            f" worker CPU {cpu_used:.1f}s -> {result['rate_per_worker_cpu_s'] or 0:.0f} articles per CPU-s"
        )
        return result
    finally:
        if outputs is not None:
            outputs.close()
        run.close()


# -------------------------------------------------------------------------------- (b) latency


def latency(
    bootstrap: str,
    guarantee: str,
    rate: float = 50.0,
    duration: float = 30.0,
    commit_interval: float | None = None,
    size: int = corpus.DEFAULT_SIZE,
    seed: int = 11,
    warmup: int = 20,
    log: Log = _stderr,
) -> dict[str, Any]:
    from streams import topics

    total = int(rate * duration)
    values = [line.rstrip(b"\n") for line in corpus.lines(total + warmup, size, seed)]
    keys = [orjson.loads(v)["id"].encode() for v in values]
    run = Run(bootstrap, f"lat-{guarantee.replace('_', '')}-{str(commit_interval or 'd').replace('.', 'p')}")
    outputs = None
    stop = threading.Event()
    arrivals: dict[bytes, float] = {}
    dead = [0]

    def consume() -> None:
        while not stop.is_set():
            for arrival, enriched, record in outputs.poll(100):
                if enriched:
                    arrivals.setdefault(record.key, arrival)
                else:
                    dead[0] += 1

    try:
        outputs = run.outputs()
        run.start_worker(guarantee, commit_interval)
        reader = threading.Thread(target=consume, name="enriched-reader", daemon=True)
        reader.start()
        # Latency-minded producer: no lingering, one request per article.
        producer = run.producer(linger_ms=0, batch_size=16_384)
        raw = run.topic(topics.RAW)
        # Warm-up: the worker has joined its group and processed a few articles.
        t0 = time.monotonic()
        for key, value in zip(keys[:warmup], values[:warmup]):
            producer.send(raw, key=key, value=value)
        producer.flush()
        while not all(k in arrivals for k in keys[:warmup]):
            if not run.worker_alive():
                raise RuntimeError(f"the worker died:\n{run.log_tail()}")
            if time.monotonic() - t0 > 180:
                raise RuntimeError("the worker did not enrich the warm-up articles within 180 s")
            time.sleep(0.05)
        log(
            f"  [{guarantee}, commit {commit_interval or run.settings.commit_interval}s] worker ready after"
            f" {time.monotonic() - t0:.1f}s; offering {rate:g} articles/s for {duration:g}s"
        )
        sent: dict[bytes, float] = {}
        start = time.monotonic()
        cpu0 = run.worker_cpu()
        for i, (key, value) in enumerate(zip(keys[warmup:], values[warmup:])):
            due = start + i / rate
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            sent[key] = time.time()
            producer.send(raw, key=key, value=value, timestamp_ms=int(sent[key] * 1000))
        producer.flush()
        offered_s = time.monotonic() - start
        deadline = time.monotonic() + 30 + 3 * (commit_interval or run.settings.commit_interval)
        while not all(k in arrivals for k in sent) and time.monotonic() < deadline:
            time.sleep(0.1)
        cpu1 = run.worker_cpu()
        producer.close()
        stop.set()
        reader.join(timeout=5)
        lat = [1000 * (arrivals[k] - t) for k, t in sent.items() if k in arrivals]
        result = {
            "guarantee": guarantee,
            "commit_interval": commit_interval if commit_interval is not None else run.settings.commit_interval,
            "offered_rate": rate,
            "achieved_offer_rate": len(sent) / offered_s if offered_s else None,
            "duration_s": duration,
            "sent": len(sent),
            "received": len(lat),
            "dead_letters": dead[0],
            "p50_ms": _pct(lat, 50),
            "p95_ms": _pct(lat, 95),
            "p99_ms": _pct(lat, 99),
            "max_ms": max(lat) if lat else None,
            "worker_cpu_share": ((cpu1 - cpu0) / offered_s) if cpu0 is not None and cpu1 is not None else None,
        }
        log(
            f"  [{guarantee}, commit {result['commit_interval']}s] {len(lat)}/{len(sent)} received:"
            f" p50 {result['p50_ms'] or 0:.1f} ms, p95 {result['p95_ms'] or 0:.1f} ms, p99 {result['p99_ms'] or 0:.1f} ms"
            f" (max {result['max_ms'] or 0:.1f})"
        )
        return result
    finally:
        stop.set()
        if outputs is not None:
            time.sleep(0.2)
            outputs.close()
        run.close()


# --------------------------------------------------------------------------------- the runs

GUARANTEES = ("at_least_once", "exactly_once")


def run_all(
    count: int = 10_000,
    rate: float = 50.0,
    duration: float = 30.0,
    size: int = corpus.DEFAULT_SIZE,
    seed: int = 7,
    commit_intervals: tuple[float, ...] = (1.0, 0.1),
    log: Log = _stderr,
) -> dict[str, Any]:
    out: dict[str, Any] = {"throughput": [], "latency": []}
    with broker(log) as bootstrap:
        values = [line.rstrip(b"\n") for line in corpus.lines(count, size, seed)]
        log(f"e2e: sustained throughput, {count} articles of ~{sum(map(len, values)) / count:.0f} B, one worker")
        for guarantee in GUARANTEES:
            out["throughput"].append(throughput(bootstrap, count, guarantee, size, seed, log=log, values=values))
        log(f"e2e: latency at {rate:g} articles/s offered for {duration:g}s")
        out["latency"].append(latency(bootstrap, "at_least_once", rate, duration, size=size, log=log))
        for interval in commit_intervals:
            out["latency"].append(latency(bootstrap, "exactly_once", rate, duration, interval, size=size, log=log))
    return out


def report(result: dict[str, Any]) -> str:
    lines = [
        "sustained throughput (one worker, pre-loaded raw topic, read_committed consumer):",
        f"{'guarantee':14} {'articles':>8} {'start-up s':>10} {'seconds':>8} {'articles/s':>10}"
        f" {'per worker CPU-s':>16}",
    ]
    for t in result["throughput"]:
        lines.append(
            f"{t['guarantee']:14} {t['enriched']:>8} {t['startup_s'] or 0:10.1f} {t['seconds'] or 0:8.1f}"
            f" {t['rate'] or 0:10.1f} {t['rate_per_worker_cpu_s'] or 0:16.1f}"
        )
    lines += [
        "",
        "latency produce -> enriched (read_committed) at a fixed offered load:",
        f"{'guarantee':14} {'commit s':>8} {'offered/s':>9} {'received':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}",
    ]
    for r in result["latency"]:
        lines.append(
            f"{r['guarantee']:14} {r['commit_interval']:8g} {r['offered_rate']:9g} {r['received']:>8}"
            f" {r['p50_ms'] or 0:8.1f} {r['p95_ms'] or 0:8.1f} {r['p99_ms'] or 0:8.1f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.e2e", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="articles for the throughput runs")
    parser.add_argument("--rate", type=float, default=50.0, help="offered load of the latency runs, articles/s")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds of the latency runs")
    parser.add_argument("--size", type=int, default=corpus.DEFAULT_SIZE)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", default=None, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    result = run_all(args.count, args.rate, args.duration, args.size, args.seed)
    print(report(result))
    if args.json:
        Path(args.json).write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
