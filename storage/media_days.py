"""Media day services: request, change, withdraw, move, confirm, propose, decline.

Every service owns one transaction in which it checks its rules and writes, so two people can
never both get the last visit of a day; the slot constraints of the table back that up.
A day counts as taken only by confirmed media days: another company's wish blocks nothing.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database
from storage.errors import DomainError
from storage.media_days_rules import (
    ACTIVE,
    MediaDayConfig,
    active_in_year,
    check_calendar,
    free_year_slot,
    lock,
    next_free_days,
    visits_on,
)
from storage.models import Company, MediaDay

MAX_WISHES = 3


async def check_wish(
    db: Database, *, company_id: int, state: str | None, day: date, today: date,
    cfg: MediaDayConfig, exclude_id: int | None = None,
) -> None:
    """Refuse a wished day with the reason (calendar, one per year, day already taken)."""
    async with db.read() as s:
        await _check_day(s, company_id, state, day, today, cfg, exclude_id)


async def _check_day(
    s: AsyncSession, company_id: int, state: str | None, day: date, today: date,
    cfg: MediaDayConfig, exclude_id: int | None,
) -> None:
    check_calendar(day, state=state, today=today, min_days=cfg.min_days_ahead)
    taken = await active_in_year(s, company_id, day.year, exclude_id=exclude_id)
    if len(taken) >= cfg.per_company_per_year:
        raise DomainError("md_year_taken", year=day.year)
    if await visits_on(s, day) >= cfg.visits_per_day:
        free = await next_free_days(s, state=state, today=today, cfg=cfg, after=day)
        raise DomainError("md_day_taken", day=day, free=free)


def _check_shape(formats: list[str], wishes: list[date], cfg: MediaDayConfig) -> None:
    if not formats or any(f not in cfg.formats for f in formats):
        raise DomainError("md_no_format")
    if not wishes or len(wishes) > MAX_WISHES or len(set(wishes)) != len(wishes):
        raise DomainError("md_bad_wishes", max=MAX_WISHES)


async def request(
    db: Database, *, company_id: int, person_id: int | None, formats: list[str],
    wishes: list[date], contact_name: str, contact_reach: str, note: str,
    now: datetime, today: date, cfg: MediaDayConfig,
) -> MediaDay:
    """Create a company's media day request after checking every wished day."""
    _check_shape(formats, wishes, cfg)
    try:
        async with db.transaction() as s:
            await lock(s, f"mediaday:company:{company_id}")
            company = await _company(s, company_id)
            for day in wishes:
                await _check_day(s, company_id, company.state, day, today, cfg, None)
            year = wishes[0].year
            slot = await free_year_slot(s, company_id, year, cfg.per_company_per_year)
            md = MediaDay(
                company_id=company_id, status="requested", year=year, year_slot=slot,
                formats=list(formats), wishes=[d.isoformat() for d in wishes],
                contact_name=contact_name, contact_reach=contact_reach, note=note,
                requested_by=person_id, requested_at=now, updated_at=now,
            )
            s.add(md)
            await s.flush()
            return md
    except IntegrityError:
        raise DomainError("md_year_taken", year=wishes[0].year) from None


async def change(
    db: Database, *, md_id: int, company_id: int, formats: list[str], wishes: list[date],
    contact_name: str, contact_reach: str, note: str, now: datetime, today: date,
    cfg: MediaDayConfig,
) -> MediaDay:
    """Replace the details of a request that is not confirmed yet."""
    _check_shape(formats, wishes, cfg)
    async with db.transaction() as s:
        await lock(s, f"mediaday:company:{company_id}")
        md = await _own(s, md_id, company_id, ("requested",))
        company = await _company(s, company_id)
        for day in wishes:
            await _check_day(s, company_id, company.state, day, today, cfg, md.id)
        if wishes[0].year != md.year:
            md.year_slot = await free_year_slot(
                s, company_id, wishes[0].year, cfg.per_company_per_year, exclude_id=md.id
            )
            md.year = wishes[0].year
        md.formats, md.wishes = list(formats), [d.isoformat() for d in wishes]
        md.contact_name, md.contact_reach, md.note = contact_name, contact_reach, note
        md.proposed = None
        _touch(md, now)
        return md


async def withdraw(db: Database, *, md_id: int, company_id: int, now: datetime) -> MediaDay:
    """Withdraw a request that is not confirmed yet (frees the year slot)."""
    async with db.transaction() as s:
        md = await _own(s, md_id, company_id, ("requested",))
        md.status, md.year_slot, md.proposed = "withdrawn", None, None
        _touch(md, now)
        return md


async def request_move(
    db: Database, *, md_id: int, company_id: int, wishes: list[date], now: datetime,
    today: date, cfg: MediaDayConfig,
) -> MediaDay:
    """Ask to move a confirmed media day to one of new wished days."""
    _check_shape(list(cfg.formats)[:1], wishes, cfg)
    async with db.transaction() as s:
        md = await _own(s, md_id, company_id, ("confirmed",))
        if md.day is None or md.day < today:
            raise DomainError("md_not_open", status="done")
        company = await _company(s, company_id)
        for day in wishes:
            await _check_day(s, company_id, company.state, day, today, cfg, md.id)
        md.wishes, md.move_wanted, md.proposed = [d.isoformat() for d in wishes], True, None
        _touch(md, now)
        return md


async def confirm(
    db: Database, *, md_id: int, day: date, now: datetime, today: date, cfg: MediaDayConfig,
    company_id: int | None = None,
) -> MediaDay:
    """Confirm a request (or a move) for `day`, re-checking the visits per day in the same step.

    With `company_id` the company itself accepts the team's proposed day.
    """
    try:
        async with db.transaction() as s:
            md = await _get(s, md_id)
            if company_id is not None and (md.company_id != company_id or md.proposed != day):
                raise DomainError("md_not_open", status=md.status)
            if not (md.status == "requested" or (md.status == "confirmed" and md.move_wanted)):
                raise DomainError("md_not_open", status=md.status)
            company = await _company(s, md.company_id)
            check_calendar(day, state=company.state, today=today, min_days=0)
            await lock(s, f"mediaday:day:{day.isoformat()}")
            md.day_slot = await _free_day_slot(s, md, day, company.state, today, cfg)
            if day.year != md.year:
                md.year_slot = await free_year_slot(
                    s, md.company_id, day.year, cfg.per_company_per_year, exclude_id=md.id
                )
                md.year = day.year
            md.status, md.day, md.move_wanted, md.proposed = "confirmed", day, False, None
            md.confirmed_at = now
            _touch(md, now)
            await s.flush()
            return md
    except IntegrityError:
        raise DomainError("md_day_taken", day=day, free=[]) from None


async def _free_day_slot(
    s: AsyncSession, md: MediaDay, day: date, state: str | None, today: date,
    cfg: MediaDayConfig,
) -> int:
    rows = await s.execute(select(MediaDay.day_slot).where(
        MediaDay.status == "confirmed", MediaDay.day == day, MediaDay.id != md.id,
    ))
    used = set(rows.scalars())
    for slot in range(1, cfg.visits_per_day + 1):
        if slot not in used:
            return slot
    free = await next_free_days(s, state=state, today=today, cfg=cfg, after=day)
    raise DomainError("md_day_taken", day=day, free=free)


async def propose(
    db: Database, *, md_id: int, day: date, now: datetime, today: date, cfg: MediaDayConfig
) -> MediaDay:
    """Propose another day to the company (it accepts or says no)."""
    async with db.transaction() as s:
        md = await _get(s, md_id)
        await _check_proposal(s, md, day, today, cfg)
        md.proposed = day
        _touch(md, now)
        return md


async def check_proposal(
    db: Database, *, md_id: int, day: date, today: date, cfg: MediaDayConfig
) -> None:
    """Refuse a day the team may not propose (calendar, already taken), with the reason."""
    async with db.read() as s:
        md = await s.get(MediaDay, md_id)
        if md is None:
            raise DomainError("md_not_found")
        await _check_proposal(s, md, day, today, cfg)


async def _check_proposal(
    s: AsyncSession, md: MediaDay, day: date, today: date, cfg: MediaDayConfig
) -> None:
    if not (md.status == "requested" or (md.status == "confirmed" and md.move_wanted)):
        raise DomainError("md_not_open", status=md.status)
    company = await _company(s, md.company_id)
    check_calendar(day, state=company.state, today=today, min_days=0)
    if await visits_on(s, day, exclude_id=md.id) >= cfg.visits_per_day:
        free = await next_free_days(s, state=company.state, today=today, cfg=cfg, after=day)
        raise DomainError("md_day_taken", day=day, free=free)


async def reject_proposal(db: Database, *, md_id: int, company_id: int, now: datetime) -> MediaDay:
    """Let the company say no to the proposed day (the request stays open)."""
    async with db.transaction() as s:
        md = await _own(s, md_id, company_id, ACTIVE)
        if md.proposed is None:
            raise DomainError("md_not_open", status=md.status)
        md.proposed = None
        _touch(md, now)
        return md


async def decline(db: Database, *, md_id: int, reason: str, now: datetime) -> MediaDay:
    """Decline a request (frees its year slot) or a move wish (the confirmed day stays)."""
    async with db.transaction() as s:
        md = await _get(s, md_id)
        if md.status == "confirmed" and md.move_wanted:
            md.move_wanted, md.wishes = False, []
        elif md.status == "requested":
            md.status, md.year_slot = "declined", None
        else:
            raise DomainError("md_not_open", status=md.status)
        md.decline_reason, md.proposed = reason, None
        _touch(md, now)
        return md


async def get(db: Database, *, md_id: int) -> MediaDay | None:
    """Return a media day by id."""
    async with db.read() as s:
        return await s.get(MediaDay, md_id)


async def current(db: Database, *, company_id: int, today: date) -> MediaDay | None:
    """Return the company's open media day, else its latest one that took place."""
    async with db.read() as s:
        rows = (await s.execute(
            select(MediaDay).where(MediaDay.company_id == company_id,
                                   MediaDay.status.in_(ACTIVE)).order_by(MediaDay.id.desc())
        )).scalars().all()
    open_ = [m for m in rows if m.status == "requested" or (m.day and m.day >= today)]
    return (open_ or list(rows) or [None])[0]


def _touch(md: MediaDay, now: datetime) -> None:
    md.updated_at = now
    md.revision += 1


async def _get(s: AsyncSession, md_id: int) -> MediaDay:
    md = (await s.execute(
        select(MediaDay).where(MediaDay.id == md_id).with_for_update()
    )).scalar_one_or_none()
    if md is None:
        raise DomainError("md_not_found")
    return md


async def _own(s: AsyncSession, md_id: int, company_id: int, states: tuple[str, ...]) -> MediaDay:
    md = await _get(s, md_id)
    if md.company_id != company_id:
        raise DomainError("md_not_found")
    if md.status not in states:
        raise DomainError("md_not_open", status=md.status)
    return md


async def _company(s: AsyncSession, company_id: int) -> Company:
    company = await s.get(Company, company_id)
    if company is None:
        raise DomainError("md_not_found")
    return company
