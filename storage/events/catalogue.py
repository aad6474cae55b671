"""The events of the cluster's year from the catalogue (`[[events]]`), seeded once at start."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import col

from storage.catalogue import Catalogue, seed_missing
from storage.db import Session
from storage.events.models import Event
from storage.types import utcnow


async def seed(s: Session, catalogue: Catalogue) -> int:
    """Insert catalogue events that are missing (by key); never overwrite; return how many."""
    return await seed_missing(s, entries=catalogue.section("events"), key_column=col(Event.key),
                              build=lambda raw: _from_catalogue(raw, catalogue))


def _from_catalogue(raw: dict[str, Any], catalogue: Catalogue) -> Event:
    def when(name: str) -> datetime | None:
        return catalogue.local(raw[name]) if raw.get(name) else None

    kind = raw.get("kind", "intern")
    return Event(
        key=raw["key"], title=raw["title"], start=catalogue.local(raw["start"]), end=when("end"),
        date_note=raw.get("date_note"), place=raw.get("place"), city=raw.get("city"),
        topic=raw.get("topic"), kind=kind, deadline=when("deadline"), link=raw.get("link"),
        capacity=raw.get("capacity") if kind == "intern" else None,
        directions=raw.get("directions"), reminder_days=list(raw.get("reminders", [7, 1])),
        created_at=utcnow(),  # when it entered the database; no clock is at hand at start
    )
