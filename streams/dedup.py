"""The de-duplication state: the `seen` table, bounded by a horizon.

The table (streams/app.py) maps "id:<article id>" and "content:<content key>" to what
enriched them: {"at": {"t", "p", "o"}, "ts": <message timestamp, s>, ...}. Unbounded, it
grew by two entries per article forever (about 1 KB of memory each), and a restart
replayed all of it. Bounded:

- An entry is remembered for `KHABAR_DEDUP_HORIZON` seconds after the timestamp of the
  raw message that wrote it (`ts`). Time is the *event's* time: the timestamp of the
  message being handled (never later than this worker's clock), so a replay of the same
  messages takes the same decisions.
- A lookup treats an entry older than the horizon as absent (`expired`), whether or
  not it was removed yet: a resend after the horizon is enriched again.
- The removal is amortized in the agent: after each raw message of partition p, the
  sweep looks at the next `SWEEP_PER_MESSAGE` entries of p's part of the table (a
  cursor that goes round it) and deletes the expired ones through the table, in the
  message's event context. So each tombstone goes to changelog partition p (faust
  takes the current event's partition) and, under exactly_once, into p's transaction,
  committed with the message's offset; the commit lock of streams/app.py covers it
  like the message's other writes. A full round of a partition's N entries takes
  N / SWEEP_PER_MESSAGE messages; with two entries per article that is at most a
  quarter of the horizon, so the table holds at most about 1.25 horizons of entries
  (the messages of partition p drive p's sweep: a partition that receives nothing
  does not grow either).
- Entries written before the horizon existed (no "ts") are stamped with the current
  time the first time the sweep meets them: they are forgotten one horizon after the
  upgrade, not at once.

Cost per message: one cursor step of up to 8 entries (RocksDB iterator, JSON decode),
about 20-40 microseconds; deletes only for the expired ones.
"""

from __future__ import annotations

import os
import time
from itertools import islice
from typing import Any, Iterator

from faust.streams import current_event

from streams.faust_ext import stores

# Entries of the current partition examined after each message. 8: a round of the
# table takes a quarter of the horizon (two entries per article), see above.
SWEEP_PER_MESSAGE = 8

# faust's RocksDB defaults are for a big server (2 GB block cache and 3 x 64 MB write
# buffers per partition database): a worker holds one database per partition it owns
# or stands by for. The table's values are ~150 bytes; these bound the memory of each
# database to about 16 MB (the OS page cache does the rest).
ROCKSDB_OPTIONS = {
    "write_buffer_size": 4 * 1024 * 1024,
    "max_write_buffer_number": 2,
    "block_cache_size": 8 * 1024 * 1024,
    "target_file_size_base": 16 * 1024 * 1024,
}

# The exact count of the table in the `dedup` log line costs a scan; above this the
# line gives RocksDB's estimate instead.
EXACT_COUNT_UP_TO = 100_000


def expired(entry: Any, now: float, horizon: float) -> bool:
    """An entry written more than `horizon` seconds before `now` is forgotten. An
    entry without a timestamp (written before the horizon existed) is not."""
    if not isinstance(entry, dict):
        return False
    ts = entry.get("ts")
    if not isinstance(ts, (int, float)):
        return False
    return now - ts > horizon


def event_time(timestamp: float | None, wall: float | None = None) -> float:
    """The time a message is handled at, in seconds: its Kafka timestamp, but never
    later than the worker's clock (a producer whose clock runs ahead must not make
    everything expire) and the clock when it has none."""
    wall = time.time() if wall is None else wall
    if not timestamp or timestamp <= 0:
        return wall
    return min(float(timestamp), wall)


def partition_of(entry: Any) -> int | None:
    """The changelog partition of an entry: the raw partition of the message that
    wrote it (the table is partitioned like the raw topic)."""
    try:
        return int(entry["at"]["p"])
    except (KeyError, TypeError, ValueError):
        return None


def rss_bytes() -> int | None:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


class Seen:
    """The `seen` table as the Enricher uses it (`get`, `[key] = value`), with the
    horizon applied, and the sweep that removes what it forgot."""

    def __init__(self, table: Any, horizon: float, store: str, sweep: int = SWEEP_PER_MESSAGE) -> None:
        self.table = table
        self.horizon = horizon
        self.store = store
        self.sweep_size = sweep
        # partition -> (database or None, iterator over (key bytes, value bytes))
        self._cursors: dict[int, tuple[Any, Iterator[tuple[Any, Any]]]] = {}
        self.expired_lookups = 0
        self.removed = 0
        self.stamped = 0

    # --- what the Enricher calls, inside the event context -----------------------
    def now(self) -> float:
        event = current_event()
        return event_time(event.message.timestamp if event is not None else None)

    def get(self, key: str) -> Any:
        entry = self.table.get(key)
        if entry is not None and expired(entry, self.now(), self.horizon):
            self.expired_lookups += 1
            return None
        return entry

    def __setitem__(self, key: str, value: dict) -> None:
        self.table[key] = {**value, "ts": self.now()}

    # --- expiry --------------------------------------------------------------------
    def sweep(self, partition: int) -> int:
        """Look at the next entries of `partition`, delete the expired ones (tombstones
        on changelog partition `partition`, in the current event's transaction).
        Call inside the event context of a message of that partition."""
        now = self.now()
        removed = 0
        for key, entry in self._next_entries(partition):
            if partition_of(entry) not in (partition, None):
                continue
            if expired(entry, now, self.horizon):
                try:
                    del self.table[key]
                except KeyError:  # gone meanwhile
                    continue
                removed += 1
            elif isinstance(entry, dict) and not isinstance(entry.get("ts"), (int, float)):
                self.table[key] = {**entry, "ts": now}
                self.stamped += 1
        self.removed += removed
        return removed

    def forget(self, partition: int) -> None:
        """The partition was revoked: its database may be closed."""
        self._cursors.pop(partition, None)

    def _next_entries(self, partition: int) -> list[tuple[Any, Any]]:
        store = self.table.data
        db = self._db(store, partition)
        cursor = self._cursors.get(partition)
        if cursor is None or cursor[0] is not db:
            cursor = (db, self._entries(store, db, partition))
            self._cursors[partition] = cursor
        batch = list(islice(cursor[1], self.sweep_size))
        if len(batch) < self.sweep_size:
            # End of a round: the next message starts a new one (a new snapshot).
            self._cursors.pop(partition, None)
        return batch

    @staticmethod
    def _db(store: Any, partition: int) -> Any:
        return stores.partition_database(store, partition)

    @staticmethod
    def _entries(store: Any, db: Any, partition: int) -> Iterator[tuple[Any, Any]]:
        if stores.is_partitioned(store):
            # RocksDB: this partition's own database, in key order, on a snapshot, so
            # deletes during the round do not disturb it.
            if db is None:
                return
            yield from stores.database_entries(store, db)
        else:
            # memory:// (tests, development): one dict for all partitions, so a round
            # is a snapshot of its keys; entries of other partitions are skipped by the
            # caller (they are not counted against this one's budget: filtered here).
            data = stores.memory_items(store)
            for key in list(data):
                entry = data.get(key)
                if entry is not None and partition_of(entry) in (partition, None):
                    yield key, entry

    # --- observation -----------------------------------------------------------------
    def size(self) -> tuple[int, bool]:
        """(entries in the local store for this worker's active partitions, exact?)."""
        store = self.table.data
        if not stores.is_partitioned(store):
            return len(stores.memory_items(store)), True
        estimate = 0
        for db in stores.databases(store):
            try:
                estimate += int(db.property_int_value("rocksdb.estimate-num-keys") or 0)
            except Exception:
                pass
        if estimate > EXACT_COUNT_UP_TO:
            return estimate, False
        count = 0
        for db in stores.databases(store):
            count += sum(1 for _ in stores.database_keys(store, db))
        return count, True

    def store_memory(self) -> int | None:
        """Bytes RocksDB reports for this worker's databases (memtables, block caches,
        table readers): the part of the RSS the store owns. None for the memory store,
        whose entries are Python objects inside the RSS."""
        store = self.table.data
        if not stores.is_partitioned(store):
            return None
        return sum(stores.database_memory(db) for db in stores.databases(store))

    def stats_line(self) -> dict[str, Any]:
        entries, exact = self.size()
        rss = rss_bytes()
        store_memory = self.store_memory()
        return {
            "store": self.store,
            "horizon_s": self.horizon,
            "entries": entries,
            "entries_exact": exact,
            "removed_total": self.removed,
            "expired_lookups_total": self.expired_lookups,
            "stamped_total": self.stamped,
            "rss_mb": round(rss / 1e6, 1) if rss is not None else None,
            "store_mb": round(store_memory / 1e6, 1) if store_memory is not None else None,
        }
