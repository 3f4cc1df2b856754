"""How a worker ends: within a bound after SIGTERM, at once on a fatal output error.

faust's shutdown waits for every message the agent took to be acked
(`stream_wait_empty`), with no limit: one message that never finishes holds the
worker forever, and Kubernetes kills the pod after its grace period, mid-commit.
khabar bounds it: on SIGTERM (or Ctrl-C) a watchdog thread starts
(streams/faust_ext/worker.py arms it); if the graceful
stop (finish the in-flight article, commit, exit 0) has not ended the process
within KHABAR_SHUTDOWN_TIMEOUT seconds, it logs `worker.shutdown_timeout` and exits
with code 1. Nothing handled is lost either way: what was not committed is handled
again after the restart (the same event ids; under exactly_once the open transaction
is aborted).

A fatal error (the broker or the producer failed an output) ends the worker at once
with exit code 1 (`fatal`): a graceful stop would commit offsets past the article
whose output was lost, or wait forever for its ack.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import Any

from streams.logs import logger

EXIT_FATAL = 1


def _flush_logs() -> None:
    for handler in logging.getLogger().handlers:
        try:
            handler.flush()
        except Exception:
            pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def fatal(event: str, exc: BaseException | None = None, **fields: Any) -> None:
    """Log `event` as an error and end the process now with exit code 1, so that its
    supervisor restarts it from the committed offsets."""
    if exc is not None:
        fields["error"] = f"{type(exc).__name__}: {exc}"[:2000]
    logger.error(event, extra=fields)
    _flush_logs()
    os._exit(EXIT_FATAL)


class ShutdownWatchdog:
    """Ends the process `timeout` seconds after `arm()` unless it ended by itself."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self._timer: threading.Timer | None = None

    def arm(self) -> bool:
        """Start the countdown (once); True the first time."""
        if self._timer is not None:
            return False
        self._timer = threading.Timer(self.timeout, self._expire)
        self._timer.daemon = True
        self._timer.start()
        return True

    def _expire(self) -> None:
        fatal("worker.shutdown_timeout", deadline_s=self.timeout)
