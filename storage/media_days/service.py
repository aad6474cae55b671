"""Media day writes: request, change, withdraw, move, confirm, propose, decline, offered days.

Every service works in the caller's unit of work and checks its rules before it changes
anything, so a refusal (DomainError) leaves the session as it was. A company's requests are
serialised on a lock per company, confirmations on a lock per day; the slot constraints of
the table back both up (a collision is refused like the rule, inside a savepoint).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from storage.db import Session
from storage.errors import DomainError
from storage.locks import advisory_lock
from storage.media_days.models import MediaDay, MediaDayOffer
from storage.media_days.rules import (
    ACTIVE,
    MediaDayConfig,
    active_in_year,
    check_calendar,
    check_shape,
    free_day_slot,
    free_year_slot,
    next_free_days,
    visits_on,
)
from storage.members.models import Company


async def check_wish(
    s: Session, *, company_id: int, state: str | None, day: date, today: date,
    cfg: MediaDayConfig, exclude_id: int | None = None,
) -> None:
    """Refuse a wished day with the reason (calendar, one per year, day already taken)."""
    check_calendar(day, state=state, today=today, min_days=cfg.min_days_ahead)
    taken = await active_in_year(s, company_id, day.year, exclude_id=exclude_id)
    if len(taken) >= cfg.per_company_per_year:
        raise DomainError("md_year_taken", year=day.year)
    if await visits_on(s, day) >= cfg.visits_per_day:
        free = await next_free_days(s, state=state, today=today, cfg=cfg, after=day)
        raise DomainError("md_day_taken", day=day, free=free)


async def request(
    s: Session, *, company_id: int, person_id: int | None, formats: list[str],
    wishes: list[date], contact_name: str, contact_reach: str, note: str,
    now: datetime, today: date, cfg: MediaDayConfig,
) -> MediaDay:
    """Create a company's media day request after checking every wished day."""
    check_shape(formats, wishes, cfg)
    await advisory_lock(s, f"mediaday:company:{company_id}")
    company = await _company(s, company_id)
    for day in wishes:
        await check_wish(s, company_id=company_id, state=company.state, day=day, today=today,
                         cfg=cfg)
    year = wishes[0].year
    slot = await free_year_slot(s, company_id, year, cfg.per_company_per_year)
    md = MediaDay(
        company_id=company_id, status="requested", year=year, year_slot=slot,
        formats=list(formats), wishes=[d.isoformat() for d in wishes],
        contact_name=contact_name, contact_reach=contact_reach, note=note,
        requested_by=person_id, requested_at=now, updated_at=now,
    )
    async with _guarded(s, DomainError("md_year_taken", year=year)):
        s.add(md)
    return md


async def change(
    s: Session, *, md_id: int, company_id: int, formats: list[str], wishes: list[date],
    contact_name: str, contact_reach: str, note: str, now: datetime, today: date,
    cfg: MediaDayConfig,
) -> MediaDay:
    """Replace the details of a request that is not confirmed yet."""
    check_shape(formats, wishes, cfg)
    await advisory_lock(s, f"mediaday:company:{company_id}")
    md = await _own(s, md_id, company_id, ("requested",))
    company = await _company(s, company_id)
    for day in wishes:
        await check_wish(s, company_id=company_id, state=company.state, day=day, today=today,
                         cfg=cfg, exclude_id=md.id)
    year, slot = wishes[0].year, md.year_slot
    if year != md.year:
        slot = await free_year_slot(s, company_id, year, cfg.per_company_per_year,
                                    exclude_id=md.id)
    async with _guarded(s, DomainError("md_year_taken", year=year)):
        md.year, md.year_slot = year, slot
        md.formats, md.wishes = list(formats), [d.isoformat() for d in wishes]
        md.contact_name, md.contact_reach, md.note = contact_name, contact_reach, note
        md.proposed = None
        _touch(md, now)
    return md


async def withdraw(s: Session, *, md_id: int, company_id: int, now: datetime) -> MediaDay:
    """Withdraw a request that is not confirmed yet (frees the year slot)."""
    md = await _own(s, md_id, company_id, ("requested",))
    md.status, md.year_slot, md.proposed = "withdrawn", None, None
    _touch(md, now)
    return md


async def request_move(
    s: Session, *, md_id: int, company_id: int, wishes: list[date], now: datetime,
    today: date, cfg: MediaDayConfig,
) -> MediaDay:
    """Ask to move a confirmed media day to one of new wished days."""
    check_shape(list(cfg.formats)[:1], wishes, cfg)
    md = await _own(s, md_id, company_id, ("confirmed",))
    if md.day is None or md.day < today:
        raise DomainError("md_not_open", status="done")
    company = await _company(s, company_id)
    for day in wishes:
        await check_wish(s, company_id=company_id, state=company.state, day=day, today=today,
                         cfg=cfg, exclude_id=md.id)
    md.wishes, md.move_wanted, md.proposed = [d.isoformat() for d in wishes], True, None
    _touch(md, now)
    return md


async def confirm(
    s: Session, *, md_id: int, day: date, now: datetime, today: date, cfg: MediaDayConfig,
    company_id: int | None = None,
) -> MediaDay:
    """Confirm a request (or a move) for `day`, re-checking the visits per day under a lock.

    With `company_id` the company itself accepts the team's proposed day.
    """
    md = await _locked(s, md_id)
    if company_id is not None and (md.company_id != company_id or md.proposed != day):
        raise DomainError("md_not_open", status=md.status)
    if not md.is_open:
        raise DomainError("md_not_open", status=md.status)
    company = await _company(s, md.company_id)
    check_calendar(day, state=company.state, today=today, min_days=0)
    await advisory_lock(s, f"mediaday:day:{day.isoformat()}")
    day_slot = await free_day_slot(s, day, cfg.visits_per_day, exclude_id=md.id)
    if day_slot is None:
        free = await next_free_days(s, state=company.state, today=today, cfg=cfg, after=day)
        raise DomainError("md_day_taken", day=day, free=free)
    year_slot = md.year_slot
    if day.year != md.year:
        year_slot = await free_year_slot(s, md.company_id, day.year, cfg.per_company_per_year,
                                         exclude_id=md.id)
    async with _guarded(s, DomainError("md_day_taken", day=day, free=[])):
        md.day, md.day_slot, md.year, md.year_slot = day, day_slot, day.year, year_slot
        md.status, md.move_wanted, md.proposed = "confirmed", False, None
        md.confirmed_at = now
        _touch(md, now)
    return md


async def propose(
    s: Session, *, md_id: int, day: date, now: datetime, today: date, cfg: MediaDayConfig
) -> MediaDay:
    """Propose another day to the company (it accepts or says no)."""
    md = await _locked(s, md_id)
    await _check_proposal(s, md, day, today, cfg)
    md.proposed = day
    _touch(md, now)
    return md


async def check_proposal(
    s: Session, *, md_id: int, day: date, today: date, cfg: MediaDayConfig
) -> None:
    """Refuse a day the team may not propose (calendar, already taken), with the reason."""
    md = await s.get(MediaDay, md_id)
    if md is None:
        raise DomainError("md_not_found")
    await _check_proposal(s, md, day, today, cfg)


async def _check_proposal(
    s: Session, md: MediaDay, day: date, today: date, cfg: MediaDayConfig
) -> None:
    if not md.is_open:
        raise DomainError("md_not_open", status=md.status)
    company = await _company(s, md.company_id)
    check_calendar(day, state=company.state, today=today, min_days=0)
    if await visits_on(s, day, exclude_id=md.id) >= cfg.visits_per_day:
        free = await next_free_days(s, state=company.state, today=today, cfg=cfg, after=day)
        raise DomainError("md_day_taken", day=day, free=free)


async def reject_proposal(
    s: Session, *, md_id: int, company_id: int, day: date | None, now: datetime
) -> MediaDay:
    """Let the company say no to the proposed day `day` (the request stays open)."""
    md = await _own(s, md_id, company_id, ACTIVE)
    if md.proposed is None or (day is not None and md.proposed != day):
        raise DomainError("md_not_open", status=md.status)
    md.proposed = None
    _touch(md, now)
    return md


async def decline(s: Session, *, md_id: int, reason: str, now: datetime) -> MediaDay:
    """Decline a request (frees its year slot) or a move wish (the confirmed day stays)."""
    md = await _locked(s, md_id)
    if md.status == "confirmed" and md.move_wanted:
        md.move_wanted, md.wishes = False, []
    elif md.status == "requested":
        md.status, md.year_slot = "declined", None
    else:
        raise DomainError("md_not_open", status=md.status)
    md.decline_reason, md.proposed = reason, None
    _touch(md, now)
    return md


async def add_offers(
    s: Session, *, days: list[date], person_id: int | None, now: datetime
) -> list[date]:
    """Publish offered days (known days are kept); return the ones that were new."""
    added = []
    for day in sorted(set(days)):
        if await s.get(MediaDayOffer, day) is not None:
            continue
        try:
            async with s.begin_nested():
                s.add(MediaDayOffer(day=day, created_by=person_id, created_at=now))
        except IntegrityError:  # published by someone else at the same moment
            continue
        added.append(day)
    return added


@asynccontextmanager
async def _guarded(s: Session, refusal: DomainError) -> AsyncIterator[None]:
    """Write in a savepoint; a slot constraint that fires is refused like the rule it backs."""
    try:
        async with s.begin_nested():
            yield
    except IntegrityError:
        raise refusal from None


def _touch(md: MediaDay, now: datetime) -> None:
    md.updated_at = now
    md.revision += 1


async def _locked(s: Session, md_id: int) -> MediaDay:
    md = (await s.exec(
        select(MediaDay).where(MediaDay.id == md_id).with_for_update()
    )).first()
    if md is None:
        raise DomainError("md_not_found")
    return md


async def _own(s: Session, md_id: int, company_id: int, states: tuple[str, ...]) -> MediaDay:
    md = await _locked(s, md_id)
    if md.company_id != company_id:
        raise DomainError("md_not_found")
    if md.status not in states:
        raise DomainError("md_not_open", status=md.status)
    return md


async def _company(s: Session, company_id: int) -> Company:
    company = await s.get(Company, company_id)
    if company is None:
        raise DomainError("md_not_found")
    return company
