"""A bare router on a migrated database (SQLite and PostgreSQL), for tests of the machinery."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.chat import Address, Incoming, Person, Reply
from bot.clock import ManualClock
from handlers.core import Router, Services
from handlers.core.actions import Signer
from storage.catalogue import Catalogue
from storage.db import Database

SECRET = b"k" * 32


@pytest.fixture
def make_router(db: Database, clock: ManualClock,
                catalogue: Catalogue) -> Callable[[], Router]:
    """Return a factory of routers sharing one database (a new one is a restarted bot)."""
    services = Services(db=db, clock=clock, catalogue=catalogue, admin_keys=frozenset(),
                        signer=Signer(SECRET))
    return lambda: Router(services)


def said(name: str, text: str | None = None, press: str | None = None,
         option: int | None = None, *, platform: str = "console") -> Incoming:
    """Return what person `name` did in their private chat."""
    return Incoming(Person(platform, name, name), Address(platform, name), text=text,
                    press=press, option=option)


def ids(replies: list[Reply]) -> dict[str, str]:
    """Return the button ids of the replies by label."""
    return {b.label: b.id for r in replies for b in r.flat_buttons()}
