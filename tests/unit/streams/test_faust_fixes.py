"""streams/faust_fixes.py replaces methods of faust 0.15.3; what they repair is proven
against the real broker (tests/integration/test_two_workers.py). Here: it patches only
the version it was written for, and the worker's app is built with it in place."""

from __future__ import annotations

import faust
import pytest
from faust.tables.recovery import Recovery
from faust.transport.consumer import Consumer, TransactionManager

from streams import faust_fixes
from streams.app import create_app
from streams.settings import load


def test_the_installed_faust_is_the_one_the_fixes_were_written_for():
    assert faust.__version__ == faust_fixes.FAUST_VERSION


def test_another_faust_version_is_refused_with_a_message(monkeypatch):
    monkeypatch.setattr(faust, "__version__", "0.16.0")
    with pytest.raises(RuntimeError, match="0.15.3.*0.16.0"):
        faust_fixes.install()


def test_creating_the_app_installs_the_fixes(tmp_path):
    create_app(load({"KHABAR_DATA_DIR": str(tmp_path)}))
    assert Consumer.on_partitions_revoked is faust_fixes.on_partitions_revoked
    assert Consumer.perform_seek is faust_fixes.perform_seek
    assert TransactionManager.on_rebalance is faust_fixes.on_rebalance
    assert Recovery._resume_streams is faust_fixes._resume_streams
    assert Recovery.on_recovery_completed is faust_fixes.on_recovery_completed


def test_install_twice_changes_nothing():
    faust_fixes.install()
    faust_fixes.install()
    assert Consumer.on_partitions_revoked is faust_fixes.on_partitions_revoked
