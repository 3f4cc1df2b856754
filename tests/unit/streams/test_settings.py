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
    s = load(
        {
            "KHABAR_BROKER": "a:1, kafka://b:2",
            "KHABAR_PROCESSING_GUARANTEE": "At-Least-Once",
            "KHABAR_TOPIC_PREFIX": "staging.",
            "KHABAR_MIN_ARABIC_SHARE": "0",
            "KHABAR_LOG_LEVEL": "debug",
            "KHABAR_SESSION_TIMEOUT": "6",
        }
    )
    assert s.broker == "kafka://a:1,kafka://b:2"
    assert s.bootstrap_servers == ["a:1", "b:2"]
    assert s.processing_guarantee == "at_least_once"
    assert s.topic("news.claims") == "staging.news.claims"
    assert (s.min_arabic_share, s.log_level, s.session_timeout) == (0.0, "DEBUG", 6.0)


@pytest.mark.parametrize(
    "name, value",
    [
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
    ],
)
def test_bad_values_fail_naming_the_variable(name, value):
    with pytest.raises(SettingsError, match=name):
        load({name: value})


def test_limits_must_agree_with_each_other():
    with pytest.raises(SettingsError, match="KHABAR_MAX_MESSAGE_BYTES"):
        load({"KHABAR_MAX_ARTICLE_BYTES": "3000000", "KHABAR_MAX_MESSAGE_BYTES": "8388608"})
    with pytest.raises(SettingsError, match="KHABAR_SHUTDOWN_TIMEOUT"):
        load({"KHABAR_ARTICLE_TIMEOUT": "30", "KHABAR_SHUTDOWN_TIMEOUT": "30"})
    s = load({"KHABAR_MAX_ARTICLE_BYTES": "2000000", "KHABAR_MAX_MESSAGE_BYTES": "6000000"})
    assert (s.max_article_bytes, s.max_message_bytes, s.max_findings) == (2_000_000, 6_000_000, 5000)
    assert (s.article_timeout, s.shutdown_timeout) == (10.0, 30.0)


def test_topics_take_what_the_limits_say():
    from streams import topics

    s = load({"KHABAR_MAX_ARTICLE_BYTES": "2000000", "KHABAR_MAX_MESSAGE_BYTES": "6000000"})
    configs = {spec.name: topics.config(spec, s) for spec in topics.SPECS}
    assert configs[topics.RAW]["max.message.bytes"] == "4000000"
    for name in topics.OUTPUTS:
        assert configs[name]["max.message.bytes"] == "6000000"
