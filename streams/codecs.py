"""The one place that decides how khabar's events become bytes: orjson.

streams/outputs.py serializes every event through `dumps` (and sizes it to its topic)
before the producer sees it, so the topics carry raw bytes and no faust codec is
involved. orjson writes UTF-8 Arabic as is (not \\u escapes), which halves the size of
an Arabic event compared with json.dumps defaults.
"""

from __future__ import annotations

from typing import Any

import orjson


def dumps(obj: Any) -> bytes:
    return orjson.dumps(obj)
