"""streams/stats.py: percentiles and the stats line's window."""

from __future__ import annotations

from streams.stats import Stats, percentile


def test_percentile():
    values = [float(v) for v in range(1, 101)]
    assert percentile([], 50) is None
    assert percentile([7.0], 99) == 7.0
    assert percentile(values, 0) == 1.0
    assert percentile(values, 50) in (50.0, 51.0)
    assert percentile(values, 99) == 99.0
    assert percentile(values, 100) == 100.0


def test_snapshot_counts_the_window_and_resets_it():
    stats = Stats()
    for offset in range(5):
        stats.seen("raw", 0, offset)
    stats.enriched(10.0)
    stats.enriched(None)
    stats.dead_letter("invalid_json")
    stats.dead_letter("invalid_json")
    stats.duplicate()
    line = stats.snapshot(lag=3)
    assert (line["articles_in"], line["articles_out"], line["dead_letters"], line["duplicates"]) == (5, 2, 2, 1)
    assert line["dead_letter_reasons"] == {"invalid_json": 2}
    assert line["latency_ms"] == {"p50": 10.0, "p95": 10.0, "p99": 10.0}
    assert line["consumer_lag"] == 3
    assert stats.positions[("raw", 0)] == 4
    again = stats.snapshot(lag=None)
    assert (again["articles_in"], again["dead_letters"], again["latency_ms"]["p50"]) == (0, 0, None)
    assert (again["total_in"], again["total_out"], again["total_dead_letters"]) == (5, 2, 2)
