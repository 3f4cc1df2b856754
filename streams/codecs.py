"""The one place that decides how khabar's events become bytes: orjson, by name.

Registered with faust as the codec "orjson" (faust/serializers/codecs.py), so topics
name it and no agent serializes by hand. orjson writes UTF-8 Arabic as is (not \\u
escapes), which halves the size of an Arabic event compared with json.dumps defaults.
"""

from __future__ import annotations

from typing import Any

import orjson
from faust.serializers import codecs

NAME = "orjson"


def dumps(obj: Any) -> bytes:
    return orjson.dumps(obj)


def loads(data: bytes | str) -> Any:
    return orjson.loads(data)


class OrjsonCodec(codecs.Codec):
    def _dumps(self, obj: Any) -> bytes:
        return orjson.dumps(obj)

    def _loads(self, s: bytes) -> Any:
        return orjson.loads(s)


def register() -> None:
    codecs.register(NAME, OrjsonCodec())


register()
