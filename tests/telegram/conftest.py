"""Fixtures: a local Bot API server over real HTTP and Telegram transports pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

import pytest
from fake_bot_api import FakeBotApi

from bot.chat import Handler, Incoming, Person, Reply
from bot.transports.telegram import TelegramConfig, TelegramTransport

TOKEN = "123456:TEST-token"


@dataclass
class RecordingHooks:
    """App-side hooks that record what the transport told them."""

    menu: list[tuple[str, str]] = field(default_factory=lambda: [("hilfe", "Hilfe anzeigen")])
    admin_menu: list[tuple[str, str]] = field(
        default_factory=lambda: [("hilfe", "Hilfe anzeigen"), ("einladung", "Firma einladen")]
    )
    link_bases: dict[str, str] = field(default_factory=dict)
    unreachable: list[Person] = field(default_factory=list)

    def command_menu(self, *, admin: bool) -> list[tuple[str, str]]:
        """Return the scripted menu."""
        return self.admin_menu if admin else self.menu

    def set_link_base(self, platform: str, base: str) -> None:
        """Record the deep-link base."""
        self.link_bases[platform] = base

    async def mark_unreachable(self, person: Person) -> None:
        """Record the person."""
        self.unreachable.append(person)


class ScriptedHandler:
    """A handler that records every Incoming and answers via a function."""

    def __init__(self, answer: Callable[[Incoming], list[Reply]]) -> None:
        self.answer = answer
        self.seen: list[Incoming] = []

    async def __call__(self, incoming: Incoming) -> list[Reply]:
        """Record and answer."""
        self.seen.append(incoming)
        return self.answer(incoming)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    """Run a fake Bot API server on 127.0.0.1 for one test."""
    server = FakeBotApi()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def config(api: FakeBotApi) -> TelegramConfig:
    """Return a transport configuration pointing at the fake server."""
    return TelegramConfig(token=TOKEN, base_url=api.base_url, admin_ids=("111",))


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
