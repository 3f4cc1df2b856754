"""Optional build step: compile processors/ to C extensions with mypyc.

The metadata lives in pyproject.toml; this file only adds the compiled modules, and only
when asked (KHABAR_COMPILE=1), so a plain `pip install .` stays a pure-Python install
that needs no compiler:

    KHABAR_COMPILE=1 python setup.py build_ext --inplace -j 2    # make install does this
    KHABAR_COMPILE=1 pip install --no-build-isolation .          # the Docker builder

mypyc (part of mypy, already the project's type checker) turns the type-annotated
modules into C: the processors run about 1.5x faster and give the same findings (the
code is the same; tests/unit/test_compiled.py compares both). Every module of
processors/ is compiled except the package `__init__` files, which stay Python so that
processors/__init__.py can choose, at import, between the extensions and their sources
(processors/compiled.py). The build records the SHA-256 of every compiled source in
processors/compiled.json: an extension is used only while its source is unchanged.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext as _build_ext

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

ext_modules = []
cmdclass: dict = {}
if os.environ.get("KHABAR_COMPILE") == "1":
    from mypyc.build import mypycify

    from processors.compiled import GROUP, MANIFEST, compiled_sources, digests, write_manifest

    sources = compiled_sources(ROOT / "processors")
    # What mypyc reads now is what the extensions will be.
    built = digests(ROOT / "processors", sources)
    ext_modules = mypycify(
        [str(p.relative_to(ROOT)) for p in sources],
        opt_level="3",
        # One shared library inside the package (processors/native__mypyc*.so), not a
        # top-level module named by a hash that an installed wheel would have to ship.
        group_name=GROUP,
    )

    class build_ext(_build_ext):
        # The record goes with the extensions it describes: in the source tree for an
        # in-place build (make install), in the build directory for a wheel (which
        # leaves the source tree's own record and extensions alone). It goes first and
        # comes back last: a failed build leaves extensions with no record, which
        # processors/compiled.py never runs. Nor is it written when a source changed
        # while the build ran: the extensions would be of the old text.
        def run(self) -> None:
            target = ROOT / "processors" if self.inplace else Path(self.build_lib) / "processors"
            (target / MANIFEST).unlink(missing_ok=True)
            super().run()
            if digests(ROOT / "processors", compiled_sources(ROOT / "processors")) != built:
                raise SystemExit("processors/ changed while it was compiled: run the build again")
            write_manifest(target, built)

    cmdclass["build_ext"] = build_ext

setup(ext_modules=ext_modules, cmdclass=cmdclass)
