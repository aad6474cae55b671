"""Who a poll or a broadcast goes to: all members, one state's companies, an event's people,
the people with one company role."""

from __future__ import annotations

from sqlmodel import col, select

from storage.db import Session
from storage.errors import DomainError
from storage.events.models import Event, Registration
from storage.members.models import Company, Person
from storage.polls import roles

STATES = ("BB", "SN")
EVENT_PREFIX = "event:"


def event_audience(event_id: int) -> str:
    """Return the audience code of the people registered for an event."""
    return f"{EVENT_PREFIX}{event_id}"


def event_of(audience: str) -> int | None:
    """Return the event id of an event audience, else None."""
    if not audience.startswith(EVENT_PREFIX):
        return None
    raw = audience.removeprefix(EVENT_PREFIX)
    return int(raw) if raw.isdigit() else None


async def people(s: Session, *, audience: str) -> list[Person]:
    """Return the reachable, linked people of an audience (each once, in id order)."""
    q = select(Person).where(col(Person.company_id).is_not(None),
                             col(Person.unreachable_at).is_(None))
    if audience in STATES:
        q = q.join(Company, col(Company.id) == col(Person.company_id)).where(
            col(Company.state) == audience)
    elif (event_id := event_of(audience)) is not None:
        registered = select(Registration.person_id).where(
            col(Registration.event_id) == event_id, col(Registration.status) == "registered")
        q = q.where(col(Person.id).in_(registered))
    elif audience.startswith(roles.PREFIX):
        role = roles.role_of(audience)
        if role is None:
            raise DomainError("audience_unknown", audience=audience)
        q = q.where(roles.with_role(role))
    elif audience != "all":
        raise DomainError("audience_unknown", audience=audience)
    return list(await s.exec(q.order_by(col(Person.id))))


async def events_with_people(s: Session, *, limit: int = 8) -> list[Event]:
    """Return the latest events with people registered through the bot (not cancelled)."""
    q = (select(Event).where(col(Event.cancelled_at).is_(None), col(Event.booked) > 0)
         .order_by(col(Event.start).desc()).limit(limit))
    return list(await s.exec(q))


async def event_title(s: Session, *, event_id: int) -> str | None:
    """Return the title of an event, if it exists."""
    ev = await s.get(Event, event_id)
    return None if ev is None else ev.title
