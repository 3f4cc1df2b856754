"""When an offset may be committed: the rules the agent and faust's commits share.

- One message's handling and a commit never interleave (`lock`). Under exactly_once
  faust commits (offsets into the transaction, then commit it) from a timer task while
  the agent goes on, and the dedup table's changelog writes wait in a buffer: a
  committed transaction could hold the outputs of messages whose offsets it did not
  commit, or the reverse (duplicates a read_committed consumer sees after a kill).
- No offset of the raw topic is committed past the last message handled here
  (`cap`). faust fills "gaps" in acked offsets (meant for transaction markers) and so,
  across a rebalance, committed past messages it had fetched but never handed to the
  agent: the next owner of the partition started after them and they were never
  enriched.

The consumer (streams/faust_ext/consumer.py) applies both to every commit; the agent
(streams/app.py) takes the lock around each message and records what it handled.
"""

from __future__ import annotations

import asyncio
from typing import Any, Mapping


class CommitGuard:
    def __init__(self, raw_topic: str) -> None:
        self.raw_topic = raw_topic
        self.lock = asyncio.Lock()
        # (topic, partition) -> offset of the last raw message handled and acked here.
        self.handled: dict[tuple[str, int], int] = {}

    def note_handled(self, topic: str, partition: int, offset: int) -> None:
        self.handled[(topic, partition)] = offset

    def last_handled(self, topic: str, partition: int) -> int | None:
        return self.handled.get((topic, partition))

    def forget(self, topic: str, partition: int) -> None:
        """A partition given away: a later assignment starts from its committed offset."""
        self.handled.pop((topic, partition), None)

    def cap(self, offsets: Mapping[Any, int]) -> dict[Any, int]:
        """`offsets` (TP -> offset to commit) without any raw partition this worker has
        handled nothing of, and none past the message after the last one handled."""
        capped: dict[Any, int] = {}
        for tp, offset in offsets.items():
            if tp.topic != self.raw_topic:
                capped[tp] = offset
                continue
            last = self.handled.get((tp.topic, tp.partition))
            if last is None:
                continue
            capped[tp] = min(offset, last + 1)
        return capped
