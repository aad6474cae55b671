"""Test helpers for the events feature: people, companies and an event in a fresh database."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from storage.db import Database, Session
from storage.events import manage
from storage.events.models import Event
from storage.members.models import Company, Person

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 2, 2, 9, 0, tzinfo=BERLIN)
T = TypeVar("T")


async def in_unit(db: Database, service: Callable[..., Awaitable[T]], **kwargs: Any) -> T:
    """Call a storage service in a unit of work of its own (as one update would)."""
    async with db.unit() as s:
        return await service(s, **kwargs)


async def company(db: Database, name: str = "Testfirma GmbH") -> int:
    """Create a company; return its id."""
    async with db.unit() as s:
        c = Company(name=name, state="SN", city="Görlitz")
        s.add(c)
        await s.flush()
        return c.id


async def people(
    db: Database, n: int, company_id: int | None = None, prefix: str = "p"
) -> list[int]:
    """Create `n` people (console:<prefix><i>, optionally of one company); return their ids."""
    async with db.unit() as s:
        rows = [
            Person(platform="console", external_id=f"{prefix}{i}", display_name=f"Person {i}",
                   chat_id=f"{prefix}{i}", company_id=company_id)
            for i in range(n)
        ]
        s.add_all(rows)
        await s.flush()
        return [p.id for p in rows]


async def meeting(db: Database, *, capacity: int | None = 10, **extra: object) -> Event:
    """Create an internal event on 5 March 2026, 10-15 Uhr, deadline 26 Feb."""
    fields: dict[str, object] = dict(
        title="Netzwerktreffen", start=datetime(2026, 3, 5, 10, tzinfo=BERLIN),
        end=datetime(2026, 3, 5, 15, tzinfo=BERLIN), place="Go Be, Görlitz",
        kind="intern", capacity=capacity, deadline=datetime(2026, 2, 26, 23, 59, tzinfo=BERLIN),
    )
    fields.update(extra)
    return await in_unit(db, _create, fields=fields)


async def _create(s: Session, *, fields: dict[str, Any]) -> Event:
    return await manage.create(s, now=NOW, **fields)
