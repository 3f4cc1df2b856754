"""benchmarks/soak.py without a broker: its log reader and its report."""

from __future__ import annotations

from benchmarks.soak import LogTail, summary


def test_log_tail_returns_only_new_complete_lines(tmp_path):
    log = tmp_path / "w.log"
    log.write_bytes(b'{"event": "a"}\nnot json\n{"event": "b"')
    tail = LogTail(log)
    assert tail.new() == [{"event": "a"}]
    with log.open("ab") as f:
        f.write(b'}\n{"event": "c"}\n')
    assert tail.new() == [{"event": "b"}, {"event": "c"}]
    assert tail.new() == []


def test_summary_reports_the_figures_after_the_first_horizon():
    result = {
        "store": "rocksdb",
        "guarantee": "exactly_once",
        "horizon_s": 20.0,
        "rate_per_s": 150.0,
        "articles": 3000,
        "seconds": 40.0,
        "horizons_covered": 2.0,
        "changelog_records": 9000,
        "first_start_s": 6.5,
        "restart_with_datadir_s": 15.7,
        "restart_without_datadir_s": 18.1,
        "samples": [
            {"t_s": 0.0, "handled": 0, "rss_mb": 85.0, "entries": None},
            {"t_s": 20.0, "handled": 1500, "rss_mb": 92.0, "entries": 6000},
            {"t_s": 40.0, "handled": 3000, "rss_mb": 93.0, "entries": 6100},
        ],
    }
    text = summary(result)
    assert "RSS 92-93 MB, entries 6000-6100" in text
    assert "restart with data dir 15.7 s" in text and "without 18.1 s" in text
