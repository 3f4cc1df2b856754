"""Compiled or interpreted: which processors run, and the guard that keeps a stale build out.

`make install` compiles every module of processors/ with mypyc (setup.py) into a C
extension beside its source; Python then imports `verbs.cpython-311-...so` before
`verbs.py`. An extension is a snapshot: after an edit of `verbs.py` it would go on
running the old rules, and the tests would pass or fail on code nobody can read. So the
build records each source's SHA-256 (compiled.json), and at the first import of
processors the sources are checked against it (about 60 files, ~2 ms): unless every
compiled source is unchanged, every processors module is loaded from its source (mypyc
links the modules of one build to each other directly, so it is all or nothing).

    COMPILED      True when the extensions run
    WHY           one line saying why (logged by the worker at start-up)
    KHABAR_PURE=1 runs the sources even when the build is fresh (tests compare both)

This module and the package `__init__` files are never compiled: they choose; nor is
interrupt.py, whose calls let the time budget stop a compiled loop.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.util
import json
import logging
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from typing import Sequence

# The shared library of one build, inside the package: processors/native__mypyc*.so.
GROUP = "processors.native"
MANIFEST = "compiled.json"
# (interrupt.py must execute bytecode: that is its point.)
_KEPT_PYTHON = {"__init__.py", "compiled.py", "interrupt.py"}


def compiled_sources(package_dir: Path) -> list[Path]:
    """The modules a build compiles: every .py under processors/ but the chooser's
    (and no editor's dotfile: ".#verbs.py" is a lock, often a dangling link)."""
    return sorted(p for p in package_dir.rglob("*.py") if p.name not in _KEPT_PYTHON and not p.name.startswith("."))


def digests(package_dir: Path, sources: list[Path]) -> dict[str, str]:
    """SHA-256 of each source, by its path under the package."""
    return {p.relative_to(package_dir).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sources}


def write_manifest(package_dir: Path, built: dict[str, str]) -> None:
    text = json.dumps(built, indent=1, sort_keys=True)
    (package_dir / MANIFEST).write_text(text + "\n", encoding="utf-8")


def extensions(package_dir: Path) -> list[Path]:
    """The compiled files present, of any interpreter (the shared library and one stub
    per module)."""
    return sorted(p for p in package_dir.rglob("*.so") if p.is_file()) + sorted(package_dir.rglob("*.pyd"))


def _loadable(base: Path) -> bool:
    """An extension for this interpreter (its ABI tag) at `base` + suffix."""
    return any(base.with_name(base.name + suffix).is_file() for suffix in EXTENSION_SUFFIXES)


def fresh(package_dir: Path) -> tuple[bool, str]:
    """Whether the extensions under `package_dir` may run, and why (not)."""
    if not extensions(package_dir):
        return False, "interpreted: not compiled (make install compiles with mypyc, see setup.py)"
    if os.environ.get("KHABAR_PURE") == "1":
        return False, "interpreted: KHABAR_PURE=1"
    try:
        recorded = json.loads((package_dir / MANIFEST).read_text(encoding="utf-8"))
        current = digests(package_dir, compiled_sources(package_dir))
    except (OSError, ValueError):
        return False, f"interpreted: extensions present but no readable {MANIFEST} or source (rebuild: make install)"
    if current != recorded:
        changed = sorted(k for k in current.keys() | recorded.keys() if current.get(k) != recorded.get(k))
        shown = ", ".join(changed[:4]) + (f" and {len(changed) - 4} more" if len(changed) > 4 else "")
        return False, f"interpreted: sources changed since the build ({shown}); rebuild with make install"
    # Every module's stub and the shared library, built for this interpreter: a module
    # loaded from source beside compiled ones that call into its (never initialized)
    # C code would crash; extensions of another Python version would not load at all.
    missing = [rel for rel in recorded if not _loadable(package_dir / rel.removesuffix(".py"))]
    if not _loadable(package_dir / (GROUP.rpartition(".")[2] + "__mypyc")) or missing:
        shown = ", ".join(missing[:4]) or "the shared library"
        return False, f"interpreted: extensions missing for this Python ({shown}); rebuild with make install"
    return True, "compiled (mypyc)"


class SourceFirst(importlib.abc.MetaPathFinder):
    """Loads `processors.*` from .py sources even where an extension sits beside them;
    an extension left with no source (a module deleted since the build) is refused
    rather than loaded into an interpreted package."""

    def __init__(self, package: str):
        self.prefix = package + "."

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: object = None) -> ModuleSpec | None:
        if not fullname.startswith(self.prefix) or not path:
            return None
        leaf = fullname.rpartition(".")[2]
        for entry in path:
            base = os.path.join(entry, leaf)
            init = os.path.join(base, "__init__.py")
            if os.path.isfile(init):
                return importlib.util.spec_from_file_location(fullname, init, submodule_search_locations=[base])
            if os.path.isfile(base + ".py"):
                return importlib.util.spec_from_file_location(fullname, base + ".py")
            if _loadable(Path(base)):
                raise ModuleNotFoundError(f"{fullname}: an extension from an old build, with no source", name=fullname)
        return None


def choose(package: str, package_dir: Path) -> tuple[bool, str]:
    """Decide once, at the package's first import; when the extensions may not run,
    make the sources win over them."""
    ok, why = fresh(package_dir)
    if not ok and extensions(package_dir):
        # Built once, edited since: say so (stderr before logging is set up).
        if os.environ.get("KHABAR_PURE") != "1":
            logging.getLogger(package).warning(why)
        if not any(isinstance(f, SourceFirst) for f in sys.meta_path):
            sys.meta_path.insert(0, SourceFirst(package))
    return ok, why
