"""processors/interrupt.py: the long loops of the processors call `checkpoint`, so that
the time budget's SIGALRM handler (streams/deadline.py) runs inside them even when they
are compiled C (processors/compiled.py), and what it raises leaves them at once.

Each test runs in a fresh interpreter whose `processors.interrupt` is replaced before
the processors import it: a counting checkpoint that may raise on its n-th call."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

_RUN = textwrap.dedent(
    """
    import json, sys, types
    import orjson
    import processors

    class Stop(BaseException):  # as streams.deadline.ArticleTimeout: no except Exception holds it
        pass

    STOP = int(sys.argv[1])
    calls = []

    def checkpoint():
        calls.append(1)
        if len(calls) == STOP:
            raise Stop()

    fake = types.ModuleType("processors.interrupt")
    fake.checkpoint = checkpoint
    sys.modules["processors.interrupt"] = fake
    import processors.enrich

    seed = orjson.loads(open("samples/seed-ukraine-talks.json", "rb").read())
    article = {**seed, "body": "\\n".join([seed["body"]] * 20)}
    try:
        found = processors.enrich.enrich(article, "a")
        out = {"calls": len(calls), "claims": len(found.claims), "figures": len(found.figures)}
    except Stop as stop:
        tb, frames = stop.__traceback__, []
        while tb is not None:
            frames.append(tb.tb_frame.f_code.co_filename)
            tb = tb.tb_next
        out = {"stopped_after": len(calls), "frames": frames}
    print(json.dumps({**out, "compiled": processors.COMPILED}))
    """
)


def _run(stop: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(stop)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_claim_and_figure_passes_a_checkpoint():
    out = _run(stop=0)
    assert out["claims"] > 100 and out["figures"] > 100
    # One call per cue and per figure candidate at least (and per stage).
    assert out["calls"] >= out["claims"] + out["figures"], out


def test_what_a_checkpoint_raises_stops_the_processors_there():
    out = _run(stop=50)
    assert out["stopped_after"] == 50, out
    # Raised inside the processors, through their frames (compiled functions name their
    # source as the build gave it: "processors/claims/extract.py").
    inner = [f for f in out["frames"] if "processors" in f.replace("\\\\", "/").split("/")]
    assert any(f.endswith("extract.py") for f in inner), out


# (Where Python first runs the handler inside the suite's hypothesis gc callback, the
# exception is ignored there, with a warning, and raised again: streams/deadline.py.)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_the_time_budget_stops_an_article_at_the_size_limit_inside_the_processors():
    """What the checkpoints are for, end to end: each article near the 1 MB limit runs
    far longer than a 0.05 s budget, and the budget's ArticleTimeout leaves from inside
    the processors (a compiled function's traceback entry names its source as
    "processors/..."), not after enrich has returned."""
    from benchmarks.adversarial import FAMILIES, MAX_ARTICLE_BYTES
    from processors.enrich import enrich
    from streams.deadline import ArticleTimeout, budget

    for name in ("cue_qala_an", "quotes_unbalanced", "number_hundreds_chain", "mixed"):
        make = FAMILIES[name]
        unit = len(json.dumps(make(2), ensure_ascii=False).encode()) - len(
            json.dumps(make(1), ensure_ascii=False).encode()
        )
        article = make((MAX_ARTICLE_BYTES - 2000) // unit)
        try:
            with budget(0.05):
                enrich(article, name)
        except ArticleTimeout as stop:
            tb, files = stop.__traceback__, []
            while tb is not None:
                files.append(tb.tb_frame.f_code.co_filename.replace("\\", "/"))
                tb = tb.tb_next
            assert any("processors" in f.split("/") for f in files), (name, files)
        else:
            raise AssertionError(f"{name}: a ~1 MB article ran within 0.05 s, or the budget never fired")
