"""The faust app: settings in, topics, the dedup table and the enrich agent wired.

The agent's loop and its work on each message are streams/agents.py; this module only
builds the app around them.
"""

from __future__ import annotations

from typing import Any

import faust

import processors
from streams import faust_ext, topics
from streams.agents import Enricher
from streams.commits import CommitGuard
from streams.dedup import ROCKSDB_OPTIONS, Seen
from streams.logs import logger, logging_config
from streams.settings import Settings


def changelog_configs(horizon: float) -> dict[str, int]:
    """Topic configs of the dedup table's changelog (applied when faust creates it).

    Expired entries are deleted with tombstones; segments roll at least daily (sooner
    with a shorter horizon) so the compaction can drop what the tombstones hide. The
    compaction then keeps each tombstone for `delete.retention.ms` (Kafka's default: a
    day), so a reader that started before it still sees the delete. Here a missed
    delete is harmless (the entry is past the horizon: lookups ignore it and the sweep
    deletes it again), so tombstones are kept as long as a segment, not longer: with a
    short horizon (the soak benchmark: 20 s) a day of tombstones would otherwise be most
    of the changelog a restart without its data directory replays.
    """
    roll_ms = int(1000 * max(60.0, min(horizon, 86400.0)))
    return {"segment.ms": roll_ms, "delete.retention.ms": roll_ms}


def create_app(settings: Settings) -> faust.App:
    faust_ext.check_version()
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
        # faust's repairs (streams/faust_ext): the table manager builds the repaired
        # Recovery; the transport (set below, before any topic exists) the repaired
        # Consumer and TransactionManager.
        TableManager=faust_ext.TableManager,
    )
    app.transport = faust_ext.Transport(app.conf.broker_consumer, app)
    # What may be committed, shared by the agent and the consumer (streams/commits.py).
    app.commit_guard = CommitGuard(settings.topic(topics.RAW))  # type: ignore[attr-defined]
    names = topics.names(settings)
    raw = app.topic(names[topics.RAW], key_serializer="raw", value_serializer="raw", internal=False)
    out = {
        name: app.topic(names[name], key_serializer="raw", value_serializer="raw", internal=False)
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
        extra_topic_configs=changelog_configs(settings.dedup_horizon),
    )
    seen = Seen(table, settings.dedup_horizon, settings.table_store)
    enricher = Enricher(settings, out, seen, app)

    @app.on_partitions_revoked.connect  # type: ignore[arg-type]  # faust's stub wants the signal keyword
    async def forget_revoked(app: Any, revoked: Any, **kwargs: Any) -> None:
        enricher.forget(revoked)

    @app.agent(raw, name="enrich")
    async def enrich(stream: Any) -> None:
        await enricher.run(stream)

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
                # "compiled (mypyc)", or why the processors run interpreted (slower).
                "processors": processors.WHY,
            },
        )

    app.khabar_enricher = enricher  # type: ignore[attr-defined]
    app.khabar_seen = seen  # type: ignore[attr-defined]
    return app
