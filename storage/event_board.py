"""What one person sees per event: own status, waiting position, colleagues, free places."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from storage.db import Database
from storage.event_signup import ACTIVE
from storage.models import Event, Person, Registration


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
    async with db.read() as s:
        q = select(Event)
        if event_ids is not None:
            q = q.where(Event.id.in_(event_ids))  # type: ignore[union-attr]
        else:
            q = q.where(Event.start > now, Event.cancelled_at.is_(None))  # type: ignore[union-attr]
        evs = list((await s.execute(q.order_by(Event.start, Event.id))).scalars())  # type: ignore[arg-type]
        boards = {e.id: Board(e) for e in evs}
        rows = await s.execute(
            select(Registration, Person)
            .join(Person, Person.id == Registration.person_id)
            .where(Registration.event_id.in_(list(boards)),  # type: ignore[attr-defined]
                   Registration.status.in_(ACTIVE))  # type: ignore[attr-defined]
            .order_by(Registration.created_at, Registration.id)  # type: ignore[arg-type]
        )
        for reg, person in rows.all():
            _add(boards[reg.event_id], reg, person, person_id, company_id)
    return [boards[e.id] for e in evs]


def _add(b: Board, reg: Registration, person: Person, person_id: int,
         company_id: int | None) -> None:
    if reg.status == "waitlist":
        b.waiting += 1
    if reg.person_id == person_id:
        b.mine, b.position = reg, b.waiting if reg.status == "waitlist" else None
    elif company_id is not None and reg.company_id == company_id:
        name = person.display_name or person.external_id
        b.colleagues.append((name, reg.people, reg.status))
