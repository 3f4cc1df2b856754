"""Did a change alter what khabar finds? Dump the findings, change the code, dump
again, compare.

    python -m benchmarks.findings_diff dump before.jsonl [--corpus ../shared/corpus]
    (change the code)
    python -m benchmarks.findings_diff dump after.jsonl [--corpus ../shared/corpus]
    python -m benchmarks.findings_diff compare before.jsonl after.jsonl

`dump` writes one line per article (samples/ always; every article of the corpus files
when --corpus is given): its id and its figures and claims as the enriched event
carries them. `compare` prints each article whose findings differ, finding by finding
(text only on the terminal: the dumps hold the corpus' texts and stay outside the
repository), and exits 1 when anything differs. A restructuring must compare equal; a
rule change lists what it changed, to be read.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from collections.abc import Iterator
from pathlib import Path

import orjson

from benchmarks.samples import load_articles
from processors.enrich import enrich

CORPUS_FILES = ("antcorpus-2018-dev.jsonl.gz", "snn-2015-08-01..04.jsonl.gz")


def articles(corpus: Path | None) -> Iterator[tuple[str, dict]]:
    for i, article in enumerate(load_articles()):
        yield f"sample:{article.get('id', i)}", article
    if corpus is None:
        return
    for name in CORPUS_FILES:
        path = corpus / name
        if not path.exists():
            raise SystemExit(f"findings_diff: {path} not found (option --corpus)")
        with gzip.open(path, "rb") as lines:
            for line in lines:
                article = orjson.loads(line)
                yield f"{name}:{article['id']}", article


def findings(article_id: str, article: dict) -> dict:
    found = enrich(article, article_id)
    return {
        "id": article_id,
        "figures": [f.to_dict() for f in found.figures],
        "claims": [c.to_dict() for c in found.claims],
    }


def dump(out: Path, corpus: Path | None) -> int:
    count = 0
    with out.open("wb") as sink:
        for article_id, article in articles(corpus):
            sink.write(orjson.dumps(findings(article_id, article)) + b"\n")
            count += 1
    return count


def _key(finding: dict) -> tuple:
    span = finding.get("content") or finding
    return (finding["field"], span["start"], span["end"])


def differences(before: Path, after: Path) -> list[str]:
    """One line per finding that differs (added, removed or changed)."""
    old = {row["id"]: row for row in map(orjson.loads, before.read_bytes().splitlines())}
    new = {row["id"]: row for row in map(orjson.loads, after.read_bytes().splitlines())}
    out = [f"article only before: {a}" for a in sorted(set(old) - set(new))]
    out += [f"article only after: {a}" for a in sorted(set(new) - set(old))]
    for article_id in sorted(set(old) & set(new)):
        for kind in ("figures", "claims"):
            a = {_key(f): f for f in old[article_id][kind]}
            b = {_key(f): f for f in new[article_id][kind]}
            for key in sorted(set(a) | set(b)):
                if a.get(key) == b.get(key):
                    continue
                if key not in b:
                    out.append(f"{article_id} {kind} {key}: removed")
                elif key not in a:
                    out.append(f"{article_id} {kind} {key}: added")
                else:
                    fields = sorted(k for k in set(a[key]) | set(b[key]) if a[key].get(k) != b[key].get(k))
                    out.append(f"{article_id} {kind} {key}: changed {', '.join(fields)}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.findings_diff", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write the findings of samples/ (and a corpus) to a file")
    d.add_argument("out", type=Path)
    d.add_argument("--corpus", type=Path, default=None, help="directory of the shared corpus files")
    c = sub.add_parser("compare", help="list what differs between two dumps")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        print(f"{dump(args.out, args.corpus)} articles -> {args.out}")
        return 0
    lines = differences(args.before, args.after)
    for line in lines:
        print(line)
    print(f"{len(lines)} differences", file=sys.stderr)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
