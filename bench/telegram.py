"""Benchmark the Telegram side: the full bot against a bare python-telegram-bot echo bot.

Run: .venv/bin/python bench/telegram.py [--users N] [--messages M] [--rounds R] [--broadcast K]
                                        [--broadcast-httpx H] [--limited L] [--outbox O]
                                        [--concurrency C] [--rtt MS] [--same-process]
                                        [--http httpx]

Both bots poll the same local Bot API server (tests/telegram/fake_bot_api.py, real HTTP on
127.0.0.1) in the same run, without rate limiter (it would cap both at Telegram's 30/s and hide
the bots' own cost). The server runs in a process of its own, as Telegram's servers are not on
the bot's CPU (bench/telegram_server.py); --same-process puts it into the bench's event loop,
where every Bot API call costs the bot the server's work too. The echo bot runs PTB's defaults
(one update after another); the full bot as shipped (8 chats at a time, each in order, our
aiohttp connection; --http httpx puts it on PTB's default HTTPXRequest instead).
N simulated users each send M actions, one after the other (closed loop): /termine, a press on
the newest inline button, /hilfe. An action's latency runs from queueing the update on the
server until the bot's update callback has finished (every reply sent). The two bots take R
turns, alternating, and the median turn counts: this machine's speed drifts by a third within
a minute, which single runs mistake for a difference between the bots.
--rtt adds a delay to every Bot API call but getUpdates, as the way to Telegram would.

Broadcast: K reminder messages to K chats through TelegramTransport.send (what the outbox
deliverer calls), 256 in flight, limiter off and server flood control off, on our aiohttp
connection, and H more on PTB's HTTPXRequest (the transport's own cost); then L messages with
AIORateLimiter on against a server enforcing Telegram's limits (30/s, bursts of 33), counting
429s. Finally O reminders through the real outbox (App.deliver_due, one row at a time).
For orientation it also times App.handle alone on the same conversation (no Telegram at all).
Besides wall-clock rates it reports the CPU time this process spent per update or message
(bot and simulated users; not the server unless --same-process): on a machine busy with other
work the rates follow the load, the CPU per update much less.
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

from bench.telegram_api import LocalApi, RemoteApi  # noqa: E402
from bench.telegram_runs import (  # noqa: E402
    FLOW,
    app_only,
    bare_bot,
    broadcast,
    full_bot,
    outbox_broadcast,
)
from bot.transports.telegram import TelegramConfig  # noqa: E402


def median_round(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Return the round with the median throughput."""
    return sorted(rounds, key=lambda r: r["rate"])[len(rounds) // 2]


async def timed(label: str, work: Callable[[], Awaitable[Any]]) -> Any:
    """Run one part and say how long it took."""
    started = time.perf_counter()
    result = await work()
    print(f"  ({label}: {time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return result


async def main(args: argparse.Namespace) -> None:
    """Run every part and print the figures."""
    api = (LocalApi if args.same_process else RemoteApi)(rtt=args.rtt / 1000)
    await api.start()
    users = [1000 + n for n in range(args.users)]
    with tempfile.TemporaryDirectory() as tmp:
        fulls, bares = [], []
        for r in range(args.rounds):  # alternate, so a slow spell of the machine hits both
            ours = [u + 10_000 * r for u in users]
            fulls.append(await timed(f"full {r + 1}", lambda ours=ours: full_bot(
                api, ours, args.messages, Path(tmp), args.concurrency, args.http)))
            bares.append(await timed(f"bare {r + 1}", lambda ours=ours: bare_bot(
                api, [u + 5_000_000 for u in ours], args.messages)))
        full, bare = median_round(fulls), median_round(bares)
        alone = await timed(
            "app", lambda: app_only(api, users, args.messages, Path(tmp), args.concurrency)
        )
        fast = await timed("broadcast", lambda: broadcast(api, args.broadcast, rate_limit=False))
        httpx = await timed("broadcast httpx", lambda: broadcast(
            api, args.broadcast_httpx, rate_limit=False, http="httpx"))
        slow = await timed("limited", lambda: broadcast(api, args.limited, rate_limit=True))
        box = await timed("outbox", lambda: outbox_broadcast(api, args.outbox, Path(tmp)))
    await api.stop()
    total = args.users * args.messages
    where = "in the bench's event loop" if args.same_process else "in its own process"
    print(f"Conversation: {args.users} users x {args.messages} actions = {total} updates "
          f"({' / '.join(FLOW)}), Bot API server {where}, round trip +{args.rtt:g} ms, "
          f"full bot concurrency {args.concurrency} on {args.http}")
    for name, r, rounds in (("full bot", full, fulls), ("bare PTB echo", bare, bares)):
        figures = f"p50 {r['p50']:6.1f} ms   p99 {r['p99']:6.1f} ms"
        each = ", ".join(f"{x['rate']:.0f}" for x in rounds)
        print(f"  {name:14} {r['rate']:7.1f} msg/s   {figures}   (median of rounds: {each})")
        cpus = ", ".join(f"{x['cpu_ms']:.2f}" for x in rounds)
        print(f"  {'':14} CPU per update {r['cpu_ms']:.2f} ms (rounds: {cpus})")
        steps = (f"{k} {v['p50']:.0f}/{v['p99']:.0f}" for k, v in r["steps"].items())
        print(f"  {'':14} per action p50/p99 ms: {', '.join(steps)}")
    ratios = ", ".join(f"{f['rate'] / b['rate']:.2f}" for f, b in zip(fulls, bares, strict=True))
    print(f"  ratio full/bare: {full['rate'] / bare['rate']:.2f}x (target >= 1.0x; "
          f"round by round: {ratios})")
    cpu_ratios = ", ".join(f"{b['cpu_ms'] / f['cpu_ms']:.2f}"
                           for f, b in zip(fulls, bares, strict=True))
    print(f"  CPU per update bare/full: {cpu_ratios} (above 1: the full bot costs less)")
    print(f"  App.handle alone (no Telegram, {args.concurrency} at a time): "
          f"{alone['rate']:.1f} actions/s, CPU {alone['cpu_ms']:.2f} ms each, "
          f"p50 {alone['p50']:.1f} ms, p99 {alone['p99']:.1f} ms; "
          f"per action p50 ms: " + ", ".join(
              f"{k} {v['p50']:.1f}" for k, v in alone["steps"].items()))
    print(f"Broadcast of {args.broadcast} reminders via TelegramTransport.send, limiter off: "
          f"{fast[0]:.0f} msg/s, CPU {fast[2]:.2f} ms each (target >= 500 msg/s)")
    print(f"  {args.broadcast_httpx} the same way on PTB's HTTPXRequest: {httpx[0]:.0f} msg/s, "
          f"CPU {httpx[2]:.2f} ms each")
    print(f"  limiter on, {args.limited} messages against Telegram's 30/s: {slow[0]:.1f} msg/s, "
          f"{slow[1]} x 429")
    print(f"  {args.outbox} through the outbox (App.deliver_due, one row at a time): "
          f"{box:.0f} msg/s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--messages", type=int, default=30)
    parser.add_argument("--broadcast", type=int, default=5000)
    parser.add_argument("--broadcast-httpx", type=int, default=1000,
                        help="reminders of the broadcast on PTB's HTTPXRequest (it is slow)")
    parser.add_argument("--limited", type=int, default=900)
    parser.add_argument("--outbox", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3, help="full and bare bot, alternating")
    parser.add_argument("--concurrency", type=int, default=TelegramConfig.concurrency)
    parser.add_argument("--rtt", type=float, default=0.0, help="added ms per Bot API call")
    parser.add_argument("--http", choices=["aiohttp", "httpx"], default="aiohttp",
                        help="the full bot's connection (the bare bot always uses PTB's httpx)")
    parser.add_argument("--same-process", action="store_true",
                        help="run the Bot API server in the bench's own event loop")
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(main(parser.parse_args()))
