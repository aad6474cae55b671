"""storage.db.sqlite: SQLite under SQLAlchemy's asyncio engine, one thread hop a statement.

What SQLAlchemy reads from a driver cursor (rows, description, rowcount, lastrowid), errors,
a statement cancelled half-way, and the threads: SQLite never runs in the event loop's thread,
and a disposed engine leaves no thread behind.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, event, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import Database
from storage.db.sqlite import Connection

META = MetaData()
THINGS = Table("things", META, Column("id", Integer, primary_key=True),
               Column("name", String(20), unique=True, nullable=False))
# Counts to ten million: long enough to be cancelled while it runs in the worker thread.
SLOW = ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10000000) "
        "SELECT count(*) FROM n")


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    """A Database on a fresh SQLite file with one small table."""
    found = Database(f"sqlite+aiosqlite:///{tmp_path / 'driver.db'}")
    async with found.engine.begin() as conn:
        await conn.run_sync(META.create_all)
    yield found
    await found.dispose()


def sqlite_threads() -> list[threading.Thread]:
    """Return the live worker threads of storage.db.sqlite."""
    return [t for t in threading.enumerate() if t.name.startswith("sqlite")]


async def test_the_engine_uses_the_driver(db: Database) -> None:
    async with db.engine.connect() as conn:
        raw = await conn.get_raw_connection()
        assert isinstance(raw.driver_connection, Connection)


async def test_rows_ids_and_counts_reach_sqlalchemy(db: Database) -> None:
    async with db.unit() as s:
        conn = await s.connection()
        first = await conn.execute(insert(THINGS).values(name="Zemmler"))
        assert first.inserted_primary_key == (1,)
        many = await conn.execute(insert(THINGS), [{"name": f"Firma {n}"} for n in range(5)])
        assert many.rowcount == 5
        changed = await conn.execute(text("UPDATE things SET name = name || '!' WHERE id > 3"))
        assert changed.rowcount == 3
    async with db.unit() as s:
        conn = await s.connection()
        rows = (await conn.execute(select(THINGS.c.id, THINGS.c.name).order_by(THINGS.c.id)))
        assert rows.keys() == ["id", "name"]
        assert [tuple(r) for r in rows][:2] == [(1, "Zemmler"), (2, "Firma 0")]
        empty = await conn.execute(select(THINGS.c.name).where(THINGS.c.id > 99))
        assert empty.keys() == ["name"] and empty.all() == []
        streamed = await conn.stream(select(THINGS.c.id).order_by(THINGS.c.id))
        assert [r.id async for r in streamed] == [1, 2, 3, 4, 5, 6]


async def test_a_failed_statement_raises_and_rolls_back_its_unit(db: Database) -> None:
    with pytest.raises(IntegrityError) as caught:
        async with db.unit() as s:
            conn = await s.connection()
            await conn.execute(insert(THINGS).values(name="Zemmler"))
            await conn.execute(insert(THINGS).values(name="Zemmler"))
    assert isinstance(caught.value.orig, sqlite3.IntegrityError)
    async with db.unit() as s:  # the connection is usable again and nothing was kept
        conn = await s.connection()
        assert (await conn.execute(text("SELECT count(*) FROM things"))).scalar() == 0


async def test_sqlite_runs_outside_the_event_loop_thread(db: Database) -> None:
    seen: set[int] = set()

    @event.listens_for(db.engine.sync_engine, "connect")
    def _register(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.create_function(  # type: ignore[attr-defined]
            "whose_thread", 0, lambda: seen.add(threading.get_ident()) or 1)

    await db.engine.dispose()  # new connections get the function
    async with db.unit() as s:
        await (await s.connection()).execute(text("SELECT whose_thread()"))
    assert seen and threading.get_ident() not in seen


async def test_one_engine_has_one_sqlite_thread_and_the_optimistic_readers_another(
        db: Database) -> None:
    seen: dict[str, set[int]] = {"units": set(), "readers": set()}

    def register(engine: AsyncEngine, key: str) -> None:
        @event.listens_for(engine.sync_engine, "connect")
        def _register(dbapi_connection: object, _record: object) -> None:
            def whose_thread() -> int:
                seen[key].add(threading.get_ident())
                return 1

            dbapi_connection.create_function(  # type: ignore[attr-defined]
                "whose_thread", 0, whose_thread)

    register(db.engine, "units")
    register(db.engines[1], "readers")
    await db.dispose()  # new connections get the function

    async def ask(optimistic: bool, hold: asyncio.Event) -> None:
        async with db.unit(optimistic=optimistic) as s:
            await (await s.connection()).execute(text("SELECT whose_thread()"))
            await hold.wait()  # keep the connection: the next unit needs another one

    hold = asyncio.Event()
    tasks = [asyncio.create_task(ask(optimistic, hold)) for optimistic in (False, True) * 3]
    for _ in range(100):
        await asyncio.sleep(0)
    hold.set()
    await asyncio.gather(*tasks)
    assert len(seen["units"]) == 1 and len(seen["readers"]) == 1
    assert seen["units"] != seen["readers"]


async def test_begin_runs_in_the_call_of_the_first_statement(db: Database) -> None:
    traced: list[str] = []
    async with db.engine.connect() as conn:
        raw = (await conn.get_raw_connection()).driver_connection
        assert isinstance(raw, Connection)
        await raw.call(sqlite3.Connection.set_trace_callback, traced.append)
    async with db.unit() as s:
        await s.connection()  # a transaction begun, nothing run: SQLite sees nothing
    assert traced == []
    async with db.unit() as s:
        await (await s.connection()).execute(text("SELECT 1"))
    assert traced == ["BEGIN IMMEDIATE", "SELECT 1", "COMMIT"]


async def test_a_cancelled_statement_leaves_a_working_pool(db: Database) -> None:
    async def slow() -> None:
        async with db.unit() as s:
            await (await s.connection()).execute(text(SLOW))

    task = asyncio.create_task(slow())
    await asyncio.sleep(0)  # let it reach the worker thread
    for _ in range(100):
        if task.done():
            break
        await asyncio.sleep(0.001)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    async with db.unit() as s:
        conn = await s.connection()
        await conn.execute(insert(THINGS).values(name="danach"))
    async with db.unit() as s:
        found = await (await s.connection()).execute(select(THINGS.c.name))
        assert found.scalars().all() == ["danach"]


async def test_dispose_ends_every_worker_thread(tmp_path: Path) -> None:
    before = len(sqlite_threads())
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'threads.db'}")
    async with db.unit() as s:
        await (await s.connection()).execute(text("SELECT 1"))
    async with db.unit(optimistic=True) as s:
        await (await s.connection()).execute(text("SELECT 1"))
    assert len(sqlite_threads()) > before
    await db.dispose()
    for _ in range(200):  # a thread ends once its last call has returned
        if len(sqlite_threads()) == before:
            break
        await asyncio.sleep(0.005)
    assert len(sqlite_threads()) == before


async def test_a_second_writer_is_told_busy_at_once(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'busy.db'}"
    first, second = Database(url), Database(url)
    async with first.engine.begin() as conn:
        await conn.run_sync(META.create_all)
    try:
        async with first.unit() as s:  # BEGIN IMMEDIATE: holds the write lock
            await (await s.connection()).execute(insert(THINGS).values(name="eins"))
            with pytest.raises(Exception) as caught:
                async with second.unit(optimistic=True) as other:
                    await (await other.connection()).execute(
                        insert(THINGS).values(name="zwei"))
            assert Database.is_busy(caught.value)
    finally:
        await first.dispose()
        await second.dispose()
