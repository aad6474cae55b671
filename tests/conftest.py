"""Shared fixtures: the console bot, per-test databases on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from bot.clock import ManualClock
from storage import catalogue as catalogue_store
from storage.catalogue import Catalogue
from storage.db import Database
from tests.support.console import ConsoleBot
from tests.support.databases import (
    PG_UNREACHABLE,
    drop_postgres,
    make_postgres_template,
    make_sqlite_template,
    missing,
    postgres_database,
    postgres_reachable,
    sqlite_copy,
)
from tests.telegram.fake_bot_api import FakeBotApi

REPO = Path(__file__).resolve().parent.parent

# `make test` runs the suite on several processes (pytest-xdist, `--dist loadgroup`). A test that
# uses one of these fixtures joins its group, so the group runs on one worker and the server
# behind the fixture starts once, not once per worker. New tests need nothing: using the
# fixture is enough. A new expensive module- or session-scoped server fixture goes here.
SHARED_SERVERS = {"synapse": "synapse", "browser": "browser"}


def pytest_configure(config: pytest.Config) -> None:
    """Declare the xdist_group mark; let the bot processes the tests start cache bytecode."""
    config.addinivalue_line("markers", "xdist_group(name): run on the same xdist worker")
    # Most tests start `python -m bot` afresh; without cached bytecode each start compiles our
    # ~250 modules again (a tenth of its CPU). Where the environment forbids writing
    # __pycache__ beside the sources, the started processes keep their cache in var/pycache.
    if os.environ.pop("PYTHONDONTWRITEBYTECODE", None):
        os.environ["PYTHONPYCACHEPREFIX"] = str(REPO / "var" / "pycache")


@pytest.hookimpl(tryfirst=True)  # before xdist reads the marks to name the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the tests of one shared server into one xdist group."""
    for item in items:
        used = getattr(item, "fixturenames", ())
        for fixture, group in SHARED_SERVERS.items():
            if fixture in used:
                item.add_marker(pytest.mark.xdist_group(group))


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Fail a grouped test whose group was lost: every worker would start every server."""
    # xdist names a group by appending "@group" to the test's id; on pytest 9.2 that stopped
    # working silently (pytest-xdist issue #1386), hence the pin in pyproject.toml.
    if (item.config.getoption("loadgroup", default=False)
            and item.get_closest_marker("xdist_group") and "@" not in item.nodeid):
        pytest.fail("pytest-xdist did not apply xdist_group (pytest newer than it supports?)")


@pytest.fixture
def console(tmp_path: Path, sqlite_template: Path) -> Iterator[ConsoleBot]:
    """A console bot on a fresh SQLite database; admin is console:chef; clock 2026-02-02."""
    shutil.copyfile(sqlite_template, tmp_path / "bot.db")  # already migrated: faster start
    bot = ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00")
    yield bot
    if bot.proc is not None:
        bot.stop()


@pytest.fixture
def console_with(tmp_path: Path, sqlite_template: Path) -> Iterator[Callable[..., ConsoleBot]]:
    """Start console bots like `console`, with extra environment settings (stopped after)."""
    started: list[ConsoleBot] = []

    def start(**env: str) -> ConsoleBot:
        shutil.copyfile(sqlite_template, tmp_path / "bot.db")
        started.append(ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00", env=env))
        return started[-1]

    yield start
    for bot in started:
        if bot.proc is not None:
            bot.stop()


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The shipped catalogue."""
    return catalogue_store.load(REPO / "data" / "catalogue.toml")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once per session (copied for each test)."""
    return make_sqlite_template(tmp_path_factory.mktemp("template"))


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str | None]:
    """A PostgreSQL template database migrated once per session (None when unreachable)."""
    if not asyncio.run(postgres_reachable()):
        yield None
        return
    name = asyncio.run(make_postgres_template())
    yield name
    asyncio.run(drop_postgres(name))


@pytest.fixture
async def pg_url(postgres_template: str | None) -> AsyncIterator[str]:
    """A PostgreSQL database of its own, migrated and empty (the multi-process tests)."""
    if postgres_template is None:
        missing(PG_UNREACHABLE)
    async with postgres_database(postgres_template) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgres"])
async def db(
    request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path,
    postgres_template: str | None,
) -> AsyncIterator[Database]:
    """A migrated, empty database of its own: SQLite always, PostgreSQL when reachable."""
    if request.param == "sqlite":
        database = Database(sqlite_copy(sqlite_template, tmp_path))
        yield database
        await database.dispose()
        return
    if postgres_template is None:
        missing(PG_UNREACHABLE)
    async with postgres_database(postgres_template) as url:
        database = Database(url)
        yield database
        await database.dispose()


@pytest.fixture
def clock() -> ManualClock:
    """A manual clock at Monday 2026-02-02 09:00 Berlin."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return ManualClock(datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin")))


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    """Run a fake Bot API server on 127.0.0.1 for one test (Telegram, several processes)."""
    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()
