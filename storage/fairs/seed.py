"""The catalogue's fairs (`[[fairs]]`): inserted at start when missing, never overwritten."""

from __future__ import annotations

from typing import Any

from storage.catalogue import Catalogue, seed_missing
from storage.db import Session
from storage.fairs.models import Fair


async def seed_fairs(s: Session, catalogue: Catalogue) -> int:
    """Insert catalogue fairs that are missing (by key); return how many."""
    return await seed_missing(s, entries=catalogue.section("fairs"), key_column=Fair.key,
                              build=lambda entry: _fair(entry, catalogue))


def _fair(entry: dict[str, Any], catalogue: Catalogue) -> Fair:
    return Fair(
        key=entry["key"], title=entry["title"],
        days=[d.isoformat() for d in entry["days"]], place=entry.get("place", ""),
        city=entry.get("city", ""), setup=entry.get("setup", ""),
        deadline=catalogue.local(entry["deadline"]),
        capacity_m2=int(entry["capacity_m2"]), note=entry.get("note", ""),
    )
