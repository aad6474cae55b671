"""A command in a Matrix group room must not make the group the person's chat for reminders."""

from __future__ import annotations

from pathlib import Path

from bot.app import build_app
from bot.chat import Address, Incoming, Person
from bot.clock import ManualClock
from bot.settings import Settings
from tests.support.databases import sqlite_url
from tests.support.store import find_person

from .test_bot_synapse import START


async def test_group_message_keeps_the_dm_as_personal_chat(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_url(tmp_path))
    app = await build_app(settings, clock=ManualClock(START))
    try:
        anna = Person("matrix", "@anna:firma.de", "Anna")
        await app.handle(Incoming(anna, Address("matrix", "!dm"), text="/hilfe"))
        await app.handle(Incoming(anna, Address("matrix", "!gruppe"), text="/hilfe",
                                  is_group=True))
        known = await find_person(app.db, platform="matrix", external_id="@anna:firma.de")
        assert known is not None and known.chat_id == "!dm"
    finally:
        await app.stop()
