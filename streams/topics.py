"""The topics of khabar (see DESIGN.md), their names under the configured prefix, and
how `khabar topics create` makes them."""

from __future__ import annotations

from dataclasses import dataclass

from streams.settings import Settings

RAW = "news.articles.raw"
ENRICHED = "news.articles.enriched"
CLAIMS = "news.claims"
FIGURES = "news.figures"
DEADLETTER = "news.articles.deadletter"


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    config: dict[str, str]
    help: str


WEEK_MS = str(7 * 24 * 3600 * 1000)
MONTH_MS = str(30 * 24 * 3600 * 1000)

# Retention: raw articles are the source of replays after an upgrade, so they stay a
# month; outputs can be re-derived from them. Dead letters stay a month: someone must
# look at them after a fix. Nothing is compacted: keys are article ids and one article
# has many claims/figures under the same key.
SPECS: tuple[TopicSpec, ...] = (
    TopicSpec(RAW, {"retention.ms": MONTH_MS, "max.message.bytes": "2097152"}, "raw articles from scrapers"),
    TopicSpec(ENRICHED, {"retention.ms": WEEK_MS, "max.message.bytes": "8388608"}, "one enriched article per raw article"),
    TopicSpec(CLAIMS, {"retention.ms": WEEK_MS}, "one event per attributed claim"),
    TopicSpec(FIGURES, {"retention.ms": WEEK_MS}, "one event per figure"),
    TopicSpec(DEADLETTER, {"retention.ms": MONTH_MS, "max.message.bytes": "8388608"}, "messages that could not be enriched"),
)


def names(settings: Settings) -> dict[str, str]:
    return {spec.name: settings.topic(spec.name) for spec in SPECS}
