"""The events of the cluster's year from the catalogue (`[[events]]`): the columns an entry gives
a row, and seeding the entries that are missing (a new catalogue's changes: storage.catalogue)."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from storage.catalogue import Catalogue
from storage.catalogue.schema import EventEntry
from storage.db import Session
from storage.events.models import Event
from storage.types import utcnow

DEFAULT_REMINDERS = (7, 1)


def values(e: EventEntry, catalogue: Catalogue) -> dict[str, Any]:
    """Return the columns an event row takes from its catalogue entry (times made aware)."""
    return {
        "title": e.title, "start": catalogue.local(e.start),
        "end": catalogue.local(e.end) if e.end else None, "date_note": e.date_note or None,
        "place": e.place, "city": e.city, "topic": e.topic, "kind": e.kind,
        "deadline": catalogue.local(e.deadline) if e.deadline else None, "link": e.link,
        "capacity": e.capacity if e.kind == "intern" else None, "directions": e.directions,
        "reminder_days": list(DEFAULT_REMINDERS if e.reminders is None else e.reminders),
        "per_company": ((e.per_company or catalogue.data.cluster.places_per_company)
                        if e.kind == "intern" else None),
        "provisional": sorted(e.provisional),
    }


async def seed(s: Session, catalogue: Catalogue) -> int:
    """Insert catalogue events that are missing (by key); never overwrite; return how many."""
    known = set(await s.exec(select(col(Event.key))))
    fresh = [
        # created_at: when it entered the database; no clock is at hand at start
        Event(key=e.key, created_at=utcnow(), **values(e, catalogue))
        for e in catalogue.data.events if e.key not in known
    ]
    s.add_all(fresh)
    return len(fresh)
