"""The topics of khabar (README "Topics"), their names under the configured prefix, and
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
    TopicSpec(RAW, {"retention.ms": MONTH_MS}, "raw articles from scrapers"),
    TopicSpec(ENRICHED, {"retention.ms": WEEK_MS}, "one enriched article per raw article"),
    TopicSpec(CLAIMS, {"retention.ms": WEEK_MS}, "one event per attributed claim"),
    TopicSpec(FIGURES, {"retention.ms": WEEK_MS}, "one event per figure"),
    TopicSpec(DEADLETTER, {"retention.ms": MONTH_MS}, "messages that could not be enriched"),
)
OUTPUTS = (ENRICHED, CLAIMS, FIGURES, DEADLETTER)


def raw_max_bytes(settings: Settings) -> int:
    """The raw topic takes messages up to twice the article limit, so that a scraper's
    oversized article reaches khabar and is dead-lettered `too_large` (with its bytes)
    instead of being refused at the scraper, where nobody may look."""
    return 2 * settings.max_article_bytes


def config(spec: TopicSpec, settings: Settings) -> dict[str, str]:
    """The topic's configuration as `khabar topics create` sets it: every output topic
    takes the largest message khabar writes (KHABAR_MAX_MESSAGE_BYTES, the producer's
    request size too), so a message that fits khabar's own check fits the topic."""
    limit = raw_max_bytes(settings) if spec.name == RAW else settings.max_message_bytes
    return {**spec.config, "max.message.bytes": str(limit)}


def names(settings: Settings) -> dict[str, str]:
    return {spec.name: settings.topic(spec.name) for spec in SPECS}
