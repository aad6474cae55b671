"""Fixtures: a local Bot API server over real HTTP and Telegram transports pointed at it."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.app import App, build_app
from bot.chat import Handler, Incoming, Person, Reply
from bot.clock import ManualClock
from bot.settings import Settings
from bot.transports.telegram import TelegramConfig, TelegramTransport, build_telegram
from tests.support.databases import sqlite_url
from tests.telegram.fake_bot_api import FakeBotApi

TOKEN = "123456:TEST-token"
ADMIN = 111
SYNC_USER = 999_999


def pytest_configure(config: pytest.Config) -> None:
    """Silence PTB's own notice about RetryAfter turning into a timedelta in a future version."""
    config.addinivalue_line("filterwarnings", "ignore:.*retry_after.*:DeprecationWarning")


@dataclass
class RecordingHooks:
    """App-side hooks that record what the transport told them."""

    menu: list[tuple[str, str]] = field(default_factory=lambda: [("hilfe", "Alle Befehle")])
    admin_menu: list[tuple[str, str]] = field(
        default_factory=lambda: [("hilfe", "Alle Befehle"), ("einladung", "Firma einladen")]
    )
    link_bases: dict[str, str] = field(default_factory=dict)
    unreachable: list[Person] = field(default_factory=list)
    granted: set[str] = field(default_factory=set)
    retried: list[tuple[str, list[Reply]]] = field(default_factory=list)
    first: list[int] = field(default_factory=list)

    def command_menu(self, *, admin: bool) -> list[tuple[str, str]]:
        """Return the scripted menu."""
        return self.admin_menu if admin else self.menu

    def set_link_base(self, platform: str, base: str) -> None:
        """Record the deep-link base."""
        self.link_bases[platform] = base

    async def mark_unreachable(self, person: Person) -> None:
        """Record the person."""
        self.unreachable.append(person)

    async def admin_ids(self, platform: str) -> set[str]:
        """Return the scripted admins granted in chat."""
        return set(self.granted)

    async def retry_later(self, person: Person, replies: list[Reply], key: str, *,
                          first: int = 0) -> None:
        """Record what the transport handed to the outbox (and where in the answer it began)."""
        self.retried.append((key, replies))
        self.first.append(first)


class Synced:
    """Wrap a handler: record every Incoming, and let tests wait until all are answered.

    The transport handles the updates of one chat in order, so once a sync message from
    SYNC_USER has reached the handler in every chat, all earlier updates are fully answered.
    """

    def __init__(self, api: FakeBotApi, handle: Callable[[Incoming], Awaitable[list[Reply]]]):
        self.api, self.handle = api, handle
        self.seen: list[Incoming] = []
        self.synced: set[str] = set()
        self._n = itertools.count()

    async def __call__(self, incoming: Incoming) -> list[Reply]:
        """Answer through the wrapped handler (sync messages are only recorded)."""
        if incoming.person.external_id == str(SYNC_USER):
            self.synced.add(f"{incoming.chat.chat_id}{incoming.text}")
            await self.api.notify()
            return []
        self.seen.append(incoming)
        return await self.handle(incoming)

    async def settle(self, seconds: float = 5.0) -> None:
        """Wait until every update queued so far has been handled and answered."""
        token = f"/sync{next(self._n)}"
        expected = set()
        for chat_id, kind in sorted(self.api.chats - {(SYNC_USER, "private")}):
            self.api.push_text(SYNC_USER, token, chat_id=chat_id, chat_type=kind)
            expected.add(f"{chat_id}{token}")
        await self.api.wait_until(lambda: expected <= self.synced, seconds)


def scripted(answer: Callable[[Incoming], list[Reply]]) -> Callable[[Incoming], Any]:
    """Turn a plain function into an async handler."""

    async def handle(incoming: Incoming) -> list[Reply]:
        return answer(incoming)

    return handle




@pytest.fixture
def config(api: FakeBotApi) -> TelegramConfig:
    """Return a transport configuration pointing at the fake server."""
    return TelegramConfig(token=TOKEN, base_url=api.base_url, admin_ids=(str(ADMIN),))


StartTransport = Callable[..., Awaitable[TelegramTransport]]


@pytest.fixture
async def start_transport(config: TelegramConfig) -> AsyncIterator[StartTransport]:
    """Start transports against the fake server; stop the ones still running afterwards."""
    started: list[TelegramTransport] = []

    async def start(handle: Handler, hooks: Any = None, **changes: Any) -> TelegramTransport:
        transport = TelegramTransport(replace(config, **changes), hooks)
        await transport.start(handle)
        started.append(transport)
        return transport

    yield start
    for transport in started:
        await transport.stop()


@dataclass
class Live:
    """The whole bot (App + Telegram transport) running against the fake Bot API."""

    api: FakeBotApi
    app: App
    transport: TelegramTransport
    synced: Synced
    clock: ManualClock

    async def say(self, user: int, text: str, name: str = "Anna") -> list[dict[str, Any]]:
        """Send `text` as `user` in a private chat; return the bot's new messages there."""
        before = len(self.api.sent(user))
        self.api.push_text(user, text, name=name)
        await self.synced.settle()
        return self.api.sent(user)[before:]


@pytest.fixture
async def live(api: FakeBotApi, tmp_path: Path) -> AsyncIterator[Live]:
    """Start App (SQLite, manual clock, shipped catalogue) with Telegram over the fake API."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=sqlite_url(tmp_path),
        admins=f"telegram:{ADMIN}",
        telegram_bot_token=TOKEN,
        telegram_base_url=api.base_url,
    )
    clock = ManualClock(datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin")))
    app = await build_app(settings, clock=clock)
    transport = build_telegram(settings, app)
    app.add_port(transport)
    synced = Synced(api, app.handle)
    await transport.start(synced)
    yield Live(api, app, transport, synced, clock)
    await transport.stop()
    await app.stop()
