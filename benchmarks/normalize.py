"""Throughput of processors.text.normalize (and sentence splitting) on the bundled samples,
beside camel-tools' own normalize_unicode + dediac_ar + simple_word_tokenize on the same
text, measured in one run.

    python -m benchmarks.normalize [--rounds 7] [--min-time 0.3]

Text: the title and body of every article in samples/*.json and samples/*.jsonl. Stages
run in interleaved rounds (camel, normalize, normalize + sentences, camel, ...) so that
load from a neighbour on a shared machine hits all of them alike; each keeps its best
round. A round repeats the whole sample set until it has run for --min-time seconds.
The same text is measured a second time "dirtied" the way careless scrapers deliver it
(HTML paragraphs and &nbsp;, harakat, tatweel, Arabic-Indic digits, double spaces), where
normalize does real work. MB/s counts the UTF-8 bytes of the text given to each stage.
"""

from __future__ import annotations

import argparse
import time
from typing import Callable

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import normalize_unicode

from benchmarks.machine import one_line
from benchmarks.samples import SAMPLES, load_texts  # noqa: E402
from processors.text.normalize import normalize
from processors.text.sentences import split_sentences


def dirty(text: str) -> str:
    """The same text as a careless scraper delivers it: paragraphs in <p>, every 7th
    space a &nbsp;, Arabic-Indic digits, a fatha on every 5th letter, a tatweel on every
    11th, a double space on every 13th. Deterministic, so runs compare."""
    out = []
    spaces = letters = 0
    for c in text:
        if c == " ":
            spaces += 1
            out.append("&nbsp;" if spaces % 7 == 0 else "  " if spaces % 13 == 0 else " ")
        elif c.isdigit() and c.isascii():
            out.append(chr(0x0660 + int(c)))
        elif "\u0621" <= c <= "\u064a":
            letters += 1
            out.append(c + ("\u064e" if letters % 5 == 0 else "") + ("\u0640" if letters % 11 == 0 else ""))
        else:
            out.append(c)
    return "<p>" + "".join(out).replace("\n", "</p>\n<p>") + "</p>"


def camel(text: str) -> object:
    return simple_word_tokenize(dediac_ar(normalize_unicode(text)))


def khabar(text: str) -> object:
    return normalize(text)


def khabar_sentences(text: str) -> object:
    return split_sentences(normalize(text).display)


STAGES: dict[str, Callable[[str], object]] = {
    "camel-tools": camel,
    "normalize": khabar,
    "normalize+sentences": khabar_sentences,
}


def measure(texts: list[str], rounds: int, min_time: float) -> dict[str, float]:
    """Best seconds per pass over all texts, per stage."""
    best = {name: float("inf") for name in STAGES}
    for _ in range(rounds):
        for name, fn in STAGES.items():
            passes = 0
            start = time.perf_counter()
            while True:
                for text in texts:
                    fn(text)
                passes += 1
                elapsed = time.perf_counter() - start
                if elapsed >= min_time:
                    break
            best[name] = min(best[name], elapsed / passes)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--min-time", type=float, default=0.3, help="seconds per stage per round")
    args = parser.parse_args(argv)

    texts = load_texts()
    if not texts:
        raise SystemExit(f"no articles in {SAMPLES}")
    print(f"machine: {one_line()}")
    for label, variant in (
        ("samples as published", texts),
        ("samples dirtied (HTML, harakat, ٠-٩)", [dirty(t) for t in texts]),
    ):
        size = sum(len(t.encode("utf-8")) for t in variant)
        for text in variant:  # warm up: imports, regex caches
            for fn in STAGES.values():
                fn(text)
        best = measure(variant, args.rounds, args.min_time)
        print(
            f"\n{label}: {len(variant)} fields (title, body) of the files in {SAMPLES.name}/, "
            f"{size / 1000:.1f} kB UTF-8; best of {args.rounds} rounds"
        )
        print(f"  {'stage':<22}{'MB/s':>8}{'ms per 4 KB':>14}")
        for name, seconds in best.items():
            per_4k = seconds / size * 4096 * 1000
            print(f"  {name:<22}{size / seconds / 1e6:>8.2f}{per_4k:>14.3f}")
        ratio = best["camel-tools"] / best["normalize"]
        print(f"  normalize / camel-tools throughput: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
