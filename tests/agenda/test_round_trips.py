"""/termine is read in one transaction of at most six statements (issue 13), on both databases.

Counted, not timed: bench/updates.py measures the time.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.app import App, build_app
from bot.chat import Address, Incoming, Person, Reply
from bot.clock import ManualClock
from bot.settings import Settings
from storage.db import Database
from tests.core.test_unit_of_work import trips

START = datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))


def said(user: str, text: str | None = None, press: str | None = None) -> Incoming:
    """Return what a Telegram user did in their private chat."""
    return Incoming(Person("telegram", user, "Anna"), Address("telegram", user), text=text,
                    press=press, message_ref="1" if press else None, numbered=False)


@pytest.fixture
async def app(db: Database) -> AsyncIterator[App]:
    """The whole bot on the test database, with a Telegram admin."""
    settings = Settings(_env_file=None,  # type: ignore[call-arg]
                        database_url=db.url.render_as_string(hide_password=False),
                        admins="telegram:1000")
    built = await build_app(settings, clock=ManualClock(START))
    yield built
    await built.stop()


def first_button(replies: list[Reply]) -> str:
    """Return the id of the first button of an answer."""
    return next(b.id for r in replies for b in r.flat_buttons())


async def test_termine_and_its_filter_read_in_one_transaction_of_six_statements(
        app: App) -> None:
    [invite] = await app.handle(said("1000", "/einladung Zemmler"))
    code = re.search(r"/start (\w+)", invite.text)
    assert code, invite.text
    await app.handle(said("2000", f"/start {code.group(1)}"))
    await app.handle(said("2000", "/termine"))  # the person is known from here on
    with trips(app.db) as listing:
        out = await app.handle(said("2000", "/termine"))
    assert "Kommende Termine" in out[0].text and len(out) > 5
    with trips(app.db) as filtering:
        again = await app.handle(said("2000", press=first_button(out)))
    assert "Kommende Termine" in again[0].text
    for seen in (listing, filtering):
        assert seen.transactions == 1 and len(seen.statements) <= 6, seen.statements
