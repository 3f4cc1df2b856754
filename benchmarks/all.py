"""Every benchmark with its default size, and one summary: `make bench`.

Runs benchmarks.processors (one core), benchmarks.e2e (throughput and latency through
the local broker) and benchmarks.backfill, then prints a markdown summary and writes it
to benchmarks/out/latest.md (the figures as JSON beside it, latest.json). The README's
table of figures is copied from there, with the machine line.

    python -m benchmarks.all            full sizes (about 15-25 minutes on 2 cores)
    python -m benchmarks.all --quick    small sizes, to check that everything runs
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import orjson

from benchmarks import backfill, corpus, e2e, processors
from benchmarks.machine import machine

OUT = corpus.OUT


def _f(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:,.{digits}f}"


def _met(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "**not met**")


def summary_markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    p = results.get("processors")
    lines = [
        f"# khabar benchmarks, {results['started']}",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['implementation']} {m['python']}, {m['platform']};"
        f" load average at start {m['loadavg']}. Corpus: generated 4 KB Arabic articles"
        f" (benchmarks/corpus.py, seed {results['seed']}).",
        "",
        "Figures on a small shared machine are noisy (other work runs on the same 2 cores, and"
        " the broker, the clients and the worker share them in the Kafka runs); the ratios"
        " measured within one run are the steadier figures.",
        "",
    ]
    if p:
        lines += [
            f"## Processors, one core (CPU {p['cpu_pinned']}), {p['corpus']['count']} articles, best of {p['rounds']} rounds",
            "",
            "| stage | articles/s | MB/s | ms/article | articles per CPU-s |",
            "|---|---:|---:|---:|---:|",
        ]
        for name, s in p["stages"].items():
            lines.append(
                f"| {name} | {_f(s['rate'])} | {_f(s['mb_s'], 2)} | {_f(s['ms_per_article'], 3)} | {_f(s['cpu_rate'])} |"
            )
        lines += [
            "",
            f"floor = camel-tools normalize_unicode + dediac_ar + simple_word_tokenize; enrich = normalize + figures"
            f" + claims; process = validation + enrich (what the worker runs). Whole enrichment / floor:"
            f" **{p['ratio_enrich_to_floor']:.2f}x** (CPU time {p['ratio_enrich_to_floor_cpu']:.2f}x).",
            "",
        ]
    t = results.get("e2e", {}).get("throughput", [])
    if t:
        lines += [
            "## End to end through Kafka, one worker (sustained throughput)",
            "",
            "| guarantee | articles | worker start-up s | seconds | articles/s | articles per worker CPU-s | vs processors-only |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for r in t:
            share = (r["rate"] / p["stages"]["process"]["rate"]) if p and r.get("rate") else None
            lines.append(
                f"| {r['guarantee']} | {r['enriched']}/{r['articles']} | {_f(r['startup_s'])} | {_f(r['seconds'])}"
                f" | {_f(r['rate'])} | {_f(r['rate_per_worker_cpu_s'])} | {_f(share and 100 * share, 0)}% |"
            )
        lines.append("")
    lat = results.get("e2e", {}).get("latency", [])
    if lat:
        lines += [
            f"## Latency produce → enriched (read_committed) at a fixed offered load for {lat[0]['duration_s']:g} s",
            "",
            "| guarantee | commit interval s | offered/s | received | p50 ms | p95 ms | p99 ms | max ms | worker CPU busy |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in lat:
            busy = f"{100 * r['worker_cpu_share']:.0f}%" if r.get("worker_cpu_share") is not None else "n/a"
            lines.append(
                f"| {r['guarantee']} | {r['commit_interval']:g} | {r['offered_rate']:g} | {r['received']}/{r['sent']}"
                f" | {_f(r['p50_ms'])}"
                f" | {_f(r['p95_ms'])} | {_f(r['p99_ms'])} | {_f(r['max_ms'])} | {busy} |"
            )
        lines.append("")
    b = results.get("backfill")
    if b:
        lines += [
            "## Backfill through Kafka, one worker",
            "",
            "| articles | guarantee | seconds | articles/s | articles per worker CPU-s | published in s |",
            "|---:|---|---:|---:|---:|---:|",
            f"| {b['enriched']}/{b['articles']} | {b['guarantee']} | {_f(b['seconds'])} | {_f(b['rate'])}"
            f" | {_f(b['rate_per_worker_cpu_s'])} | {_f(b['produce_s'])} |",
            "",
        ]
    if results.get("errors"):
        lines += ["## Runs that failed", ""] + [f"- `{e.splitlines()[0][:300]}`" for e in results["errors"]] + [""]
    lines += ["## Targets", "", "| target | measured | |", "|---|---:|---|"]
    for name, measured, ok in targets(results):
        lines.append(f"| {name} | {measured} | {_met(ok)} |")
    lines.append("")
    return "\n".join(lines)


def targets(results: dict[str, Any]) -> list[tuple[str, str, bool | None]]:
    out: list[tuple[str, str, bool | None]] = []
    p = results.get("processors")
    if p:
        rate, cpu_rate = p["stages"]["process"]["rate"], p["stages"]["process"]["cpu_rate"]
        out.append(
            (
                "processors ≥ 400 articles/s per core (wall; per CPU-s)",
                f"{rate:,.0f}/s; {cpu_rate:,.0f}/CPU-s",
                rate >= processors.TARGET_RATE,
            )
        )
        out.append(
            (
                "whole enrichment ≤ 3× camel-tools floor",
                f"{p['ratio_enrich_to_floor']:.2f}×",
                p["ratio_enrich_to_floor"] <= processors.TARGET_RATIO,
            )
        )
    for r in results.get("e2e", {}).get("throughput", []):
        if p and r.get("rate"):
            share = r["rate"] / p["stages"]["process"]["rate"]
            out.append((f"end to end ≥ 80% of processors-only ({r['guarantee']})", f"{100 * share:.0f}%", share >= 0.8))
    for r in results.get("e2e", {}).get("latency", []):
        if r["offered_rate"] != 50:
            continue
        if r["guarantee"] == "at_least_once":
            out.append(
                (
                    f"p99 < 50 ms at {r['offered_rate']:g}/s, at-least-once",
                    f"{_f(r['p99_ms'])} ms",
                    r["p99_ms"] is not None and r["p99_ms"] < 50 and r["received"] == r["sent"],
                )
            )
        else:
            out.append(
                (
                    f"exactly-once p99, commit interval {r['commit_interval']:g} s (reported)",
                    f"{_f(r['p99_ms'])} ms",
                    None,
                )
            )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.all", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: checks that everything runs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip", action="append", default=[], choices=("processors", "e2e", "backfill"))
    parser.add_argument("--out", type=Path, default=OUT / "latest.md")
    args = parser.parse_args(argv)
    sizes = (
        dict(proc=300, rounds=2, e2e=500, duration=10.0, backfill=1000)
        if args.quick
        else dict(proc=2000, rounds=3, e2e=10_000, duration=30.0, backfill=20_000)
    )
    log = e2e._stderr
    results: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine(),
        "seed": args.seed,
        "quick": args.quick,
    }
    t0 = time.monotonic()
    errors: list[str] = []

    def attempt(what: str, fn: Any, *a: Any, **kw: Any) -> Any:
        """One run; a failure (a worker that died, a broker that left) is reported in the
        summary and the other runs go on."""
        try:
            return fn(*a, **kw)
        except Exception as exc:  # noqa: BLE001 - the summary says what failed
            errors.append(f"{what}: {type(exc).__name__}: {str(exc)[-1500:]}")
            log(f"!! {errors[-1]}")
            return None

    if "processors" not in args.skip:
        results["processors"] = attempt(
            "processors", processors.run, sizes["proc"], seed=args.seed, rounds=sizes["rounds"], log=log
        )
        if results["processors"]:
            log(processors.report(results["processors"]))
    if not {"e2e", "backfill"} <= set(args.skip):
        with e2e.broker(log) as bootstrap:
            if "e2e" not in args.skip:
                values = [line.rstrip(b"\n") for line in corpus.lines(sizes["e2e"], corpus.DEFAULT_SIZE, args.seed)]
                results["e2e"] = {"throughput": [], "latency": []}
                log(f"e2e: sustained throughput, {len(values)} articles, one worker")
                for guarantee in e2e.GUARANTEES:
                    r = attempt(
                        f"e2e throughput {guarantee}",
                        e2e.throughput,
                        bootstrap,
                        len(values),
                        guarantee,
                        seed=args.seed,
                        log=log,
                        values=values,
                    )
                    if r:
                        results["e2e"]["throughput"].append(r)
                log(f"e2e: latency at 50 articles/s offered for {sizes['duration']:g}s")
                runs = [
                    ("at_least_once", 50.0, None),
                    ("exactly_once", 50.0, 1.0),
                    ("exactly_once", 50.0, 0.1),
                    # Below saturation: what one article costs end to end when nothing queues.
                    ("at_least_once", 10.0, None),
                ]
                for guarantee, rate, interval in runs:
                    r = attempt(
                        f"e2e latency {guarantee} {rate:g}/s",
                        e2e.latency,
                        bootstrap,
                        guarantee,
                        rate,
                        sizes["duration"],
                        interval,
                        log=log,
                    )
                    if r:
                        results["e2e"]["latency"].append(r)
            if "backfill" not in args.skip:
                results["backfill"] = attempt(
                    "backfill", backfill.backfill, bootstrap, sizes["backfill"], seed=args.seed, log=log
                )
    results["errors"] = errors
    results["seconds"] = time.monotonic() - t0
    text = summary_markdown(results)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    args.out.with_suffix(".json").write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2))
    log(f"summary written to {args.out} (figures in {args.out.with_suffix('.json')}); {results['seconds']:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
