"""Async database access: one Database per process, SQLite (WAL) or PostgreSQL; the unit of work.

A unit of work is one session in one transaction (`Database.unit()`): the router opens one per
update and the scheduler one per job, and every service takes that session (`*, s: Session`)
instead of opening its own. A feature's change, its audit row and the outbox rows it plans
therefore commit together or not at all.
"""

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
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# The session type services take. Handlers name it through this alias and never import
# SQLAlchemy themselves (import contract): they pass the session on, they do not query.
Session = AsyncSession


class Database:
    """Engine plus session factory; `unit()` is the one transaction of an update or a job."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite and self.url.database not in (None, "", ":memory:"):
            folder = Path(str(self.url.database).removeprefix("file:")).parent
            folder.mkdir(parents=True, exist_ok=True)
        kwargs: dict[str, Any] = {"echo": echo}
        if not self.is_sqlite:
            kwargs.update(pool_size=10, max_overflow=60, pool_pre_ping=True)
        self.engine = create_async_engine(self.url, **kwargs)
        if self.is_sqlite:
            _sqlite_tuning(self.engine.sync_engine)
        self._sessions = async_sessionmaker(self.engine, class_=AsyncSession,
                                            expire_on_commit=False)
        # SQLite has one writer at a time and makes the others sleep-and-poll (busy_timeout),
        # which gives long tails under concurrency; queue this process's units fairly instead.
        self._writer = asyncio.Lock() if self.is_sqlite else None

    @asynccontextmanager
    async def unit(self) -> AsyncIterator[Session]:
        """Open one unit of work: a session in a transaction, committed on success.

        Any exception rolls everything back. On SQLite the transaction is `BEGIN IMMEDIATE`,
        so a check and its write never interleave with another writer (no lost updates, no
        lock-upgrade deadlocks); on PostgreSQL capacity rules lock their rows (FOR UPDATE).
        """
        if self._writer is None:
            async with self._sessions() as session, session.begin():
                yield session
            return
        async with self._writer, self._sessions() as session, session.begin():
            yield session

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Session]:
        """Open a session for reading only (no write lock on SQLite; scheduler look-aheads)."""
        async with self._sessions() as session:
            await session.connection(execution_options={"sqlite_begin": "DEFERRED"})
            yield session

    async def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision."""
        async with self.engine.begin() as conn:
            await conn.run_sync(_upgrade)

    async def dispose(self) -> None:
        """Close all pooled connections."""
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
