"""streams/settings.py: defaults, parsing, and errors that name the variable."""

from __future__ import annotations

import pytest

from streams.settings import SETTINGS, SettingsError, load


def test_defaults():
    s = load({})
    assert s.broker == "kafka://127.0.0.1:19092"
    assert s.bootstrap_servers == ["127.0.0.1:19092"]
    assert (s.processing_guarantee, s.partitions, s.session_timeout) == ("exactly_once", 4, 45.0)
    assert s.worker_id  # hostname-pid


def test_every_setting_has_help_and_a_valid_default():
    assert len({s.name for s in SETTINGS}) == len(SETTINGS)
    assert all(s.help and s.name.startswith("KHABAR_") for s in SETTINGS)
    load({s.name: s.default for s in SETTINGS})


def test_values_are_parsed():
    s = load({
        "KHABAR_BROKER": "a:1, kafka://b:2",
        "KHABAR_PROCESSING_GUARANTEE": "At-Least-Once",
        "KHABAR_TOPIC_PREFIX": "staging.",
        "KHABAR_MIN_ARABIC_SHARE": "0",
        "KHABAR_LOG_LEVEL": "debug",
        "KHABAR_SESSION_TIMEOUT": "6",
    })
    assert s.broker == "kafka://a:1,kafka://b:2"
    assert s.bootstrap_servers == ["a:1", "b:2"]
    assert s.processing_guarantee == "at_least_once"
    assert s.topic("news.claims") == "staging.news.claims"
    assert (s.min_arabic_share, s.log_level, s.session_timeout) == (0.0, "DEBUG", 6.0)


@pytest.mark.parametrize("name, value", [
    ("KHABAR_PARTITIONS", "four"),
    ("KHABAR_PARTITIONS", "0"),
    ("KHABAR_REPLICATION", "-1"),
    ("KHABAR_PROCESSING_GUARANTEE", "at_most_once"),
    ("KHABAR_COMMIT_INTERVAL", "0"),
    ("KHABAR_COMMIT_INTERVAL", "soon"),
    ("KHABAR_SESSION_TIMEOUT", "1"),
    ("KHABAR_SESSION_TIMEOUT", "600"),
    ("KHABAR_MAX_ARTICLE_BYTES", "1.5"),
    ("KHABAR_MIN_ARABIC_SHARE", "1.5"),
    ("KHABAR_STATS_INTERVAL", "-2"),
    ("KHABAR_LOG_LEVEL", "LOUD"),
    ("KHABAR_BROKER", "  "),
    ("KHABAR_WEB_PORT", "http"),
    ("KHABAR_APP_ID", ""),
])
def test_bad_values_fail_naming_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        load({name: value})
