"""What machine a benchmark ran on, and how the processors ran there (compiled by mypyc
or interpreted, processors/compiled.py): every figure is reported with it."""

from __future__ import annotations

import os
import platform
from typing import Any

import processors


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict[str, Any]:
    try:
        load = os.getloadavg()
    except OSError:
        load = None
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(terse=True),
        "loadavg": [round(x, 2) for x in load] if load else None,
        "processors": processors.WHY,
    }


def one_line() -> str:
    """'AMD EPYC, 2 cores, CPython 3.11.7, Linux-...': for a benchmark's printout."""
    m = machine()
    return f"{m['cpu']}, {m['cores']} cores, {m['implementation']} {m['python']}, {m['platform']}; {m['processors']}"
