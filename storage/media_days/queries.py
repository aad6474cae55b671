"""Read side of media days: a company's current one, the team's overview, exports, offers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, func, select

from storage.db import Session
from storage.errors import DomainError
from storage.media_days.models import MediaDay, MediaDayOffer
from storage.media_days.rules import ACTIVE, MediaDayConfig, check_calendar, full_days
from storage.members.models import Company


@dataclass(frozen=True)
class TeamOverview:
    """What `/medientage` shows: confirmed by date, requested oldest first, companies without.

    A confirmed day with a move wish is in both lists: it still holds its day until moved.
    `full` are the days whose visits are used up (a wish for one of them cannot be confirmed).
    """

    confirmed: list[tuple[MediaDay, Company]]
    requested: list[tuple[MediaDay, Company]]
    without: list[Company]
    full: set[date]


async def get(s: Session, *, md_id: int) -> MediaDay | None:
    """Return a media day by id."""
    return await s.get(MediaDay, md_id)


async def with_company(s: Session, *, md_id: int) -> tuple[MediaDay, Company] | None:
    """Return a media day with its company (one query)."""
    row = (await s.exec(
        select(MediaDay, Company).join(Company, col(Company.id) == col(MediaDay.company_id))
        .where(MediaDay.id == md_id)
    )).first()
    return None if row is None else (row[0], row[1])


async def current(s: Session, *, company_id: int, today: date) -> MediaDay | None:
    """Return the company's open media day, else its latest one that took place."""
    rows = list(await s.exec(
        select(MediaDay).where(MediaDay.company_id == company_id,
                               col(MediaDay.status).in_(ACTIVE))
        .order_by(col(MediaDay.id).desc())
    ))
    open_ = [m for m in rows if m.status == "requested" or (m.day and m.day >= today)]
    found = open_ or rows
    return found[0] if found else None


async def overview(s: Session, *, today: date, cfg: MediaDayConfig) -> TeamOverview:
    """Collect the team's overview of media days."""
    rows = await all_media_days(s, statuses=ACTIVE)
    confirmed = sorted(
        [(m, c) for m, c in rows if m.status == "confirmed"],  # a move wish keeps its day
        key=lambda mc: (mc[0].day or today, mc[1].name.lower()),
    )
    requested = sorted(
        [(m, c) for m, c in rows if m.is_open],
        key=lambda mc: (mc[0].updated_at if mc[0].move_wanted else mc[0].requested_at),
    )
    visits = Counter(m.day for m, _ in confirmed)
    full = {d for d, n in visits.items() if d is not None and n >= cfg.visits_per_day}
    return TeamOverview(confirmed, requested, await without_media_day(s, today=today), full)


async def all_media_days(
    s: Session, *, statuses: tuple[str, ...] | None = None
) -> list[tuple[MediaDay, Company]]:
    """Return media days with their company (all, or those in `statuses`), oldest first."""
    q = select(MediaDay, Company).join(Company, col(Company.id) == col(MediaDay.company_id))
    if statuses:
        q = q.where(col(MediaDay.status).in_(statuses))
    return [(m, c) for m, c in await s.exec(q.order_by(col(MediaDay.id)))]


async def without_media_day(s: Session, *, today: date) -> list[Company]:
    """Return companies with no requested or confirmed media day this year or later."""
    busy = select(MediaDay.company_id).where(
        col(MediaDay.status).in_(ACTIVE), MediaDay.year >= today.year
    )
    rows = await s.exec(
        select(Company).where(col(Company.id).not_in(busy)).order_by(func.lower(Company.name))
    )
    return list(rows)


async def has_media_day(s: Session, *, company_id: int, today: date) -> bool:
    """Tell whether a company has a requested or confirmed media day this year or later."""
    q = select(func.count()).select_from(MediaDay).where(
        MediaDay.company_id == company_id, col(MediaDay.status).in_(ACTIVE),
        MediaDay.year >= today.year,
    )
    return (await s.exec(q)).one() > 0


async def offers(s: Session, *, since: date) -> list[date]:
    """Return the offered days from `since` on."""
    rows = await s.exec(
        select(col(MediaDayOffer.day)).where(col(MediaDayOffer.day) >= since)
        .order_by(col(MediaDayOffer.day))
    )
    return list(rows)


async def open_offers(
    s: Session, *, company_id: int, state: str | None, today: date, cfg: MediaDayConfig,
    exclude_id: int | None = None, skip: Collection[date] = (),
) -> list[date]:
    """Return the offered days this company may still wish (not taken, allowed, year free).

    Nothing is refused here: a day that fails a rule is simply not offered, so a day another
    company got never turns into an error for everyone else.
    """
    days = [d for d in await offers(s, since=today) if d not in skip and _allowed(d, state,
                                                                                  today, cfg)]
    if not days:
        return []
    full = await full_days(s, since=days[0], cap=cfg.visits_per_day)
    busy = await _active_per_year(s, company_id, {d.year for d in days}, exclude_id)
    return [d for d in days
            if d not in full and busy.get(d.year, 0) < cfg.per_company_per_year]


def _allowed(day: date, state: str | None, today: date, cfg: MediaDayConfig) -> bool:
    try:
        check_calendar(day, state=state, today=today, min_days=cfg.min_days_ahead)
    except DomainError:
        return False
    return True


async def _active_per_year(
    s: Session, company_id: int, years: set[int], exclude_id: int | None
) -> dict[int, int]:
    q = select(MediaDay.year, func.count()).where(
        MediaDay.company_id == company_id, col(MediaDay.status).in_(ACTIVE),
        col(MediaDay.year).in_(years),
    ).group_by(col(MediaDay.year))
    if exclude_id is not None:
        q = q.where(MediaDay.id != exclude_id)
    return {year: n for year, n in await s.exec(q)}
