"""What one person sees per event: own status, waiting position, colleagues, free places."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from storage.db import Database
from storage.event_signup import ACTIVE
from storage.models import Event, Person, Registration

Loaded = tuple[datetime, list[Event], list[tuple[Registration, Person]]]


@dataclass
class Board:
    """One event as a member sees it."""

    event: Event
    mine: Registration | None = None
    position: int | None = None  # place on the waiting list (1 = next to move up)
    waiting: int = 0  # sign-ups on the waiting list
    colleagues: list[tuple[str, int, str]] = field(default_factory=list)  # name, people, status


async def board(
    db: Database, *, now: datetime, person_id: int, company_id: int | None,
    event_ids: list[int] | None = None,
) -> list[Board]:
    """Return upcoming, not cancelled events (or the given ones) with the person's view."""
    key = ("board", None if event_ids is None else tuple(event_ids))
    loaded_at, evs, regs = await db.cache.get(key, lambda: _load(db, now, event_ids))
    if now < loaded_at and event_ids is None:  # a clock set back: events may have come back
        loaded_at, evs, regs = await _load(db, now, event_ids)
    if event_ids is None:
        evs = [e for e in evs if e.start > now]  # the cached list may be some seconds old
    boards = {e.id: Board(e) for e in evs}
    for reg, person in regs:
        if reg.event_id in boards:
            _add(boards[reg.event_id], reg, person, person_id, company_id)
    return [boards[e.id] for e in evs]


async def _load(db: Database, now: datetime, event_ids: list[int] | None) -> Loaded:
    """Read the events and their active registrations (with the people) for everybody."""
    async with db.read() as s:
        q = select(Event)
        if event_ids is not None:
            q = q.where(Event.id.in_(event_ids))  # type: ignore[union-attr]
        else:
            q = q.where(Event.start > now, Event.cancelled_at.is_(None))  # type: ignore[union-attr]
        evs = list((await s.execute(q.order_by(Event.start, Event.id))).scalars())  # type: ignore[arg-type]
        rows = await s.execute(
            select(Registration, Person)
            .join(Person, Person.id == Registration.person_id)
            .where(Registration.event_id.in_([e.id for e in evs]),  # type: ignore[attr-defined]
                   Registration.status.in_(ACTIVE))  # type: ignore[attr-defined]
            .order_by(Registration.created_at, Registration.id)  # type: ignore[arg-type]
        )
        return now, evs, [(reg, person) for reg, person in rows.all()]


def _add(b: Board, reg: Registration, person: Person, person_id: int,
         company_id: int | None) -> None:
    if reg.status == "waitlist":
        b.waiting += 1
    if reg.person_id == person_id:
        b.mine, b.position = reg, b.waiting if reg.status == "waitlist" else None
    elif company_id is not None and reg.company_id == company_id:
        name = person.display_name or person.external_id
        b.colleagues.append((name, reg.people, reg.status))
