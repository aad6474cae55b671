"""Benchmark SQLite statements through SQLAlchemy's asyncio engine: aiosqlite vs one hop.

Run: .venv/bin/python bench/sqlite_hops.py [--statements N] [--units U] [--rounds R]

Both engines run in this process on one SQLite file (WAL, as the bot sets it up), alternating
R rounds so that a slow spell of the machine hits both; medians are printed.
1. One statement after the other (SELECT of 10 rows, INSERT): wall and CPU microseconds each.
   The baseline is SQLAlchemy's `sqlite+aiosqlite` dialect on aiosqlite's own connection (four
   calls into its thread per statement: cursor, execute, fetchall, close); the bot's engine
   gives the same dialect storage.db.sqlite's connection (one call per statement).
2. Units shaped like an update, 8 at a time: BEGIN, five SELECTs, COMMIT (U units in all);
   units per second and CPU per unit.
3. The bare hop, N calls that do nothing: `loop.run_in_executor` on a one-thread pool (what
   aiosqlite and the first version of storage.db.sqlite used) against `Connection.call`
   (storage.db.sqlite's thread fed by a queue).
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import event, text  # noqa: E402
from sqlalchemy.engine import Connection, make_url  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine  # noqa: E402

from storage.db import sqlite  # noqa: E402

SELECT = text("SELECT id, name FROM thing WHERE id <= :n")
INSERT = text("INSERT INTO thing (name) VALUES (:name)")


def cpu() -> float:
    """Return this process's CPU seconds so far (all threads)."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def engines(path: Path) -> dict[str, AsyncEngine]:
    """Return the baseline engine and the bot's kind of engine on the same file."""
    url = make_url(f"sqlite+aiosqlite:///{path}")
    ours = create_async_engine(url, pool_reset_on_return=None,
                               async_creator=sqlite.Worker(url).connect)

    # The bot's driver leaves transactions to SQLAlchemy (storage.db hands it BEGIN the same
    # way); without this every INSERT would commit alone, while aiosqlite's connection begins
    # a transaction by itself before the first one.
    @event.listens_for(ours.sync_engine, "begin")
    def _begin(conn: Connection) -> None:
        driver = conn.connection.driver_connection
        assert isinstance(driver, sqlite.Connection)
        driver.begin("BEGIN")

    return {"aiosqlite": create_async_engine(url, pool_reset_on_return=None), "one hop": ours}


async def prepare(engine: AsyncEngine) -> None:
    """Create the table with a few rows and switch the file to WAL."""
    async with engine.begin() as conn:
        await conn.execute(text("PRAGMA journal_mode=WAL"))
        await conn.execute(text("CREATE TABLE IF NOT EXISTS thing "
                                "(id INTEGER PRIMARY KEY, name TEXT NOT NULL)"))
        for n in range(10):
            await conn.execute(INSERT, {"name": f"Firma {n}"})


async def one_by_one(engine: AsyncEngine, n: int) -> dict[str, float]:
    """Time n SELECTs and n INSERTs, one after the other; return microseconds each."""
    found: dict[str, float] = {}
    async with engine.connect() as conn:
        for label, statement, values in (("select", SELECT, {"n": 10}),
                                         ("insert", INSERT, {"name": "x"})):
            started, used = time.perf_counter(), cpu()
            for _ in range(n):
                await conn.execute(statement, values)
            found[f"{label} wall"] = (time.perf_counter() - started) / n * 1e6
            found[f"{label} cpu"] = (cpu() - used) / n * 1e6
        await conn.rollback()
    return found


async def update_like(engine: AsyncEngine, units: int, at_once: int = 8) -> dict[str, float]:
    """Run `units` update-shaped read units, `at_once` at a time; return rate and CPU each."""
    gate = asyncio.Semaphore(at_once)

    async def unit() -> None:
        async with gate, engine.connect() as conn, conn.begin():
            for _ in range(5):
                (await conn.execute(SELECT, {"n": 10})).all()

    started, used = time.perf_counter(), cpu()
    await asyncio.gather(*(unit() for _ in range(units)))
    return {"units/s": units / (time.perf_counter() - started),
            "cpu ms": (cpu() - used) / units * 1000}


def _nothing(_conn: sqlite3.Connection | None = None) -> None:
    """Do nothing (in the other thread)."""


async def bare_hops(path: Path, n: int, rounds_: int) -> dict[str, dict[str, float]]:
    """Time n calls that do nothing in another thread, both ways alternating; medians."""
    loop = asyncio.get_running_loop()
    conn = await sqlite.Worker(make_url(f"sqlite+aiosqlite:///{path}")).connect()
    pool = ThreadPoolExecutor(max_workers=1)

    async def executor() -> None:
        await loop.run_in_executor(pool, _nothing)

    async def worker() -> None:
        await conn.call(_nothing)

    ways = {"aiosqlite": executor, "one hop": worker}  # named like the engines above
    seen: dict[str, list[dict[str, float]]] = {name: [] for name in ways}
    try:
        for _ in range(rounds_):
            for name, hop in ways.items():
                started, used = time.perf_counter(), cpu()
                for _ in range(n):
                    await hop()
                seen[name].append({"wall": (time.perf_counter() - started) / n * 1e6,
                                   "cpu": (cpu() - used) / n * 1e6})
    finally:
        await conn.close()
        pool.shutdown()
    return {name: {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            for name, runs in seen.items()}


async def rounds(work: Callable[[AsyncEngine], Awaitable[dict[str, float]]],
                 found: dict[str, AsyncEngine], n: int) -> dict[str, dict[str, float]]:
    """Run `work` on every engine, alternating, n rounds; return the medians per engine."""
    seen: dict[str, list[dict[str, float]]] = {name: [] for name in found}
    for _ in range(n):
        for name, engine in found.items():
            seen[name].append(await work(engine))
    return {name: {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            for name, runs in seen.items()}


def show(title: str, figures: dict[str, dict[str, Any]]) -> None:
    """Print one part's figures, the bot's engine next to the baseline."""
    print(title)
    for name, row in figures.items():
        print(f"  {name:10} " + ", ".join(f"{k} {v:8.1f}" for k, v in row.items()))
    base, ours = figures["aiosqlite"], figures["one hop"]
    key = next(iter(base))
    print(f"  one hop / aiosqlite ({key}): {ours[key] / base[key]:.2f}")


async def main() -> None:
    """Run both parts and print the figures."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--statements", type=int, default=2000)
    p.add_argument("--units", type=int, default=800)
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        found = engines(Path(tmp) / "hops.db")
        await prepare(found["aiosqlite"])
        try:
            show(f"one statement after the other ({args.statements} each, microseconds):",
                 await rounds(lambda e: one_by_one(e, args.statements), found, args.rounds))
            show(f"update-shaped units (BEGIN, 5 SELECTs, COMMIT), 8 at a time, {args.units}:",
                 await rounds(lambda e: update_like(e, args.units), found, args.rounds))
            show(f"bare hop, {args.statements} calls doing nothing (microseconds): "
                 "run_in_executor as 'aiosqlite', the bot's thread as 'one hop'",
                 await bare_hops(Path(tmp) / "hops.db", args.statements, args.rounds))
        finally:
            for engine in found.values():
                await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
