"""`khabar enrich`: the worker's judgement and enrichment, on files, without Kafka."""

from __future__ import annotations

from typing import Iterable, TextIO

import orjson

from streams import events
from streams.pipeline import Limits, Rejected, process
from streams.settings import Settings


def enrich_sources(sources: Iterable[tuple[str, bytes]], out: TextIO, err: TextIO, settings: Settings) -> int:
    """Enrich each article in input order; returns how many were dead-lettered.

    `where` ("file:line") stands in the dead letter's source topic and the enriched
    article's source_offset, so an error can be traced to its line.
    """
    limits = Limits.of(settings)
    dead = 0
    for index, (where, raw) in enumerate(sources):
        result = process(raw, limits)
        if isinstance(result, Rejected):
            dead += 1
            letter = events.dead_letter(result, raw, None, where, None, index)
            err.write(orjson.dumps(letter).decode("utf-8") + "\n")
            err.flush()
            continue
        position = {"topic": where, "partition": 0, "offset": index}
        out.write(orjson.dumps(events.enriched_article(result, None, position)).decode("utf-8") + "\n")
    out.flush()
    return dead
