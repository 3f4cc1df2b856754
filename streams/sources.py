"""Where raw articles come from on disk: JSON-lines files, JSON files, directories, stdin.

Shared by `khabar produce` (to Kafka) and `khabar enrich` (offline), so both read the
same inputs the same way. Each item is (where, bytes): `where` names the file and line.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, Iterator

import orjson

SUFFIXES = (".json", ".jsonl", ".ndjson")


def _json_file(path: Path) -> Iterator[tuple[str, bytes]]:
    data = path.read_bytes()
    try:
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError:
        yield f"{path}", data  # not JSON: judged (and dead-lettered) downstream
        return
    if isinstance(parsed, list):
        for index, item in enumerate(parsed):
            yield f"{path}[{index}]", orjson.dumps(item)
    else:
        yield f"{path}", data.strip()


def lines(stream: BinaryIO, name: str) -> Iterator[tuple[str, bytes]]:
    for number, line in enumerate(stream, start=1):
        line = line.rstrip(b"\r\n")
        if line.strip():
            yield f"{name}:{number}", line


def iter_sources(paths: list[str]) -> Iterator[tuple[str, bytes]]:
    for raw in paths:
        if raw == "-":
            yield from lines(sys.stdin.buffer, "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in SUFFIXES)
        elif path.is_file():
            files = [path]
        else:
            raise FileNotFoundError(f"no such file or directory: {raw}")
        for file in files:
            if file.suffix == ".json":
                yield from _json_file(file)
            else:
                with file.open("rb") as fh:
                    yield from lines(fh, str(file))
