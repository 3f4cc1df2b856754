"""The enrich agent: its loop over the raw topic, and its work on one raw message
(judge, de-duplicate, publish).

Path of an article: `Enricher.run` (the agent's loop: order checks, the commit lock,
the ack) → `Enricher.handle` → `streams.pipeline.process` (validate, then
`processors.enrich`: normalize → figures → claims) → `streams.outputs` (every output
serialized and sized to its topic) → publish the enriched article, each claim and
each figure; or a dead letter with the reason. Every message ends in exactly one of:
enriched, duplicate (logged), dead letter. None is dropped silently.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from streams import events, topics
from streams.admin import message_limits
from streams.lifecycle import fatal
from streams.logs import logger
from streams.outputs import Output, article_outputs, dead_letter_output
from streams.pipeline import Limits, Rejected, process
from streams.settings import Settings
from streams.stats import Stats


class Enricher:
    def __init__(self, settings: Settings, out: dict[str, Any], seen: Any, app: Any) -> None:
        self.settings = settings
        self.app = app
        self.limits = Limits.of(settings)
        self.topic_names = {name: out[name].get_topic_name() for name in topics.OUTPUTS}
        # Largest message each output topic takes: KHABAR_MAX_MESSAGE_BYTES (the
        # producer's request size), lowered by `check_topic_limits` where a topic
        # made elsewhere takes less.
        self.limits_bytes = {name: settings.max_message_bytes for name in topics.OUTPUTS}
        self.seen = seen
        self.stats = Stats()
        # The next offset expected per raw partition (the gap tripwire).
        self.expected: dict[tuple[str, int], int] = {}

    def check_topic_limits(self) -> None:
        """Size outputs to what the broker accepts (blocking admin call, once at start)."""
        by_name = {self.topic_names[name]: name for name in topics.OUTPUTS}
        try:
            found = message_limits(self.settings, list(by_name))
        except Exception as exc:  # the broker answers the consumer anyway; keep the settings
            logger.warning("topics.limits_unknown", extra={"error": f"{type(exc).__name__}: {exc}"})
            return
        for topic, limit in found.items():
            name = by_name[topic]
            if limit < self.limits_bytes[name]:
                logger.warning(
                    "topics.limit_below_setting",
                    extra={"topic": topic, "max_message_bytes": limit, "setting": self.limits_bytes[name]},
                )
                self.limits_bytes[name] = limit

    async def run(self, stream: Any) -> None:
        """The agent's body: each raw message handled, then acked, one at a time."""
        await asyncio.get_running_loop().run_in_executor(None, self.check_topic_limits)
        guard = self.app.commit_guard
        stream = stream.noack()
        async for event in stream.events():
            msg = event.message
            last = guard.last_handled(msg.topic, msg.partition)
            if last is not None and msg.offset <= last:
                # Fetched again (a seek back to the committed offset): handled in this
                # assignment already, its outputs sent and its offset acked.
                await stream.ack(event)
                continue
            self._note_gap(msg)
            async with guard.lock:
                # Acked only once handled: a message whose handling was cancelled (a
                # stop mid-publish) or failed stays uncommitted and is handled again
                # after the restart, never committed with half its outputs. Inside the
                # lock, so no commit falls between its outputs and its ack.
                try:
                    await self.handle(event)
                    # Forget what is past the horizon in this partition: tombstones in
                    # this message's event context, so in its partition and transaction.
                    self.seen.sweep(msg.partition)
                    if self.app.in_transaction:
                        await self.app.producer.buffer.flush()
                except Exception as exc:
                    # Whatever belongs to the message was dead-lettered inside
                    # `handle`: this is the broker or the producer. Left to faust, the
                    # agent would restart past an unacked message that then blocks
                    # every commit, rebalance and shutdown of the partition. Exit 1;
                    # the restart resumes from the committed offset.
                    fatal("worker.output_failed", exc, topic=msg.topic, partition=msg.partition, offset=msg.offset)
                await stream.ack(event)
                guard.note_handled(msg.topic, msg.partition, msg.offset)
                key = (msg.topic, msg.partition)
                self.expected[key] = max(self.expected.get(key, 0), msg.offset + 1)

    def _note_gap(self, msg: Any) -> None:
        """A tripwire for messages faust never delivered. faust 0.15.3 lost some at
        rebalances (a partition resumed at 15, then went on at 18) until
        streams/faust_ext. The raw topic is written without transactions, so offsets are
        dense and a jump is such a loss: logged as an error with the offsets, so that an
        operator can replay them (deploy/README.md), never silent."""
        want = self.expected.get((msg.topic, msg.partition))
        if want is None:
            # A partition's first message since it was assigned here: it must be the
            # one its group committed (faust 0.15.3 once started 70 later, repair 5).
            want = self.app.consumer.committed_offset(msg.tp)
        if want is not None and msg.offset > want:
            logger.error(
                "partition.gap",
                extra={
                    "topic": msg.topic,
                    "partition": msg.partition,
                    "first_missing": want,
                    "next_delivered": msg.offset,
                    "missing": msg.offset - want,
                },
            )

    def forget(self, revoked: Any) -> None:
        """Partitions given away: a partition assigned again later starts where its group
        committed, its first message checked against that."""
        raw = self.settings.topic(topics.RAW)
        for tp in revoked:
            self.expected.pop((tp.topic, tp.partition), None)
            self.app.commit_guard.forget(tp.topic, tp.partition)
            if tp.topic == raw:
                self.seen.forget(tp.partition)
        logger.info("rebalance", extra={"revoked": sorted(f"{tp.topic}:{tp.partition}" for tp in revoked)})

    async def handle(self, event: Any) -> None:
        """Judge, de-duplicate and publish one raw message. Raises only for a failure of
        the broker or the producer (the agent then ends the worker): everything that
        belongs to the message itself ends as a dead letter with its reason."""
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
        content_key = result.findings.content_key
        first = self.seen.get(f"content:{content_key}")
        duplicate_of = first["id"] if first is not None and first["id"] != result.article_id else None
        key = result.article_id.encode("utf-8")
        # Everything serialized and size-checked before the first send: an output the
        # broker would refuse is the article's fault and makes it a dead letter here,
        # never half-published nor retried forever.
        outputs = article_outputs(result, duplicate_of, where, self.limits_bytes, key)
        if isinstance(outputs, Rejected):
            await self._dead_letter(outputs, msg, where)
            return
        destination = self._destination(msg)
        for output in outputs:
            await self._send(output, destination, key)
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
                    "figures": len(result.findings.figures),
                    "claims": len(result.findings.claims),
                },
                "truncated": result.truncated or None,
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
        return msg.partition, app.consumer.transactions.transactional_id_of(msg.tp)

    async def _send(self, output: Output, destination: tuple[int | None, str | None], key: bytes | None) -> None:
        partition, transactional_id = destination
        # Straight to faust's producer, not `topic.send`: faust's channel machinery
        # (future messages, per-send producer lookup) cost more than the send itself,
        # and an article has ~40 outputs.
        delivery = await self.app.producer.send(
            self.topic_names[output.topic],
            key,
            output.value,
            partition,
            None,
            events.headers(output.schema),
            transactional_id=transactional_id,
        )
        delivery.add_done_callback(self._on_delivery)

    def _on_delivery(self, delivery: Any) -> None:
        """An output that could not be written must not be forgotten: the worker ends at
        once (exit code 1, streams/lifecycle.py) and its supervisor (compose's restart
        policy, Kubernetes) starts it again, to resume from the last committed offset.
        Carrying on, or a graceful stop, would commit offsets past messages whose
        outputs never arrived, or (a fenced transactional producer after a rebalance)
        stall the partition silently. Sizes were checked before the send
        (streams/outputs.py), so a refusal here is the broker's or the producer's."""
        if delivery.cancelled() or delivery.exception() is None:
            return
        fatal("output.send_failed", delivery.exception())

    async def _dead_letter(self, rejected: Rejected, msg: Any, where: dict[str, Any]) -> None:
        letter = events.dead_letter(rejected, msg.value, msg.key, msg.topic, msg.partition, msg.offset)
        output = dead_letter_output(letter, msg.value, self.limits_bytes, msg.key)
        await self._send(output, self._destination(msg), msg.key)
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
                done = position + 1 if position is not None else (consumer.committed_offset(tp) or 0)
                lag += max(0, highwater - done)
            return lag
        except Exception:  # the consumer may be rebalancing; lag is unknown then
            return None

    def stats_line(self, app: Any) -> dict[str, Any]:
        return self.stats.snapshot(self.consumer_lag(app))
