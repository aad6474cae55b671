"""The read side of events: what a member sees per event, finding events, registration lists."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, func, or_
from sqlmodel import col, select

from storage.db import Session
from storage.events.models import Event, Registration
from storage.events.signup import ACTIVE
from storage.members.models import Company, Person

# The events with their active sign-ups and who made them; built once (see storage.chat._SEEN).
_MEMBER_VIEW = (
    select(Event, Registration, Person)
    .outerjoin(Registration, (col(Registration.event_id) == col(Event.id))
               & col(Registration.status).in_(ACTIVE))
    .outerjoin(Person, col(Person.id) == col(Registration.person_id))
)
_MEMBER_ORDER = (col(Event.start), col(Event.id), col(Registration.created_at),
                 col(Registration.id))
_COMING_MEMBER_VIEW = (
    _MEMBER_VIEW.where(col(Event.start) > bindparam("now"), col(Event.cancelled_at).is_(None))
    .order_by(*_MEMBER_ORDER)
)


@dataclass
class MemberView:
    """One event as a member sees it: own sign-up, waiting position, colleagues' sign-ups."""

    event: Event
    mine: Registration | None = None
    position: int | None = None  # place on the waiting list (1 = next to move up)
    waiting: int = 0  # sign-ups on the waiting list
    colleagues: list[tuple[str, int, str]] = field(default_factory=list)  # name, people, status


@dataclass(frozen=True)
class Entry:
    """One registration with the person and company behind it."""

    registration: Registration
    person: Person
    company: Company | None
    event: Event


async def for_member(
    s: Session, *, now: datetime, person_id: int, company_id: int | None,
    event_ids: list[int] | None = None,
) -> list[MemberView]:
    """Return upcoming, not cancelled events (or the given ones) as one person sees them.

    One statement: the events with their active sign-ups (and who made them) joined on.
    """
    if event_ids is not None:
        q = _MEMBER_VIEW.where(col(Event.id).in_(event_ids))
        rows = await s.exec(q.order_by(*_MEMBER_ORDER))
    else:
        rows = await s.exec(_COMING_MEMBER_VIEW, params={"now": now})
    views: dict[int, MemberView] = {}
    for event, reg, person in rows:
        view = views.get(event.id)
        if view is None:
            view = views[event.id] = MemberView(event)
        if reg is not None and person is not None:
            _add(view, reg, person, person_id, company_id)
    return list(views.values())


def _add(v: MemberView, reg: Registration, person: Person, person_id: int,
         company_id: int | None) -> None:
    if reg.status == "waitlist":
        v.waiting += 1
    if reg.person_id == person_id and reg.company_id == company_id:
        # Only while the person still belongs to the company the sign-up was made for: it
        # stays that company's place when they leave (/austreten).
        v.mine, v.position = reg, v.waiting if reg.status == "waitlist" else None
    elif company_id is not None and reg.company_id == company_id:
        name = person.display_name or person.external_id
        v.colleagues.append((name, reg.people, reg.status))


async def get(s: Session, *, event_id: int) -> Event | None:
    """Return one event."""
    return await s.get(Event, event_id)


async def upcoming(s: Session, *, now: datetime, include_cancelled: bool = False) -> list[Event]:
    """Return events that have not started yet, soonest first."""
    q = select(Event).where(col(Event.start) > now)
    if not include_cancelled:
        q = q.where(col(Event.cancelled_at).is_(None))
    return list(await s.exec(q.order_by(col(Event.start), col(Event.id))))


async def provisional(s: Session, *, now: datetime) -> list[Event]:
    """Return coming, not cancelled events with values still assumed, soonest first."""
    return [ev for ev in await upcoming(s, now=now) if ev.provisional]


async def find(s: Session, *, query: str, now: datetime | None = None) -> list[Event]:
    """Find events by id, key or words of the title (only upcoming ones when `now` is given)."""
    q = query.strip()
    stmt = select(Event)
    if q.isdigit():
        stmt = stmt.where(col(Event.id) == int(q))
    elif q:
        like = f"%{q.lower()}%"
        stmt = stmt.where(or_(func.lower(col(Event.title)).like(like), col(Event.key) == q))
    if now is not None:
        stmt = stmt.where(col(Event.start) > now)
    return list(await s.exec(stmt.order_by(col(Event.start), col(Event.id))))


async def entries(
    s: Session, *, event_id: int | None = None, person_id: int | None = None,
    company_id: int | None = None, active_only: bool = False,
) -> list[Entry]:
    """Return registrations with person, company and event, in event and sign-up order."""
    q = (
        select(Registration, Person, Company, Event)
        .join(Person, col(Person.id) == col(Registration.person_id))
        .join(Event, col(Event.id) == col(Registration.event_id))
        .outerjoin(Company, col(Company.id) == col(Registration.company_id))
    )
    if event_id is not None:
        q = q.where(Registration.event_id == event_id)
    whose = [c for c in (
        col(Registration.person_id) == person_id if person_id is not None else None,
        col(Registration.company_id) == company_id if company_id is not None else None,
    ) if c is not None]
    if whose:
        q = q.where(or_(*whose))
    if active_only:
        q = q.where(col(Registration.status).in_(ACTIVE))
    q = q.order_by(col(Event.start), col(Event.id), col(Registration.created_at),
                   col(Registration.id))
    return [Entry(r, p, c, e) for r, p, c, e in await s.exec(q)]
