"""A time budget per article: the backstop that keeps one article from holding a
partition.

The processors are linear by construction (benchmarks/adversarial.py checks every
family of repeated structure), so an article of the size limit takes well under a
second. Should a new rule slip in a slow path, an article that runs past
KHABAR_ARTICLE_TIMEOUT is dead-lettered `processing_timeout` instead of stalling its
partition, the worker's shutdown and every rebalance behind it.

How: a one-shot interval timer (`setitimer(ITIMER_REAL)`) armed around the processors'
call. Its SIGALRM handler raises `ArticleTimeout` in the main thread, between two
Python bytecodes of whatever processor code is running; the call unwinds and the
article gets its answer. Arming and disarming cost two system calls per article
(microseconds), nothing on the normal path. `ArticleTimeout` is a BaseException so
that no `except Exception` inside a processor swallows it.

Limits: Python delivers the signal between bytecodes, so a single long C call (one
regex match over a megabyte) finishes first; the processors' regexes are linear (and
the regex engine itself checks for signals). Compiled by mypyc, the processors run no
bytecode at all: their long loops call `processors.interrupt.checkpoint`, a Python
function, once per item, which is where the handler then runs.
Signals reach only the main thread: called from another thread (a test's executor),
the budget is not enforced. mode's blocking detector (faust's debug mode, which
khabar never turns on) also uses SIGALRM.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Any, Iterator


class ArticleTimeout(BaseException):
    """The article's processing ran past its budget."""


class _Armed:
    # The handler raises only while a budget is armed: a SIGALRM delivered just after
    # `disarm` (already pending in the kernel) must not raise in unrelated code.
    active = False
    # The handler is installed once and left in place (khabar owns SIGALRM in its
    # processes): re-installing it per article cost as much as the timer itself.
    installed = False


# Python runs the handler wherever bytecode next runs, which may be a place whose
# exceptions it ignores (a garbage-collector callback, a __del__: "Exception ignored
# in ..."), the more likely as compiled processors run bytecode only at their
# checkpoints. So while the budget is armed the timer comes back every _RETRY_S and
# raises again, until the exception leaves the body and `budget` disarms.
_RETRY_S = 0.01


def _on_alarm(signum: int, frame: Any) -> None:
    if _Armed.active:
        signal.setitimer(signal.ITIMER_REAL, _RETRY_S)
        raise ArticleTimeout()


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Run the body with at most `seconds` of wall time, else raise ArticleTimeout.
    Nested or off-main-thread use runs the body unguarded."""
    if not seconds or threading.current_thread() is not threading.main_thread() or _Armed.active:
        yield
        return
    if not _Armed.installed or signal.getsignal(signal.SIGALRM) is not _on_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        _Armed.installed = True
    _Armed.active = True
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        _Armed.active = False
