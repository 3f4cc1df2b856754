"""Backfill: how long one worker takes to enrich an archive through Kafka.

A corpus of at least 20,000 articles (benchmarks/corpus.py, written once to
benchmarks/out/) is published with the code of `khabar produce` (streams/produce.py)
while one worker runs (started and warmed up first, its start-up reported apart); the
clock runs from the first article sent to the last enriched event visible to a
read_committed consumer.

    python -m benchmarks.backfill --count 20000 --guarantee exactly_once
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import Any

import orjson

from benchmarks import corpus
from benchmarks.e2e import Log, Run, _stderr, broker, collect


def backfill(
    bootstrap: str,
    count: int = 20_000,
    size: int = corpus.DEFAULT_SIZE,
    seed: int = 7,
    guarantee: str = "exactly_once",
    timeout: float | None = None,
    log: Log = _stderr,
) -> dict[str, Any]:
    from streams import topics
    from streams.produce import produce

    path = corpus.cached(count, size, seed)
    timeout = timeout if timeout is not None else max(600.0, count / 10)
    run = Run(bootstrap, f"backfill-{guarantee.replace('_', '')}")
    outputs = None
    try:
        outputs = run.outputs()
        t_worker = time.time()
        run.start_worker(guarantee)
        # Warm-up: one article outside the corpus; once it is out, the worker has joined
        # its group and loaded its lexicons.
        warm = orjson.dumps({**next(corpus.generate(1, size, seed + 1000)), "id": "bench-backfill-warmup"})
        run.produce([warm])
        while True:
            got = [r for _, enriched, r in outputs.poll() if enriched]
            if any(r.key == b"bench-backfill-warmup" for r in got):
                break
            if not run.worker_alive():
                raise RuntimeError(f"the worker died:\n{run.log_tail()}")
            if time.time() - t_worker > 180:
                raise RuntimeError("the worker did not enrich the warm-up article within 180 s")
        startup = time.time() - t_worker
        log(f"backfill: worker ready after {startup:.1f}s ({guarantee}); publishing {count} articles from {path}")
        summary: dict[str, Any] = {}

        def publish() -> None:
            s = produce(run.settings, [str(path)], progress=False, topic=run.topic(topics.RAW))
            summary.update(sent=s.sent, failed=s.failed, bytes=s.bytes, seconds=s.seconds)

        cpu0 = run.worker_cpu() or 0.0
        t0 = time.time()
        publisher = threading.Thread(target=publish, name="khabar-produce")
        publisher.start()
        got = collect(
            run, outputs, count, timeout, log, note_every=15, ignore=frozenset({b"bench-backfill-warmup"}), since=t0
        )
        seen, dead, t_last, cpu1 = got.seen, got.dead, got.t_last, got.cpu_end
        publisher.join()
        seconds = (t_last - t0) if t_last else None
        cpu = (cpu1 or run.worker_cpu() or 0.0) - cpu0
        result = {
            "guarantee": guarantee,
            "articles": count,
            "enriched": len(seen),
            "dead_letters": dead,
            "complete": len(seen) + dead >= count,
            "mean_bytes": path.stat().st_size / count,
            "corpus": str(path),
            "startup_s": startup,
            "produce_s": summary.get("seconds"),
            "seconds": seconds,
            "rate": (len(seen) / seconds) if seconds else None,
            "worker_cpu_s": cpu,
            "rate_per_worker_cpu_s": (len(seen) / cpu) if cpu else None,
        }
        log(
            f"backfill: {len(seen)}/{count} enriched ({dead} dead letters) in {seconds or 0:.1f}s"
            f" = {result['rate'] or 0:.0f} articles/s (published in {summary.get('seconds', 0):.1f}s;"
            f" worker CPU {cpu:.0f}s -> {result['rate_per_worker_cpu_s'] or 0:.0f} articles per CPU-s)"
        )
        return result
    finally:
        if outputs is not None:
            outputs.close()
        run.close()


def report(r: dict[str, Any]) -> str:
    return (
        f"backfill of {r['enriched']}/{r['articles']} articles (~{r['mean_bytes']:.0f} B, {r['guarantee']},"
        f" one worker): {r['seconds'] or 0:.1f} s = {r['rate'] or 0:.1f} articles/s"
        f" ({r['rate_per_worker_cpu_s'] or 0:.1f} per worker CPU-s); worker start-up {r['startup_s']:.1f} s"
        f" not included; dead letters {r['dead_letters']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.backfill", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--size", type=int, default=corpus.DEFAULT_SIZE)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--guarantee", default="exactly_once", choices=("exactly_once", "at_least_once"))
    parser.add_argument("--json", default=None, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    with broker() as bootstrap:
        result = backfill(bootstrap, args.count, args.size, args.seed, args.guarantee)
    print(report(result))
    if args.json:
        Path(args.json).write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
