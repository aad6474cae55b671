"""The catalogue's fairs (`[[fairs]]`): the columns an entry gives a row; missing ones seeded."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from storage.catalogue import Catalogue
from storage.catalogue.schema import FairEntry
from storage.db import Session
from storage.fairs.models import Fair


def values(e: FairEntry, catalogue: Catalogue) -> dict[str, Any]:
    """Return the columns a fair row takes from its catalogue entry."""
    return {
        "title": e.title, "days": [d.isoformat() for d in e.days], "place": e.place,
        "city": e.city, "setup": e.setup, "deadline": catalogue.local(e.deadline),
        "capacity_m2": e.capacity_m2, "note": e.note,
        "provisional": sorted(e.provisional),
    }


async def seed_fairs(s: Session, catalogue: Catalogue) -> int:
    """Insert catalogue fairs that are missing (by key); return how many."""
    known = set(await s.exec(select(col(Fair.key))))
    fresh = [Fair(key=e.key, **values(e, catalogue))
             for e in catalogue.data.fairs if e.key not in known]
    s.add_all(fresh)
    return len(fresh)
