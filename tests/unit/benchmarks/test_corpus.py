"""The benchmark corpus is repeatable, of the size asked for, and made of valid articles.

No timings are asserted anywhere: benchmarks measure, tests check what they measure on.
"""

from __future__ import annotations

import random

import orjson
import pytest

import schemas
from benchmarks import corpus
from streams.pipeline import Limits, decode


def test_same_seed_gives_the_same_bytes(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    corpus.main(["--count", "150", "--size", "4096", "--seed", "7", "--out", str(first)])
    corpus.main(["--count", "150", "--size", "4096", "--seed", "7", "--out", str(second)])
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == b"".join(corpus.lines(150, 4096, 7))


def test_another_seed_gives_another_corpus():
    assert list(corpus.lines(20, seed=7)) != list(corpus.lines(20, seed=8))


@pytest.mark.parametrize("size", [1024, 4096, 16384])
def test_each_line_is_the_requested_size_within_tolerance(size):
    sizes = [len(line) for line in corpus.lines(200, size, 3)]
    tolerance = size * corpus.TOLERANCE
    assert all(abs(s - size) <= tolerance for s in sizes), (min(sizes), max(sizes))


def test_articles_are_valid_raw_articles_with_unique_ids_and_urls():
    validator = schemas.validator("article.raw")
    articles = list(corpus.generate(300, 4096, 11))
    for article in articles:
        assert list(validator.iter_errors(article)) == [], article["id"]
        assert article["language"] == "ar" and article["title"].strip() and article["body"].strip()
        assert article["url"].startswith("https://news.example/")
    assert len({a["id"] for a in articles}) == len(articles)
    assert len({a["url"] for a in articles}) == len(articles)


def test_the_worker_would_accept_every_line():
    for line in corpus.lines(100, 4096, 5):
        assert isinstance(decode(line.rstrip(b"\n"), Limits()), dict)


def test_numbers_keep_their_script_and_times_stay_as_written():
    text = "ارتفع ٣٫٥ مليون و1612 منشأة في عام 2011 عند الساعة 11:40 بنتيجة 2-1 من طراز إس-300"
    varied = corpus._vary_numbers(text, random.Random(1))
    assert "11:40" in varied and "2-1" in varied and "إس-300" in varied
    indic = varied.split("ارتفع ")[1].split(" مليون")[0]
    assert len(indic) == 3 and indic[1] == "٫" and all("٠" <= c <= "٩" for c in indic[::2])
    western = varied.split(" مليون و")[1].split(" ")[0]
    assert len(western) == 4 and western.isascii() and western.isdigit()
    year = varied.split("عام ")[1][:4]
    assert 1990 <= int(year) <= 2025


def test_a_person_is_renamed_consistently_within_an_article():
    article = next(a for a in corpus.generate(400, 8192, 2) if "وقال " in a["body"])
    for full, _surname, _gender in corpus.PEOPLE:
        assert full not in article["body"]


def test_the_lines_are_json_objects():
    for line in corpus.lines(10):
        assert isinstance(orjson.loads(line), dict)
