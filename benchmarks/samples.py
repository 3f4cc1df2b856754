"""The bundled sample articles, read as `khabar produce` and `khabar enrich` read them."""

from __future__ import annotations

from pathlib import Path

import orjson

from streams.sources import iter_sources

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
FIELDS = ("title", "body")


def load_articles(samples: Path = SAMPLES) -> list[dict]:
    """Every sample article that has some text."""
    articles = [orjson.loads(raw) for _where, raw in iter_sources([str(samples)])]
    return [a for a in articles if any(isinstance(a.get(f), str) and a[f] for f in FIELDS)]


def load_texts(samples: Path = SAMPLES) -> list[str]:
    """Every non-empty title and body of the sample articles."""
    return [a[f] for a in load_articles(samples) for f in FIELDS if isinstance(a.get(f), str) and a[f]]
