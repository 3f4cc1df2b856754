"""Counters and latencies behind the periodic `stats` log line."""

from __future__ import annotations

from dataclasses import dataclass, field
from time import monotonic


def percentile(sorted_values: list[float], q: float) -> float | None:
    if not sorted_values:
        return None
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * (len(sorted_values) - 1))))
    return round(sorted_values[index], 2)


@dataclass
class Stats:
    started: float = field(default_factory=monotonic)
    window_start: float = field(default_factory=monotonic)
    articles_in: int = 0
    articles_out: int = 0
    duplicates: int = 0
    dead_letters: int = 0
    dead_letter_reasons: dict[str, int] = field(default_factory=dict)
    latencies_ms: list[float] = field(default_factory=list)
    total_in: int = 0
    total_out: int = 0
    total_dead_letters: int = 0
    # Last offset processed per (topic, partition): with the high-water mark, the lag.
    positions: dict[tuple[str, int], int] = field(default_factory=dict)

    def seen(self, topic: str, partition: int, offset: int) -> None:
        self.articles_in += 1
        self.total_in += 1
        self.positions[(topic, partition)] = offset

    def enriched(self, latency_ms: float | None) -> None:
        self.articles_out += 1
        self.total_out += 1
        if latency_ms is not None and len(self.latencies_ms) < 1_000_000:
            self.latencies_ms.append(latency_ms)

    def duplicate(self) -> None:
        self.duplicates += 1

    def dead_letter(self, reason: str) -> None:
        self.dead_letters += 1
        self.total_dead_letters += 1
        self.dead_letter_reasons[reason] = self.dead_letter_reasons.get(reason, 0) + 1

    def snapshot(self, lag: int | None) -> dict:
        """The `stats` line's fields for the window since the last snapshot; resets it."""
        now = monotonic()
        interval = max(now - self.window_start, 1e-9)
        lat = sorted(self.latencies_ms)
        line = {
            "interval_s": round(interval, 3),
            "articles_in": self.articles_in,
            "articles_out": self.articles_out,
            "duplicates": self.duplicates,
            "dead_letters": self.dead_letters,
            "dead_letter_reasons": dict(self.dead_letter_reasons),
            "throughput_per_s": round(self.articles_in / interval, 2),
            "latency_ms": {"p50": percentile(lat, 50), "p95": percentile(lat, 95), "p99": percentile(lat, 99)},
            "consumer_lag": lag,
            "total_in": self.total_in,
            "total_out": self.total_out,
            "total_dead_letters": self.total_dead_letters,
        }
        self.window_start = now
        self.articles_in = self.articles_out = self.duplicates = self.dead_letters = 0
        self.dead_letter_reasons = {}
        self.latencies_ms = []
        return line
