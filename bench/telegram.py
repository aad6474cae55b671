"""Benchmark the Telegram side: the full bot against a bare python-telegram-bot echo bot.

Run: .venv/bin/python bench/telegram.py [--users N] [--messages M] [--broadcast K] [--limited L]
                                        [--outbox O] [--concurrency C]

Both bots poll the same local Bot API server (tests/telegram/fake_bot_api.py, real HTTP on
127.0.0.1) in the same run, with the same PTB settings (sequential updates, no rate limiter:
the limiter would cap both at Telegram's 30/s and hide the bot's own cost). N simulated users
each send M actions, one after the other (closed loop): /termine, a press on the newest inline
button, /hilfe. An action's latency runs from queueing the update on the server until the bot's
update callback has finished (every reply sent). Server, users and bot share one event loop, so
the absolute figures include the fake server's cost; the ratio compares like with like.
--rtt adds a delay to every Bot API call but getUpdates, as the way to Telegram would.

Broadcast: K reminder messages to K chats through TelegramTransport.send (what the outbox
deliverer calls), 256 in flight, limiter off and server flood control off; then L messages with
AIORateLimiter on against a server enforcing Telegram's limits (30/s, bursts of 33), counting
429s. Finally O reminders through the real outbox (App.deliver_due, one row at a time).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parent.parent
# This file is called telegram.py: drop its own folder from the path so `import telegram` finds
# python-telegram-bot, not this script.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(REPO))

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update  # noqa: E402
from telegram.ext import (  # noqa: E402
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
)
from telegram.ext import filters as ptb_filters  # noqa: E402

from bot.app import App, build_app  # noqa: E402
from bot.chat import Address, Reply  # noqa: E402
from bot.clock import ManualClock  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.transports.telegram import TelegramConfig, TelegramTransport  # noqa: E402
from storage import outbox, people  # noqa: E402
from tests.telegram.fake_bot_api import FakeBotApi  # noqa: E402

TOKEN = "123456:BENCH"
ADMIN = 111
FLOW = ("/termine", "press", "/hilfe")
START = datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))


class BenchApi(FakeBotApi):
    """The fake server, remembering each chat's newest inline button for the simulated users."""

    def __init__(self, rtt: float = 0.0) -> None:
        super().__init__()
        self.buttons: dict[int, tuple[str, int]] = {}
        self.rtt = rtt

    async def _dispatch(self, request: Any) -> Any:
        if self.rtt and request.match_info["method"] != "getUpdates":
            await asyncio.sleep(self.rtt)  # the way to Telegram's data centre and back
        return await super()._dispatch(request)

    def _message(self, chat_id: int, *args: Any, **kw: Any) -> dict[str, Any]:
        message = super()._message(chat_id, *args, **kw)
        self._remember(chat_id, message)
        return message

    async def _m_editMessageText(self, p: dict[str, Any]) -> dict[str, Any]:
        result = await super()._m_editMessageText(p)
        self._remember(int(p["chat_id"]), self.messages[(int(p["chat_id"]), result["message_id"])])
        return result

    def _remember(self, chat_id: int, message: dict[str, Any]) -> None:
        rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
        data = [b["callback_data"] for row in rows for b in row if "callback_data" in b]
        if data:
            self.buttons[chat_id] = (data[0], message["message_id"])


class Done:
    """Per-chat futures resolved when the bot has finished an update of that chat."""

    def __init__(self) -> None:
        self.waiting: dict[int, asyncio.Future[None]] = {}

    def expect(self, chat_id: int) -> asyncio.Future[None]:
        """Return a future for the next finished update in `chat_id`."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.waiting[chat_id] = future
        return future

    def finished(self, update: Update) -> None:
        """Resolve the future of the update's chat."""
        chat = update.effective_chat
        future = self.waiting.pop(chat.id, None) if chat else None
        if future and not future.done():
            future.set_result(None)


async def act(api: BenchApi, done: Done, user: int, step: str) -> float:
    """Perform one user action and return its latency in seconds."""
    future = done.expect(user)
    started = time.perf_counter()
    if step == "press" and user in api.buttons:
        data, message_id = api.buttons[user]
        api.push_press(user, data, message_id)
    else:
        api.push_text(user, "/hilfe" if step == "press" else step)
    await asyncio.wait_for(future, 30)
    return time.perf_counter() - started


async def drive(api: BenchApi, done: Done, users: list[int], messages: int) -> dict[str, Any]:
    """Let every user perform `messages` actions; return throughput and latency figures."""
    latencies: dict[str, list[float]] = {step: [] for step in FLOW}

    async def one_user(user: int) -> None:
        for n in range(messages):
            step = FLOW[n % len(FLOW)]
            latencies[step].append(await act(api, done, user, step))

    started = time.perf_counter()
    await asyncio.gather(*(one_user(u) for u in users))
    elapsed = time.perf_counter() - started
    every = [x for values in latencies.values() for x in values]
    return {"rate": len(every) / elapsed, **percentiles(every),
            "steps": {step: percentiles(values) for step, values in latencies.items()}}


def percentiles(values: list[float]) -> dict[str, float]:
    """Return p50 and p99 in milliseconds."""
    ordered = sorted(values)
    p99 = ordered[max(0, round(len(ordered) * 0.99) - 1)]
    return {"p50": statistics.median(ordered) * 1000, "p99": p99 * 1000}


class TimedTransport(TelegramTransport):
    """The real transport, telling the bench when an update's callback has finished."""

    def __init__(self, config: TelegramConfig, hooks: Any, done: Done) -> None:
        super().__init__(config, hooks)
        self.done = done

    async def _on_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            await super()._on_update(update, context)
        finally:
            self.done.finished(update)


async def full_bot(
    api: BenchApi, users: list[int], messages: int, tmp: Path, concurrency: int
) -> dict[str, float]:
    """Run the whole bot (App + TelegramTransport) and drive it."""
    app = await make_app(api, tmp)
    done = Done()
    settings = replace(config(api, rate_limit=False), concurrency=concurrency)
    transport = TimedTransport(settings, app, done)
    app.add_port(transport)
    await transport.start(app.handle)
    try:
        for user in users:  # onboarding is setup, not measured
            await act(api, done, ADMIN, "/einladung Zemmler")
            code = api.sent(ADMIN)[-1]["text"].rsplit("?start=", 1)[1].split()[0]
            await act(api, done, user, f"/start {code}")
        return await drive(api, done, users, messages)
    finally:
        await transport.stop()
        await app.stop()


async def bare_bot(api: BenchApi, users: list[int], messages: int) -> dict[str, float]:
    """Run a plain PTB echo bot (reply with one button; a press edits) and drive it."""
    done = Done()
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Anmelden", callback_data="x")]])

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "", reply_markup=keyboard)
        done.finished(update)

    async def press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer()
        await query.edit_message_text(f"Gedrückt: {query.data}")
        done.finished(update)

    app = (
        ApplicationBuilder().token(TOKEN).base_url(api.base_url).job_queue(None)
        .concurrent_updates(False).build()
    )
    app.add_handler(MessageHandler(ptb_filters.ALL, echo))
    app.add_handler(CallbackQueryHandler(press))
    await app.initialize()
    await app.start()
    assert app.updater is not None
    await app.updater.start_polling(timeout=10)
    try:
        return await drive(api, done, users, messages)
    finally:
        await app.updater.stop()
        await app.stop()
        await app.shutdown()


async def broadcast(api: BenchApi, count: int, *, rate_limit: bool) -> tuple[float, int]:
    """Send `count` reminders through TelegramTransport.send; return messages/s and 429s."""
    transport = TelegramTransport(config(api, rate_limit=rate_limit))
    await transport.start(_no_replies)
    api.flood_control, api.flood_429s = rate_limit, 0
    gate = asyncio.Semaphore(256)
    reply = Reply("Erinnerung: morgen <b>Stammtisch</b> um 13:00 Uhr")

    async def one(n: int) -> None:
        async with gate:
            await transport.send(Address("telegram", str(100_000 + n)), reply)

    started = time.perf_counter()
    try:
        await asyncio.gather(*(one(n) for n in range(count)))
    finally:
        elapsed = time.perf_counter() - started
        await transport.stop()
        api.flood_control = False
    return count / elapsed, api.flood_429s


async def outbox_broadcast(api: BenchApi, count: int, tmp: Path) -> float:
    """Plan `count` due reminders for as many people and time App.deliver_due."""
    app = await make_app(api, tmp)
    transport = TelegramTransport(config(api, rate_limit=False), app)
    app.add_port(transport)
    await transport.start(_no_replies)
    try:
        now = app.clock.now()
        for n in range(count):
            chat = str(200_000 + n)
            person, _ = await people.touch(
                app.db, platform="telegram", external_id=chat, display_name="X", chat_id=chat
            )
            assert person.id is not None
            await outbox.plan(app.db, person_id=person.id, kind="bench", text="Erinnerung",
                              due_at=now, dedupe_key=f"b{n}", now=now)  # fmt: skip
        started = time.perf_counter()
        await app.advance(now + timedelta(minutes=1))
        return count / (time.perf_counter() - started)
    finally:
        await transport.stop()
        await app.stop()


async def _no_replies(incoming: object) -> list[Reply]:
    return []


def config(api: BenchApi, *, rate_limit: bool) -> TelegramConfig:
    """Return a transport configuration for the bench server."""
    return TelegramConfig(token=TOKEN, base_url=api.base_url, admin_ids=(str(ADMIN),),
                          rate_limit=rate_limit)  # fmt: skip


async def make_app(api: BenchApi, tmp: Path) -> App:
    """Build the App on a fresh SQLite file with a manual clock."""
    db = tmp / f"bench-{time.monotonic_ns()}.db"
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=f"sqlite+aiosqlite:///{db}", admins=f"telegram:{ADMIN}",
        telegram_bot_token=TOKEN, telegram_base_url=api.base_url,
    )  # fmt: skip
    return await build_app(settings, clock=ManualClock(START))


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
        fast = await timed("broadcast", lambda: broadcast(api, args.broadcast, rate_limit=False))
        slow = await timed("limited", lambda: broadcast(api, args.limited, rate_limit=True))
        box = await timed("outbox", lambda: outbox_broadcast(api, args.outbox, Path(tmp)))
    await api.stop()
    total = args.users * args.messages
    print(f"Conversation: {args.users} users x {args.messages} actions = {total} updates "
          f"({' / '.join(FLOW)}), Bot API round trip +{args.rtt:g} ms, "
          f"full bot concurrency {args.concurrency}")  # fmt: skip
    for name, r in (("full bot", full), ("bare PTB echo", bare)):
        figures = f"p50 {r['p50']:6.1f} ms   p99 {r['p99']:6.1f} ms"
        print(f"  {name:14} {r['rate']:7.1f} msg/s   {figures}")
        steps = (f"{k} {v['p50']:.0f}/{v['p99']:.0f}" for k, v in r["steps"].items())
        print(f"  {'':14} per action p50/p99 ms: {', '.join(steps)}")
    print(f"  ratio full/bare: {full['rate'] / bare['rate']:.2f}x (target >= 0.8x)")
    print(f"Broadcast of {args.broadcast} reminders via TelegramTransport.send, limiter off: "
          f"{fast[0]:.0f} msg/s (target >= 500)")  # fmt: skip
    print(f"  limiter on, {args.limited} messages against Telegram's 30/s: {slow[0]:.1f} msg/s, "
          f"{slow[1]} x 429")  # fmt: skip
    print(f"  {args.outbox} through the outbox (App.deliver_due, one row at a time): "
          f"{box:.0f} msg/s")  # fmt: skip


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
