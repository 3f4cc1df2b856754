"""Throughput of claims extraction (processors.claims.extract.extract_claims) on the bundled
samples.

    python -m benchmarks.claims [--rounds 7] [--min-time 0.5]

Articles: every samples/*.json and samples/*.jsonl (fields title and body). Normalizing
happens once, outside the timed loop, as does building each article's figure list
(empty here: attaching figures is a filter over the article's own figures, negligible
next to reading the text). A round repeats the whole sample set until it has run for
--min-time seconds; the best round is reported (a shared machine's noise only slows a
round down). MB/s counts the UTF-8 bytes of title + body as received; "per 4 KB" scales
the time to the 4 KB article of the design's target (≥ 400 articles/s per core through
all processors, so claims should stay well under 1 ms per 4 KB).
"""

from __future__ import annotations

import argparse
import time

from benchmarks.machine import one_line
from benchmarks.samples import SAMPLES, load_articles  # noqa: E402
from processors.claims.extract import extract_claims
from processors.text.normalize import normalize

FIELDS = ("title", "body")


def measure(prepared: list[dict], rounds: int, min_time: float) -> float:
    """Best seconds per pass over all articles."""
    best = float("inf")
    for _ in range(rounds):
        passes = 0
        start = time.perf_counter()
        while True:
            for fields in prepared:
                extract_claims(fields, [])
            passes += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        best = min(best, elapsed / passes)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.claims", description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--min-time", type=float, default=0.5, help="seconds per round")
    args = parser.parse_args(argv)

    articles = load_articles()
    if not articles:
        raise SystemExit(f"no articles in {SAMPLES}")
    prepared = [{f: normalize(a[f]) for f in FIELDS if isinstance(a.get(f), str) and a[f]} for a in articles]
    size = sum(len(a[f].encode("utf-8")) for a in articles for f in FIELDS if isinstance(a.get(f), str))
    claims = sum(len(extract_claims(fields, [])) for fields in prepared)  # also warms up

    seconds = measure(prepared, args.rounds, args.min_time)
    per_article = seconds / len(prepared)
    per_4k = seconds / size * 4096
    print(f"machine: {one_line()}")
    print(
        f"samples: {len(articles)} articles from {SAMPLES.name}/, {size / 1000:.1f} kB UTF-8 "
        f"(mean {size / len(articles) / 1000:.2f} kB), {claims} claims; best of {args.rounds} rounds, one core"
    )
    print(f"  articles/s        {1 / per_article:>10.0f}")
    print(f"  MB/s              {size / seconds / 1e6:>10.2f}")
    print(f"  ms per article    {per_article * 1000:>10.3f}")
    print(f"  ms per 4 KB       {per_4k * 1000:>10.3f}   ({1 / per_4k:.0f} articles of 4 KB per second)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
