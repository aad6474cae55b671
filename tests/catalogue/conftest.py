"""Fixtures of the catalogue tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.catalogue.helpers import december
from tests.support.console import ConsoleBot


@pytest.fixture
def dec(tmp_path: Path, sqlite_template: Path) -> Iterator[ConsoleBot]:
    """The console in December 2026: the shipped 2026 plan is over."""
    bot = december(tmp_path, sqlite_template)
    yield bot
    if bot.proc is not None:
        bot.stop()
