"""streams/dedup.py without a broker: the horizon rule, the event time, the settings that
set them, and the sweep over both local stores (a dict like faust's memory store, and a
real RocksDB database through rocksdict, like faust's RocksDB store)."""

from __future__ import annotations

import orjson
import pytest

from streams.dedup import Seen, event_time, expired, partition_of
from streams.settings import SettingsError, load

DAY = 86400.0


# --- the rule -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "age, gone",
    [(0, False), (DAY, False), (30 * DAY, False), (30 * DAY + 0.001, True), (400 * DAY, True), (-DAY, False)],
)
def test_an_entry_is_forgotten_once_older_than_the_horizon(age, gone):
    now = 1_700_000_000.0
    assert expired({"ts": now - age, "at": {"p": 0}}, now, 30 * DAY) is gone


@pytest.mark.parametrize("entry", [{"at": {"t": "raw", "p": 1, "o": 5}}, {"ts": None}, {"ts": "yesterday"}, None, "x"])
def test_an_entry_without_a_timestamp_is_never_expired_by_a_lookup(entry):
    # Written before the horizon existed: the sweep stamps it, the lookup keeps it.
    assert expired(entry, 1e12, 1.0) is False


def test_event_time_is_the_message_timestamp_but_never_after_the_clock():
    assert event_time(1000.0, wall=2000.0) == 1000.0
    assert event_time(5000.0, wall=2000.0) == 2000.0  # a producer clock ahead
    assert event_time(None, wall=2000.0) == 2000.0
    assert event_time(0, wall=2000.0) == 2000.0
    assert event_time(-1, wall=2000.0) == 2000.0


def test_partition_of_an_entry_is_the_raw_partition_that_wrote_it():
    assert partition_of({"at": {"t": "raw", "p": 3, "o": 9}}) == 3
    assert partition_of({"id": "a"}) is None
    assert partition_of(None) is None


# --- settings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, seconds",
    [
        ("30d", 30 * DAY),
        ("12h", 43200.0),
        ("45m", 2700.0),
        ("90s", 90.0),
        ("20", 20.0),
        ("0.5d", 43200.0),
        (" 7D ", 7 * DAY),
    ],
)
def test_horizon_accepts_seconds_or_a_unit(raw, seconds):
    assert load({"KHABAR_DEDUP_HORIZON": raw}).dedup_horizon == seconds


@pytest.mark.parametrize("raw", ["", "0", "-1d", "30 days", "d", "abc"])
def test_a_bad_horizon_names_the_variable(raw):
    with pytest.raises(SettingsError, match="KHABAR_DEDUP_HORIZON"):
        load({"KHABAR_DEDUP_HORIZON": raw})


def test_store_and_standbys():
    s = load({})
    assert (s.table_store, s.dedup_horizon, s.standby_replicas) == ("rocksdb", 30 * DAY, 1)
    assert load({"KHABAR_TABLE_STORE": "Memory"}).table_store == "memory"
    assert load({"KHABAR_TABLE_STORE": "rocksdb://"}).table_store == "rocksdb"
    with pytest.raises(SettingsError, match="KHABAR_TABLE_STORE"):
        load({"KHABAR_TABLE_STORE": "redis"})
    with pytest.raises(SettingsError, match="KHABAR_STANDBY_REPLICAS"):
        load({"KHABAR_STANDBY_REPLICAS": "4"})
    assert load({"KHABAR_STANDBY_REPLICAS": "0"}).standby_replicas == 0


# --- the table wrapper and the sweep ---------------------------------------------------


class MemoryStore:
    """Like faust's memory store: one dict for every partition."""

    def __init__(self) -> None:
        self.data: dict = {}


class FakeTable:
    """The faust Table surface Seen uses: get, set, del (each a changelog write in
    faust), and `data` (the store)."""

    def __init__(self, store) -> None:
        self.data = store
        self.writes: list[tuple[str, object]] = []  # (key, value or None = tombstone)

    def get(self, key):
        return self._get(key)

    def _get(self, key):
        return self.data.data.get(key)

    def __setitem__(self, key, value) -> None:
        self.writes.append((key, value))
        self.data.data[key] = value

    def __delitem__(self, key) -> None:
        self.writes.append((key, None))
        del self.data.data[key]


class Clocked(Seen):
    clock = 0.0

    def now(self) -> float:
        return self.clock


def entry(p: int, ts: float | None = None, **extra) -> dict:
    value = {"at": {"t": "raw", "p": p, "o": 0}, **extra}
    if ts is not None:
        value["ts"] = ts
    return value


def test_lookup_treats_an_expired_entry_as_absent_before_it_is_removed():
    table = FakeTable(MemoryStore())
    seen = Clocked(table, horizon=10.0, store="memory")
    seen.clock = 100.0
    seen["id:a"] = {"at": {"t": "raw", "p": 0, "o": 1}, "content": "k"}
    assert table.data.data["id:a"]["ts"] == 100.0  # stamped with the event time
    seen.clock = 110.0
    assert seen.get("id:a") is not None  # exactly the horizon: still remembered
    seen.clock = 110.5
    assert seen.get("id:a") is None
    assert "id:a" in table.data.data  # not yet removed
    assert seen.expired_lookups == 1


def test_sweep_removes_only_expired_entries_of_its_partition_with_tombstones():
    table = FakeTable(MemoryStore())
    data = table.data.data
    for i in range(20):
        data[f"id:old-{i}"] = entry(i % 2, ts=0.0)
        data[f"id:new-{i}"] = entry(i % 2, ts=95.0)
    seen = Clocked(table, horizon=10.0, store="memory", sweep=8)
    seen.clock = 100.0
    for _ in range(10):
        seen.sweep(0)
    assert not [k for k, v in data.items() if v["at"]["p"] == 0 and k.startswith("id:old")]
    assert len([k for k in data if k.startswith("id:old")]) == 10  # partition 1's: its own messages sweep them
    assert len([k for k in data if k.startswith("id:new")]) == 20
    assert sorted(k for k, v in table.writes if v is None) == sorted(f"id:old-{i}" for i in range(0, 20, 2))
    assert seen.removed == 10


def test_sweep_stamps_entries_from_before_the_horizon_existed():
    table = FakeTable(MemoryStore())
    table.data.data["id:legacy"] = entry(0, ts=None, content="k")
    seen = Clocked(table, horizon=10.0, store="memory")
    seen.clock = 500.0
    seen.sweep(0)
    assert table.data.data["id:legacy"] == entry(0, ts=500.0, content="k")
    seen.clock = 511.0
    seen.sweep(0)
    seen.sweep(0)
    assert "id:legacy" not in table.data.data


def test_a_sweep_step_looks_at_a_bounded_number_of_entries():
    table = FakeTable(MemoryStore())
    for i in range(100):
        table.data.data[f"id:{i}"] = entry(0, ts=0.0)
    seen = Clocked(table, horizon=10.0, store="memory", sweep=8)
    seen.clock = 100.0
    assert seen.sweep(0) == 8
    # A round of the partition's 100 entries takes ceil(100 / 8) steps.
    for _ in range(12):
        seen.sweep(0)
    assert table.data.data == {}


# --- RocksDB, as faust's store lays it out (one database per partition) ----------------


class RocksStore:
    """What Seen uses of faust's RocksDB store: `_dbs`, `offset_key`, the codecs."""

    offset_key = b"__faust\0offset__"

    def __init__(self, tmp_path) -> None:
        from rocksdict import Options, Rdict

        self._dbs = {p: Rdict(str(tmp_path / f"seen-{p}.db"), options=Options(raw_mode=True)) for p in (0, 1)}
        for db in self._dbs.values():
            db[self.offset_key] = b"42"

    @staticmethod
    def _decode_key(raw: bytes):
        return orjson.loads(raw)

    @staticmethod
    def _decode_value(raw: bytes):
        return orjson.loads(raw)

    def close(self) -> None:
        for db in self._dbs.values():
            db.close()


class RocksTable(FakeTable):
    def _get(self, key):
        for db in self.data._dbs.values():
            raw = db.get(orjson.dumps(key))
            if raw is not None:
                return orjson.loads(raw)
        return None

    def __setitem__(self, key, value) -> None:
        self.writes.append((key, value))
        self.data._dbs[value["at"]["p"]][orjson.dumps(key)] = orjson.dumps(value)

    def __delitem__(self, key) -> None:
        self.writes.append((key, None))
        for db in self.data._dbs.values():
            del db[orjson.dumps(key)]


def test_sweep_over_rocksdb_removes_expired_entries_and_survives_deletes_mid_round(tmp_path):
    store = RocksStore(tmp_path)
    table = RocksTable(store)
    seen = Clocked(table, horizon=10.0, store="rocksdb", sweep=8)
    seen.clock = 50.0
    for i in range(30):
        seen[f"id:old-{i}"] = entry(i % 2)
    seen.clock = 95.0
    for i in range(30):
        seen[f"id:new-{i}"] = entry(i % 2)
    seen.clock = 100.0
    for _ in range(8):  # a round of partition 0's 30 entries is 4 steps
        seen.sweep(0)
    keys0 = {orjson.loads(k) for k in store._dbs[0].keys() if k != store.offset_key}
    keys1 = {orjson.loads(k) for k in store._dbs[1].keys() if k != store.offset_key}
    assert keys0 == {f"id:new-{i}" for i in range(0, 30, 2)}
    assert keys1 == {f"id:old-{i}" for i in range(1, 30, 2)} | {f"id:new-{i}" for i in range(1, 30, 2)}
    assert store._dbs[0][store.offset_key] == b"42"  # faust's offset key untouched
    assert seen.get("id:old-1") is None  # partition 1: expired, not yet swept
    assert seen.size() == (45, True)
    store.close()


def test_the_stats_line_reports_the_memory_rocksdb_holds(tmp_path):
    store = RocksStore(tmp_path)
    table = RocksTable(store)
    seen = Clocked(table, horizon=10.0, store="rocksdb", sweep=8)
    seen.clock = 0.0
    empty = seen.stats_line()["store_mb"]
    for i in range(2000):
        seen[f"id:{i}"] = entry(i % 2)
    line = seen.stats_line()
    # The writes sit in the memtables: RocksDB's own count of its memory grows.
    assert line["store_mb"] > empty >= 0
    assert line["store"] == "rocksdb"
    store.close()


def test_the_memory_store_reports_no_store_memory():
    seen = Clocked(FakeTable(MemoryStore()), horizon=10.0, store="memory", sweep=8)
    assert seen.stats_line()["store_mb"] is None


def test_a_replaced_database_restarts_the_round(tmp_path):
    store = RocksStore(tmp_path)
    table = RocksTable(store)
    seen = Clocked(table, horizon=10.0, store="rocksdb", sweep=2)
    seen.clock = 0.0
    for i in range(6):
        seen[f"id:{i}"] = entry(0)
    seen.clock = 100.0
    seen.sweep(0)
    seen.forget(0)  # revoked: the cursor must not outlive the database
    assert 0 not in seen._cursors
    seen.sweep(0)
    assert seen.removed == 4
    store.close()


def test_changelog_offsets_are_persisted_when_their_raw_partition_commits():
    from faust.types import TP

    from streams.faust_ext.recovery import TableManager

    class Store:
        def __init__(self):
            self.persisted = {}

        def set_persisted_offset(self, tp, offset):
            self.persisted[tp] = offset

    manager = TableManager.__new__(TableManager)  # only its commit bookkeeping is used
    manager._pending_persisted_offsets = {}
    store = Store()
    pending = manager._pending_persisted_offsets
    pending[TP("khabar-seen-changelog", 0)] = (store, 41)
    pending[TP("khabar-seen-changelog", 1)] = (store, 7)
    manager.on_commit({TP("news.articles.raw", 0): 100})
    # faust 0.15.3 looked the raw partition up, found nothing, persisted nothing.
    assert store.persisted == {TP("khabar-seen-changelog", 0): 41}
    assert list(pending) == [TP("khabar-seen-changelog", 1)]  # partition 1 not committed yet


def test_the_changelog_rolls_and_forgets_tombstones_within_the_horizon_or_a_day():
    from streams.app import changelog_configs

    # A 20 s horizon (the soak): one-minute segments, tombstones kept one minute.
    assert changelog_configs(20.0) == {"segment.ms": 60_000, "delete.retention.ms": 60_000}
    # Two hours: segments and tombstones of two hours.
    assert changelog_configs(7200.0) == {"segment.ms": 7_200_000, "delete.retention.ms": 7_200_000}
    # 30 days (the default): a day each, Kafka's own default for tombstones.
    assert changelog_configs(30 * 86400.0) == {"segment.ms": 86_400_000, "delete.retention.ms": 86_400_000}
