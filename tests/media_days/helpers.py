"""Helpers of the media day tests: storage calls in a unit of work, console walks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from storage.db import Database, Session
from storage.errors import DomainError
from storage.media_days import service
from storage.media_days.models import MediaDay
from storage.media_days.rules import MediaDayConfig
from storage.members import companies
from tests.support.console import ConsoleBot, button, invite_code, texts

NOW = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)
TODAY = date(2026, 2, 2)
CFG = MediaDayConfig(formats={"podcast": "Podcast", "clips": "Social-Media-Clips",
                              "fotos": "Fotos"})
Message = dict[str, Any]


async def call(db: Database, fn: Callable[..., Awaitable[Any]], /, **kw: Any) -> Any:
    """Run one storage service in a unit of work of its own."""
    async with db.unit() as s:
        return await fn(s, **kw)


async def in_unit(db: Database, fn: Callable[[Session], Awaitable[Any]]) -> Any:
    """Run `fn(s)` in a unit of work of its own."""
    async with db.unit() as s:
        return await fn(s)


async def refused(coro: Awaitable[Any]) -> DomainError:
    """Await `coro` and return the DomainError it raised."""
    with pytest.raises(DomainError) as caught:
        await coro
    return caught.value


async def company(db: Database, name: str, state: str | None = "BB") -> int:
    """Add a member company; return its id."""
    c = await call(db, companies.create, name=name, state=state, city=None, max_members=30)
    return int(c.id)


async def ask(db: Database, company_id: int, *days: date, cfg: MediaDayConfig = CFG
              ) -> MediaDay:
    """Request a media day with Podcast and Clips on the given wished days."""
    md: MediaDay = await call(
        db, service.request, company_id=company_id, person_id=None,
        formats=["podcast", "clips"], wishes=list(days), contact_name="Anna",
        contact_reach="0171 1234567", note="", now=NOW, today=TODAY, cfg=cfg,
    )
    return md


# --- console walks ---------------------------------------------------------------------------
def join(console: ConsoleBot, who: str, company: str) -> None:
    """Link `who` to a company with an invite code from the team."""
    code = invite_code(console.say("chef", f"/einladung {company}"))
    console.say(who, f"/start {code}")


def open_booking(console: ConsoleBot, who: str, state: str = "Sachsen",
                 formats: tuple[str, ...] = ("Fotos",)) -> list[Message]:
    """Open the booking dialog, choose the formats and go to the first wish."""
    out = console.press(who, button(console.say(who, "/medientag"), "anfragen"))
    if "Bundesland" in texts(out):
        out = console.press(who, button(out, state))
    for label in formats:
        out = console.press(who, button(out, label))
    return console.press(who, button(out, "Weiter"))


def finish(console: ConsoleBot, who: str) -> list[Message]:
    """Answer contact, reach and note, then send."""
    console.say(who, "Anna Muster")
    out = console.say(who, "0355 123456")
    return console.press(who, button(console.press(who, button(out, "Keine Notiz")), "senden"))


def book(console: ConsoleBot, who: str, *wishes: str, state: str = "Sachsen") -> list[Message]:
    """Go through the booking dialog with Podcast + Fotos and the typed wishes."""
    out = open_booking(console, who, state, ("Podcast", "Fotos"))
    for wish in wishes:
        out = console.say(who, wish)
        assert "passt das?" in texts(out), out
        out = console.press(who, button(out, "Ja"))
    if len(wishes) < 3:
        out = console.press(who, button(out, "Fertig"))
    out = console.say(who, "Anna Muster")
    out = console.say(who, "anna@example.org")
    out = console.press(who, button(out, "Keine Notiz"))
    assert "Podcast, Fotos" in texts(out)
    return console.press(who, button(out, "Anfrage senden"))


def book_confirmed(console: ConsoleBot, who: str, company: str, wish: str, label: str) -> None:
    """Link `who`, book one wished day and let the team confirm it."""
    join(console, who, company)
    open_booking(console, who)
    console.press(who, button(console.say(who, wish), "Ja"))
    console.say(who, "fertig")
    finish(console, who)
    console.press("chef", button(console.say("chef", "/medientage"), label))
