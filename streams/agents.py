"""The enrich agent's work on one raw message: judge, de-duplicate, publish.

Path of an article: `Enricher.handle` → `streams.pipeline.process` (validate, then
`processors.enrich`: normalize → figures → claims) → publish the enriched article, each
claim and each figure; or a dead letter with the reason. Every message ends in exactly
one of: enriched, duplicate (logged), dead letter. None is dropped silently.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from streams import codecs, events, topics
from streams.logs import logger
from streams.pipeline import Enriched, Limits, Rejected, process
from streams.settings import Settings
from streams.stats import Stats


class Enricher:
    def __init__(self, settings: Settings, out: dict[str, Any], seen: Any, app: Any) -> None:
        self.settings = settings
        self.app = app
        self.limits = Limits(settings.max_article_bytes, settings.min_arabic_share)
        self.enriched = out[topics.ENRICHED].get_topic_name()
        self.claims = out[topics.CLAIMS].get_topic_name()
        self.figures = out[topics.FIGURES].get_topic_name()
        self.deadletter = out[topics.DEADLETTER].get_topic_name()
        self.seen = seen
        self.stats = Stats()
        self._crashing = False

    async def handle(self, event: Any) -> None:
        msg = event.message
        where = {"topic": msg.topic, "partition": msg.partition, "offset": msg.offset}
        self.stats.seen(msg.topic, msg.partition, msg.offset)
        result = process(msg.value, self.limits)
        if isinstance(result, Rejected):
            await self._dead_letter(result, msg, where)
            return
        here = {"t": msg.topic, "p": msg.partition, "o": msg.offset}
        id_key = f"id:{result.article_id}"
        prior = self.seen.get(id_key)
        # The same message processed again (a retry after a crash, at-least-once) is
        # not a duplicate: its outputs may not have been written the first time.
        if prior is not None and prior.get("at") != here:
            self.stats.duplicate()
            logger.info(
                "article.duplicate",
                extra={**where, "article_id": result.article_id, "first_at": prior.get("at")},
            )
            return
        content_key = result.findings["content_key"]
        first = self.seen.get(f"content:{content_key}")
        duplicate_of = first["id"] if first is not None and first["id"] != result.article_id else None
        await self._publish(result, duplicate_of, where, msg)
        self.seen[id_key] = {"at": here, "content": content_key}
        if first is None:
            self.seen[f"content:{content_key}"] = {"id": result.article_id, "at": here}
        latency_ms = (time.time() - msg.timestamp) * 1000 if msg.timestamp else None
        self.stats.enriched(latency_ms)
        logger.info(
            "article.enriched",
            extra={
                **where,
                "article_id": result.article_id,
                "duplicate_of": duplicate_of,
                "timings_ms": {k: round(v, 3) for k, v in result.timings_ms.items()},
                "counts": {
                    "figures": len(result.findings["figures"]),
                    "claims": len(result.findings["claims"]),
                },
                "latency_ms": round(latency_ms, 3) if latency_ms is not None else None,
            },
        )

    def _destination(self, msg: Any) -> tuple[int | None, str | None]:
        """(partition, transactional id) of every output of `msg`; (None, None): the
        key picks the partition, outside any transaction."""
        app = self.app
        if not app.in_transaction:
            return None, None
        # exactly_once: the output must be in the transaction that commits the offset
        # of the message it came from. faust 0.15.3 picks the transaction by the
        # output's partition as the *consumer's* metadata knows it; the consumer knows
        # only the topics it reads, so for khabar's output topics faust found none and
        # sent them OUTSIDE any transaction (committed at once: a crash before the
        # offset commit duplicated them). So: the source partition's transaction, and
        # the same partition number on the output topic (all khabar topics have the
        # same partition count, `khabar topics create`).
        return msg.partition, f"{app.conf.id}-{app.assignor.group_for_topic(msg.topic)}-{msg.partition}"

    async def _send(
        self, topic: str, destination: tuple[int | None, str | None], key: bytes | None, value: dict[str, Any], schema: str
    ) -> None:
        partition, transactional_id = destination
        # Straight to faust's producer, not `topic.send`: faust's channel machinery
        # (future messages, per-send producer lookup) cost more than the send itself,
        # and an article has ~40 outputs.
        delivery = await self.app.producer.send(
            topic,
            key,
            codecs.dumps(value),
            partition,
            None,
            events.headers(schema),
            transactional_id=transactional_id,
        )
        delivery.add_done_callback(self._on_delivery)

    def _on_delivery(self, delivery: Any) -> None:
        """An output that could not be written must not be forgotten: the worker stops
        (exit code 1) and its supervisor (compose's restart policy, Kubernetes) starts
        it again, to resume from the last committed offset. Carrying on would commit
        offsets past messages whose outputs never arrived, or (a fenced transactional
        producer after a rebalance) stall the partition silently."""
        if delivery.cancelled() or delivery.exception() is None:
            return
        exc = delivery.exception()
        logger.error("output.send_failed", extra={"error": f"{type(exc).__name__}: {exc}"})
        if not self._crashing:
            self._crashing = True
            asyncio.ensure_future(self.app.crash(exc))

    async def _publish(self, result: Enriched, duplicate_of: str | None, where: dict[str, Any], msg: Any) -> None:
        key = result.article_id.encode("utf-8")
        to = self._destination(msg)
        await self._send(self.enriched, to, key, events.enriched_article(result, duplicate_of, where), "article.enriched")
        for claim in events.claim_events(result):
            await self._send(self.claims, to, key, claim, "claim")
        for figure in events.figure_events(result):
            await self._send(self.figures, to, key, figure, "figure")

    async def _dead_letter(self, rejected: Rejected, msg: Any, where: dict[str, Any]) -> None:
        letter = events.dead_letter(rejected, msg.value, msg.key, msg.topic, msg.partition, msg.offset)
        await self._send(self.deadletter, self._destination(msg), msg.key, letter, "deadletter")
        self.stats.dead_letter(rejected.reason)
        logger.warning(
            "article.dead_lettered",
            extra={**where, "article_id": rejected.article_id, "reason": rejected.reason, "detail": rejected.message},
        )

    def consumer_lag(self, app: Any) -> int | None:
        """Messages of the raw topic not yet processed, over this worker's partitions."""
        try:
            consumer = app.consumer
            lag = 0
            for tp in consumer.assignment():
                if tp.topic != self.settings.topic(topics.RAW):
                    continue
                highwater = consumer.highwater(tp)
                if highwater is None:
                    continue
                position = self.stats.positions.get((tp.topic, tp.partition))
                done = position + 1 if position is not None else (consumer._committed_offset.get(tp) or 0)
                lag += max(0, highwater - done)
            return lag
        except Exception:  # the consumer may be rebalancing; lag is unknown then
            return None

    def stats_line(self, app: Any) -> dict[str, Any]:
        return self.stats.snapshot(self.consumer_lag(app))
