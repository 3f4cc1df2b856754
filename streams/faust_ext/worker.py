"""faust's Worker, with khabar's shutdown deadline armed by SIGTERM and SIGINT.

mode's Worker handles signals through the event loop (`add_signal_handler`): while the
agent runs synchronous code (the processors, or a hang in a C call) the loop does not
turn and the signal waits. So the deadline (streams/lifecycle.py) is armed by a plain
Python signal handler, which runs in the main thread between two bytecodes whatever it
is doing; the graceful stop is then handed to the loop, to mode's own handlers.
"""

from __future__ import annotations

import signal
from typing import Any

from faust.worker import Worker as FaustWorker

from streams.lifecycle import ShutdownWatchdog
from streams.logs import logger


class Worker(FaustWorker):
    def __init__(self, *args: Any, shutdown_timeout: float, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.watchdog = ShutdownWatchdog(shutdown_timeout)

    def install_signal_handlers(self) -> None:
        super().install_signal_handlers()
        signal.signal(signal.SIGTERM, self._on_stop_signal)
        signal.signal(signal.SIGINT, self._on_stop_signal)

    def _on_stop_signal(self, signum: int, frame: Any) -> None:
        if self.watchdog.arm():
            self.loop.call_soon_threadsafe(self._log_stopping, signal.Signals(signum).name)
        self.loop.call_soon_threadsafe(self._on_sigterm if signum == signal.SIGTERM else self._on_sigint)

    def _log_stopping(self, name: str) -> None:
        logger.info("worker.stopping", extra={"signal": name, "deadline_s": self.watchdog.timeout})
