"""kafka_answers decides whether the demo and the tests start a broker of their own."""

from __future__ import annotations

import socket

from streams.admin import kafka_answers


def test_no_broker_on_a_free_port_is_no_answer():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert kafka_answers(f"127.0.0.1:{port}", timeout_s=2) is False


def test_a_listener_that_is_not_kafka_is_no_answer():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert kafka_answers(f"127.0.0.1:{port}", timeout_s=2) is False
