"""Signing up for events and cancelling: capacity, waiting list, promotion — one transaction each.

Rules (the cluster team agreed on strict FIFO because it is the fairest and easiest to explain):
- Capacity counts people; a sign-up brings 1-5 people of one company.
- A sign-up that does not fit into the free places (3 people, 2 places left), or arrives while
  anyone is waiting, goes to the end of the waiting list as a whole (it is never split, and a
  later, smaller sign-up never overtakes an earlier one). One larger than the whole capacity
  is refused, since it could never move up and would block the list.
- When places free up, the head of the waiting list moves up if it fits, then the next, and so
  on; a head that does not fit blocks the list until enough places are free.
The event row is locked (FOR UPDATE on PostgreSQL; BEGIN IMMEDIATE serialises SQLite) before
the check, and `Event.booked` has a CHECK constraint, so overbooking cannot happen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox
from storage.db import Database
from storage.errors import DomainError
from storage.models import Event, Person, Registration
from storage.models.events import MAX_PEOPLE

ACTIVE = ("registered", "waitlist")


@dataclass(frozen=True)
class Change:
    """What happened to a registration: registered, waitlisted, promoted, cancelled, ...

    Also "left_waitlist", "changed" (event edited) and "event_cancelled".
    """

    what: str
    registration: Registration


@dataclass(frozen=True)
class Note:
    """A message to plan into the outbox together with a change (see storage.outbox.plan_in)."""

    person_id: int
    kind: str
    text: str
    due_at: datetime
    dedupe_key: str
    not_after: datetime | None = None
    urgent: bool = False
    file: dict[str, str] | None = None
    buttons: list[list[tuple[str, str]]] | None = None


Notes = Callable[[Event, list[Change]], list[Note]]


@dataclass(frozen=True)
class Outcome:
    """The result of a sign-up or cancellation: the event after it and every change made."""

    event: Event
    changes: list[Change] = field(default_factory=list)

    def first(self, what: str) -> Registration | None:
        """Return the first registration with change `what`, if any."""
        return next((c.registration for c in self.changes if c.what == what), None)


def person_key(event_id: int, person_id: int) -> str:
    """Return the outbox key prefix of everything planned for a person about an event."""
    return f"event:{event_id}:person:{person_id}:"


async def register(
    db: Database, *, event_id: int, person_id: int, people: int, now: datetime,
    notes: Notes | None = None,
) -> Outcome:
    """Sign a person up for `people` places, or put them on the waiting list."""
    if not 1 <= people <= MAX_PEOPLE:
        raise DomainError("bad_people", max=MAX_PEOPLE)
    async with db.transaction() as s:
        event = await lock_event(s, event_id)
        check_open(event, now)
        if await active_registration(s, event_id, person_id) is not None:
            raise DomainError("already_registered", title=event.title)
        if event.capacity is not None and people > event.capacity:
            raise DomainError("too_many_people", title=event.title, capacity=event.capacity)
        person = await s.get(Person, person_id)
        reg = Registration(
            event_id=event_id, person_id=person_id, people=people, created_at=now,
            company_id=person.company_id if person else None,
        )
        fits = not await _anyone_waiting(s, event_id) and people <= free_places(event)
        reg.status = "registered" if fits else "waitlist"
        if fits:
            event.booked += people
        s.add(reg)
        await s.flush()
        outcome = Outcome(event, [Change("registered" if fits else "waitlisted", reg)])
        await apply_notes(s, outcome, notes, now)
        return outcome


async def cancel(
    db: Database, *, event_id: int, person_id: int, now: datetime, notes: Notes | None = None,
    by_admin: bool = False,
) -> Outcome:
    """Cancel a person's registration (or leave the waiting list) and move others up."""
    async with db.transaction() as s:
        event = await lock_event(s, event_id)
        if not by_admin:
            check_open(event, now)
        reg = await active_registration(s, event_id, person_id)
        if reg is None:
            raise DomainError("not_registered", title=event.title)
        what = "cancelled" if reg.status == "registered" else "left_waitlist"
        if reg.status == "registered":
            event.booked -= reg.people
        reg.status, reg.cancelled_at = "cancelled", now
        await s.flush()
        await outbox.unplan_in(s, key_prefix=person_key(event_id, person_id), now=now,
                               reason="abgemeldet")
        changes = [Change(what, reg), *await promote(s, event, now)]
        outcome = Outcome(event, changes)
        await apply_notes(s, outcome, notes, now)
        return outcome


async def promote(s: AsyncSession, event: Event, now: datetime) -> list[Change]:
    """Move waiting sign-ups up in strict FIFO order while the head fits (event row locked)."""
    changes: list[Change] = []
    for reg in await _waiting(s, event.id):  # type: ignore[arg-type]
        if reg.people > free_places(event):
            break  # strict FIFO: the head blocks, nobody overtakes it
        reg.status, reg.promoted_at = "registered", now
        event.booked += reg.people
        changes.append(Change("promoted", reg))
    await s.flush()
    return changes


def free_places(event: Event) -> int:
    """Return how many people still fit (a large number when the event has no limit)."""
    if event.capacity is None:
        return 1_000_000
    return max(0, event.capacity - event.booked)


async def lock_event(s: AsyncSession, event_id: int) -> Event:
    """Load and lock an event row for the rest of the transaction."""
    event = (
        await s.execute(select(Event).where(Event.id == event_id).with_for_update())
    ).scalar_one_or_none()
    if event is None:
        raise DomainError("event_unknown")
    return event


async def active_registration(
    s: AsyncSession, event_id: int, person_id: int
) -> Registration | None:
    """Return the person's registered or waiting registration for an event."""
    q = select(Registration).where(
        Registration.event_id == event_id,
        Registration.person_id == person_id,
        Registration.status.in_(ACTIVE),  # type: ignore[attr-defined]
    )
    return (await s.execute(q)).scalar_one_or_none()


async def apply_notes(
    s: AsyncSession, outcome: Outcome, notes: Notes | None, now: datetime
) -> None:
    """Plan the messages `notes` derives from the changes, in the same transaction."""
    if notes is None or not outcome.changes:
        return
    for note in notes(outcome.event, outcome.changes):
        fields: dict[str, Any] = dict(note.__dict__)
        await outbox.plan_in(s, now=now, **fields)


def check_open(event: Event, now: datetime) -> None:
    """Raise the DomainError that says why people cannot sign up or cancel now, if any."""
    if event.cancelled_at is not None:
        raise DomainError("event_cancelled", title=event.title)
    if event.kind != "intern":
        raise DomainError("not_in_bot", title=event.title, kind=event.kind, link=event.link)
    if event.start <= now:
        raise DomainError("event_past", title=event.title)
    if event.deadline is not None and now > event.deadline:
        raise DomainError("deadline_passed", title=event.title, deadline=event.deadline)


async def _anyone_waiting(s: AsyncSession, event_id: int) -> bool:
    q = select(Registration.id).where(
        Registration.event_id == event_id, Registration.status == "waitlist"
    )
    row = await s.execute(q.limit(1))
    return row.first() is not None


async def _waiting(s: AsyncSession, event_id: int) -> list[Registration]:
    rows = await s.execute(
        select(Registration)
        .where(Registration.event_id == event_id, Registration.status == "waitlist")
        .order_by(Registration.created_at, Registration.id)  # type: ignore[arg-type]
    )
    return list(rows.scalars())
