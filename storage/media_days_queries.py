"""Read side of media days: the team's overview, exports, offered days, who was nudged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from storage.db import Database
from storage.media_days_rules import ACTIVE
from storage.models import Company, MediaDay, MediaDayOffer, OutboxMessage, Person

NUDGE_KIND = "media_day.nudge"


@dataclass(frozen=True)
class TeamOverview:
    """What `/medientage` shows: confirmed by date, requested oldest first, companies without.

    A confirmed day with a move wish is in both lists: it still holds its day until moved.
    """

    confirmed: list[tuple[MediaDay, Company]]
    requested: list[tuple[MediaDay, Company]]
    without: list[Company]


async def overview(db: Database, *, today: date) -> TeamOverview:
    """Collect the team's overview of media days."""
    rows = await all_media_days(db, statuses=ACTIVE)
    confirmed = sorted(
        [(m, c) for m, c in rows if m.status == "confirmed"],  # a move wish keeps its day
        key=lambda mc: (mc[0].day or today, mc[1].name.lower()),
    )
    requested = sorted(
        [(m, c) for m, c in rows if m.status == "requested" or m.move_wanted],
        key=lambda mc: (mc[0].updated_at if mc[0].move_wanted else mc[0].requested_at),
    )
    return TeamOverview(confirmed, requested, await without_media_day(db, today=today))


async def all_media_days(
    db: Database, *, statuses: tuple[str, ...] | None = None
) -> list[tuple[MediaDay, Company]]:
    """Return media days with their company (all, or those in `statuses`), oldest first."""
    async with db.read() as s:
        q = select(MediaDay, Company).join(Company, Company.id == MediaDay.company_id)
        if statuses:
            q = q.where(MediaDay.status.in_(statuses))
        rows = await s.execute(q.order_by(MediaDay.id))
        return [(m, c) for m, c in rows.all()]


async def without_media_day(db: Database, *, today: date) -> list[Company]:
    """Return companies with no requested or confirmed media day this year or later."""
    async with db.read() as s:
        busy = select(MediaDay.company_id).where(
            MediaDay.status.in_(ACTIVE), MediaDay.year >= today.year
        )
        rows = await s.execute(
            select(Company).where(Company.id.not_in(busy)).order_by(func.lower(Company.name))
        )
        return list(rows.scalars())


async def add_offers(
    db: Database, *, days: list[date], person_id: int | None, now: datetime
) -> list[date]:
    """Publish offered days (known days are kept); return the ones that were new."""
    added = []
    for day in sorted(set(days)):
        try:
            async with db.transaction() as s:
                if await s.get(MediaDayOffer, day) is None:
                    s.add(MediaDayOffer(day=day, created_by=person_id, created_at=now))
                    added.append(day)
        except IntegrityError:  # published by someone else at the same moment
            continue
    return added


async def offers(db: Database, *, since: date) -> list[date]:
    """Return the offered days from `since` on."""
    async with db.read() as s:
        rows = await s.execute(
            select(MediaDayOffer.day).where(MediaDayOffer.day >= since).order_by(MediaDayOffer.day)
        )
        return list(rows.scalars())


async def recent_nudges(
    db: Database, *, since: datetime
) -> list[tuple[datetime, Person, Company | None]]:
    """Return the nudges sent since `since`: when, to whom, which company."""
    async with db.read() as s:
        rows = await s.execute(
            select(OutboxMessage.sent_at, Person, Company)
            .join(Person, Person.id == OutboxMessage.person_id)
            .outerjoin(Company, Company.id == Person.company_id)
            .where(OutboxMessage.kind == NUDGE_KIND, OutboxMessage.sent_at >= since)
            .order_by(OutboxMessage.sent_at.desc())
        )
        return [(at, p, c) for at, p, c in rows.all()]
