"""Shared fixtures: the console bot, per-test databases on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.clock import ManualClock
from storage import catalogue as catalogue_store
from storage.catalogue import Catalogue
from storage.db import Database
from tests.support.console import ConsoleBot
from tests.support.databases import postgres_database, postgres_reachable, sqlite_url

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def console(tmp_path: Path) -> Iterator[ConsoleBot]:
    """A console bot on a fresh SQLite database; admin is console:chef; clock 2026-02-02."""
    bot = ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00")
    yield bot
    if bot.proc is not None:
        bot.stop()


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The shipped catalogue."""
    return catalogue_store.load(REPO / "data" / "catalogue.toml")


@pytest.fixture(params=["sqlite", "postgres"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """A migrated, empty database: SQLite always, PostgreSQL when reachable."""
    if request.param == "sqlite":
        database = Database(sqlite_url(tmp_path))
        await database.migrate()
        yield database
        await database.dispose()
        return
    if not await postgres_reachable():
        pytest.skip("PostgreSQL not reachable (TEST_DATABASE_URL or 127.0.0.1:5432/test)")
    async with postgres_database() as url:
        database = Database(url)
        await database.migrate()
        yield database
        await database.dispose()


@pytest.fixture
def clock() -> ManualClock:
    """A manual clock at Monday 2026-02-02 09:00 Berlin."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return ManualClock(datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin")))
