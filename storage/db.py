"""Async database access: one Database object per process, SQLite (WAL) or PostgreSQL."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from storage.read_cache import ReadCache

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class Database:
    """Engine plus session factory; `transaction()` is the unit of work for services."""

    def __init__(self, url: str, *, echo: bool = False, check_cache: bool = False) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        on_disk = self.is_sqlite and self.url.database not in (None, "", ":memory:")
        if on_disk:
            Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
        # A "file:" URI names its file differently; its writes by others would go unnoticed.
        cached = on_disk and not str(self.url.database).startswith("file:")
        self.cache = ReadCache(self.url.database if cached else None, check=check_cache)
        kwargs: dict[str, Any] = {"echo": echo}
        if not self.is_sqlite:
            kwargs.update(pool_size=10, max_overflow=60, pool_pre_ping=True)
        self.engine = create_async_engine(self.url, **kwargs)
        if self.is_sqlite:
            _sqlite_tuning(self.engine.sync_engine)
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        # SQLite has one writer at a time and makes the others sleep-and-poll (busy_timeout),
        # which gives long tails under concurrency; queue this process's writers fairly instead.
        self._writer = asyncio.Lock() if self.is_sqlite else None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """Open a session in a write transaction; commit on success, roll back on error.

        On SQLite this is `BEGIN IMMEDIATE`, so a check and its write can never interleave
        with another writer (no lost updates, no lock-upgrade deadlocks).
        """
        if self._writer is None:
            async with self._sessions() as session, session.begin():
                yield session
            return
        try:
            async with self._writer, self._sessions() as session, session.begin():
                yield session
        finally:
            self.cache.clear()  # committed or not: never keep a read that may predate it

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """Open a session for reading only (no write lock on SQLite)."""
        async with self._sessions() as session:
            await session.connection(execution_options={"sqlite_begin": "DEFERRED"})
            yield session

    async def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision."""
        async with self.engine.begin() as conn:
            await conn.run_sync(_upgrade)

    async def dispose(self) -> None:
        """Close all pooled connections."""
        await self.cache.close()
        await self.engine.dispose()


def alembic_config(connection: Connection | None = None) -> Config:
    """Build the Alembic config for our migrations folder (optionally bound to a connection)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _upgrade(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")


def _sqlite_tuning(sync_engine: Any) -> None:
    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (below); the driver's implicit transactions would defeat it.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")
