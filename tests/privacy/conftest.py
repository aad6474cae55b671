"""Fixtures of the privacy and robustness tests: the console bot on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.console import ConsoleBot
from tests.support.databases import PG_UNREACHABLE, PG_URL, drop_postgres, missing

NOW = "2026-02-02T09:00:00+01:00"


async def _clone(template: str) -> str:
    import asyncpg

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(PG_URL.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        await admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    finally:
        await admin.close()
    return name


@pytest.fixture(params=["sqlite", "postgres"])
def any_console(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path,
                postgres_template: str | None) -> Iterator[ConsoleBot]:
    """A console bot (admin console:chef, clock 2026-02-02) on SQLite, then on PostgreSQL."""
    if request.param == "sqlite":
        shutil.copyfile(sqlite_template, tmp_path / "bot.db")
        bot = ConsoleBot(tmp_path, now=NOW)
        yield bot
        if bot.proc is not None:
            bot.stop()
        return
    if postgres_template is None:
        missing(PG_UNREACHABLE)
    name = asyncio.run(_clone(postgres_template))
    bot = ConsoleBot(tmp_path, now=NOW, database_url=f"{PG_URL.rpartition('/')[0]}/{name}")
    try:
        yield bot
        if bot.proc is not None:
            bot.stop()
    finally:
        asyncio.run(drop_postgres(name))
