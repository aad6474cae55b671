"""Signing up for events and cancelling: capacity, waiting list, moving up, in the caller's unit.

Rules (the cluster team agreed on strict FIFO because it is the fairest and easiest to explain):
- Capacity counts people; a sign-up brings 1-5 people of one company.
- A sign-up that does not fit into the free places (3 people, 2 places left), or arrives while
  anyone is waiting, goes to the end of the waiting list as a whole (it is never split, and a
  later, smaller sign-up never overtakes an earlier one). One larger than the whole capacity
  is refused, since it could never move up and would block the list.
- A company takes at most `Event.per_company` places (registered and waiting together), so a
  few companies cannot fill an event alone; it is checked under the same row lock.
- A registration may change its number of people: fewer frees places (others move up); more
  is taken only from free places nobody is waiting for (it never jumps the waiting list).
- When places free up, the head of the waiting list moves up if it fits, then the next, and so
  on; a head that does not fit blocks the list until enough places are free.
The event row is locked (FOR UPDATE on PostgreSQL; BEGIN IMMEDIATE serialises SQLite) before
the check, and `Event.booked` has a CHECK constraint, so overbooking cannot happen.

The services only change rows and return what changed (`Outcome`); the caller plans the
messages that follow (reminders, move-up notices) in the same unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import col, select

from storage.db import Session
from storage.errors import DomainError
from storage.events.models import MAX_PEOPLE, Event, Registration
from storage.members.models import Person

ACTIVE = ("registered", "waitlist")


@dataclass(frozen=True)
class Outcome:
    """What a sign-up or cancellation did: the event after it, the registration, who moved up.

    `was` is the registration's status before a cancellation ("registered" or "waitlist").
    """

    event: Event
    registration: Registration
    was: str = ""
    promoted: list[Registration] = field(default_factory=list)
    dropped_names: list[str] = field(default_factory=list)  # badge names cut by fewer people


async def register(
    s: Session, *, event_id: int, person_id: int, people: int, now: datetime
) -> Outcome:
    """Sign a person up for `people` places, or put them on the waiting list."""
    if not 1 <= people <= MAX_PEOPLE:
        raise DomainError("bad_people", max=MAX_PEOPLE)
    event = await lock_event(s, event_id)
    check_open(event, now)
    if await active_registration(s, event_id, person_id) is not None:
        raise DomainError("already_registered", title=event.title)
    if event.capacity is not None and people > event.capacity:
        raise DomainError("too_many_people", title=event.title, capacity=event.capacity)
    person = await s.get(Person, person_id)  # usually the sender, already in the session
    if person is not None and person.company_id is not None:
        await _check_company(s, event, person.company_id, people)
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
    return Outcome(event, reg)


async def change_people(
    s: Session, *, event_id: int, person_id: int, people: int, now: datetime
) -> Outcome:
    """Change how many people a registration brings; fewer frees places for the waiting list.

    More people are taken only from free places nobody waits for; a waiting sign-up keeps its
    place in the list with the new number (and moves up if it now fits at the head).
    """
    if not 1 <= people <= MAX_PEOPLE:
        raise DomainError("bad_people", max=MAX_PEOPLE)
    event = await lock_event(s, event_id)
    check_open(event, now)
    reg = await active_registration(s, event_id, person_id)
    if reg is None:
        raise DomainError("not_registered", title=event.title)
    was = reg.status
    if people == reg.people:
        return Outcome(event, reg, was)
    if event.capacity is not None and people > event.capacity:
        raise DomainError("too_many_people", title=event.title, capacity=event.capacity)
    if reg.company_id is not None:
        await _check_company(s, event, reg.company_id, people, leaving=reg)
    more = people - reg.people
    if reg.status == "registered":
        waiting = await _anyone_waiting(s, event_id)
        if more > 0 and (waiting or more > free_places(event)):
            raise DomainError("no_room_for_more", title=event.title,
                              free=0 if waiting else free_places(event))
        event.booked += more
    reg.people = people
    dropped = reg.names[people:]
    reg.names = reg.names[:people]  # a name too many would be a badge for nobody
    await s.flush()
    return Outcome(event, reg, was, await promote(s, event, now), dropped)


async def set_names(
    s: Session, *, event_id: int, person_id: int, names: list[str], now: datetime
) -> Registration:
    """Store who comes (for name badges): at most as many names as people; [] clears them."""
    event = await lock_event(s, event_id)
    if event.cancelled_at is not None:
        raise DomainError("event_cancelled", title=event.title)
    if event.start <= now:
        raise DomainError("event_past", title=event.title)
    reg = await active_registration(s, event_id, person_id)
    if reg is None:
        raise DomainError("not_registered", title=event.title)
    if len(names) > reg.people:
        raise DomainError("too_many_names", people=reg.people, given=len(names))
    reg.names = names
    await s.flush()
    return reg


async def company_places(s: Session, event_id: int, company_id: int,
                         leaving: Registration | None = None) -> int:
    """Return the places a company holds at an event (registered and waiting), but `leaving`."""
    rows = await s.exec(select(Registration).where(
        Registration.event_id == event_id, Registration.company_id == company_id,
        col(Registration.status).in_(ACTIVE),
    ))
    return sum(r.people for r in rows if leaving is None or r.id != leaving.id)


async def _check_company(s: Session, event: Event, company_id: int, people: int, *,
                         leaving: Registration | None = None) -> None:
    """Refuse more than `per_company` places for one company (the event row is locked)."""
    if event.per_company is None:
        return
    held = await company_places(s, event.id, company_id, leaving)
    if held + people > event.per_company:
        raise DomainError("company_cap", title=event.title, cap=event.per_company,
                          left=max(0, event.per_company - held))


async def cancel(
    s: Session, *, event_id: int, person_id: int, now: datetime, by_admin: bool = False
) -> Outcome:
    """Cancel a person's registration (or leave the waiting list) and move others up.

    The team (`by_admin`) may do so also after the deadline.
    """
    event = await lock_event(s, event_id)
    if not by_admin:
        check_open(event, now)
    reg = await active_registration(s, event_id, person_id)
    if reg is None:
        raise DomainError("not_registered", title=event.title)
    was = reg.status
    if reg.status == "registered":
        event.booked -= reg.people
    reg.status, reg.cancelled_at = "cancelled", now
    await s.flush()
    return Outcome(event, reg, was, await promote(s, event, now))


async def promote(s: Session, event: Event, now: datetime) -> list[Registration]:
    """Move waiting sign-ups up in strict FIFO order while the head fits (event row locked)."""
    moved: list[Registration] = []
    for reg in await active(s, event_id=event.id, status="waitlist"):
        if reg.people > free_places(event):
            break  # strict FIFO: the head blocks, nobody overtakes it
        reg.status, reg.promoted_at = "registered", now
        event.booked += reg.people
        moved.append(reg)
    await s.flush()
    return moved


def free_places(event: Event) -> int:
    """Return how many people still fit (a large number when the event has no limit)."""
    if event.capacity is None:
        return 1_000_000
    return max(0, event.capacity - event.booked)


async def lock_event(s: Session, event_id: int) -> Event:
    """Load and lock an event row for the rest of the unit of work."""
    q = (select(Event).where(col(Event.id) == event_id).with_for_update()
         # The row may sit in the session from an earlier read: take the locked, current one.
         .execution_options(populate_existing=True))
    event = (await s.exec(q)).one_or_none()
    if event is None:
        raise DomainError("event_unknown")
    return event


async def active_registration(s: Session, event_id: int, person_id: int) -> Registration | None:
    """Return the person's registered or waiting registration for an event."""
    q = select(Registration).where(
        Registration.event_id == event_id,
        Registration.person_id == person_id,
        col(Registration.status).in_(ACTIVE),
    )
    return (await s.exec(q)).one_or_none()


async def active(s: Session, *, event_id: int, status: str | None = None) -> list[Registration]:
    """Return an event's registered and waiting sign-ups (or those of one status), in order."""
    q = select(Registration).where(
        Registration.event_id == event_id,
        col(Registration.status).in_([status] if status else ACTIVE),
    )
    return list(await s.exec(q.order_by(col(Registration.created_at), col(Registration.id))))


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


async def _anyone_waiting(s: Session, event_id: int) -> bool:
    q = select(Registration.id).where(
        Registration.event_id == event_id, Registration.status == "waitlist"
    )
    return (await s.exec(q.limit(1))).first() is not None
