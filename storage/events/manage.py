"""The cluster team's changes to events: create, edit, cancel (in the caller's unit of work).

The services change rows and return whom a change concerns (`Changed`); the caller tells
those people and re-plans their reminders in the same unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from storage.db import Session
from storage.errors import DomainError
from storage.events.models import Event, Registration
from storage.events.signup import active, lock_event, promote

# Fields an admin may change; changing NOTIFY_ON fields tells every registered person.
EDITABLE = (
    "title", "start", "end", "place", "topic", "capacity", "per_company", "deadline", "kind",
    "link", "reminder_days",
)
NOTIFY_ON = ("title", "start", "end", "place")


@dataclass(frozen=True)
class Changed:
    """What an edit or a cancellation did.

    `told`: the people in `people` must be told (title, time or place changed, or cancelled;
    the calendar SEQUENCE grew). `people`: after an edit everyone registered (their reminders
    follow the event), after a cancellation everyone who was registered or waiting.
    `promoted`: waiting sign-ups that moved up because the capacity grew.
    """

    event: Event
    told: bool
    people: list[Registration] = field(default_factory=list)
    promoted: list[Registration] = field(default_factory=list)


async def create(s: Session, *, now: datetime, **fields: Any) -> Event:
    """Create an event from the admin dialog's answers."""
    event = Event(created_at=now, edited_in_chat=True, **fields)
    _validate(event)
    s.add(event)
    await s.flush()
    return event


async def update(s: Session, *, event_id: int, changes: dict[str, Any], now: datetime) -> Changed:
    """Change fields of an event; a larger capacity moves waiting sign-ups up."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    event = await lock_event(s, event_id)
    if event.cancelled_at is not None:
        raise DomainError("event_cancelled", title=event.title)
    told = any(getattr(event, k) != v for k, v in changes.items() if k in NOTIFY_ON)
    for k, v in changes.items():
        setattr(event, k, v)
    if "start" in changes:
        event.date_note = None  # a typed time replaces "September 2026, Termin folgt"
    # A value the team typed is no longer the catalogue's assumption (a typed start fixes
    # the time of day too).
    typed = {*changes, "time"} if "start" in changes else set(changes)
    event.provisional = [f for f in event.provisional or [] if f not in typed]
    event.edited_in_chat = True
    if told:
        event.sequence += 1
    _validate(event)
    promoted = await promote(s, event, now)
    registered = await active(s, event_id=event_id, status="registered")
    return Changed(event, told, registered, promoted)


# Assumed fields that make the date itself (and the calendar entry) provisional.
WHEN_FIELDS = ("start", "time")


async def confirm(s: Session, *, event_id: int) -> tuple[Event, list[str]]:
    """Confirm the catalogue's assumed values of an event; return it and what they were."""
    event = await lock_event(s, event_id)
    if not event.provisional:
        raise DomainError("event_not_provisional", title=event.title)
    fields = list(event.provisional)
    event.provisional = []
    if event.date_note:  # a confirmed date is the date itself, not "September, Termin folgt"
        event.date_note = None
    if any(f in WHEN_FIELDS for f in fields):
        event.sequence += 1  # the calendar entry loses its "vorläufig": calendars must update
    return event, fields


async def cancel_event(s: Session, *, event_id: int, now: datetime) -> Changed:
    """Cancel an event; return everyone who was registered or waiting (to be told)."""
    event = await lock_event(s, event_id)
    if event.cancelled_at is not None:
        raise DomainError("event_cancelled", title=event.title)
    if event.start <= now:  # over (or running): cancelling would tell those who came
        raise DomainError("event_over", title=event.title)
    event.cancelled_at, event.sequence = now, event.sequence + 1
    return Changed(event, True, await active(s, event_id=event_id))


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
    if event.per_company is not None and event.per_company < 1:
        raise DomainError("event_invalid", field="per_company")
