"""khabar's extension of faust-streaming 0.15.3: every repair of faust and every use of
its internals lives in this package, plugged in through faust's own extension points.

- `Transport` (the app's transport, set in streams/app.py) chooses `Consumer`
  (repairs 1, 3, 5 and the commit guard's hooks), its consumer thread (repair 6) and
  `TransactionManager` (repair 4);
- `TableManager` (the app's `TableManager` setting) builds `Recovery` (repair 2);
- `Worker` arms the shutdown deadline on SIGTERM/SIGINT.

Each repair is a method override with its reason and an upstream-ready note (what faust
does wrong, how to reproduce it) in its docstring; the methods copied from faust mark
their changed lines "khabar". faust-streaming is pinned to 0.15.3 (pyproject.toml):
`check_version` refuses another, whose code these copies would silently undo.
"""

from __future__ import annotations

import faust

FAUST_VERSION = "0.15.3"


def check_version() -> None:
    if faust.__version__ != FAUST_VERSION:
        raise RuntimeError(
            f"streams/faust_ext repairs faust-streaming {FAUST_VERSION}, "
            f"found {faust.__version__}: check whether the new version still needs it"
        )


from streams.faust_ext.recovery import TableManager  # noqa: E402
from streams.faust_ext.transport import Transport  # noqa: E402

__all__ = ["FAUST_VERSION", "TableManager", "Transport", "check_version"]
