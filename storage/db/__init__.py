"""Async database access: one Database per process, SQLite (WAL) or PostgreSQL; the unit of work.

A unit of work is one session in one transaction (`Database.unit()`): the router opens one per
update and the scheduler one per job, and every service takes that session (`*, s: Session`)
instead of opening its own. A feature's change, its audit row and the outbox rows it plans
therefore commit together or not at all.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DisconnectionError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.orm import UOWTransaction
from sqlmodel import Session as SyncSession
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.db import sqlite
from storage.text import check_row

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
_REVISION = re.compile(r'^revision = "([^"]+)"$', re.M)
_MIGRATE_LOCK = "SELECT pg_advisory_xact_lock(hashtext('cluster-bot:migrate'))"
_DOWN = re.compile(r'^down_revision = "([^"]+)"$', re.M)

# A PostgreSQL connection that sat in the pool this long is pinged before use (see
# _ping_when_idle); one used more recently goes out as it is.
PING_IDLE = 5.0

# The session type services take. Handlers name it through this alias and never import
# SQLAlchemy themselves (import contract): they pass the session on, they do not query.
Session = AsyncSession


class CheckedSession(SyncSession):
    """The sessions of our units: text columns are checked before every flush (storage.text)."""


@event.listens_for(CheckedSession, "before_flush")
def _check_texts(session: SyncSession, _flush: UOWTransaction, _instances: object) -> None:
    # Same rules on SQLite and PostgreSQL: no NUL or control characters, VARCHAR lengths kept.
    for row in (*session.new, *session.dirty):
        check_row(row)


class Database:
    """Engine plus session factory; `unit()` is the one transaction of an update or a job."""

    def __init__(self, url: str, *, echo: bool = False, ping_idle: float = PING_IDLE) -> None:
        """Build the engines for `url`; on PostgreSQL a connection idle `ping_idle` s is pinged."""
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite and self.url.database not in (None, "", ":memory:"):
            owner_only(Path(str(self.url.database).removeprefix("file:")))
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            # Every unit ends its transaction itself (commit, or rollback when the session
            # closes), so the pool's extra rollback on return would only cost SQLite a thread
            # hop per update. The connection itself runs each statement in one hop
            # (storage.db.sqlite) instead of aiosqlite's four, in the engine's one thread.
            kwargs.update(pool_reset_on_return=None,
                          async_creator=sqlite.Worker(self.url).connect)
        else:
            kwargs.update(pool_size=10, max_overflow=60)
        self.engine = create_async_engine(self.url, **kwargs)
        if not self.is_sqlite:
            _ping_when_idle(self.engine.sync_engine, ping_idle)
        self._sessions = async_sessionmaker(self.engine, class_=AsyncSession,
                                            sync_session_class=CheckedSession,
                                            expire_on_commit=False)
        self._writer: asyncio.Lock | None = None
        self._optimistic = self._sessions
        self._fast: AsyncEngine | None = None
        if self.is_sqlite:
            _sqlite_tuning(self.engine.sync_engine, busy_ms=30_000)
            # SQLite has one writer at a time and makes the others sleep-and-poll (busy
            # timeout), which gives long tails under concurrency; queue this process's
            # writing units fairly instead.
            self._writer = asyncio.Lock()
            # Optimistic units: DEFERRED, outside that queue, never waiting for a busy file.
            # Readers (most updates) run side by side; one that loses a race to a writer
            # fails at once (see is_busy) and its caller runs it again as a queued unit.
            self._fast = create_async_engine(self.url, **{
                **kwargs, "async_creator": sqlite.Worker(self.url).connect,  # a thread of its own
            }, execution_options={"sqlite_begin": "DEFERRED"})
            _sqlite_tuning(self._fast.sync_engine, busy_ms=0)
            self._optimistic = async_sessionmaker(self._fast, class_=AsyncSession,
                                                  sync_session_class=CheckedSession,
                                                  expire_on_commit=False)

    @asynccontextmanager
    async def unit(self, *, optimistic: bool = False) -> AsyncIterator[Session]:
        """Open one unit of work: a session in a transaction, committed on success.

        Any exception rolls everything back. On SQLite the transaction is `BEGIN IMMEDIATE`,
        so a check and its write never interleave with another writer (no lost updates, no
        lock-upgrade deadlocks); on PostgreSQL capacity rules lock their rows (FOR UPDATE).
        `optimistic` (SQLite): start `BEGIN DEFERRED` without queueing; SQLite upgrades it
        at the first write only if nothing was committed since it began (serializable), and
        otherwise raises at once an error `is_busy` recognises: run the unit again without
        `optimistic`. On PostgreSQL it changes nothing.
        """
        if self._writer is None:
            async with self._sessions() as session, session.begin():
                yield session
            return
        if optimistic:
            async with self._optimistic() as session, session.begin():
                yield session
            return
        async with self._writer, self._sessions() as session, session.begin():
            yield session

    @property
    def engines(self) -> list[AsyncEngine]:
        """Return every engine this database uses (for instrumentation: counting, metrics)."""
        return [self.engine] if self._fast is None else [self.engine, self._fast]

    @staticmethod
    def is_busy(exc: BaseException) -> bool:
        """Tell whether an optimistic unit lost a race for SQLite's write lock (run it again)."""
        return isinstance(exc, OperationalError) and any(
            word in str(exc.orig).lower() for word in ("database is locked", "busy"))

    def is_unreachable(self, exc: BaseException) -> bool:
        """Tell whether a failure means the database server did not answer (try again later).

        Refused or timed-out connections and unknown hosts count; a wrong password or a
        missing database do not (waiting will not fix them), nor anything on SQLite.
        """
        if self.is_sqlite:
            return False
        seen: set[int] = set()
        found: BaseException | None = exc
        while found is not None and id(found) not in seen:
            seen.add(id(found))
            # OSError: refused, unknown host (gaierror), "network unreachable", "Multiple
            # exceptions: Connect call failed" (IPv4 and IPv6); TimeoutError: no answer.
            if isinstance(found, OSError) and not isinstance(
                    found, PermissionError | FileNotFoundError):
                return True
            found = found.__cause__ or found.__context__
        return False

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Session]:
        """Open a session for reading only (no write lock on SQLite; scheduler look-aheads)."""
        async with self._sessions() as session:
            await session.connection(execution_options={"sqlite_begin": "DEFERRED"})
            yield session

    async def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision.

        Alembic (a tenth of a second and 10 MB to import) is loaded only when the database is
        not at the newest revision already, which is every start but the first after an update.
        """
        async with self.engine.begin() as conn:
            if not self.is_sqlite:  # processes starting together migrate one after the other
                await conn.execute(text(_MIGRATE_LOCK))
            if await conn.run_sync(_current) == script_head():
                return
            await conn.run_sync(_upgrade)

    async def dispose(self) -> None:
        """Close all pooled connections."""
        await self.engine.dispose()
        if self._fast is not None:
            await self._fast.dispose()


def owner_only(path: Path) -> None:
    """Create a SQLite file (and its folder) readable by this user only: it holds personal data.

    A new folder gets 0700, the file 0600 (SQLite gives its -wal and -shm files the file's
    mode); a file that exists already is narrowed to 0600.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)


def script_head() -> str:
    """Return the newest revision in the migrations folder (the one no other one revises)."""
    found: dict[str, str | None] = {}
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is not None:
            found[revision.group(1)] = down.group(1) if down else None
    heads = set(found) - {d for d in found.values() if d}
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


async def current_revision(db: Database) -> str | None:
    """Return the Alembic revision the database is at (None: never migrated)."""
    async with db.engine.connect() as conn:
        return await conn.run_sync(_current)


def _current(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):  # a fresh database
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def upsert_insert(s: Session) -> Any:
    """Return the dialect's `insert` construct (it has ON CONFLICT, the generic one has not)."""
    # Imported here: the PostgreSQL dialect module is not needed on SQLite, and vice versa.
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


def alembic_config(connection: Connection | None = None) -> Config:
    """Build the Alembic config for our migrations folder (optionally bound to a connection)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def _upgrade(connection: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def _ping_when_idle(sync_engine: Any, idle_s: float) -> None:
    """Ping a pooled PostgreSQL connection before use only if it sat idle `idle_s` or longer.

    `pool_pre_ping` pings at every checkout: a round trip per update, about a tenth of a busy
    bot's main-thread CPU on PostgreSQL (bench/updates.py). A connection that was in use a
    moment ago is alive; one that sat idle may have died with a server restart or a dropped
    network path, so it is pinged, and a failed ping makes the pool replace it (SQLAlchemy's
    documented checkout-event recipe: DisconnectionError, up to three fresh connections).
    """
    @event.listens_for(sync_engine, "checkin")
    def _idle_from(_dbapi_connection: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(sync_engine, "checkout")
    def _alive(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop("idle_since", None)
        if since is None or time.monotonic() - since < idle_s:  # new, or used a moment ago
            return
        try:
            sync_engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # any failure: this connection is of no use any more
            log.info("pooled connection did not answer a ping; replacing it")
            raise DisconnectionError("ping after idle failed") from exc


def _sqlite_tuning(sync_engine: Any, *, busy_ms: int) -> None:
    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (below); storage.db.sqlite opens every connection with
        # isolation_level None, so the driver starts no transactions of its own.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "IMMEDIATE")
        # Handed to the driver, which runs it in the call of the transaction's first
        # statement (storage.db.sqlite): no statement of SQLAlchemy's own, no thread hop.
        driver = conn.connection.driver_connection
        if not isinstance(driver, sqlite.Connection):  # every engine here is built with it
            raise TypeError(f"unexpected SQLite driver connection {driver!r}")
        driver.begin(f"BEGIN {mode}")
