"""Benchmark the Telegram side: the full bot against a bare python-telegram-bot echo bot.

Run: .venv/bin/python bench/telegram.py [--users N] [--messages M] [--broadcast K] [--limited L]
                                        [--outbox O] [--concurrency C]

Both bots poll the same local Bot API server (tests/telegram/fake_bot_api.py, real HTTP on
127.0.0.1) in the same run, without rate limiter (it would cap both at Telegram's 30/s and hide
the bots' own cost). The echo bot runs PTB's defaults (one update after another); the full bot
as shipped (8 chats at a time, each in order). N simulated users
each send M actions, one after the other (closed loop): /termine, a press on the newest inline
button, /hilfe. An action's latency runs from queueing the update on the server until the bot's
update callback has finished (every reply sent). Server, users and bot share one event loop, so
the absolute figures include the fake server's cost; the ratio compares like with like.
--rtt adds a delay to every Bot API call but getUpdates, as the way to Telegram would.

Broadcast: K reminder messages to K chats through TelegramTransport.send (what the outbox
deliverer calls), 256 in flight, limiter off and server flood control off; then L messages with
AIORateLimiter on against a server enforcing Telegram's limits (30/s, bursts of 33), counting
429s. Finally O reminders through the real outbox (App.deliver_due, one row at a time).
For orientation it also times App.handle alone on the same conversation (no Telegram at all).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
# This file is called telegram.py: drop its own folder from the path so `import telegram` finds
# python-telegram-bot, not this script.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))

from bench.telegram_runs import (  # noqa: E402
    FLOW,
    BenchApi,
    app_only,
    bare_bot,
    broadcast,
    full_bot,
    outbox_broadcast,
)
from bot.transports.telegram import TelegramConfig  # noqa: E402


async def timed(label: str, work: Callable[[], Awaitable[Any]]) -> Any:
    """Run one part and say how long it took."""
    started = time.perf_counter()
    result = await work()
    print(f"  ({label}: {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return result


async def main(args: argparse.Namespace) -> None:
    """Run every part and print the figures."""
    api = BenchApi(rtt=args.rtt / 1000)
    await api.start()
    users = [1000 + n for n in range(args.users)]
    with tempfile.TemporaryDirectory() as tmp:
        full = await timed(
            "full", lambda: full_bot(api, users, args.messages, Path(tmp), args.concurrency)
        )
        bare = await timed("bare", lambda: bare_bot(api, [u + 5000 for u in users], args.messages))
        alone = await timed(
            "app", lambda: app_only(api, users, args.messages, Path(tmp), args.concurrency)
        )
        fast = await timed("broadcast", lambda: broadcast(api, args.broadcast, rate_limit=False))
        slow = await timed("limited", lambda: broadcast(api, args.limited, rate_limit=True))
        box = await timed("outbox", lambda: outbox_broadcast(api, args.outbox, Path(tmp)))
    await api.stop()
    total = args.users * args.messages
    print(f"Conversation: {args.users} users x {args.messages} actions = {total} updates "
          f"({' / '.join(FLOW)}), Bot API round trip +{args.rtt:g} ms, "
          f"full bot concurrency {args.concurrency}")
    for name, r in (("full bot", full), ("bare PTB echo", bare)):
        figures = f"p50 {r['p50']:6.1f} ms   p99 {r['p99']:6.1f} ms"
        print(f"  {name:14} {r['rate']:7.1f} msg/s   {figures}")
        steps = (f"{k} {v['p50']:.0f}/{v['p99']:.0f}" for k, v in r["steps"].items())
        print(f"  {'':14} per action p50/p99 ms: {', '.join(steps)}")
    print(f"  ratio full/bare: {full['rate'] / bare['rate']:.2f}x (target >= 0.8x)")
    print(f"  App.handle alone (no Telegram, {args.concurrency} at a time): "
          f"{alone['rate']:.1f} actions/s, p50 {alone['p50']:.1f} ms, p99 {alone['p99']:.1f} ms; "
          f"per action p50 ms: " + ", ".join(
              f"{k} {v['p50']:.1f}" for k, v in alone["steps"].items()))
    print(f"Broadcast of {args.broadcast} reminders via TelegramTransport.send, limiter off: "
          f"{fast[0]:.0f} msg/s (target >= 500)")
    print(f"  limiter on, {args.limited} messages against Telegram's 30/s: {slow[0]:.1f} msg/s, "
          f"{slow[1]} x 429")
    print(f"  {args.outbox} through the outbox (App.deliver_due, one row at a time): "
          f"{box:.0f} msg/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--messages", type=int, default=30)
    parser.add_argument("--broadcast", type=int, default=5000)
    parser.add_argument("--limited", type=int, default=900)
    parser.add_argument("--outbox", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=TelegramConfig.concurrency)
    parser.add_argument("--rtt", type=float, default=0.0, help="added ms per Bot API call")
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(main(parser.parse_args()))
