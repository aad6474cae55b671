"""Benchmark start-up with Telegram and Matrix configured: time to ready and peak memory.

Run: .venv/bin/python bench/startup.py [--runs N]

Each sample is a fresh interpreter. The bot builds its App on a migrated SQLite file with both
transports configured (built, not connected): seconds until ready, CPU seconds (user + system;
steadier than wall time on a shared machine) and peak RSS. Then the same process loads
dateparser as `python -m bot run` does before connecting (`warm_up`), and the peak RSS is read
again. The baseline, measured in the same run with samples alternating, is what no bot can do
without: a bare python-telegram-bot `Application` built and a matrix-nio `AsyncClient` created
with its store; a second line adds the other libraries the App needs (imported, nothing
built), so the rest is our own code and data. Medians of N samples (default 5).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
TOKEN = "123456:" + "A" * 35

# Peak RSS from /proc (VmHWM): getrusage's ru_maxrss survives fork and exec, so a child of a
# big parent (the bench after its App.handle part) would report the parent's peak.
PEAK = """
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
"""

BOT = PEAK + """
import asyncio, json, resource, sys, time
t0 = float(sys.argv[1])
from bot.app import build_app
from bot.clock import ManualClock
from bot.settings import Settings
from datetime import datetime, timezone

def figures():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime, peak_mb()

async def main():
    s = Settings(_env_file=None, database_url=sys.argv[2], admins="telegram:1",
                 telegram_bot_token=sys.argv[4], matrix_homeserver="http://127.0.0.1:9",
                 matrix_user_id="@bot:example.org", matrix_access_token="x",
                 matrix_store_path=sys.argv[3])
    app = await build_app(s, clock=ManualClock(datetime.now(timezone.utc)))
    found = app.platform_transports()
    ready = time.time() - t0
    cpu, rss = figures()
    await app.stop()
    from handlers.dates import warm_up
    warm_up()
    print(json.dumps({"ready": ready, "cpu": cpu, "rss_mb": rss, "run_rss_mb": figures()[1],
                      "transports": len(found)}))

asyncio.run(main())
"""

BASELINE = PEAK + """
import asyncio, json, resource, sys, time
t0 = float(sys.argv[1])
import nio
from telegram.ext import ApplicationBuilder

async def main():
    app = ApplicationBuilder().token(sys.argv[4]).build()
    client = nio.AsyncClient("http://127.0.0.1:9", "@bot:example.org", store_path=sys.argv[3],
                             config=nio.AsyncClientConfig(encryption_enabled=True))
    ready = time.time() - t0
    ru = resource.getrusage(resource.RUSAGE_SELF)
    await client.close()
    print(json.dumps({"ready": ready, "cpu": ru.ru_utime + ru.ru_stime,
                      "rss_mb": peak_mb(), "transports": 2 if app.bot else 0}))

asyncio.run(main())
"""


# The libraries the App itself needs besides PTB and nio, imported and nothing built: what is
# left between this line and the bot is our own code and data.
LIBRARIES = BASELINE.replace("import nio\n", """import nio
import apscheduler.schedulers.asyncio, prometheus_client, pydantic_settings, sqlmodel
import sqlalchemy.dialects.postgresql.asyncpg, sqlalchemy.dialects.sqlite.aiosqlite
import sqlalchemy.ext.asyncio
""")


def sample(code: str, tmp: Path) -> dict[str, Any]:
    """Run one fresh interpreter and return the figures it printed."""
    url = f"sqlite+aiosqlite:///{tmp / 'start.db'}"
    store = tmp / "store"
    store.mkdir(exist_ok=True)
    done = subprocess.run([sys.executable, "-c", code, str(time.time()), url, str(store), TOKEN],
                          cwd=REPO, check=True, capture_output=True, text=True)
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def medians(runs: list[dict[str, Any]]) -> dict[str, float]:
    """Return the median of every figure over the samples."""
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def measure(runs: int, *, libraries: bool = False) -> tuple[dict[str, float], ...]:
    """Sample the bot and the baseline(s) alternately (shared noise); return their medians."""
    codes = [BOT, BASELINE, LIBRARIES] if libraries else [BOT, BASELINE]
    with tempfile.TemporaryDirectory() as tmp:
        for code in codes:
            sample(code, Path(tmp))  # the first start migrates the file
        found: list[list[dict[str, Any]]] = [[] for _ in codes]
        for _ in range(runs):
            for code, runs_of in zip(codes, found, strict=True):
                runs_of.append(sample(code, Path(tmp)))
    return tuple(medians(r) for r in found)


def main() -> None:
    """Run the benchmark and print the figures."""
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    bot, base, libs = measure(args.runs, libraries=True)
    print(f"start-up with Telegram and Matrix configured (median of {args.runs}):")
    print(f"  bot        {bot['ready']:.2f} s to ready, {bot['cpu']:.2f} s CPU, "
          f"peak RSS {bot['rss_mb']:.0f} MB ({bot['run_rss_mb']:.0f} MB with dateparser "
          f"warmed as `run` does)")
    print(f"  baseline   {base['ready']:.2f} s to ready, {base['cpu']:.2f} s CPU, "
          f"peak RSS {base['rss_mb']:.0f} MB (bare PTB Application + nio AsyncClient)")
    print(f"  libraries  {libs['ready']:.2f} s to ready, {libs['cpu']:.2f} s CPU, "
          f"peak RSS {libs['rss_mb']:.0f} MB (baseline + SQLAlchemy, SQLModel, pydantic-settings, "
          f"APScheduler, prometheus_client imported)")
    print(f"  bot - baseline: {bot['ready'] - base['ready']:+.2f} s, "
          f"{bot['cpu'] - base['cpu']:+.2f} s CPU, {bot['rss_mb'] - base['rss_mb']:+.0f} MB")
    if sys.flags.dont_write_bytecode and not (REPO / "bot" / "__pycache__").is_dir():
        print("  (PYTHONDONTWRITEBYTECODE is set and bot/__pycache__ is missing: the bot's own "
              "modules were compiled at every start, ~0.2 s CPU; `make run` and `make bench` "
              "write their byte code first)")

if __name__ == "__main__":
    main()
