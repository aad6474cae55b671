"""Benchmark one update end to end inside the bot: App.handle, round trips, start-up, memory.

Run: .venv/bin/python bench/updates.py [--users N] [--messages M] [--concurrency C]
                                        [--pg URL] [--no-pg]

1. App.handle alone (no chat platform) on SQLite and on PostgreSQL: N users, each sending M
   actions one after the other (/termine, a press on the newest button, /hilfe; as Telegram
   sends them), C users served at a time (the Telegram transport's default is 8). Prints
   actions/s, p50 and p99 per database.
2. Round trips per update kind in steady state (the second /termine, press, /hilfe of a
   known person): SQL statements (BEGIN/COMMIT/SAVEPOINT not counted) and transactions.
   Target of core v2: a read-only update costs <= 1 transaction and <= 6 statements.
3. Start-up in a fresh process with Telegram and Matrix configured (both transports built,
   not connected): seconds until the App is ready on a migrated SQLite file, and peak RSS,
   next to a bare PTB Application + nio AsyncClient (bench/startup.py).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import event  # noqa: E402

from bench.startup import measure as measure_startup  # noqa: E402
from bot.app import App, build_app  # noqa: E402
from bot.chat import Address, Incoming, Person  # noqa: E402
from bot.clock import ManualClock  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.support.databases import (  # noqa: E402
    drop_postgres,
    make_postgres_template,
    postgres_database,
    postgres_reachable,
)

START = datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
ADMIN = "1000"
KINDS = ("/termine", "press", "/hilfe")


@dataclass
class Trips:
    """Statements and commits seen on an engine while counting."""

    statements: int = 0
    transactions: int = 0
    log: list[str] = field(default_factory=list)


@contextmanager
def counting(app: App) -> Iterator[Trips]:
    """Count SQL statements and commits on the app's engine."""
    seen = Trips()
    engines = [e.sync_engine for e in app.db.engines]

    def on_execute(_c: Any, _cur: Any, statement: str, *_: Any) -> None:
        head = statement.lstrip().split(None, 1)[0].upper()
        if head not in ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"):
            seen.statements += 1
            seen.log.append(" ".join(statement.split())[:90])

    def on_commit(_c: Any) -> None:
        seen.transactions += 1

    for engine in engines:
        event.listen(engine, "before_cursor_execute", on_execute)
        event.listen(engine, "commit", on_commit)
    try:
        yield seen
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", on_execute)
            event.remove(engine, "commit", on_commit)


def said(user: str, text: str | None = None, press: str | None = None) -> Incoming:
    """Return what a Telegram user did in their private chat."""
    return Incoming(Person("telegram", user, "Anna"), Address("telegram", user), text=text,
                    press=press, message_ref="1" if press else None, numbered=False)


async def make_app(url: str) -> App:
    """Build the app on `url` with a manual clock and a Telegram admin."""
    # The clock stands still while every user sends 30 actions: the per-person message limit
    # would answer most of them without any work (it is measured by its own unit test).
    settings = Settings(_env_file=None, database_url=url,  # type: ignore[call-arg]
                        admins=f"telegram:{ADMIN}", rate_messages_per_minute=0)
    return await build_app(settings, clock=ManualClock(START))


async def onboard(app: App, users: list[str]) -> None:
    """Link every user to a company with an invite code."""
    for user in users:
        [invite] = await app.handle(said(ADMIN, "/einladung Zemmler"))
        code = re.search(r"/start (\w+)", invite.text)
        assert code, invite.text
        await app.handle(said(user, f"/start {code.group(1)}"))


async def conversation(app: App, users: list[str], messages: int, limit: int) -> list[float]:
    """Run the closed loop; return every action's latency in seconds."""
    newest: dict[str, str] = {}
    gate = asyncio.Semaphore(limit)

    async def one(user: str, kind: str) -> float:
        incoming = (said(user, press=newest[user]) if kind == "press" and user in newest
                    else said(user, "/hilfe" if kind == "press" else kind))
        async with gate:
            started = time.perf_counter()
            replies = await app.handle(incoming)
            spent = time.perf_counter() - started
        buttons = [b.id for r in replies for b in r.flat_buttons()]
        if buttons:
            newest[user] = buttons[0]
        return spent

    async def user_loop(user: str) -> list[float]:
        return [await one(user, KINDS[n % len(KINDS)]) for n in range(messages)]

    results = await asyncio.gather(*(user_loop(u) for u in users))
    return [x for r in results for x in r]


async def round_trips(app: App, user: str) -> dict[str, tuple[int, int]]:
    """Return (statements, transactions) per update kind for a known person, steady state."""
    out: dict[str, tuple[int, int]] = {}
    newest = ""
    for _ in range(2):  # the second pass is the steady state
        for kind in KINDS:
            incoming = said(user, press=newest) if kind == "press" else said(user, kind)
            with counting(app) as seen:
                replies = await app.handle(incoming)
            out[kind] = (seen.statements, seen.transactions)
            buttons = [b.id for r in replies for b in r.flat_buttons()]
            newest = buttons[0] if buttons else newest
    return out


async def measure(url: str, label: str, users: int, messages: int, limit: int) -> None:
    """Print the App.handle figures and round trips on one database."""
    app = await make_app(url)
    try:
        names = [str(2000 + i) for i in range(users)]
        await onboard(app, names)
        gc.freeze()  # as `python -m bot run` does once its transports are up
        # Warm up code paths and statement caches with `limit` users at a time, so that every
        # pooled connection the measure uses has been used: a connection's first statements
        # (PostgreSQL prepares each one per connection) made the tail, not the steady state.
        await conversation(app, names[:limit], 3, limit)
        started = time.perf_counter()
        spent = await conversation(app, names, messages, limit)
        elapsed = time.perf_counter() - started
        q = statistics.quantiles(spent, n=100)
        print(f"{label:10} App.handle: {len(spent) / elapsed:7.1f} actions/s, "
              f"p50 {q[49] * 1000:5.1f} ms, p99 {q[98] * 1000:5.1f} ms "
              f"({users} users x {messages} actions, {limit} at a time)")
        trips = await round_trips(app, names[0])
        print(f"{label:10} round trips per update (statements, transactions): " + ", ".join(
            f"{k} {s}/{t}" for k, (s, t) in trips.items()))
    finally:
        await app.stop()


async def main() -> None:
    """Run the benchmarks and print the figures."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--users", type=int, default=20)
    p.add_argument("--messages", type=int, default=30)
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--no-pg", action="store_true")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}"
        await measure(url, "SQLite", args.users, args.messages, args.concurrency)
        if not args.no_pg and await postgres_reachable():
            template = await make_postgres_template()
            try:
                async with postgres_database(template) as pg:
                    await measure(pg, "PostgreSQL", args.users, args.messages,
                                  args.concurrency)
            finally:
                await drop_postgres(template)
    bot, base = measure_startup(runs=5)[:2]
    print(f"start-up with Telegram and Matrix configured: {bot['ready']:.2f} s to ready, "
          f"peak RSS {bot['rss_mb']:.0f} MB; baseline (bare PTB + nio) {base['ready']:.2f} s, "
          f"{base['rss_mb']:.0f} MB (median of 5; bench/startup.py for CPU seconds)")


if __name__ == "__main__":
    asyncio.run(main())
