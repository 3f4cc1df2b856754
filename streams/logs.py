"""JSON logs, one object per line on stdout, with documented stable field names.

Every line: `ts`, `level`, `event`, `worker_id`, `logger`; then the event's own fields
(see the README, "Logs"). python-json-logger does the formatting; we only rename its
fields to the documented ones.
"""

from __future__ import annotations

import logging
import logging.config
import sys
import time
from typing import Any

from pythonjsonlogger.json import JsonFormatter

LOGGER_NAME = "khabar"


class KhabarJsonFormatter(JsonFormatter):
    worker_id = ""
    converter = time.gmtime  # type: ignore[assignment]  # timestamps in UTC, whatever the host's zone

    def add_fields(self, log_record: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]) -> None:
        super().add_fields(log_record, record, message_dict)
        log_record["ts"] = self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z"
        log_record["level"] = record.levelname.lower()
        # faust and aiokafka log free text: it becomes the `message`, with event "log".
        event = log_record.pop("message", None)
        if record.name.startswith(LOGGER_NAME):
            log_record["event"] = event
        else:
            log_record["event"] = "log"
            log_record["message"] = event
        log_record["worker_id"] = self.worker_id
        log_record["logger"] = record.name

    def process_log_record(self, log_record: dict[str, Any]) -> dict[str, Any]:
        # The stable fields first, so a human reading the raw stream finds them.
        head: dict[str, Any] = {k: log_record.pop(k) for k in ("ts", "level", "event", "worker_id") if k in log_record}
        return {**head, **log_record}


def logging_config(level: str, worker_id: str) -> dict[str, Any]:
    """A logging.config.dictConfig for the worker (faust's Worker applies it)."""
    KhabarJsonFormatter.worker_id = worker_id
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": KhabarJsonFormatter,
                "json_ensure_ascii": False,
            }
        },
        "handlers": {"stdout": {"class": "logging.StreamHandler", "stream": sys.stdout, "formatter": "json"}},
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # aiokafka is chatty at INFO on every rebalance and reconnect attempt.
            "aiokafka": {"level": "WARNING"},
            "kafka": {"level": "WARNING"},
        },
    }


def setup(level: str, worker_id: str) -> None:
    logging.config.dictConfig(logging_config(level, worker_id))


logger = logging.getLogger(LOGGER_NAME)
