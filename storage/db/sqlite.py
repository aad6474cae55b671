"""SQLite for SQLAlchemy's asyncio engine with one thread hop per statement.

SQLAlchemy's `sqlite+aiosqlite` dialect drives an aiosqlite-shaped connection: per statement it
awaits `cursor()`, `execute()`, `fetchall()` and `close()`, and aiosqlite runs each of them as a
separate call in its worker thread. A hop (hand the call to the thread, wake the event loop with
the result) costs about 85 microseconds of CPU here, four times per statement and about 30 times
per update (bench/sqlite_hops.py). This module gives the dialect a connection of the same shape
through SQLAlchemy's public `create_async_engine(async_creator=...)` hook, whose cursor runs the
whole statement (execute, read the rows, close) in one call on the connection's own thread and
answers `fetchall()` and `close()` from what that call brought back.

Everything SQLite does still happens in one thread per connection, never in the event loop, so
a busy file (another process writing) waits there as it does with aiosqlite.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from sqlalchemy.engine import URL

log = logging.getLogger(__name__)
T = TypeVar("T")
Description = tuple[tuple[Any, ...], ...] | None
Outcome = tuple[Description, int, int | None, list[Any]]


def _run(conn: sqlite3.Connection, sql: str, params: Any) -> Outcome:
    """Execute one statement and bring back everything SQLAlchemy will ask for (worker thread)."""
    log.debug("executing %s", sql)  # the SQL only: parameters may be personal data
    cursor = conn.cursor()
    try:
        if params is None:
            cursor.execute(sql)
        else:
            cursor.execute(sql, params)
        rows = cursor.fetchall() if cursor.description else []
        return cursor.description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


def _run_many(conn: sqlite3.Connection, sql: str, seq: Iterable[Any]) -> Outcome:
    """Execute one statement for many parameter sets (worker thread)."""
    log.debug("executing many %s", sql)
    cursor = conn.cursor()
    try:
        cursor.executemany(sql, seq)
        return None, cursor.rowcount, cursor.lastrowid, []
    finally:
        cursor.close()


class Cursor:
    """A finished statement: its description, counts and rows, read without another hop."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self.description: Description = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self.arraysize = 1
        self._rows: list[Any] = []

    def _keep(self, outcome: Outcome) -> Cursor:
        self.description, self.rowcount, self.lastrowid, self._rows = outcome
        return self

    async def execute(self, sql: str, parameters: Any = None) -> Cursor:
        """Run one statement in the connection's thread (one hop, rows included)."""
        return self._keep(await self._connection.call(_run, sql, parameters))

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> Cursor:
        """Run one statement for many parameter sets in the connection's thread."""
        return self._keep(await self._connection.call(_run_many, sql, list(parameters)))

    async def fetchall(self) -> list[Any]:
        """Return the rows not read yet."""
        rows, self._rows = self._rows, []
        return rows

    async def fetchone(self) -> Any:
        """Return the next row, or None."""
        return self._rows.pop(0) if self._rows else None

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        """Return up to `size` (default `arraysize`) rows."""
        count = self.arraysize if size is None else size
        rows, self._rows = self._rows[:count], self._rows[count:]
        return rows

    async def close(self) -> None:
        """Forget the rows (the SQLite cursor was closed in the thread already)."""
        self._rows = []


class Connection:
    """One SQLite connection, used only from its own thread; awaitable like aiosqlite's."""

    def __init__(self, conn: sqlite3.Connection, worker: ThreadPoolExecutor) -> None:
        self._conn = conn
        self._worker = worker
        self._running = False  # a call is executing in the thread now (set there)

    async def call(self, func: Callable[..., T], *args: Any) -> T:
        """Run `func(connection, *args)` in this connection's thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, partial(self._in_thread, func, *args))

    def _in_thread(self, func: Callable[..., T], *args: Any) -> T:
        self._running = True
        try:
            return func(self._conn, *args)
        finally:
            self._running = False

    def _interrupt_orphan(self) -> None:
        # A call still executing when SQLAlchemy closes or terminates the connection belongs to
        # a cancelled caller and would hold the write lock until done: SQLite's interrupt()
        # (safe from any thread) ends it. Only then: on an idle connection the flag would also
        # stop the checkpoint that close() does.
        if self._running:
            self._conn.interrupt()

    @property
    def isolation_level(self) -> str | None:
        """Return the sqlite3 isolation level (always None: SQLAlchemy issues BEGIN itself)."""
        return self._conn.isolation_level

    async def cursor(self) -> Cursor:
        """Return a cursor; nothing runs until it executes."""
        return Cursor(self)

    async def execute(self, sql: str, parameters: Any = None) -> Cursor:
        """Run one statement and return its cursor."""
        return await Cursor(self).execute(sql, parameters)

    async def commit(self) -> None:
        """Commit the open transaction."""
        await self.call(sqlite3.Connection.commit)

    async def rollback(self) -> None:
        """Roll the open transaction back."""
        await self.call(sqlite3.Connection.rollback)

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        """Register a Python function for SQL (SQLAlchemy adds regexp and floor)."""
        await self.call(partial(sqlite3.Connection.create_function, **kwargs), *args)

    async def close(self) -> None:
        """Close the connection and let its thread end."""
        self._interrupt_orphan()
        try:
            await self.call(sqlite3.Connection.close)
        finally:
            self._worker.shutdown(wait=False)

    def stop(self) -> None:
        """Close without waiting (SQLAlchemy's terminate, e.g. after a cancelled statement)."""
        self._interrupt_orphan()
        self._worker.submit(self._conn.close)
        self._worker.shutdown(wait=False)


def connect_args(url: URL) -> tuple[Sequence[Any], dict[str, Any]]:
    """Return sqlite3.connect's arguments for `url`, read by SQLAlchemy's own SQLite dialect."""
    args, kwargs = url.get_dialect()().create_connect_args(url)
    # One thread owns the connection but it is created elsewhere; SQLAlchemy issues BEGIN.
    return args, {**kwargs, "check_same_thread": False, "isolation_level": None}


async def connect(url: URL) -> Connection:
    """Open a connection to the SQLite database of `url` on a thread of its own."""
    worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")
    args, kwargs = connect_args(url)
    loop = asyncio.get_running_loop()
    try:
        conn = await loop.run_in_executor(worker, partial(sqlite3.connect, *args, **kwargs))
    except BaseException:
        worker.shutdown(wait=False)
        raise
    return Connection(conn, worker)
