"""faust's aiokafka transport with khabar's Consumer and TransactionManager. The app
uses it through its public `transport` setter (streams/app.py)."""

from __future__ import annotations

from typing import ClassVar

from faust.transport.drivers.aiokafka import Transport as AIOKafkaTransport

from streams.faust_ext.consumer import Consumer
from streams.faust_ext.transactions import TransactionManager


class Transport(AIOKafkaTransport):
    Consumer: ClassVar[type] = Consumer
    TransactionManager: ClassVar[type] = TransactionManager
