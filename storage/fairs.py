"""Booth requests at the cluster's joint fair booths: capacity, waiting list, deadline, decisions.

Capacity rule: requests that are `requested` or `confirmed` both count against a fair's
`capacity_m2` (planning is honest: the team sees what it would have to place). A request that
would not fit goes onto the waiting list; whenever space is freed (withdrawal, decline, a
smaller change) waiting requests move up in FIFO order where they fit. Every check happens in
the same transaction as its write, with the fair row locked (BEGIN IMMEDIATE on SQLite).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.catalogue import Catalogue, seed_missing
from storage.db import Database
from storage.errors import DomainError
from storage.fairs_read import request_in
from storage.models import BoothRequest, Fair
from storage.models.fairs import ACTIVE, HOLDING


@dataclass(frozen=True)
class BoothWish:
    """What a company asks for at a fair."""

    days: list[str]
    staff: int
    needs_table: bool
    needs_wall: bool
    needs_power: bool
    area_m2: int
    professions: str
    activity: str


@dataclass
class Outcome:
    """The result of a change: the request, who moved up from the waiting list, free space."""

    request: BoothRequest
    fair: Fair
    promoted: list[BoothRequest] = field(default_factory=list)
    free_m2: int = 0
    position: int = 0  # place on the waiting list (1 = next), 0 when not waiting


async def seed_fairs(db: Database, catalogue: Catalogue) -> int:
    """Insert catalogue fairs that are missing (by key); never overwrite; return how many."""
    return await seed_missing(db, entries=catalogue.section("fairs"), key_column=Fair.key,
                              build=lambda entry: _fair(entry, catalogue))


def _fair(entry: dict[str, Any], catalogue: Catalogue) -> Fair:
    return Fair(
        key=entry["key"], title=entry["title"],
        days=[d.isoformat() for d in entry["days"]], place=entry.get("place", ""),
        city=entry.get("city", ""), setup=entry.get("setup", ""),
        deadline=catalogue.local(entry["deadline"]),
        capacity_m2=int(entry["capacity_m2"]), note=entry.get("note", ""),
    )


async def submit(
    db: Database, *, fair_key: str, company_id: int, person_id: int | None, wish: BoothWish,
    now: datetime,
) -> Outcome:
    """Create or change the company's request; over capacity it goes onto the waiting list."""
    async with db.transaction() as s:
        fair = await _locked_fair(s, fair_key)
        _before_deadline(fair, now)
        _valid_days(fair, wish.days)
        req = await request_in(s, fair.id, company_id)  # type: ignore[arg-type]
        own = req.area_m2 if req is not None and req.status in HOLDING else 0
        free = fair.capacity_m2 - await _used(s, fair.id) + own  # type: ignore[arg-type]
        if req is not None and req.status == "confirmed" and _same(req, wish):
            status = "confirmed"  # nothing changed: keep the team's confirmation
        elif req is not None and req.status in HOLDING:
            if wish.area_m2 > free:
                raise DomainError("fair_change_no_room", title=fair.title, free=free)
            status = "requested"  # a changed plan needs the team's confirmation again
        elif req is not None and req.status == "waiting":
            status = "waiting"
        else:
            status = "requested" if wish.area_m2 <= free else "waiting"
        if req is None:
            req = BoothRequest(fair_id=fair.id, company_id=company_id, status=status, staff=0,
                               area_m2=0, queued_at=now, updated_at=now)  # type: ignore[arg-type]
            s.add(req)
        elif req.status not in ACTIVE:
            req.queued_at, req.admin_note = now, ""
        _apply(req, wish, status, person_id, now)
        await s.flush()
        promoted = await _promote(s, fair, now)
        return await _outcome(s, fair, req, promoted)


async def withdraw(db: Database, *, fair_key: str, company_id: int, now: datetime) -> Outcome:
    """Withdraw the company's request before the deadline; waiting requests move up."""
    async with db.transaction() as s:
        fair = await _locked_fair(s, fair_key)
        _before_deadline(fair, now)
        req = await request_in(s, fair.id, company_id)  # type: ignore[arg-type]
        if req is None or req.status not in ACTIVE:
            raise DomainError("fair_no_request", title=fair.title)
        req.status, req.updated_at = "withdrawn", now
        await s.flush()
        return await _outcome(s, fair, req, await _promote(s, fair, now))


async def decide(
    db: Database, *, request_id: int, confirm: bool, note: str, now: datetime
) -> Outcome:
    """Confirm or decline a request (admin); a waiting one is confirmed only if it fits."""
    async with db.transaction() as s:
        fair_id = (await s.execute(
            select(BoothRequest.fair_id).where(BoothRequest.id == request_id)
        )).scalar_one_or_none()
        if fair_id is None:
            raise DomainError("fair_no_request", title="")
        locked = select(Fair).where(Fair.id == fair_id).with_for_update()
        fair = (await s.execute(locked)).scalar_one()
        req = await s.get(BoothRequest, request_id, populate_existing=True)
        assert req is not None
        if req.status not in ACTIVE or (confirm and req.status == "confirmed"):
            raise DomainError("fair_not_open", status=req.status)  # e.g. a second, stale press
        if confirm and req.status == "waiting":
            free = fair.capacity_m2 - await _used(s, fair.id)  # type: ignore[arg-type]
            if req.area_m2 > free:
                raise DomainError("fair_full", title=fair.title, free=free, area=req.area_m2)
        req.status = "confirmed" if confirm else "declined"
        req.admin_note, req.updated_at = note, now
        await s.flush()
        return await _outcome(s, fair, req, await _promote(s, fair, now))


def space(requests: list[tuple[BoothRequest, Any]]) -> tuple[int, int, int, int]:
    """Return (m² held, requested count, confirmed count, waiting count) of a fair's requests."""
    held = sum(r.area_m2 for r, _ in requests if r.status in HOLDING)
    count = {st: sum(1 for r, _ in requests if r.status == st) for st in ACTIVE}
    return held, count["requested"], count["confirmed"], count["waiting"]


def fair_dates(fair: Fair) -> list[date]:
    """Return the fair's days as dates."""
    return [date.fromisoformat(d) for d in fair.days]


async def _locked_fair(s: AsyncSession, key: str) -> Fair:
    fair = (
        await s.execute(select(Fair).where(Fair.key == key).with_for_update())
    ).scalar_one_or_none()
    if fair is None:
        raise DomainError("fair_unknown", key=key)
    return fair


def _before_deadline(fair: Fair, now: datetime) -> None:
    if now > fair.deadline:
        raise DomainError("fair_deadline", title=fair.title, deadline=fair.deadline)


def _valid_days(fair: Fair, days: list[str]) -> None:
    if not days or any(d not in fair.days for d in days):
        raise DomainError("fair_bad_days", title=fair.title)


def _apply(req: BoothRequest, wish: BoothWish, status: str, person_id: int | None,
           now: datetime) -> None:
    req.days, req.staff, req.area_m2 = sorted(wish.days), wish.staff, wish.area_m2
    req.needs_table, req.needs_wall = wish.needs_table, wish.needs_wall
    req.needs_power = wish.needs_power
    req.professions, req.activity = wish.professions, wish.activity
    req.status, req.person_id, req.updated_at = status, person_id, now


def _same(req: BoothRequest, wish: BoothWish) -> bool:
    return (sorted(wish.days), wish.staff, wish.area_m2, wish.needs_table, wish.needs_wall,
            wish.needs_power, wish.professions, wish.activity) == (
        sorted(req.days), req.staff, req.area_m2, req.needs_table, req.needs_wall,
        req.needs_power, req.professions, req.activity)


async def _used(s: AsyncSession, fair_id: int) -> int:
    total = await s.execute(select(func.coalesce(func.sum(BoothRequest.area_m2), 0)).where(
        BoothRequest.fair_id == fair_id, BoothRequest.status.in_(HOLDING),
    ))
    return int(total.scalar_one())


async def _waiting(s: AsyncSession, fair_id: int) -> list[BoothRequest]:
    rows = await s.execute(
        select(BoothRequest)
        .where(BoothRequest.fair_id == fair_id, BoothRequest.status == "waiting")
        .order_by(BoothRequest.queued_at, BoothRequest.id)
    )
    return list(rows.scalars())


async def _promote(s: AsyncSession, fair: Fair, now: datetime) -> list[BoothRequest]:
    """Move waiting requests up, oldest first, as long as each one fits the free space."""
    free = fair.capacity_m2 - await _used(s, fair.id)  # type: ignore[arg-type]
    promoted = []
    for req in await _waiting(s, fair.id):  # type: ignore[arg-type]
        if req.area_m2 <= free:
            req.status, req.updated_at = "requested", now
            free -= req.area_m2
            promoted.append(req)
    await s.flush()
    return promoted


async def _outcome(s: AsyncSession, fair: Fair, req: BoothRequest,
                   promoted: list[BoothRequest]) -> Outcome:
    free = fair.capacity_m2 - await _used(s, fair.id)  # type: ignore[arg-type]
    position = 0
    if req.status == "waiting":
        position = [w.id for w in await _waiting(s, fair.id)].index(req.id) + 1  # type: ignore[arg-type]
    return Outcome(req, fair, promoted, free, position)
