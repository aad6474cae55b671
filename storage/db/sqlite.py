"""SQLite for SQLAlchemy's asyncio engine with one thread hop per statement.

SQLAlchemy's `sqlite+aiosqlite` dialect drives an aiosqlite-shaped connection: per statement it
awaits `cursor()`, `execute()`, `fetchall()` and `close()`, and aiosqlite runs each of them as a
separate call in its worker thread. A hop (hand the call to the thread, wake the event loop with
the result) costs about 85 microseconds of CPU here, four times per statement and about 30 times
per update (bench/sqlite_hops.py). This module gives the dialect a connection of the same shape
through SQLAlchemy's public `create_async_engine(async_creator=...)` hook, whose cursor runs the
whole statement (execute, read the rows, close) in one call on the engine's SQLite thread
(`Worker`) and answers `fetchall()` and `close()` from what that call brought back.

Everything SQLite does still happens in that thread, never in the event loop, so a busy file
(another process writing) waits there as it does with aiosqlite.

Two more hops are saved per unit of work. The thread is a plain one fed by a queue, whose result
goes back with one `call_soon_threadsafe`: half the CPU of `run_in_executor`, whose futures and
callbacks cost as much again as the wake-ups on this 2-core virtual machine (65 against 130
microseconds a hop). And `BEGIN` does not hop on its own: the engine hands it over
(`Connection.begin`), it runs in the same call as the transaction's first statement, and a
transaction that ran nothing ends without a call.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any, TypeVar

from sqlalchemy.engine import URL

log = logging.getLogger(__name__)
T = TypeVar("T")
Description = tuple[tuple[Any, ...], ...] | None
Outcome = tuple[Description, int, int | None, list[Any]]


def _begin(conn: sqlite3.Connection, begin: str | None) -> None:
    """Run the transaction's BEGIN, if one waits for this statement (worker thread)."""
    if begin is not None:
        log.debug("executing %s", begin)
        conn.execute(begin)


def _run(conn: sqlite3.Connection, sql: str, params: Any, begin: str | None = None) -> Outcome:
    """Execute one statement and bring back everything SQLAlchemy will ask for (worker thread).

    `begin`: the BEGIN the engine handed over for this transaction, run first in the same call.
    """
    _begin(conn, begin)
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


def _run_many(conn: sqlite3.Connection, sql: str, seq: Iterable[Any],
              begin: str | None = None) -> Outcome:
    """Execute one statement for many parameter sets (worker thread)."""
    _begin(conn, begin)
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
        """Run one statement in the Worker's thread (one hop, rows included)."""
        begin = self._connection.take_begin()
        return self._keep(await self._connection.call(_run, sql, parameters, begin))

    async def executemany(self, sql: str, parameters: Iterable[Any]) -> Cursor:
        """Run one statement for many parameter sets in the Worker's thread."""
        begin = self._connection.take_begin()
        return self._keep(await self._connection.call(_run_many, sql, list(parameters), begin))

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


class _Thread:
    """A Worker's thread: runs the calls handed to it, in order, until stopped."""

    def __init__(self) -> None:
        self._calls: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        # A daemon: an engine nobody disposed must not keep the process from exiting, and an
        # exit between statements leaves SQLite's file consistent (every change is in a
        # transaction).
        self._thread = threading.Thread(target=self._serve, name="sqlite", daemon=True)
        self._thread.start()

    def submit(self, call: Callable[[], None]) -> None:
        """Queue a call (it must not raise); it runs after every call queued before it."""
        self._calls.put(call)

    def stop(self) -> None:
        """Let the thread end once the calls queued so far have run."""
        self._calls.put(None)

    def _serve(self) -> None:
        while (call := self._calls.get()) is not None:
            call()


class _Call:
    """A function to run in a Worker's thread, and the event loop future awaiting it."""

    __slots__ = ("func", "future", "loop")

    def __init__(self, func: Callable[[], Any], loop: asyncio.AbstractEventLoop) -> None:
        self.func = func
        self.loop = loop
        self.future: asyncio.Future[Any] = loop.create_future()

    def run(self) -> None:
        """Run the function (Worker thread) and hand its outcome to the event loop."""
        try:
            outcome: tuple[Any, BaseException | None] = (self.func(), None)
        except BaseException as exc:  # every error belongs to the awaiting caller
            outcome = (None, exc)
        with contextlib.suppress(RuntimeError):  # the loop closed meanwhile: nobody waits
            self.loop.call_soon_threadsafe(self._settle, *outcome)

    def _settle(self, result: Any, exc: BaseException | None) -> None:
        if self.future.done():  # the caller was cancelled
            return
        if exc is not None:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


class Connection:
    """One SQLite connection, used only from its Worker's thread; awaitable like aiosqlite's."""

    def __init__(self, conn: sqlite3.Connection, thread: _Thread,
                 release: Callable[[], None]) -> None:
        self._conn = conn
        self._thread = thread
        self._release = release  # tells the Worker this connection is gone
        self._running = False  # a call is executing in the thread now (set there)
        self._begin: str | None = None  # a BEGIN waiting for the transaction's first statement

    async def call(self, func: Callable[..., T], *args: Any) -> T:
        """Run `func(connection, *args)` in the Worker's thread, after the calls queued before."""
        call = _Call(partial(self._in_thread, func, *args), asyncio.get_running_loop())
        self._thread.submit(call.run)
        result: T = await call.future
        return result

    def begin(self, sql: str = "BEGIN") -> None:
        """Start a transaction with `sql` ("BEGIN IMMEDIATE") in the next statement's call."""
        self._begin = sql

    def take_begin(self) -> str | None:
        """Return the BEGIN still to run before the next statement, if any."""
        begin, self._begin = self._begin, None
        return begin

    def _in_thread(self, func: Callable[..., T], *args: Any) -> T:
        self._running = True
        try:
            return func(self._conn, *args)
        finally:
            self._running = False

    def _close_quietly(self) -> None:
        try:
            self._conn.close()
        except sqlite3.Error:  # terminating: nobody is left to tell
            log.debug("closing a terminated connection failed", exc_info=True)

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
        """Commit the open transaction (one that ran nothing yet has nothing to commit)."""
        if self.take_begin() is None:
            await self.call(sqlite3.Connection.commit)

    async def rollback(self) -> None:
        """Roll the open transaction back (one that ran nothing yet has nothing to undo)."""
        if self.take_begin() is None:
            await self.call(sqlite3.Connection.rollback)

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        """Register a Python function for SQL (SQLAlchemy adds regexp and floor)."""
        await self.call(partial(sqlite3.Connection.create_function, **kwargs), *args)

    async def close(self) -> None:
        """Close the connection and let its thread end."""
        self._interrupt_orphan()
        self._begin = None
        try:
            await self.call(sqlite3.Connection.close)
        finally:
            self._release()

    def stop(self) -> None:
        """Close without waiting (SQLAlchemy's terminate, e.g. after a cancelled statement)."""
        self._interrupt_orphan()
        self._begin = None
        self._thread.submit(self._close_quietly)
        self._release()


def connect_args(url: URL) -> tuple[Sequence[Any], dict[str, Any]]:
    """Return sqlite3.connect's arguments for `url`, read by SQLAlchemy's own SQLite dialect."""
    args, kwargs = url.get_dialect()().create_connect_args(url)
    # One thread owns the connection but it is created elsewhere; SQLAlchemy issues BEGIN.
    return args, {**kwargs, "check_same_thread": False, "isolation_level": None}


class Worker:
    """The thread that runs every SQLite call of one engine's connections, started on demand.

    One thread for all of an engine's connections, not one each: when several updates are in
    flight their statements queue in a thread that is already awake, instead of waking eight
    sleeping ones (20% more updates a second at 8 chats, bench/updates.py). It never runs two
    statements at once, which SQLite's one writer would not allow anyway; the optimistic
    readers, which never wait for a lock, get an engine and so a Worker of their own, so a
    writer waiting for another process's lock does not hold them up (`Database.read()` uses
    the units' engine and does wait). The thread ends when the engine's last connection
    closes (dispose), and starts again with the next one.
    """

    def __init__(self, url: URL) -> None:
        self.url = url
        self._thread: _Thread | None = None
        self._open = 0

    async def connect(self) -> Connection:
        """Open a connection to the database, served by this worker's thread."""
        if self._thread is None:
            self._thread = _Thread()
        thread = self._thread
        self._open += 1
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                self._closed(thread)

        args, kwargs = connect_args(self.url)
        call = _Call(partial(sqlite3.connect, *args, **kwargs), asyncio.get_running_loop())
        thread.submit(call.run)
        try:
            conn: sqlite3.Connection = await call.future
        except BaseException:
            release()
            raise
        return Connection(conn, thread, release)

    def _closed(self, thread: _Thread) -> None:
        self._open -= 1
        if self._open == 0 and thread is self._thread:
            thread.stop()  # after the calls queued so far (the close itself)
            self._thread = None
