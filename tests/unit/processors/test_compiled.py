"""The mypyc build (setup.py, processors/compiled.py): used when fresh, never when stale,
and the same findings as the sources."""

from __future__ import annotations

import gzip
import importlib.machinery
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import orjson
import pytest

import processors
from benchmarks.findings_diff import CORPUS_FILES, findings
from benchmarks.samples import load_articles
from processors.compiled import MANIFEST, compiled_sources, digests, fresh, write_manifest

ROOT = Path(__file__).resolve().parents[3]
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]
CORPUS = ROOT.parent / "shared" / "corpus"


def _package(tmp_path: Path, name: str = "probe") -> Path:
    """A package laid out as a build leaves processors/: a module, an "extension" beside
    it (garbage: importing it fails, so a test sees which of the two was loaded) and the
    build's record of the module's source."""
    pkg = tmp_path / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text(
        "from pathlib import Path\n"
        "from processors.compiled import choose\n"
        "COMPILED, WHY = choose(__name__, Path(__file__).resolve().parent)\n"
    )
    (pkg / "mod.py").write_text("VALUE = 1\n")
    (pkg / f"mod{SUFFIX}").write_bytes(b"not an ELF file")
    (pkg / f"native__mypyc{SUFFIX}").write_bytes(b"not an ELF file")  # the shared library
    write_manifest(pkg, digests(pkg, compiled_sources(pkg)))
    return pkg


def test_a_fresh_build_is_used_an_edited_one_is_not(tmp_path, monkeypatch):
    monkeypatch.delenv("KHABAR_PURE", raising=False)
    pkg = _package(tmp_path)
    assert fresh(pkg) == (True, "compiled (mypyc)")
    (pkg / "mod.py").write_text("VALUE = 2\n")
    ok, why = fresh(pkg)
    assert not ok and "mod.py" in why and "make install" in why
    (pkg / "mod.py").write_text("VALUE = 1\n")
    assert fresh(pkg)[0]
    (pkg / "new.py").write_text("")  # a module the build never saw
    assert not fresh(pkg)[0]


def test_extensions_must_be_there_for_every_module_and_this_python(tmp_path, monkeypatch):
    monkeypatch.delenv("KHABAR_PURE", raising=False)
    pkg = _package(tmp_path)
    (pkg / ".#mod.py").symlink_to(pkg / "gone")  # an editor's lock file: not a module
    assert fresh(pkg)[0]
    (pkg / f"mod{SUFFIX}").rename(pkg / "mod.cpython-399-x86_64-linux-gnu.so")  # another Python's
    ok, why = fresh(pkg)
    assert not ok and "extensions missing for this Python (mod.py)" in why
    (pkg / "mod.cpython-399-x86_64-linux-gnu.so").rename(pkg / f"mod{SUFFIX}")
    (pkg / f"native__mypyc{SUFFIX}").unlink()
    ok, why = fresh(pkg)
    assert not ok and "the shared library" in why


def test_no_record_or_khabar_pure_means_interpreted(tmp_path, monkeypatch):
    pkg = _package(tmp_path)
    monkeypatch.setenv("KHABAR_PURE", "1")
    assert fresh(pkg) == (False, "interpreted: KHABAR_PURE=1")
    monkeypatch.delenv("KHABAR_PURE")
    (pkg / MANIFEST).unlink()  # a build that failed midway leaves no record
    ok, why = fresh(pkg)
    assert not ok and MANIFEST in why
    for ext in pkg.glob(f"*{SUFFIX}"):
        ext.unlink()
    assert fresh(pkg) == (False, "interpreted: not compiled (make install compiles with mypyc, see setup.py)")


def _import_probe(tmp_path: Path) -> subprocess.CompletedProcess:
    code = "import probe.mod, probe; print(probe.mod.VALUE, probe.COMPILED)"
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}
    env.pop("KHABAR_PURE", None)
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)


def test_the_source_wins_over_a_stale_extension(tmp_path):
    pkg = _package(tmp_path)
    # Recorded as fresh, the (garbage) extension is what Python loads: it fails.
    done = _import_probe(tmp_path)
    assert done.returncode != 0 and "ImportError" in done.stderr and f"mod{SUFFIX}" in done.stderr
    (pkg / "mod.py").write_text("VALUE = 2\n")
    # Edited since the build: the source is loaded, and the change is said on stderr.
    done = _import_probe(tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["2", "False"]
    assert "sources changed since the build (mod.py)" in done.stderr
    # A module deleted since the build: its extension is refused, not loaded.
    (pkg / "mod.py").unlink()
    done = _import_probe(tmp_path)
    assert done.returncode != 0 and "an extension from an old build, with no source" in done.stderr


@pytest.mark.skipif(
    os.environ.get("KHABAR_REQUIRE_COMPILED") != "1",
    reason="make test sets KHABAR_REQUIRE_COMPILED=1 where a C compiler is",
)
def test_the_build_is_in_use():
    """Under `make test` on a machine with a compiler, the suite runs the extensions."""
    import processors.claims.verbs as verbs
    import processors.figures.extract as figures

    assert processors.COMPILED, processors.WHY
    for module in (verbs, figures):
        assert isinstance(module.__loader__, importlib.machinery.ExtensionFileLoader), module


def _articles() -> list[tuple[str, dict]]:
    found = [(f"sample:{i}", a) for i, a in enumerate(load_articles())]
    for name in CORPUS_FILES:
        if (CORPUS / name).exists():
            with gzip.open(CORPUS / name, "rb") as lines:
                for k, line in enumerate(lines):
                    if k == 150:
                        break
                    article = orjson.loads(line)
                    found.append((f"{name}:{article['id']}", article))
    return found


@pytest.mark.skipif(not processors.COMPILED, reason=f"processors not compiled: {processors.WHY}")
def test_compiled_and_interpreted_find_the_same():
    """The samples and the first 150 articles of each corpus file, enriched by the
    extensions here and by the sources in a KHABAR_PURE=1 process: the same findings.
    (The whole corpus compares equal too: benchmarks.findings_diff, README.)"""
    articles = _articles()
    here = [findings(i, a) for i, a in articles]
    code = textwrap.dedent(
        """
        import json, sys, processors
        from benchmarks.findings_diff import findings
        assert not processors.COMPILED, processors.WHY
        for i, a in json.load(sys.stdin):
            print(json.dumps(findings(i, a), ensure_ascii=False, sort_keys=True))
        """
    )
    env = {**os.environ, "KHABAR_PURE": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(articles),
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    there = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(there) == len(here) > 9
    assert [json.loads(json.dumps(h, ensure_ascii=False, sort_keys=True)) for h in here] == there
