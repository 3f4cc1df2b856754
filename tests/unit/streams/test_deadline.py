"""streams/deadline.py: the per-article time budget, and what process() makes of it."""

from __future__ import annotations

import random
import threading
import time

import orjson
import pytest

import processors.enrich
from streams.deadline import ArticleTimeout, budget
from streams.pipeline import Limits, Rejected, process
from tests.integration.articles import good_article


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_body_past_its_budget_is_interrupted():
    started = time.monotonic()
    with pytest.raises(ArticleTimeout):
        with budget(0.05):
            _spin(5)
    assert time.monotonic() - started < 2


def test_no_broad_except_swallows_it():
    with pytest.raises(ArticleTimeout):
        with budget(0.05):
            try:
                _spin(5)
            except Exception:  # what a processor might do
                pass


class _SlowDel:
    def __del__(self) -> None:
        _spin(0.3)  # the alarm fires in here, where Python ignores what a handler raises


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_timeout_raised_where_python_ignores_it_is_raised_again():
    started = time.monotonic()
    with pytest.raises(ArticleTimeout):
        with budget(0.05):
            slow = _SlowDel()
            del slow  # its __del__ swallows the first ArticleTimeout
            _spin(3)
    assert time.monotonic() - started < 2


def test_a_body_within_its_budget_runs_and_no_alarm_is_left_armed():
    with budget(0.5):
        _spin(0.01)
    _spin(0.7)  # a stray alarm would raise here


def test_off_the_main_thread_the_body_runs_unguarded():
    done = []

    def run() -> None:
        with budget(0.01):
            _spin(0.1)
        done.append(True)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert done == [True]


def test_process_dead_letters_an_article_past_its_budget(monkeypatch):
    def slow(article, article_id, timings=None):
        _spin(5)

    monkeypatch.setattr("streams.pipeline.enrich", slow)
    raw = orjson.dumps(good_article(1, random.Random(1), "slow"))
    result = process(raw, Limits(article_timeout=0.1))
    assert isinstance(result, Rejected)
    assert result.reason == "processing_timeout" and "KHABAR_ARTICLE_TIMEOUT" in result.message
    assert result.article_id


def test_process_is_unchanged_within_the_budget():
    raw = orjson.dumps(good_article(1, random.Random(1), "ok"))
    assert process(raw, Limits(article_timeout=10)).findings.to_dict() == process(raw, Limits()).findings.to_dict()
    assert processors.enrich  # the real processors, not a stand-in
