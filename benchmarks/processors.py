"""The processors alone, per article on one core, beside the camel-tools floor.

Over a generated corpus of 4 KB articles (benchmarks/corpus.py), each stage runs over
every article, and the rounds are interleaved (floor, normalize, figures, claims,
enrich, process, floor, ...) so that a neighbour's load on this shared machine hits all
stages alike; each stage keeps its best round. Stages:

    floor      camel-tools normalize_unicode + dediac_ar + simple_word_tokenize, on the
               title and the body: the least any Arabic pipeline does to the same text
    normalize  processors.text.normalize over title and body
    figures    processors.figures.extract over the normalized fields
    claims     processors.claims.extract over the normalized fields and their figures
    enrich     processors.enrich.enrich: the three above, ids; then the findings as dicts
               (Enriched.to_dict)
    process    streams.pipeline.process: the raw bytes validated (JSON, schema, language)
               then enriched, and the findings as dicts: what the worker runs per message

Rates are articles per second of wall-clock time on the pinned core, and articles per
CPU-second of this process (less sensitive to other processes sharing the core). MB/s
counts the raw JSON bytes of the articles. Targets (README "Benchmarks"): process >= 400
articles/s, and enrich <= 3x the time of the floor.

    python -m benchmarks.processors --count 2000 --size 4096 --rounds 3
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from dataclasses import asdict, dataclass
from typing import Any, Callable

import orjson

from benchmarks import corpus
from benchmarks.machine import machine

TARGET_RATE = 400.0
TARGET_RATIO = 3.0


@dataclass
class StageResult:
    stage: str
    articles: int
    bytes: int
    wall_s: float
    cpu_s: float

    @property
    def rate(self) -> float:
        return self.articles / self.wall_s if self.wall_s else 0.0

    @property
    def cpu_rate(self) -> float:
        return self.articles / self.cpu_s if self.cpu_s else 0.0

    @property
    def mb_s(self) -> float:
        return self.bytes / 1e6 / self.wall_s if self.wall_s else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "rate": self.rate,
            "cpu_rate": self.cpu_rate,
            "mb_s": self.mb_s,
            "ms_per_article": 1000 * self.wall_s / max(self.articles, 1),
        }


def pin(cpu: int | None) -> tuple[set[int] | None, int | None]:
    """Pin this process to one CPU (the last allowed one by default); returns the previous
    affinity, to restore, and the CPU used."""
    if not hasattr(os, "sched_setaffinity"):
        return None, None
    before = os.sched_getaffinity(0)
    chosen = cpu if cpu is not None else max(before)
    os.sched_setaffinity(0, {chosen})
    return before, chosen


def _floor() -> Callable[[dict], Any]:
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_unicode

    def floor(article: dict) -> Any:
        return [
            simple_word_tokenize(dediac_ar(normalize_unicode(article[k]))) for k in ("title", "body") if article.get(k)
        ]

    return floor


def stages(articles: list[dict], raws: list[bytes]) -> dict[str, Callable[[int], Any]]:
    """Each stage as a function of the article's index (its inputs computed beforehand)."""
    from processors import enrich as enrich_mod
    from processors.claims.extract import extract_claims
    from processors.figures.extract import extract_figures
    from streams.pipeline import Enriched, Limits, article_id_of, process

    ids = [article_id_of(a) for a in articles]
    fields = [enrich_mod.normalize_fields(a) for a in articles]
    figures = [[fig for name, norm in f.items() for fig in extract_figures(norm, name)] for f in fields]
    floor = _floor()
    limits = Limits()

    def do_figures(i: int) -> Any:
        return [extract_figures(norm, name) for name, norm in fields[i].items()]

    # enrich and process include making the findings dicts (`to_dict`, what the worker
    # publishes): enrich returned them before its results were typed (issue 13), and
    # the rates stay comparable with earlier runs.
    def do_process(i: int) -> Any:
        result = process(raws[i], limits)
        return result.findings.to_dict() if isinstance(result, Enriched) else result

    return {
        "floor": lambda i: floor(articles[i]),
        "normalize": lambda i: enrich_mod.normalize_fields(articles[i]),
        "figures": do_figures,
        "claims": lambda i: extract_claims(fields[i], list(figures[i])),
        "enrich": lambda i: enrich_mod.enrich(articles[i], ids[i]).to_dict(),
        "process": do_process,
    }


def run(
    count: int = 2000,
    size: int = corpus.DEFAULT_SIZE,
    seed: int = 7,
    rounds: int = 3,
    cpu: int | None = None,
    warmup: int = 100,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    raws = [line.rstrip(b"\n") for line in corpus.lines(count, size, seed)]
    articles = [orjson.loads(r) for r in raws]
    total_bytes = sum(len(r) for r in raws)
    before, chosen = pin(cpu)
    try:
        log(
            f"processors: {count} articles of ~{total_bytes / count:.0f} B (seed {seed}), pinned to CPU {chosen},"
            f" {rounds} interleaved rounds"
        )
        todo = stages(articles, raws)
        for fn in todo.values():  # warm caches, lazy lexicons, regex compilation
            for i in range(min(warmup, count)):
                fn(i)
        best: dict[str, StageResult] = {}
        for r in range(rounds):
            for name, fn in todo.items():
                gc.collect()
                c0, w0 = time.process_time(), time.perf_counter()
                for i in range(count):
                    fn(i)
                wall, cpu_s = time.perf_counter() - w0, time.process_time() - c0
                result = StageResult(name, count, total_bytes, wall, cpu_s)
                if name not in best or wall < best[name].wall_s:
                    best[name] = result
                log(f"  round {r + 1} {name:10} {result.rate:9.1f} articles/s  ({result.cpu_rate:9.1f} per CPU-s)")
    finally:
        if before is not None:
            os.sched_setaffinity(0, before)
    floor, whole, process = best["floor"], best["enrich"], best["process"]
    summary = {
        "machine": machine(),
        "cpu_pinned": chosen,
        "corpus": {"count": count, "size": size, "seed": seed, "mean_bytes": total_bytes / count},
        "rounds": rounds,
        "stages": {name: res.to_dict() for name, res in best.items()},
        "ratio_enrich_to_floor": whole.wall_s / floor.wall_s,
        "ratio_enrich_to_floor_cpu": whole.cpu_s / floor.cpu_s,
        "ratio_process_to_floor": process.wall_s / floor.wall_s,
        "target_rate": TARGET_RATE,
        "target_ratio": TARGET_RATIO,
    }
    summary["rate_met"] = process.rate >= TARGET_RATE
    summary["ratio_met"] = summary["ratio_enrich_to_floor"] <= TARGET_RATIO
    return summary


def report(summary: dict[str, Any]) -> str:
    m = summary["machine"]
    lines = [
        f"machine: {m['cpu']}, {m['cores']} cores, {m['implementation']} {m['python']}, {m['platform']},"
        f" load average {m['loadavg']}",
        f"processors: {m['processors']}",
        f"corpus: {summary['corpus']['count']} articles, mean {summary['corpus']['mean_bytes']:.0f} B,"
        f" seed {summary['corpus']['seed']}; one core (CPU {summary['cpu_pinned']}), best of {summary['rounds']} rounds",
        "",
        f"{'stage':10} {'articles/s':>11} {'MB/s':>7} {'ms/article':>11} {'per CPU-s':>10}",
    ]
    for name, s in summary["stages"].items():
        lines.append(f"{name:10} {s['rate']:11.1f} {s['mb_s']:7.2f} {s['ms_per_article']:11.3f} {s['cpu_rate']:10.1f}")
    process = summary["stages"]["process"]
    lines += [
        "",
        f"whole enrichment / camel-tools floor: {summary['ratio_enrich_to_floor']:.2f}x wall"
        f" ({summary['ratio_enrich_to_floor_cpu']:.2f}x CPU); process/floor {summary['ratio_process_to_floor']:.2f}x",
        f"target >= {TARGET_RATE:.0f} articles/s (process): {process['rate']:.0f} ->"
        f" {'MET' if summary['rate_met'] else 'NOT MET'}",
        f"target <= {TARGET_RATIO:.0f}x floor (enrich): {summary['ratio_enrich_to_floor']:.2f}x ->"
        f" {'MET' if summary['ratio_met'] else 'NOT MET'}",
        "(2-core machine shared with other work: absolute figures are noisy; the ratios are"
        " measured in the same run and are the steadier figures)",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.processors", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--size", type=int, default=corpus.DEFAULT_SIZE)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last allowed)")
    parser.add_argument("--json", default=None, help="also write the figures as JSON to this file")
    args = parser.parse_args(argv)
    summary = run(args.count, args.size, args.seed, args.rounds, args.cpu, log=lambda s: print(s, file=sys.stderr))
    print(report(summary))
    if args.json:
        with open(args.json, "wb") as fh:
            fh.write(orjson.dumps(summary, option=orjson.OPT_INDENT_2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
