"""The web desk in-process: an App on SQLite with a manual clock, its desk on a free port."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
import pytest

from bot.app import App, build_app
from bot.chat import Address, Reply
from bot.clock import ManualClock
from bot.settings import Settings
from bot.transports.console import incoming
from tests.support.databases import sqlite_copy

START = datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
LINK = re.compile(r"https?://\S+/login/[A-Za-z0-9_-]+")


@dataclass
class Recorder:
    """A console port that keeps what was delivered (recording fake)."""

    platform: str = "console"
    numbered: bool = True
    sent: list[tuple[str, Reply]] = field(default_factory=list)

    async def send(self, address: Address, reply: Reply) -> None:
        """Keep the message."""
        self.sent.append((address.chat_id, reply))

    def texts(self, to: str) -> list[str]:
        """Return the texts delivered to one person."""
        return [r.text for who, r in self.sent if who == to]


@dataclass
class Desk:
    """The running app, its desk's address and what members received."""

    app: App
    clock: ManualClock
    base: str
    port: Recorder

    async def say(self, who: str, text: str) -> list[Reply]:
        """Send chat text as a console person."""
        return await self.app.handle(incoming(who, text=text))

    async def press(self, who: str, token: str) -> list[Reply]:
        """Press a button as a console person."""
        return await self.app.handle(incoming(who, press=token))

    async def link(self, who: str = "chef") -> str:
        """Ask for a login link with /web and return it."""
        replies = await self.say(who, "/web")
        found = LINK.search("\n".join(r.text for r in replies))
        assert found, replies
        return found.group(0)


async def start_desk(tmp_path: Path, sqlite_template: Path, **more: Any) -> Desk:
    """Start an app with the web desk on a free port (console:chef admin, 2026-02-02 09:00)."""
    settings = Settings(_env_file=None, database_url=sqlite_copy(sqlite_template, tmp_path),
                        admins="console:chef", web_port=0, telegram_bot_token=None,
                        matrix_homeserver=None, **more)
    clock = ManualClock(START)
    app = await build_app(settings, clock=clock)
    port = Recorder()
    app.add_port(port)
    server = await app.start_web()
    assert server is not None
    return Desk(app, clock, f"http://127.0.0.1:{server.port}", port)


@pytest.fixture
async def desk(tmp_path: Path, sqlite_template: Path) -> AsyncIterator[Desk]:
    """An app with the web desk on a free port (console:chef admin, clock 2026-02-02 09:00)."""
    found = await start_desk(tmp_path, sqlite_template)
    yield found
    await found.app.stop()


@pytest.fixture
async def browser_session() -> AsyncIterator[aiohttp.ClientSession]:
    """An HTTP client with its own cookie jar (cookies of 127.0.0.1 kept)."""
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        yield session


@pytest.fixture
async def console_app(tmp_path: Path, sqlite_template: Path) -> AsyncIterator[App]:
    """An app without the web desk (WEB_PORT not set)."""
    settings = Settings(_env_file=None, database_url=sqlite_copy(sqlite_template, tmp_path),
                        admins="console:chef")
    app = await build_app(settings, clock=ManualClock(START))
    yield app
    await app.stop()
