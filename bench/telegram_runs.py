"""The parts of bench/telegram.py: the conversation driver, both bots, the broadcasts."""

from __future__ import annotations

import asyncio
import gc
import re
import statistics
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, ContextTypes, MessageHandler
from telegram.ext import filters as ptb_filters

from bench.telegram_api import Api
from bot.app import App, build_app
from bot.chat import Address, Incoming, Person, Reply
from bot.clock import ManualClock
from bot.settings import Settings
from bot.transports.telegram import TelegramConfig, TelegramTransport
from storage import outbox
from storage.members import people
from storage.outbox import Plan

TOKEN = "123456:BENCH"
ADMIN = 111
FLOW = ("/termine", "press", "/hilfe")
START = datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
Http = Literal["aiohttp", "httpx"]  # TelegramConfig.http: our adapter or PTB's default


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


async def act(api: Api, done: Done, user: int, step: str) -> float:
    """Perform one user action and return its latency in seconds."""
    future = done.expect(user)
    started = time.perf_counter()
    if step == "press":
        await api.press(user)
    else:
        await api.push_text(user, step)
    await asyncio.wait_for(future, 30)
    return time.perf_counter() - started


async def drive(api: Api, done: Done, users: list[int], messages: int) -> dict[str, Any]:
    """Let every user perform `messages` actions over Telegram; return the figures."""

    async def one(user: int, step: str) -> float:
        return await act(api, done, user, step)

    gc.freeze()  # both bots, as `python -m bot run` does once its transports are up
    return await _closed_loop(users, messages, one)


async def _closed_loop(users: list[int], messages: int, one: Any) -> dict[str, Any]:
    latencies: dict[str, list[float]] = {step: [] for step in FLOW}

    async def one_user(user: int) -> None:
        for n in range(messages):
            step = FLOW[n % len(FLOW)]
            latencies[step].append(await one(user, step))

    started, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(one_user(u) for u in users))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    every = [x for values in latencies.values() for x in values]
    return {"rate": len(every) / elapsed, "cpu_ms": cpu / len(every) * 1000, **percentiles(every),
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
    api: Api, users: list[int], messages: int, tmp: Path, concurrency: int, http: Http
) -> dict[str, float]:
    """Run the whole bot (App + TelegramTransport) and drive it."""
    app = await make_app(api, tmp)
    done = Done()
    settings = replace(config(api, rate_limit=False, http=http), concurrency=concurrency)
    transport = TimedTransport(settings, app, done)
    app.add_port(transport)
    await transport.start(app.handle)
    try:
        for user in users:  # onboarding is setup, not measured
            await act(api, done, ADMIN, "/einladung Zemmler")
            code = (await api.last_text(ADMIN)).rsplit("?start=", 1)[1].split()[0]
            await act(api, done, user, f"/start {code}")
        return await drive(api, done, users, messages)
    finally:
        await transport.stop()
        await app.stop()


async def bare_bot(api: Api, users: list[int], messages: int) -> dict[str, float]:
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


async def broadcast(api: Api, count: int, *, rate_limit: bool,
                    http: Http = "aiohttp") -> tuple[float, int, float]:
    """Send `count` reminders through TelegramTransport.send.

    Return messages/s, 429s and this process's CPU milliseconds per message.
    """
    transport = TelegramTransport(config(api, rate_limit=rate_limit, http=http))
    await transport.start(_no_replies)
    await api.flood(rate_limit)
    gate = asyncio.Semaphore(256)
    reply = Reply("Erinnerung: morgen <b>Stammtisch</b> um 13:00 Uhr")

    async def one(n: int) -> None:
        async with gate:
            await transport.send(Address("telegram", str(100_000 + n)), reply)

    started, cpu = time.perf_counter(), time.process_time()
    try:
        await asyncio.gather(*(one(n) for n in range(count)))
    finally:
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        await transport.stop()
        flood_429s = await api.flood(False)
    return count / elapsed, flood_429s, cpu / count * 1000


async def outbox_broadcast(api: Api, count: int, tmp: Path) -> float:
    """Plan `count` due reminders for as many people and time App.deliver_due."""
    app = await make_app(api, tmp)
    transport = TelegramTransport(config(api, rate_limit=False), app)
    app.add_port(transport)
    await transport.start(_no_replies)
    try:
        now = app.clock.now()
        async with app.db.unit() as s:
            for n in range(count):
                chat = str(200_000 + n)
                person = people.new_person(platform="telegram", external_id=chat,
                                           display_name="X", chat_id=chat)
                s.add(person)
                await s.flush()
                await outbox.plan(s, Plan(person_id=person.id, kind="bench", key=f"b{n}",
                                          due_at=now, text="Erinnerung"), now=now)
        started = time.perf_counter()
        await app.advance(now + timedelta(minutes=1))
        return count / (time.perf_counter() - started)
    finally:
        await transport.stop()
        await app.stop()


async def _no_replies(incoming: object) -> list[Reply]:
    return []


def config(api: Api, *, rate_limit: bool, http: Http = "aiohttp") -> TelegramConfig:
    """Return a transport configuration for the bench server."""
    return TelegramConfig(token=TOKEN, base_url=api.base_url, admin_ids=(str(ADMIN),),
                          rate_limit=rate_limit, http=http)


async def make_app(api: Api, tmp: Path) -> App:
    """Build the App on a fresh SQLite file with a manual clock."""
    db = tmp / f"bench-{time.monotonic_ns()}.db"
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=f"sqlite+aiosqlite:///{db}", admins=f"telegram:{ADMIN}",
        telegram_bot_token=TOKEN, telegram_base_url=api.base_url,
        rate_messages_per_minute=0,  # the clock stands still: the limit would answer instead
    )
    return await build_app(settings, clock=ManualClock(START))


async def app_only(api: Api, users: list[int], messages: int, tmp: Path, limit: int) -> Any:
    """Drive the same conversation straight into App.handle: the bot's cost without Telegram."""
    app = await make_app(api, tmp)
    newest: dict[int, str] = {}
    gate = asyncio.Semaphore(limit)

    async def handle(user: int, step: str) -> float:
        who, chat = Person("telegram", str(user), "Anna"), Address("telegram", str(user))
        if step == "press" and user in newest:
            incoming = Incoming(who, chat, press=newest[user], message_ref="1", numbered=False)
        else:  # numbered=False: as Telegram sends them
            incoming = Incoming(who, chat, text="/hilfe" if step == "press" else step,
                                numbered=False)
        async with gate:
            started = time.perf_counter()
            replies = await app.handle(incoming)
            spent = time.perf_counter() - started
        buttons = [b.id for r in replies for b in r.flat_buttons()]
        if buttons:
            newest[user] = buttons[0]
        return spent

    try:
        for user in users:
            [invite] = await app.handle(Incoming(Person("telegram", str(ADMIN)),
                                                 Address("telegram", str(ADMIN)),
                                                 text="/einladung Zemmler"))
            code = re.search(r"/start (\w+)", invite.text)
            assert code, invite.text
            await handle(user, f"/start {code.group(1)}")
        gc.freeze()
        # As bench/updates.py: every pooled connection the measure uses runs its statements
        # once first (a connection's first statements are the cold start, not the steady state).
        await _closed_loop(users[:limit], 3, handle)
        return await _closed_loop(users, messages, handle)
    finally:
        await app.stop()
