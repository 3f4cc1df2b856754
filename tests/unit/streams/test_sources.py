"""streams/sources.py and streams/produce.py: reading inputs, keys."""

from __future__ import annotations

import io

import orjson
import pytest

from streams.produce import iter_messages, key_of
from streams.sources import iter_sources, lines


def test_jsonl_json_array_json_object_and_directories(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b'{"id": "1"}\n\n{"id": "2"}\r\nnot json\n')
    (tmp_path / "b.json").write_bytes(b'[{"id": "3"}, {"id": "4"}]')
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.json").write_bytes(b'  {"id": "5"}\n')
    (sub / "broken.json").write_bytes(b"{oops")
    (sub / "notes.txt").write_bytes(b"ignored")
    got = list(iter_sources([str(tmp_path)]))
    assert [value for _, value in got] == [
        b'{"id": "1"}',
        b'{"id": "2"}',
        b"not json",
        b'{"id":"3"}',
        b'{"id":"4"}',
        b"{oops",
        b'{"id": "5"}',
    ]
    assert got[0][0].endswith("a.jsonl:1") and got[2][0].endswith("a.jsonl:4")
    assert got[3][0].endswith("b.json[0]")
    assert list(iter_messages([str(tmp_path / "a.jsonl")])) == [b'{"id": "1"}', b'{"id": "2"}', b"not json"]


def test_lines_from_a_stream():
    assert list(lines(io.BytesIO(b"x\n\n y \n"), "<stdin>")) == [("<stdin>:1", b"x"), ("<stdin>:3", b" y ")]


def test_missing_path_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        list(iter_sources([str(tmp_path / "nope.jsonl")]))


def test_key_is_the_article_id_when_there_is_one():
    assert key_of(orjson.dumps({"id": "a-1", "url": "https://x/y"})) == b"a-1"
    assert key_of(orjson.dumps({"url": "https://x/y"})).startswith(b"url:")
    assert key_of(b"not json") is None
    assert key_of(b"[1]") is None
