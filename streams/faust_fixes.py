"""Six repairs of faust-streaming 0.15.3, which lost or duplicated messages at
rebalances (seen with two workers in a group, one of them stopping).

1. Acks forgotten before the commit at a revoke. faust's `on_partitions_revoked` drops
   the acked offsets of the revoked partitions and only *then* runs the app's handler,
   whose "commit before giving the partitions away" so finds nothing to commit. Every
   message handled since the last periodic commit was handled again after the
   rebalance: duplicates under at_least_once, and under exactly_once the open
   transaction (outputs without offsets) stayed open, so both copies were committed
   together later. Here the handler runs first and the bookkeeping is dropped after.

2. Messages fetched before the seek. When a rebalance's recovery ends, faust resumes
   fetching the stream's partitions and only then seeks them to their committed
   offsets (`Recovery._resume_streams`, `Recovery.on_recovery_completed`). Messages
   fetched in between are still being drained after the seek; each moves faust's read
   offset forward, so the same messages fetched again from the committed offset are
   dropped as "already read" (faust's "DROPPED MESSAGE ROFF"), while the queue clear at
   resume had thrown away those of the early ones the agent had not taken yet. The
   agent jumped over 5 to 20 messages, once 578 of 3,000: never enriched. Here the
   partitions are moved (seek) first and resumed after, so nothing is fetched before.

3. A partition nobody committed started at its end. When a worker is killed before its
   first commit, the survivor that takes its partitions finds no committed offset;
   faust's seek then leaves them where aiokafka had put them, at the end, and the
   messages before (hundreds here) were never enriched. Here such a partition is moved
   to its earliest offset, as `consumer_auto_offset_reset="earliest"` means.

4. (exactly_once) A transactional producer kept for a partition given away. faust stops
   the producers of the partitions it computes as revoked, and that computation came
   out empty at some rebalances: the producer stayed, the new owner's producer fenced
   it, and when the partition came back the fenced one was used again: every send
   failed (ProducerFenced) and the worker crashed. Here every producer whose partition
   is not in the new assignment is stopped, whatever faust thinks was revoked, and a
   kept producer still in its transaction is not asked to begin it again.

5. Records fetched for a partition resumed during the fetch, dropped. faust computes
   the partitions it accepts records of (the unpaused ones) *before* asking the client
   for records, and silently skips records of any other partition. When a rebalance's
   recovery resumed the stream partitions while that fetch was waiting, the client
   returned their first records (from the offsets just sought) and faust threw them
   away, although the client's position had moved past them: 189 of 3,000 never
   enriched, with no trace. Here such records are given back: when they are the
   partition's next ones, it is moved back to the first of them and they are fetched
   again (records from before a later seek are left skipped, as faust does).

6. (exactly_once) Recovery crashed on a partition it had restored before. Under
   transactions faust takes a changelog partition's "highwater" from the client's
   cache of its last stable offset, which is empty for a partition not fetched since
   the latest assignment: highwater -1, and the consistency check then finds the
   offset this worker had already restored (271) "higher than the topic" and crashes
   the worker (ConsistencyError). Here an unknown last stable offset is asked of the
   broker (a read_committed end offset is the last stable offset).

The replaced methods are faust's own with the lines marked "khabar" changed;
faust-streaming is pinned to 0.15.3 (pyproject.toml) and `install` refuses another.
"""

from __future__ import annotations

import asyncio
from typing import Any, cast

import faust
from faust.tables.recovery import Recovery
from faust.transport.consumer import CONSUMER_PARTITIONS_REVOKED, Consumer, TransactionManager
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.utils.tracing import traced_from_parent_span
from mode import Service

FAUST_VERSION = "0.15.3"


_original_perform_seek = Consumer.perform_seek


async def perform_seek(self: Consumer) -> None:
    await _original_perform_seek(self)
    # khabar: repair 3 (module docstring).
    if self.app.conf.consumer_auto_offset_reset != "earliest":
        return
    never_committed = {
        tp
        for tp in self.assignment()
        if self.app.topics.acks_enabled_for(tp.topic) and self._committed_offset.get(tp) is None
    }
    if never_committed:
        earliest = await self.earliest_offsets(*never_committed)
        await self.seek_wait({tp: offset or 0 for tp, offset in earliest.items()})


async def _highwaters(self: AIOKafkaConsumerThread, partitions: Any) -> Any:
    consumer = self._ensure_consumer()
    if not self.consumer.in_transaction:
        return await consumer.end_offsets(partitions)
    # khabar: repair 6 (module docstring).
    highwaters = {tp: consumer.last_stable_offset(tp) for tp in partitions}
    unknown = [tp for tp, offset in highwaters.items() if offset is None]
    if unknown:
        highwaters.update(await consumer.end_offsets(unknown))
    return highwaters


_original_wait_next_records = Consumer._wait_next_records


async def _wait_next_records(self: Consumer, timeout: float) -> Any:
    records, active_partitions = await _original_wait_next_records(self, timeout)
    # khabar: repair 5 (module docstring). faust's `getmany` yields only the records of
    # `active_partitions` (or buffered ones); give the others back to the client.
    if records and active_partitions is not None:
        skipped_tps = [tp for tp in records if tp not in active_partitions and tp not in self._buffered_partitions]
        assignment = self.assignment() if skipped_tps else set()
        for tp in skipped_tps:
            skipped = records.pop(tp)
            if not skipped or tp not in assignment:
                continue
            first = skipped[0].offset
            # Only records that are the partition's next ones: faust's read offset is
            # the position sought (committed) or the last record read. Others were
            # fetched before a seek that has since moved the partition; going back to
            # them would read committed records twice, or jump over some.
            read = self._read_offset.get(tp)
            if read is None or first in (read, read + 1):
                self.log.info("Fetching %r again from %r: records came for it while it was paused", tp, first)
                await self._seek(tp, first)
    return records, active_partitions


@Service.transitions_to(CONSUMER_PARTITIONS_REVOKED)
async def on_partitions_revoked(self: Consumer, revoked: Any) -> None:
    span = self.app._start_span_from_rebalancing("on_partitions_revoked")
    T = traced_from_parent_span(span)
    with span:
        if self._active_partitions is not None:
            self._active_partitions.difference_update(revoked)
        self._paused_partitions.difference_update(revoked)
        # khabar: the app's handler (which commits what was handled) first...
        await T(self._on_partitions_revoked, partitions=revoked)(revoked)
        # ...then forget the revoked partitions' acks and offsets.
        for tp in revoked:
            self._gap.pop(tp, None)
            self._acked.pop(tp, None)
            self._acked_index.pop(tp, None)
            self._read_offset.pop(tp, None)
            self._committed_offset.pop(tp, None)


async def _resume_streams(self: Recovery, generation_id: int = 0) -> None:
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


async def on_recovery_completed(self: Recovery, generation_id: int = 0) -> None:
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


async def on_rebalance(self: TransactionManager, assigned: Any, revoked: Any, newly_assigned: Any) -> None:
    # khabar: which producers to stop and start follows from the new assignment alone.
    producers = self.producer._transaction_producers
    wanted = self._tps_to_transactional_ids(assigned)
    stale = sorted(set(producers) - wanted)
    if stale:
        self.log.info("Stopping %r transactional producers of partitions not assigned here", len(stale))
        await self._stop_transactions(stale)
    to_begin = sorted(
        tid for tid in wanted
        if tid not in producers or not producers[tid]._txn_manager.is_in_transaction()
    )
    if to_begin:
        self.log.info("Starting %r transactional producers for %r assigned partitions", len(to_begin), len(assigned))
        await self._start_transactions(to_begin)


def install() -> None:
    """Patch faust's Consumer, TransactionManager and Recovery classes (idempotent). Refuses another faust version: the
    methods above are copies of 0.15.3's and would silently undo fixes of a newer one."""
    if faust.__version__ != FAUST_VERSION:
        raise RuntimeError(
            f"streams/faust_fixes.py repairs faust-streaming {FAUST_VERSION}, "
            f"found {faust.__version__}: check whether the new version still needs it"
        )
    Consumer.on_partitions_revoked = on_partitions_revoked  # type: ignore[method-assign]
    Consumer.perform_seek = perform_seek  # type: ignore[method-assign]
    Consumer._wait_next_records = _wait_next_records  # type: ignore[method-assign]
    AIOKafkaConsumerThread._highwaters = _highwaters  # type: ignore[method-assign]
    TransactionManager.on_rebalance = on_rebalance  # type: ignore[method-assign]
    Recovery._resume_streams = _resume_streams  # type: ignore[method-assign]
    Recovery.on_recovery_completed = on_recovery_completed  # type: ignore[method-assign]
