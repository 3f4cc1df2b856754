"""streams/faust_ext repairs faust 0.15.3 through its extension points; what the repairs
fix is proven against the real broker (tests/integration/test_two_workers.py). Here:
only the version they were written for, the worker's app built with them, faust's own
classes left untouched, and repairs 5 and 6 on stand-ins of the client."""

from __future__ import annotations

import asyncio

import faust
import pytest
from faust.tables.recovery import Recovery as FaustRecovery
from faust.transport.consumer import Consumer as FaustConsumer
from faust.transport.consumer import TransactionManager as FaustTransactionManager
from faust.types import TP

from streams import faust_ext
from streams.app import create_app
from streams.faust_ext.consumer import Consumer, ConsumerThread
from streams.faust_ext.recovery import Recovery
from streams.faust_ext.transactions import TransactionManager
from streams.settings import load


def test_the_installed_faust_is_the_one_the_repairs_were_written_for():
    assert faust.__version__ == faust_ext.FAUST_VERSION


def test_another_faust_version_is_refused_with_a_message(monkeypatch):
    monkeypatch.setattr(faust, "__version__", "0.16.0")
    with pytest.raises(RuntimeError, match="0.15.3.*0.16.0"):
        faust_ext.check_version()


def test_the_app_uses_the_repaired_classes_and_leaves_fausts_alone(tmp_path):
    app = create_app(load({"KHABAR_DATA_DIR": str(tmp_path)}))
    assert isinstance(app.transport, faust_ext.Transport)
    assert app.transport.Consumer is Consumer and app.transport.TransactionManager is TransactionManager
    assert isinstance(app.tables, faust_ext.TableManager)
    assert isinstance(app.tables.recovery, Recovery)
    # Subclasses, not assignments: faust's own classes keep their own methods.
    assert "on_partitions_revoked" in vars(FaustConsumer)
    assert FaustConsumer.on_partitions_revoked is not Consumer.on_partitions_revoked
    assert FaustTransactionManager.on_rebalance is not TransactionManager.on_rebalance
    assert FaustRecovery._resume_streams is not Recovery._resume_streams


class _Record:
    def __init__(self, offset: int) -> None:
        self.offset = offset


class _PausedWhileFetching:
    """Just what `_wait_next_records` reads of a consumer: faust's own code picks the
    active partitions, then the client returns records of one that was resumed
    meanwhile."""

    def __init__(self, active, records, assignment):
        self.flow_active = True
        self.app = type("App", (), {"client_only": False})()
        self.not_waiting_next_records = type("E", (), {"set": lambda self: None})()
        self._buffered_partitions = set()
        self._active = active
        self._records = records
        self._assignment = assignment
        self.sought = []
        self._read_offset = {}
        self.log = type("L", (), {"info": lambda *a, **k: None})()

    def _get_active_partitions(self):
        return set(self._active)

    async def _getmany(self, active_partitions, timeout):
        return dict(self._records)

    def assignment(self):
        return set(self._assignment)

    async def _seek(self, tp, offset):
        self.sought.append((tp, offset))


def _wait_next_records(consumer):
    # The repaired method on a stand-in; its super() is faust's Consumer's.
    return asyncio.run(Consumer._wait_next_records(consumer, 1.0))


class _StandIn(_PausedWhileFetching, Consumer):
    def __init__(self, *args, **kwargs):  # no faust Service set-up
        _PausedWhileFetching.__init__(self, *args, **kwargs)


def test_records_of_a_partition_faust_would_skip_are_fetched_again():
    changelog, raw, gone = TP("seen-changelog", 0), TP("raw", 0), TP("raw", 1)
    consumer = _StandIn(
        active={changelog},
        records={changelog: [_Record(5)], raw: [_Record(128), _Record(129)], gone: [_Record(7)]},
        assignment={changelog, raw},
    )
    records, active = _wait_next_records(consumer)
    assert set(records) == {changelog} and active == {changelog}
    # The skipped partition starts again at its first skipped record; one no longer
    # assigned here is left alone (its new owner starts at the committed offset).
    assert consumer.sought == [(raw, 128)]


def test_records_fetched_before_a_later_seek_do_not_move_the_partition():
    changelog, behind, ahead, next_one = TP("c", 0), TP("raw", 0), TP("raw", 1), TP("raw", 2)
    consumer = _StandIn(
        active={changelog},
        records={behind: [_Record(90)], ahead: [_Record(139)], next_one: [_Record(51)]},
        assignment={changelog, behind, ahead, next_one},
    )
    # Sought to the committed offsets 124 and 124; on raw:2, record 50 was the last read.
    consumer._read_offset = {behind: 124, ahead: 124, next_one: 50}
    records, _ = _wait_next_records(consumer)
    assert records == {}
    assert consumer.sought == [(next_one, 51)]


class _Client:
    """The client's side of `_highwaters`: a cache of last stable offsets filled by
    fetches, and the broker's answer to a read_committed end-offsets request."""

    def __init__(self, cached, broker):
        self.cached, self.broker, self.asked = cached, broker, []

    def last_stable_offset(self, tp):
        return self.cached.get(tp)

    async def end_offsets(self, partitions):
        self.asked.append(sorted(partitions))
        return {tp: self.broker[tp] for tp in partitions}


def test_an_unknown_last_stable_offset_is_asked_of_the_broker():
    fetched, reassigned = TP("seen-changelog", 0), TP("seen-changelog", 1)
    client = _Client(cached={fetched: 40}, broker={fetched: 41, reassigned: 272})
    thread = type("Thread", (), {})()
    thread._ensure_consumer = lambda: client
    thread.consumer = type("C", (), {"in_transaction": True})()
    highwaters = asyncio.run(ConsumerThread._highwaters(thread, [fetched, reassigned]))
    # Not -1 (faust's reading of "unknown"), which crashed recovery's consistency check.
    assert highwaters == {fetched: 40, reassigned: 272}
    assert client.asked == [[reassigned]]
