"""faust's TransactionManager, repaired (repair 4). Chosen by
`streams.faust_ext.transport.Transport.TransactionManager`."""

from __future__ import annotations

from typing import Any, cast

from faust.transport.consumer import TransactionManager as FaustTransactionManager


class TransactionManager(FaustTransactionManager):
    async def on_rebalance(self, assigned: Any, revoked: Any, newly_assigned: Any) -> None:
        """Repair 4 (exactly_once): a transactional producer kept for a partition given
        away.

        Upstream note: `on_rebalance` stops the producers of the partitions it computes
        as revoked, and that set came out empty at some rebalances: the producer stayed,
        the new owner's producer fenced it, and when the partition came back the fenced
        producer was used again: every send failed (ProducerFenced), the worker crashed.
        Reproduce: two exactly_once workers, stop one mid-stream, restart it, repeat.
        Fix: which producers to stop and to start follows from the new assignment alone;
        a kept producer still in its transaction is not asked to begin it again."""
        producers = cast(Any, self.producer)._transaction_producers
        wanted = self._tps_to_transactional_ids(assigned)
        stale = sorted(set(producers) - wanted)
        if stale:
            self.log.info("Stopping %r transactional producers of partitions not assigned here", len(stale))
            await self._stop_transactions(stale)
        to_begin = sorted(
            tid for tid in wanted if tid not in producers or not producers[tid]._txn_manager.is_in_transaction()
        )
        if to_begin:
            self.log.info(
                "Starting %r transactional producers for %r assigned partitions", len(to_begin), len(assigned)
            )
            await self._start_transactions(to_begin)

    def transactional_id_of(self, tp: Any) -> str:
        """The transactional id of the transaction that commits source partition `tp`'s
        offsets (faust's own format), for the outputs khabar sends itself."""
        (transactional_id,) = self._tps_to_transactional_ids({tp})
        return transactional_id
