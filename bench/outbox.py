"""Outbox delivery throughput from one process, on SQLite and PostgreSQL (limiter off).

    python bench/outbox.py [--rows N] [--batch B] [--pg URL]

Plans N due rows for N people (as a broadcast would), then times `App.deliver_due` with the
real-time deliverer's settings (claim B rows per transaction, 32 people side by side) against
the local Bot API server (bench/telegram_server.py, in its own process). PostgreSQL runs in a
throw-away database on the server `--pg` names (default: the tests' server).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

# bench/ holds a telegram.py: take the folder off the path so `import telegram` finds PTB.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402

from bench.telegram_api import RemoteApi  # noqa: E402
from bot.app import DELIVERY_CONCURRENCY, App, build_app  # noqa: E402
from bot.clock import ManualClock  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.transports.telegram import TelegramConfig, TelegramTransport  # noqa: E402
from storage.members import people  # noqa: E402
from storage.outbox import OutboxMessage  # noqa: E402

TOKEN = "123456:BENCH-token"
START = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # outside quiet hours


async def deliver(api: RemoteApi, url: str, rows: int, batch: int,
                  concurrency: int = DELIVERY_CONCURRENCY) -> float:
    """Plan `rows` due rows and return the messages per second App.deliver_due sends."""
    settings = Settings(_env_file=None, database_url=url,  # type: ignore[call-arg]
                        telegram_bot_token=TOKEN, telegram_base_url=api.base_url)
    app: App = await build_app(settings, clock=ManualClock(START))
    app.deliverer.concurrency = concurrency  # DELIVERY_CONCURRENCY with the system clock
    app.deliverer.batch = batch
    transport = TelegramTransport(TelegramConfig(token=TOKEN, base_url=api.base_url,
                                                 rate_limit=False), app)
    app.add_port(transport)
    await transport.start(_no_replies, receive=False)
    try:
        now = app.clock.now()
        async with app.db.unit() as s:
            found = [people.new_person(platform="telegram", external_id=str(300_000 + n),
                                       display_name="X", chat_id=str(300_000 + n))
                     for n in range(rows)]
            s.add_all(found)
            await s.flush()
            s.add_all([OutboxMessage(person_id=p.id, kind="bench", text="Erinnerung",
                                     due_at=now, dedupe_key=f"b{n}", created_at=now)
                       for n, p in enumerate(found)])
        if not app.db.is_sqlite:
            # People exist for weeks before a broadcast, so autovacuum has analysed them; just
            # inserted, the planner thinks the table is empty and joins by a scan per row
            # (400 ms per claim of 200 instead of 10 ms).
            async with app.db.engine.connect() as conn:
                await conn.execute(text("ANALYZE person"))
                await conn.commit()
        started = time.perf_counter()
        await app.deliver_due()
        return rows / (time.perf_counter() - started)
    finally:
        await transport.stop()
        await app.stop()


async def _no_replies(incoming: object) -> list[object]:
    return []


async def postgres(url: str) -> tuple[str, str]:
    """Create a throw-away database next to `url`; return its URL and the admin DSN."""
    import asyncpg

    dsn = url.replace("postgresql+asyncpg://", "postgresql://", 1)
    name = f"bench_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(dsn)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    return f"{url.rpartition('/')[0]}/{name}", name


async def drop(url: str, name: str) -> None:
    """Drop the throw-away database."""
    import asyncpg

    admin = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://", 1))
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


async def main(args: argparse.Namespace) -> None:
    """Run both databases and print the figures."""
    api = RemoteApi(rtt=0.0)
    await api.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            lite = await deliver(api, f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}",
                                 args.rows, args.batch, args.concurrency)
        pg_url, name = await postgres(args.pg)
        try:
            pg = await deliver(api, pg_url, args.rows, args.batch, args.concurrency)
        finally:
            await drop(args.pg, name)
    finally:
        await api.stop()
    print(f"outbox delivery, one process, limiter off, {args.rows} rows, batch {args.batch}, "
          f"{args.concurrency} people side by side:")
    print(f"  SQLite:     {lite:7.0f} msg/s")
    print(f"  PostgreSQL: {pg:7.0f} msg/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=DELIVERY_CONCURRENCY)
    parser.add_argument("--pg", default="postgresql+asyncpg://postgres@127.0.0.1:5432/test")
    asyncio.run(main(parser.parse_args()))
