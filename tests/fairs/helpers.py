"""Test helpers for fairs and Schau rein: seeded fairs, companies with people, a wish."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from storage.catalogue import Catalogue
from storage.db import Database
from storage.fairs import booths, seed_fairs
from storage.fairs.booths import BoothWish, Outcome
from storage.members import Company, Person

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 2, 2, 9, 0, tzinfo=BERLIN)
INSIDER = "insidertreff-2026"  # 9 May 2026, capacity 120 m², deadline 10 April 23:59
KARRIERE = "karrieretage-2026"  # 26/27 Sept 2026, capacity 300 m²


async def setup(db: Database, catalogue: Catalogue) -> None:
    """Seed the catalogue's fairs."""
    async with db.unit() as s:
        await seed_fairs(s, catalogue)


async def company(db: Database, name: str, state: str | None = "SN", people: int = 1) -> int:
    """Create a company with `people` linked people; return its id."""
    async with db.unit() as s:
        c = Company(name=name, state=state, city="Görlitz")
        s.add(c)
        await s.flush()
        s.add_all([Person(platform="console", external_id=f"{name}-{i}", chat_id=f"{name}-{i}",
                          company_id=c.id) for i in range(people)])
        return c.id


def wish(area: int, days: tuple[str, ...] = ("2026-05-09",), staff: int = 2) -> BoothWish:
    """A booth wish of `area` m²."""
    return BoothWish(days=list(days), staff=staff, needs_table=True, needs_wall=False,
                     needs_power=True, area_m2=area, professions="Mechatroniker/in",
                     activity="Löten")


async def ask(db: Database, company_id: int, area: int, now: datetime = NOW,
              fair: str = INSIDER) -> Outcome:
    """Submit a request of `area` m² for a company, in a unit of work of its own."""
    days = ("2026-05-09",) if fair == INSIDER else ("2026-09-26", "2026-09-27")
    async with db.unit() as s:
        return await booths.submit(s, fair_key=fair, company_id=company_id, person_id=None,
                                   wish=wish(area, days), now=now)


async def withdraw(db: Database, company_id: int, now: datetime = NOW,
                   fair: str = INSIDER) -> Outcome:
    """Withdraw a company's request, in a unit of work of its own."""
    async with db.unit() as s:
        return await booths.withdraw(s, fair_key=fair, company_id=company_id, now=now)


async def decide(db: Database, request_id: int, *, confirm: bool, note: str = "",
                 now: datetime = NOW) -> Outcome:
    """Confirm or decline a request, in a unit of work of its own."""
    async with db.unit() as s:
        return await booths.decide(s, request_id=request_id, confirm=confirm, note=note, now=now)
