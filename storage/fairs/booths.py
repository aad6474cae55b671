"""Booth requests at the cluster's joint fair booths: capacity, waiting list, deadline, decisions.

Capacity rule: requests that are `requested` or `confirmed` both count against a fair's
`capacity_m2` (planning is honest: the team sees what it would have to place). A request that
would not fit goes onto the waiting list; whenever space is freed (withdrawal, decline, a
smaller change) waiting requests move up, first in line first, each one that fits. Every check
happens in the caller's unit of work with the fair row locked (FOR UPDATE on PostgreSQL,
BEGIN IMMEDIATE on SQLite), and every check comes before the first write, so a refusal the
caller catches leaves nothing half-done.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import select

from storage.db import Session
from storage.errors import DomainError
from storage.fairs import queries
from storage.fairs.models import ACTIVE, HOLDING, BoothRequest, Fair


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
    """The result of a change: the request, its status before, who moved up, free space."""

    request: BoothRequest
    fair: Fair
    was: str | None  # the request's status before the change (None: there was no row)
    promoted: list[BoothRequest] = field(default_factory=list)
    free_m2: int = 0
    position: int = 0  # place on the waiting list (1 = next), 0 when not waiting

    @property
    def is_new(self) -> bool:
        """Tell whether this change made a new request (none was open before)."""
        return self.was not in ACTIVE and self.request.status in ACTIVE


async def submit(
    s: Session, *, fair_key: str, company_id: int, person_id: int | None, wish: BoothWish,
    now: datetime,
) -> Outcome:
    """Create or change the company's request; over capacity it goes onto the waiting list."""
    fair = await _locked_fair(s, fair_key)
    _before_deadline(fair, now)
    _valid_days(fair, wish.days)
    req = await _current_request(s, fair.id, company_id)
    was = None if req is None else req.status
    own = req.area_m2 if req is not None and req.status in HOLDING else 0
    free = fair.capacity_m2 - await queries.used_m2(s, fair_id=fair.id) + own
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
                           area_m2=0, queued_at=now, updated_at=now)
        s.add(req)
    elif req.status not in ACTIVE:  # asking again after a withdrawal or decline: back in line
        req.queued_at, req.admin_note = now, ""
    _apply(req, wish, status, person_id, now)
    await s.flush()
    return await _outcome(s, fair, req, was, await _promote(s, fair, now))


async def withdraw(s: Session, *, fair_key: str, company_id: int, now: datetime) -> Outcome:
    """Withdraw the company's request before the deadline; waiting requests move up."""
    fair = await _locked_fair(s, fair_key)
    _before_deadline(fair, now)
    req = await _current_request(s, fair.id, company_id)
    if req is None or req.status not in ACTIVE:
        raise DomainError("fair_no_request", title=fair.title)
    was = req.status
    req.status, req.updated_at = "withdrawn", now
    await s.flush()
    return await _outcome(s, fair, req, was, await _promote(s, fair, now))


async def decide(s: Session, *, request_id: int, confirm: bool, note: str,
                 now: datetime) -> Outcome:
    """Confirm or decline a request (team); a waiting one is confirmed only if it fits."""
    found = await s.get(BoothRequest, request_id)
    if found is None:
        raise DomainError("fair_no_request", title="")
    locked = select(Fair).where(Fair.id == found.fair_id).with_for_update()
    fair = (await s.exec(locked.execution_options(populate_existing=True))).one()
    # Read again under the fair's lock: another unit may have changed it meanwhile.
    req = await s.get(BoothRequest, request_id, populate_existing=True)
    if req is None:
        raise DomainError("fair_no_request", title=fair.title)
    if req.status not in ACTIVE or (confirm and req.status == "confirmed"):
        raise DomainError("fair_not_open", status=req.status)  # e.g. a second, stale press
    if confirm and req.status == "waiting":
        free = fair.capacity_m2 - await queries.used_m2(s, fair_id=fair.id)
        if req.area_m2 > free:
            raise DomainError("fair_full", title=fair.title, free=free, area=req.area_m2)
    was = req.status
    req.status = "confirmed" if confirm else "declined"
    req.admin_note, req.updated_at = note, now
    await s.flush()
    return await _outcome(s, fair, req, was, await _promote(s, fair, now))


async def _locked_fair(s: Session, key: str) -> Fair:
    # populate_existing: rows this unit read before the lock are read again under it.
    q = select(Fair).where(Fair.key == key).with_for_update()
    fair = (await s.exec(q.execution_options(populate_existing=True))).first()
    if fair is None:
        raise DomainError("fair_unknown", key=key)
    if fair.cancelled_at is not None:
        raise DomainError("fair_cancelled", title=fair.title)
    return fair


async def _current_request(s: Session, fair_id: int, company_id: int) -> BoothRequest | None:
    q = select(BoothRequest).where(BoothRequest.fair_id == fair_id,
                                   BoothRequest.company_id == company_id)
    return (await s.exec(q.execution_options(populate_existing=True))).first()


def _before_deadline(fair: Fair, now: datetime) -> None:
    if now > fair.deadline:
        raise DomainError("fair_deadline", title=fair.title, deadline=fair.deadline,
                          provisional=list(fair.provisional or []))


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


async def _promote(s: Session, fair: Fair, now: datetime) -> list[BoothRequest]:
    """Move waiting requests up, first in line first, each one that fits the free space."""
    free = fair.capacity_m2 - await queries.used_m2(s, fair_id=fair.id)
    promoted = []
    for req in await queries.waiting(s, fair_id=fair.id):
        if req.area_m2 <= free:
            req.status, req.updated_at = "requested", now
            free -= req.area_m2
            promoted.append(req)
    await s.flush()
    return promoted


async def _outcome(s: Session, fair: Fair, req: BoothRequest, was: str | None,
                   promoted: list[BoothRequest]) -> Outcome:
    free = fair.capacity_m2 - await queries.used_m2(s, fair_id=fair.id)
    position = 0
    if req.status == "waiting":
        position = [w.id for w in await queries.waiting(s, fair_id=fair.id)].index(req.id) + 1
    return Outcome(req, fair, was, promoted, free, position)
