"""Soak: does a worker look the same after many horizons of articles as after one?

One real worker (subprocess, the local Kafka broker) with the dedup horizon shortened
(20 s by default instead of 30 days) is fed small generated articles at a steady rate
for many horizons. Every few seconds: the worker's RSS (/proc) and the dedup table's
entries (its `dedup` log line). Then the time from process start to the first article
handled, three ways: the first start (empty table), a restart with its data directory
(RocksDB kept), a restart without it (the table recovered from the changelog topic).

    python -m benchmarks.soak --horizon 20 --rate 150 --duration 240 --store rocksdb

Needs the broker on KHABAR_BROKER (`bash deploy/kafka/kafka.sh start`).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from benchmarks.machine import machine, one_line

OUT = Path(__file__).resolve().parent / "out"


class LogTail:
    """The JSON lines a worker wrote since the last call."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pos = 0
        self.rest = b""

    def new(self) -> list[dict]:
        try:
            with self.path.open("rb") as f:
                f.seek(self.pos)
                chunk = f.read()
                self.pos = f.tell()
        except FileNotFoundError:
            return []
        lines = (self.rest + chunk).split(b"\n")
        self.rest = lines.pop()
        out = []
        for line in lines:
            try:
                out.append(orjson.loads(line))
            except orjson.JSONDecodeError:
                pass
        return out


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def time_to_first(
    pipeline: Any, env: dict[str, str], probe_key: bytes, probe_value: bytes, timeout: float = 300
) -> tuple[Any, float]:
    """Publish a probe article, start a worker, seconds until it logs the probe enriched."""
    pipeline.produce([probe_value], [probe_key])
    t0 = time.monotonic()
    worker = pipeline.start_worker(**env)
    tail = LogTail(worker.log_path)
    probe_id = probe_key.decode()
    while time.monotonic() - t0 < timeout:
        for event in tail.new():
            if event.get("event") in ("article.enriched", "article.duplicate") and event.get("article_id") == probe_id:
                return worker, time.monotonic() - t0
        if not worker.alive():
            raise RuntimeError(f"the worker died:\n{worker.log_path.read_text()[-3000:]}")
        time.sleep(0.05)
    raise RuntimeError(f"the probe was not handled within {timeout}s")


def soak(
    horizon: float,
    rate: float,
    duration: float,
    store: str,
    guarantee: str,
    sample: float,
    log=lambda s: print(s, file=sys.stderr),
) -> dict[str, Any]:
    from tests.integration.articles import good_messages
    from tests.integration.harness import Cluster

    cluster = Cluster.from_env()
    if not cluster.answers():
        raise SystemExit(f"no Kafka broker on {cluster.bootstrap}: bash deploy/kafka/kafka.sh start")
    workdir = Path(tempfile.mkdtemp(prefix="khabar-soak-"))
    pipeline = cluster.pipeline(f"soak-{store}", workdir)
    env = {
        "KHABAR_TABLE_STORE": store,
        "KHABAR_DEDUP_HORIZON": f"{horizon}s",
        "KHABAR_PROCESSING_GUARANTEE": guarantee,
        "KHABAR_STATS_INTERVAL": str(min(2.0, sample)),
    }
    probes = good_messages(3, seed=99, tag="probe")
    try:
        worker, first_start = time_to_first(pipeline, env, probes[0][0], probes[0][1])
        datadir = worker.env["KHABAR_DATA_DIR"]
        log(f"soak: first start (empty table) to first article: {first_start:.1f}s")
        count = int(rate * duration)
        messages = [(k, v) for k, v, _ in good_messages(count, seed=7, tag="soak")]
        tail = LogTail(worker.log_path)
        for _ in tail.new():
            pass
        t0 = time.monotonic()
        producer = pipeline.produce_over(messages, seconds=duration, batches=max(10, int(duration * 4)))
        samples: list[dict[str, Any]] = []
        handled = 0
        entries = None
        store_mb = None
        next_sample = t0
        while True:
            for event in tail.new():
                if event.get("event") in ("article.enriched", "article.duplicate"):
                    handled += 1
                elif event.get("event") == "dedup":
                    entries = event.get("entries")
                    store_mb = event.get("store_mb")
            now = time.monotonic()
            if now >= next_sample:
                samples.append(
                    {
                        "t_s": round(now - t0, 1),
                        "handled": handled,
                        "rss_mb": rss_mb(worker.proc.pid),
                        "store_mb": store_mb,
                        "entries": entries,
                    }
                )
                s = samples[-1]
                log(
                    f"soak: t={s['t_s']:>6}s handled={handled:>7} rss={s['rss_mb']:.0f} MB"
                    f" store={store_mb} MB entries={entries}"
                )
                next_sample += sample
            if handled >= count and not producer.is_alive():
                break
            if not worker.alive():
                raise RuntimeError(f"the worker died:\n{worker.log_path.read_text()[-3000:]}")
            if now - t0 > duration * 4 + 300:
                raise RuntimeError(f"only {handled} of {count} handled")
            time.sleep(0.2)
        elapsed = time.monotonic() - t0
        # Let the sweep and a stats line catch up, then the last sample.
        time.sleep(2 * min(2.0, sample))
        for event in tail.new():
            if event.get("event") == "dedup":
                entries = event.get("entries")
                store_mb = event.get("store_mb")
        samples.append(
            {
                "t_s": round(time.monotonic() - t0, 1),
                "handled": handled,
                "rss_mb": rss_mb(worker.proc.pid),
                "store_mb": store_mb,
                "entries": entries,
            }
        )
        assert worker.terminate() == 0, worker.log_path.read_text()[-3000:]

        changelog_records = changelog_size(pipeline)
        restart_env = {**env, "KHABAR_DATA_DIR": datadir}
        worker, with_dir = time_to_first(pipeline, restart_env, probes[1][0], probes[1][1])
        log(f"soak: restart with the data directory: {with_dir:.1f}s")
        assert worker.terminate() == 0
        worker, without_dir = time_to_first(pipeline, env, probes[2][0], probes[2][1])
        log(f"soak: restart without the data directory: {without_dir:.1f}s")
        assert worker.terminate() == 0
        return {
            "store": store,
            "guarantee": guarantee,
            "horizon_s": horizon,
            "rate_per_s": rate,
            "articles": count,
            "seconds": round(elapsed, 1),
            "horizons_covered": round(elapsed / horizon, 1),
            "samples": samples,
            "changelog_records": changelog_records,
            "first_start_s": round(first_start, 2),
            "restart_with_datadir_s": round(with_dir, 2),
            "restart_without_datadir_s": round(without_dir, 2),
            "machine": machine(),
        }
    finally:
        pipeline.close()


def changelog_size(pipeline: Any) -> int:
    """Records in the changelog topic (end - start offsets; compaction lowers it)."""
    from kafka import KafkaConsumer, TopicPartition

    name = f"{pipeline.app_id}-seen-changelog"
    consumer = KafkaConsumer(bootstrap_servers=pipeline.settings.bootstrap_servers, group_id=None)
    try:
        tps = [TopicPartition(name, p) for p in range(pipeline.partitions)]
        start, end = consumer.beginning_offsets(tps), consumer.end_offsets(tps)
        return sum(end[tp] - start[tp] for tp in tps)
    finally:
        consumer.close()


def summary(result: dict[str, Any]) -> str:
    h = result["horizon_s"]
    samples = result["samples"]
    after = [s for s in samples if s["t_s"] >= h] or samples
    lines = [
        f"soak: {result['articles']} articles at {result['rate_per_s']}/s over {result['seconds']} s "
        f"({result['horizons_covered']} horizons of {h:g} s), store {result['store']}, {result['guarantee']}",
        f"machine: {one_line()}",
        "",
        "| t (s) | handled | RSS (MB) | of which RocksDB (MB) | table entries |",
        "|---:|---:|---:|---:|---:|",
    ]
    step = max(1, len(samples) // 12)
    for s in samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else []):
        store = "-" if s.get("store_mb") is None else f"{s['store_mb']:.0f}"
        lines.append(f"| {s['t_s']} | {s['handled']} | {s['rss_mb']:.0f} | {store} | {s['entries']} |")
    rss = [s["rss_mb"] for s in after if s["rss_mb"] is not None]
    ent = [s["entries"] for s in after if s["entries"] is not None]
    lines += [
        "",
        f"after the first horizon: RSS {min(rss):.0f}-{max(rss):.0f} MB, entries {min(ent)}-{max(ent)}"
        if rss and ent
        else "",
        f"changelog records at the end (before compaction): {result['changelog_records']}",
        f"start to first article: first start {result['first_start_s']} s, "
        f"restart with data dir {result['restart_with_datadir_s']} s, "
        f"without {result['restart_without_datadir_s']} s",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--horizon", type=float, default=20.0, help="KHABAR_DEDUP_HORIZON for the run, seconds")
    parser.add_argument("--rate", type=float, default=150.0, help="articles per second published")
    parser.add_argument("--duration", type=float, default=240.0, help="seconds of publishing")
    parser.add_argument("--store", choices=("rocksdb", "memory"), default="rocksdb")
    parser.add_argument("--guarantee", choices=("exactly_once", "at_least_once"), default="exactly_once")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between samples")
    args = parser.parse_args(argv)
    result = soak(args.horizon, args.rate, args.duration, args.store, args.guarantee, args.sample)
    OUT.mkdir(exist_ok=True)
    path = OUT / f"soak-{args.store}.json"
    path.write_text(json.dumps(result, indent=2))
    print(summary(result))
    print(f"\n(written to {path})")


if __name__ == "__main__":
    main()
