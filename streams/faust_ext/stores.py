"""What khabar reads of faust's table stores: one partition's entries, and sizes.

faust's RocksDB store keeps one database per table partition (`_dbs`) with keys and
values in the table's codecs and faust's own changelog offset under `offset_key`; its
memory store keeps one dict for every partition. The dedup sweep (streams/dedup.py)
goes round one partition at a time through these functions, the only code that knows
those internals.
"""

from __future__ import annotations

from typing import Any, Iterator


def is_partitioned(store: Any) -> bool:
    """True for a store with one database per partition (RocksDB)."""
    return getattr(store, "_dbs", None) is not None


def partition_database(store: Any, partition: int) -> Any:
    """The database of `partition` (None when not open here, or a memory store)."""
    dbs = getattr(store, "_dbs", None)
    return None if dbs is None else dbs.get(partition)


def database_entries(store: Any, db: Any) -> Iterator[tuple[Any, Any]]:
    """(key, value) of one RocksDB partition database, decoded, in key order, without
    faust's offset record. The iterator reads a snapshot: deletes meanwhile do not
    disturb it."""
    skip = store.offset_key
    for raw_key, raw_value in db.items():
        if raw_key == skip:
            continue
        yield store._decode_key(raw_key), store._decode_value(raw_value)


def memory_items(store: Any) -> dict[Any, Any]:
    """The memory store's dict (every partition's entries)."""
    return store.data


def databases(store: Any) -> list[Any]:
    return list(getattr(store, "_dbs", {}).values())


def database_keys(store: Any, db: Any) -> Iterator[Any]:
    """Raw keys of one database, without faust's offset record."""
    skip = store.offset_key
    return (key for key in db.keys() if key != skip)


# RocksDB's own accounting of its memory: write buffers (memtables), the block cache,
# and the index and filter blocks of open table files (outside the cache by default).
MEMORY_PROPERTIES = (
    "rocksdb.cur-size-all-mem-tables",
    "rocksdb.block-cache-usage",
    "rocksdb.estimate-table-readers-mem",
)


def database_memory(db: Any) -> int:
    """Bytes of memory one RocksDB database reports holding (0 when it cannot say)."""
    total = 0
    for name in MEMORY_PROPERTIES:
        try:
            total += int(db.property_int_value(name) or 0)
        except Exception:
            pass
    return total
