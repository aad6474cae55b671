"""Events: catalogue seeding, listings for members and the team, admin create/edit/cancel."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox
from storage.catalogue import Catalogue, seed_missing
from storage.db import Database
from storage.errors import DomainError
from storage.event_signup import (
    ACTIVE,
    Change,
    Notes,
    Outcome,
    apply_notes,
    lock_event,
    person_key,
    promote,
)
from storage.models import Company, Event, Person, Registration
from storage.types import utcnow

log = logging.getLogger(__name__)
# Fields an admin may change; changing these tells every registered person (new .ics).
EDITABLE = (
    "title", "start", "end", "place", "topic", "capacity", "deadline", "kind", "link",
    "reminder_days",
)
NOTIFY_ON = ("title", "start", "end", "place")


@dataclass(frozen=True)
class Entry:
    """One registration with the person and company behind it."""

    registration: Registration
    person: Person
    company: Company | None
    event: Event


async def seed_events(db: Database, catalogue: Catalogue) -> int:
    """Insert catalogue events that are missing (by key); never overwrite; return how many."""
    return await seed_missing(db, entries=catalogue.section("events"), key_column=Event.key,
                              build=lambda raw: _from_catalogue(raw, catalogue))


def _from_catalogue(raw: dict[str, Any], catalogue: Catalogue) -> Event:
    def when(name: str) -> datetime | None:
        return catalogue.local(raw[name]) if raw.get(name) else None

    kind = raw.get("kind", "intern")
    return Event(
        key=raw["key"], title=raw["title"], start=when("start"), end=when("end"),
        date_note=raw.get("date_note"), place=raw.get("place"), city=raw.get("city"),
        topic=raw.get("topic"), kind=kind, deadline=when("deadline"), link=raw.get("link"),
        capacity=raw.get("capacity") if kind == "intern" else None,
        directions=raw.get("directions"), reminder_days=list(raw.get("reminders", [7, 1])),
        created_at=utcnow(),
    )


async def get(db: Database, *, event_id: int) -> Event | None:
    """Return one event."""
    async with db.read() as s:
        return await s.get(Event, event_id)


async def upcoming(db: Database, *, now: datetime, include_cancelled: bool = False) -> list[Event]:
    """Return events that have not started yet, soonest first."""
    async with db.read() as s:
        q = select(Event).where(Event.start > now)
        if not include_cancelled:
            q = q.where(Event.cancelled_at.is_(None))  # type: ignore[union-attr]
        rows = await s.execute(q.order_by(Event.start, Event.id))  # type: ignore[arg-type]
        return list(rows.scalars())


async def find(db: Database, *, query: str, now: datetime | None = None) -> list[Event]:
    """Find events by id, key or words of the title (upcoming first when `now` is given)."""
    q = query.strip()
    async with db.read() as s:
        stmt = select(Event)
        if q.isdigit():
            stmt = stmt.where(Event.id == int(q))
        elif q:
            like = f"%{q.lower()}%"
            stmt = stmt.where(or_(func.lower(Event.title).like(like), Event.key == q))
        if now is not None:
            stmt = stmt.where(Event.start > now)
        rows = await s.execute(stmt.order_by(Event.start, Event.id))  # type: ignore[arg-type]
        return list(rows.scalars())


async def entries(
    db: Database, *, event_id: int | None = None, person_id: int | None = None,
    company_id: int | None = None, active_only: bool = False,
) -> list[Entry]:
    """Return registrations with person, company and event, in event and sign-up order."""
    async with db.read() as s:
        q = (
            select(Registration, Person, Company, Event)
            .join(Person, Person.id == Registration.person_id)
            .join(Event, Event.id == Registration.event_id)
            .outerjoin(Company, Company.id == Registration.company_id)
        )
        if event_id is not None:
            q = q.where(Registration.event_id == event_id)
        whose = [c for c in (
            Registration.person_id == person_id if person_id is not None else None,
            Registration.company_id == company_id if company_id is not None else None,
        ) if c is not None]
        if whose:
            q = q.where(or_(*whose))
        if active_only:
            q = q.where(Registration.status.in_(ACTIVE))  # type: ignore[attr-defined]
        q = q.order_by(Event.start, Event.id, Registration.created_at, Registration.id)  # type: ignore[arg-type]
        return [Entry(r, p, c, e) for r, p, c, e in (await s.execute(q)).all()]


async def create(db: Database, *, now: datetime, **fields: Any) -> Event:
    """Create an event from the admin dialog's answers."""
    event = Event(created_at=now, edited_in_chat=True, **fields)
    _validate(event)
    async with db.transaction() as s:
        s.add(event)
        await s.flush()
        return event


async def update(
    db: Database, *, event_id: int, changes: dict[str, Any], now: datetime,
    notes: Notes | None = None,
) -> Outcome:
    """Change fields of an event; tell registered people when title, time or place changed."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    async with db.transaction() as s:
        event = await lock_event(s, event_id)
        if event.cancelled_at is not None:
            raise DomainError("event_cancelled", title=event.title)
        notify = any(getattr(event, k) != v for k, v in changes.items() if k in NOTIFY_ON)
        old_days = list(event.reminder_days or [])
        for k, v in changes.items():
            setattr(event, k, v)
        if "start" in changes:
            event.date_note = None  # a typed time replaces "September 2026, Termin folgt"
        event.edited_in_chat = True
        if notify:
            event.sequence += 1
        _validate(event)
        moved_up = await promote(s, event, now)  # a larger capacity frees places
        replan = notify or old_days != list(event.reminder_days or [])
        what = "changed" if notify else "replan"
        changed = [Change(what, r) for r in await _registered(s, event_id)] if replan else []
        for ch in changed:  # reminders are re-planned by the notes; stale times must go
            days = set(old_days) | set(event.reminder_days or [])
            await _unplan_reminders(s, event, ch.registration.person_id, days, now)
        outcome = Outcome(event, moved_up + changed)
        await apply_notes(s, outcome, notes, now)
        return outcome


async def cancel_event(db: Database, *, event_id: int, now: datetime,
                       notes: Notes | None = None) -> Outcome:
    """Cancel an event: drop its reminders and tell everyone registered or waiting."""
    async with db.transaction() as s:
        event = await lock_event(s, event_id)
        if event.cancelled_at is not None:
            raise DomainError("event_cancelled", title=event.title)
        event.cancelled_at, event.sequence = now, event.sequence + 1
        await outbox.unplan_in(s, key_prefix=f"event:{event_id}:", now=now, reason="abgesagt")
        rows = await s.execute(select(Registration).where(
            Registration.event_id == event_id, Registration.status.in_(ACTIVE)))  # type: ignore[attr-defined]
        outcome = Outcome(event, [Change("event_cancelled", r) for r in rows.scalars()])
        await apply_notes(s, outcome, notes, now)
        return outcome


async def _unplan_reminders(
    s: AsyncSession, event: Event, person_id: int, all_days: set[int], now: datetime
) -> None:
    for days in sorted(all_days):
        key = f"{person_key(event.id, person_id)}d{days}"  # type: ignore[arg-type]
        await outbox.unplan_in(s, key_prefix=key, now=now, reason="Termin geändert")


async def _registered(s: AsyncSession, event_id: int) -> list[Registration]:
    rows = await s.execute(select(Registration).where(
        Registration.event_id == event_id, Registration.status == "registered"))
    return list(rows.scalars())


def _validate(event: Event) -> None:
    if event.kind not in ("intern", "extern", "info"):
        raise DomainError("event_invalid", field="kind")
    if event.end is not None and event.end < event.start:
        raise DomainError("event_invalid", field="end")
    if event.deadline is not None and event.deadline > event.start:
        raise DomainError("event_invalid", field="deadline")
    if event.capacity is not None and event.capacity < event.booked:
        raise DomainError("capacity_below_booked", booked=event.booked)
    if event.capacity is not None and event.capacity < 1:
        raise DomainError("event_invalid", field="capacity")
