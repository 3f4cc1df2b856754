"""faust's aiokafka consumer, repaired (repairs 1, 3, 5, 6) and made to follow
khabar's commit rules (streams/commits.py).

Chosen by `streams.faust_ext.transport.Transport.Consumer`.
"""

from __future__ import annotations

from typing import Any, Iterable, cast

from faust.transport.consumer import CONSUMER_PARTITIONS_REVOKED
from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread
from faust.transport.drivers.aiokafka import Consumer as AIOKafkaConsumer
from faust.types import TP
from faust.utils.tracing import traced_from_parent_span
from mode import Service

from streams.commits import CommitGuard


class ConsumerThread(AIOKafkaConsumerThread):
    async def _highwaters(self, partitions: Any) -> Any:
        """Repair 6 (exactly_once): recovery crashed on a changelog partition it had
        restored before.

        Upstream note: under transactions `_highwaters` takes each partition's highwater
        from aiokafka's cache of last stable offsets (`last_stable_offset(tp)`), which is
        empty for a partition not fetched since the latest assignment; faust reads that
        as -1. Recovery's consistency check then finds the offset it had restored
        earlier (271) "higher than the topic" and raises ConsistencyError, crashing the
        worker. Reproduce: two exactly_once workers with a table, stop one mid-stream so
        the survivor is assigned back a changelog partition it restored before.
        Fix: ask the broker for an unknown last stable offset (a read_committed
        end-offsets request returns it)."""
        consumer = self._ensure_consumer()
        if not self.consumer.in_transaction:
            return await consumer.end_offsets(partitions)
        highwaters = {tp: consumer.last_stable_offset(tp) for tp in partitions}
        unknown = [tp for tp, offset in highwaters.items() if offset is None]
        if unknown:
            highwaters.update(await consumer.end_offsets(unknown))
        return highwaters


class Consumer(AIOKafkaConsumer):
    def _new_consumer_thread(self) -> ConsumerThread:
        return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    # --- khabar's reading of faust's bookkeeping (the only place that reads it) -----

    def committed_offset(self, tp: TP) -> int | None:
        """The offset the group committed for `tp`, as this consumer last knew it."""
        return self._committed_offset.get(tp)

    @property
    def commit_guard(self) -> CommitGuard | None:
        return getattr(self.app, "commit_guard", None)

    # --- commits follow streams/commits.py ------------------------------------------

    async def force_commit(self, topics: Any = None, start_new_transaction: bool = True) -> bool:
        guard = self.commit_guard
        if guard is None:
            return await super().force_commit(topics, start_new_transaction=start_new_transaction)
        async with guard.lock:
            if not self.app.in_transaction:
                # at_least_once: an offset may be committed only once the outputs of its
                # message are on the broker. faust commits acked offsets while sends
                # still wait in the producer, so a stop (SIGTERM, rebalance) right after
                # a commit lost those outputs.
                await self.app.producer.flush()
            return await super().force_commit(topics, start_new_transaction=start_new_transaction)

    def _filter_committable_offsets(self, tps: Iterable[TP]) -> dict[TP, int]:
        offsets = super()._filter_committable_offsets(tps)
        guard = self.commit_guard
        return guard.cap(offsets) if guard is not None else offsets

    # --- repairs -------------------------------------------------------------------

    @Service.transitions_to(CONSUMER_PARTITIONS_REVOKED)
    async def on_partitions_revoked(self, revoked: Any) -> None:
        """Repair 1: acks forgotten before the commit at a revoke.

        Upstream note: `Consumer.on_partitions_revoked` drops the acked offsets of the
        revoked partitions (`_acked`, `_acked_index`, `_read_offset`, ...) and only then
        runs the app's revoke handler, whose commit ("commit before giving partitions
        away") then finds nothing to commit. Every message handled since the last
        periodic commit is handled again by the next owner: duplicates under
        at_least_once; under exactly_once the open transaction holds outputs without
        their offsets. Reproduce: two workers, a stream, stop one (SIGTERM) between two
        commits; count second copies. Fix: run the handler first, forget after.
        (faust's code, the changed lines marked.)"""
        span = self.app._start_span_from_rebalancing("on_partitions_revoked")
        T = traced_from_parent_span(span)
        with span:
            if self._active_partitions is not None:
                self._active_partitions.difference_update(revoked)
            self._paused_partitions.difference_update(revoked)
            # khabar: the app's handler (which commits what was handled) first...
            await T(self._on_partitions_revoked, partitions=revoked)(revoked)
            # khabar: ...then forget the revoked partitions' acks and offsets.
            for tp in revoked:
                self._gap.pop(tp, None)
                self._acked.pop(tp, None)
                self._acked_index.pop(tp, None)
                self._read_offset.pop(tp, None)
                self._committed_offset.pop(tp, None)

    async def perform_seek(self) -> None:
        """Repair 3: a partition nobody committed started at its end.

        Upstream note: with `consumer_auto_offset_reset="earliest"`, a partition of the
        group that has no committed offset (its previous owner killed before its first
        commit) is left by `perform_seek` where aiokafka put it, at its end: the
        messages before are never consumed. Reproduce: two workers, kill -9 one before
        its first commit; the survivor skips that partition's messages. Fix: move such
        partitions to their earliest offset."""
        await super().perform_seek()
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

    async def _wait_next_records(self, timeout: float) -> Any:
        """Repair 5: records of a partition resumed during the fetch were dropped.

        Upstream note: `_wait_next_records` computes the partitions whose records it
        accepts (the active ones) *before* the client fetch, and `getmany` silently
        skips records of any other partition. When recovery resumed the stream
        partitions while that fetch waited, the client returned their first records
        (from the offsets just sought) and faust threw them away, though the client's
        position had moved past them: 189 of 3,000 never consumed, no log line.
        Reproduce: two workers, stop one mid-stream, count what the survivor consumed.
        Fix: give such records back (seek the partition to the first of them) when
        they are its next ones; records from before a later seek stay skipped."""
        fetched, active_partitions = await super()._wait_next_records(timeout)
        records = cast(dict, fetched)  # a dict: faust's getmany pops from it too
        if records and active_partitions is not None:
            skipped_tps = [tp for tp in records if tp not in active_partitions and tp not in self._buffered_partitions]
            assignment = self.assignment() if skipped_tps else set()
            for tp in skipped_tps:
                skipped = records.pop(tp)
                if not skipped or tp not in assignment:
                    continue
                first = skipped[0].offset
                # Only records that are the partition's next ones: faust's read offset
                # is the position sought (committed) or the last record read. Others
                # were fetched before a seek that has since moved the partition; going
                # back to them would read committed records twice, or jump over some.
                read = self._read_offset.get(tp)
                if read is None or first in (read, read + 1):
                    self.log.info("Fetching %r again from %r: records came for it while it was paused", tp, first)
                    await self._seek(tp, first)
        return records, active_partitions
