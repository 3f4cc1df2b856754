"""faust's table Recovery, repaired (repair 2), and the TableManager that builds it
(the app's `TableManager` setting), repaired too (repair 7)."""

from __future__ import annotations

import asyncio
from typing import Any, cast

from faust.tables.manager import TableManager as FaustTableManager
from faust.tables.recovery import Recovery as FaustRecovery


class Recovery(FaustRecovery):
    """Repair 2: messages fetched before the seek.

    Upstream note: when a rebalance's recovery ends, `_resume_streams` and
    `on_recovery_completed` resume fetching the stream partitions and only then seek
    them to their committed offsets (`perform_seek`). Messages fetched in between are
    still drained after the seek, each moving faust's read offset forward, so the same
    messages fetched again from the committed offset are dropped as "already read"
    ("DROPPED MESSAGE ROFF"), while the queue clear at resume threw away the early ones
    the agent had not taken: 5 to 20, once 578 of 3,000 messages never consumed.
    Reproduce: two workers with a table, stop one mid-stream, count what the survivor
    consumed. Fix: seek while the stream partitions are still paused, then resume.
    (faust's code, the changed lines marked.)"""

    async def _resume_streams(self, generation_id: int = 0) -> None:
        app = self.app
        consumer = app.consumer
        await app.on_rebalance_complete.send()
        assignment = consumer.assignment()
        if self.app.consumer_generation_id != generation_id:
            self.log.warning("Recovery rebalancing again")
            return
        if assignment:
            # khabar: seek while the stream partitions are still paused, then resume.
            self.log.info("Seek stream partitions to committed offsets.")
            await self._wait(consumer.perform_seek(), timeout=self.app.conf.broker_request_timeout)
            self.log.dev("Resume stream partitions")
            consumer.resume_partitions({tp for tp in assignment if not self._is_changelog_tp(tp)})
        else:
            self.log.info("Resuming streams with empty assignment")
        self.completed.set()
        self.log.info("Resuming flow...")
        app.flow_control.resume()
        consumer.resume_flow()
        await cast(Any, app)._fetcher.maybe_start()
        self.tables.on_actives_ready()
        self.tables.on_standbys_ready()
        app.on_rebalance_end()
        self.log.info("Worker ready")

    async def on_recovery_completed(self, generation_id: int = 0) -> None:
        consumer = self.app.consumer
        self.log.info("Restore complete!")
        await self.app.on_rebalance_complete.send()
        self._set_recovery_ended()
        callback_coros = [
            asyncio.ensure_future(
                table.on_recovery_completed(self.actives_for_table[table], self.standbys_for_table[table])
            )
            for table in self.tables.values()
        ]
        if callback_coros:
            await asyncio.wait(callback_coros)
        assignment = consumer.assignment()
        if self.app.consumer_generation_id != generation_id:
            self.log.warning(
                f"Recovery rebalancing again app id {self.app.consumer_generation_id} param {generation_id}"
            )
            return
        # khabar: seek while the stream partitions are still paused, then resume.
        if assignment:
            self.log.info("Seek stream partitions to committed offsets.")
            await self._wait(consumer.perform_seek(), timeout=self.app.conf.broker_request_timeout)
        consumer.resume_partitions({tp for tp in assignment if not self._is_changelog_tp(tp)})
        self.completed.set()
        self.log.dev("Resume stream partitions")
        self.app.flow_control.resume()
        consumer.resume_flow()
        await cast(Any, self.app)._fetcher.maybe_start()
        self.tables.on_actives_ready()
        if not self.app.assignor.assigned_standbys():
            self.tables.on_standbys_ready()
        self.app.on_rebalance_end()
        self.log.info("Worker ready")


class TableManager(FaustTableManager):
    """faust's TableManager, building the repaired Recovery."""

    def on_commit(self, offsets: Any) -> None:
        """Repair 7 (exactly_once, a RocksDB table): changelog offsets never persisted.

        Upstream note: under exactly_once a changelog write's offset waits in
        `_pending_persisted_offsets`, keyed by its *changelog* partition, to be written
        into the RocksDB database when the source partition commits; `on_commit` looks
        it up by the *source* partition it is given, finds nothing, and never writes
        it. So a restart with its data directory read the whole changelog again, as if
        it had none (25.5 s for ~30,000 records in benchmarks/soak.py; 15.7 s after).
        Reproduce: exactly_once, a rocksdb:// table, write, commit, restart: recovery
        starts at the changelog's beginning. Fix: when source partition p commits, so
        does changelog partition p (khabar's table is partitioned like the raw topic and
        written in the event's context, so both are in p's transaction): its pending
        offset is persisted."""
        super().on_commit(offsets)
        committed = {tp.partition for tp in offsets}
        pending = self._pending_persisted_offsets
        for tp in [tp for tp in pending if tp.partition in committed]:
            store, offset = pending.pop(tp)
            store.set_persisted_offset(tp, offset)

    @property
    def recovery(self) -> Recovery:
        if self._recovery is None:
            self._recovery = Recovery(self.app, self, beacon=self.beacon, loop=self.loop)
        return cast(Recovery, self._recovery)
