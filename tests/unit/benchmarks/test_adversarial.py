"""benchmarks/adversarial.py: every family yields a valid article, of the size asked
for, under the worker's size limit; a small run measures and reports.

No timing is asserted: the benchmark measures growth, tests check what it measures on.
"""

from __future__ import annotations

import orjson
import pytest

from benchmarks import adversarial
from benchmarks.adversarial import FAMILIES, MAX_ARTICLE_BYTES
from streams.pipeline import Limits, decode, process


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_family_yields_a_valid_article(name):
    for n in (1, 10):
        article = FAMILIES[name](n)
        assert set(article) == {"url", "source", "title", "body"}
        raw = orjson.dumps(article)
        assert isinstance(decode(raw, Limits()), dict), name
        result = process(raw, Limits())
        assert hasattr(result, "findings"), (name, getattr(result, "reason", None), getattr(result, "message", None))

    # More repeats, more text (the growth is measured against n; a headline family
    # grows its title).
    def size(a: dict) -> int:
        return len(a["title"]) + len(a["body"])

    assert size(FAMILIES[name](20)) > size(FAMILIES[name](5))


def test_default_sizes_fit_the_worker_limit():
    # --n 500 --factor 4: the larger article of every family fits (the benchmark would
    # halve n otherwise), and so does the 100,000-character word (n = 2000).
    for name, make in FAMILIES.items():
        assert adversarial.article_bytes(make(500 * 4)) <= MAX_ARTICLE_BYTES, name
    assert len(FAMILIES["long_word"](2000)["body"]) > 100_000


def test_small_run_reports_every_family(capsys):
    names = ["quotes_unbalanced", "cue_qala_an", "ligatures"]
    code = adversarial.main(["--n", "4", "--factor", "2", "--repeats", "1", "--families", ",".join(names)])
    out = capsys.readouterr().out
    for name in names:
        assert name in out
    assert "3 families" in out
    assert code in (0, 1)  # tiny runs are noise: the exit code is for real sizes


def test_bench_family_keeps_sizes_under_the_limit():
    r = adversarial.bench_family("long_word", 500, 4, 1)
    assert max(r["in_bytes"]) <= MAX_ARTICLE_BYTES
    assert r["time_exp"] == r["time_exp"]  # a number, not NaN


def test_unknown_family_is_an_error():
    with pytest.raises(SystemExit):
        adversarial.main(["--families", "nope"])
