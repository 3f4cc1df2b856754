"""The faust app: settings in, topics, the dedup table and the enrich agent wired.

The agent's body is streams/agents.py; this module only builds the app around it.
"""

from __future__ import annotations

import asyncio
from typing import Any

import faust

from streams import codecs, faust_fixes, topics
from streams.agents import Enricher
from streams.dedup import ROCKSDB_OPTIONS, Seen, persist_changelog_offsets_on_commit
from streams.lifecycle import fatal
from streams.logs import logger, logging_config
from streams.settings import Settings


def create_app(settings: Settings) -> faust.App:
    codecs.register()
    faust_fixes.install()
    app = faust.App(
        settings.app_id,
        broker=settings.broker,
        processing_guarantee=settings.processing_guarantee,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        broker_commit_interval=settings.commit_interval,
        # faust's default session timeout is 60 s: after a kill -9 the partitions of the
        # dead worker would wait that long. Heartbeats go at a third of it (at most 3 s).
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=min(3.0, settings.session_timeout / 3),
        datadir=settings.data_dir,
        # The dedup table's local store (streams/dedup.py, README "State and restarts"):
        # RocksDB keeps it on disk in the data directory, so memory does not grow with
        # it and a restart with its directory reads only the changelog written since.
        store=f"{settings.table_store}://",
        table_standby_replicas=settings.standby_replicas,
        web_host=settings.web_host,
        web_port=settings.web_port,
        web_bind=settings.web_host,
        consumer_auto_offset_reset="earliest",
        # Enriched articles of long stories exceed the 1 MB default request size; the
        # output topics take the same (streams/topics.py), and outputs are sized to it
        # before they are sent (streams/outputs.py).
        producer_max_request_size=settings.max_message_bytes,
        logging_config=logging_config(settings.log_level, settings.worker_id),
        # A bad message must never crash the agent, but a real bug must be seen: the
        # agent dead-letters processor errors itself; anything else crashes loudly.
        agent_supervisor="mode.OneForOneSupervisor",
    )
    names = topics.names(settings)
    raw = app.topic(names[topics.RAW], key_serializer="raw", value_serializer="raw", internal=False)
    out = {
        name: app.topic(names[name], key_serializer="raw", value_serializer=codecs.NAME, internal=False)
        for name in (topics.ENRICHED, topics.CLAIMS, topics.FIGURES, topics.DEADLETTER)
    }
    # Which article ids and which contents were enriched, with the message that did
    # it. Keyed "id:<article id>" and "content:<content key>"; the changelog topic
    # makes it survive restarts. Bounded by KHABAR_DEDUP_HORIZON: streams/dedup.py.
    table = app.Table(
        "seen",
        default=None,
        partitions=settings.partitions,
        key_type=str,
        # Not `dict`: faust takes any other value_type for a Model and fails to restore
        # the changelog ("type object 'dict' has no attribute 'from_data'"), so the
        # table came back EMPTY after every restart. None = the JSON value as it is.
        value_type=None,
        help="article ids and content keys already enriched",
        options=dict(ROCKSDB_OPTIONS) if settings.table_store == "rocksdb" else None,
        # Expired entries are deleted with tombstones; segments roll at least daily
        # (sooner with a shorter horizon) so the compaction can drop what they hide.
        extra_topic_configs={"segment.ms": int(1000 * max(60.0, min(settings.dedup_horizon, 86400.0)))},
    )
    seen = Seen(table, settings.dedup_horizon, settings.table_store)
    persist_changelog_offsets_on_commit(app)
    enricher = Enricher(settings, out, seen, app)

    # exactly_once: faust commits (offsets into the transaction, then commit it) from a
    # timer task while the agent goes on, and the table's changelog writes wait in a
    # buffer. So a committed transaction could hold the outputs of messages whose
    # offsets it did not commit: after a kill or a rebalance they were enriched again
    # (duplicates a read_committed consumer sees), or the reverse. This lock makes one
    # message's processing and a commit exclusive; the message is acked (its offset
    # made committable) inside it, once its changelog writes left faust's buffer.
    commit_lock = asyncio.Lock()
    # (topic, partition) -> offset of the last raw message handled and acked here.
    handled: dict[tuple[str, int], int] = {}

    def lock_commits() -> None:
        """Make the consumer's commits take `commit_lock` (once per consumer)."""
        consumer = app.consumer
        if getattr(consumer, "_khabar_commit_lock", None) is commit_lock:
            return
        force_commit = consumer.force_commit

        async def locked_force_commit(*args: Any, **kw: Any) -> bool:
            async with commit_lock:
                if not app.in_transaction:
                    # at_least_once: an offset may be committed only once the outputs
                    # of its message are on the broker. faust commits acked offsets
                    # while sends still wait in the producer, so a stop (SIGTERM,
                    # rebalance) right after a commit lost those outputs.
                    await app.producer.flush()
                return await force_commit(*args, **kw)

        consumer.force_commit = locked_force_commit  # type: ignore[method-assign]
        consumer._khabar_commit_lock = commit_lock  # type: ignore[attr-defined]

        committable = consumer._filter_committable_offsets

        def handled_offsets_only(tps: Any) -> dict:
            # faust fills "gaps" in acked offsets (meant for transaction markers) and so,
            # across a rebalance, committed past messages it had fetched but never handed
            # to the agent: the next owner of the partition started after them and they
            # were never enriched. Never commit past the last message handled here.
            offsets = committable(tps)
            for tp in list(offsets):
                if tp.topic != raw.get_topic_name():
                    continue
                last = handled.get((tp.topic, tp.partition))
                if last is None:
                    del offsets[tp]
                elif offsets[tp] > last + 1:
                    offsets[tp] = last + 1
            return offsets

        consumer._filter_committable_offsets = handled_offsets_only  # type: ignore[method-assign]

    # The next offset expected per partition: a tripwire for messages faust never
    # delivered. faust 0.15.3 lost some at rebalances (a partition resumed at 15, then
    # went on at 18) until streams/faust_fixes.py. The raw topic is written without
    # transactions, so offsets are dense and a jump is such a loss: logged as an error
    # with the offsets, so that an operator can replay them (deploy/README.md), never
    # silent.
    expected: dict[tuple[str, int], int] = {}

    def note_gap(msg: Any) -> None:
        want = expected.get((msg.topic, msg.partition))
        if want is None:
            # A partition's first message since it was assigned here: it must be the
            # one its group committed (faust 0.15.3 once started 70 later, repair 5).
            want = app.consumer._committed_offset.get(msg.tp)
        if want is not None and msg.offset > want:
            logger.error(
                "partition.gap",
                extra={"topic": msg.topic, "partition": msg.partition, "first_missing": want,
                       "next_delivered": msg.offset, "missing": msg.offset - want},
            )

    @app.on_partitions_revoked.connect
    async def forget_revoked(app: Any, revoked: Any, **kwargs: Any) -> None:
        # A partition assigned again later starts where its group committed: its first
        # message is checked against that, the next ones against the one before.
        for tp in revoked:
            expected.pop((tp.topic, tp.partition), None)
            handled.pop((tp.topic, tp.partition), None)
            if tp.topic == raw.get_topic_name():
                seen.forget(tp.partition)
        logger.info("rebalance", extra={"revoked": sorted(f"{tp.topic}:{tp.partition}" for tp in revoked)})

    @app.agent(raw, name="enrich")
    async def enrich(stream: Any) -> None:
        # Here, not in an on_worker_init handler: `khabar worker` runs faust's Worker
        # directly, which never sends that signal. The agent starts before the first
        # commit (faust's commit timer first sleeps one commit interval).
        lock_commits()
        await asyncio.get_running_loop().run_in_executor(None, enricher.check_topic_limits)
        stream = stream.noack()
        async for event in stream.events():
            msg = event.message
            tp_key = (msg.topic, msg.partition)
            last = handled.get(tp_key)
            if last is not None and msg.offset <= last:
                # Fetched again (a seek back to the committed offset): handled in this
                # assignment already, its outputs sent and its offset acked.
                await stream.ack(event)
                continue
            note_gap(msg)
            async with commit_lock:
                # Acked only once handled: a message whose handling was cancelled (a
                # stop mid-publish) or failed stays uncommitted and is handled again
                # after the restart, never committed with half its outputs.
                try:
                    await enricher.handle(event)
                    # Forget what is past the horizon in this partition: tombstones in
                    # this message's event context, so in its partition and transaction.
                    seen.sweep(msg.partition)
                    if app.in_transaction:
                        await app.producer.buffer.flush()
                except Exception as exc:
                    # Whatever belongs to the message was dead-lettered inside
                    # `handle`: this is the broker or the producer. Left to faust, the
                    # agent would restart past an unacked message that then blocks
                    # every commit, rebalance and shutdown of the partition. Exit 1;
                    # the restart resumes from the committed offset.
                    fatal("worker.output_failed", exc, topic=msg.topic, partition=msg.partition, offset=msg.offset)
                await stream.ack(event)
                handled[tp_key] = msg.offset
                expected[tp_key] = max(expected.get(tp_key, 0), msg.offset + 1)

    @app.timer(interval=settings.stats_interval)
    async def stats() -> None:
        logger.info("stats", extra=enricher.stats_line(app))

    @app.timer(interval=settings.stats_interval)
    async def dedup_stats() -> None:
        logger.info("dedup", extra=seen.stats_line())

    @app.page("/health")
    async def health(web: Any, request: Any) -> Any:
        return web.json({"status": "ok", "worker_id": settings.worker_id})

    @app.task
    async def started() -> None:
        logger.info(
            "worker.started",
            extra={
                "app_id": settings.app_id,
                "broker": settings.broker,
                "processing_guarantee": settings.processing_guarantee,
                "topics": names,
            },
        )

    app.khabar_enricher = enricher  # type: ignore[attr-defined]
    app.khabar_seen = seen  # type: ignore[attr-defined]
    return app
