"""Fixtures of the processors' tests (the helpers behind them: support.py)."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from .support import NORMALIZERS, load_seed


@pytest.fixture(scope="session")
def seed_article() -> dict[str, Any]:
    """tests/fixtures/seed/article.json: the seed article (title, body)."""
    return load_seed("article")


@pytest.fixture(scope="session")
def seed_expected() -> dict[str, Any]:
    """tests/fixtures/seed/expected.json: the seed article's hand annotation."""
    return load_seed("expected")


@pytest.fixture(scope="session", params=sorted(NORMALIZERS))
def normalizer(request: pytest.FixtureRequest) -> Callable[[str], Any]:
    """Each normalizer an extractor must work under: the real one and the fake
    (support.fake_normalize, which says what it guards). Session-scoped: it holds no
    state, and hypothesis tests may use it."""
    return NORMALIZERS[request.param]
