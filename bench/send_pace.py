"""How many slots per second the shared send budget hands out (storage/pace), PostgreSQL.

    python bench/send_pace.py [--takes N] [--processes P] [--pg URL]

Telegram needs 30 per second per token; the budget must hand them out far faster, and cost a
message little. P engines (as P processes would have, 8 takes in flight each) take N slots of
one budget in a throw-away database; the baseline in the same run is the same number of
one-statement transactions (`SELECT 1`) on the same engines.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from bench.outbox import drop, postgres
from storage.db import Database
from storage.pace import take_slot

IN_FLIGHT = 8  # calls each process has waiting for the budget at once


async def rate(engines: list[Database], takes: int,
               one: Callable[[Database], Awaitable[object]]) -> float:
    """Run `takes` calls of `one` spread over the engines; return calls per second."""
    per = takes // (len(engines) * IN_FLIGHT)

    async def worker(db: Database) -> None:
        for _ in range(per):
            await one(db)

    started = time.perf_counter()
    await asyncio.gather(*(worker(db) for db in engines for _ in range(IN_FLIGHT)))
    return per * len(engines) * IN_FLIGHT / (time.perf_counter() - started)


async def select_one(db: Database) -> None:
    """One short transaction: the baseline."""
    async with db.engine.begin() as conn:
        await conn.execute(text("SELECT 1"))


async def take(db: Database) -> None:
    """Take one slot of the bench's budget (1/28 s apart, as the transport does)."""
    await take_slot(db, "telegram:bench", interval=1 / 28)


async def main(args: argparse.Namespace) -> None:
    """Create the database, measure both and print the figures."""
    url, name = await postgres(args.pg)
    engines: list[Database] = []
    try:
        first = Database(url)
        await first.migrate()
        engines = [first, *(Database(url) for _ in range(args.processes - 1))]
        await rate(engines, len(engines) * IN_FLIGHT, select_one)  # open the connections
        base = await rate(engines, args.takes, select_one)
        slots = await rate(engines, args.takes, take)
    finally:
        for db in engines:
            await db.dispose()
        await drop(args.pg, name)
    print(f"shared send budget, PostgreSQL, {args.processes} engines x {IN_FLIGHT} in flight, "
          f"{args.takes} calls:")
    print(f"  baseline SELECT 1 transactions: {base:7.0f} /s")
    print(f"  slots taken (storage.pace):     {slots:7.0f} /s  (Telegram needs 30/s)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--takes", type=int, default=4800)
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--pg", default="postgresql+asyncpg://postgres@127.0.0.1:5432/test")
    asyncio.run(main(parser.parse_args()))
