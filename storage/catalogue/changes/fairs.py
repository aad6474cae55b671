"""What a new catalogue means for the fairs that came from the old one, and applying it.

Upcoming fairs follow the merge rule (changes.merge); an upcoming fair the new catalogue no
longer has is closed (`cancelled_at`): its requests stay as they were, the companies are told.
A fair whose last day is over is history.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import col, select

from storage.catalogue.changes.merge import EntryChange, assumed_after, three_way
from storage.catalogue.model import Catalogue
from storage.db import Session
from storage.fairs import queries
from storage.fairs.models import ACTIVE, BoothRequest, Fair
from storage.fairs.seed import values

KIND = "fair"
TELL_ON = ("title", "days", "place", "city", "setup")  # what exhibitors must know


@dataclass
class FairsApplied:
    """Whose requests the applied changes concern: (fair, active requests)."""

    changed: list[tuple[Fair, list[BoothRequest]]] = field(default_factory=list)
    cancelled: list[tuple[Fair, list[BoothRequest]]] = field(default_factory=list)


async def compare(s: Session, *, old: Catalogue, new: Catalogue,
                  now: datetime) -> list[EntryChange]:
    """Return one EntryChange per fair the new catalogue adds, changes or removes."""
    today = now.astimezone(new.tz).date()
    rows = {f.key: f for f in await s.exec(select(Fair))}
    base = {e.key: values(e, old) for e in old.data.fairs}
    out: list[EntryChange] = []
    for entry in new.data.fairs:
        wanted = values(entry, new)
        row = rows.get(entry.key)
        if row is None:
            out.append(EntryChange(KIND, entry.key, entry.title, "new", entry.days[0],
                                   provisional=sorted(entry.provisional)))
        elif _ahead(row, today) and row.cancelled_at is None:
            fields = three_way(base.get(entry.key), wanted, row)
            if fields:
                reqs = await _active(s, row)
                change = EntryChange(KIND, row.key, row.title, "changed", _first(row), fields,
                                     affected=len(reqs), row_id=row.id,
                                     provisional=assumed_after(fields, row.provisional))
                if not change.applied:
                    change.what = "kept"
                elif any(f.name in TELL_ON for f in change.applied):
                    change.told = len(reqs)
                out.append(change)
    for key in base.keys() - {e.key for e in new.data.fairs}:
        row = rows.get(key)
        if row is None or row.cancelled_at is not None:
            continue
        if not _ahead(row, today):
            out.append(EntryChange(KIND, key, row.title, "past", _first(row), row_id=row.id))
            continue
        reqs = await _active(s, row)
        out.append(EntryChange(KIND, key, row.title, "removed", _first(row),
                               affected=len(reqs), told=len(reqs), row_id=row.id))
    return out


async def apply(s: Session, changes: list[EntryChange], *, now: datetime) -> FairsApplied:
    """Write the changes (new fairs are the seeder's); return whose requests they concern."""
    out = FairsApplied()
    for c in changes:
        if c.kind != KIND or c.row_id is None or c.what not in ("changed", "removed"):
            continue
        q = select(Fair).where(Fair.id == c.row_id).with_for_update()
        fair = (await s.exec(q.execution_options(populate_existing=True))).one()
        reqs = await _active(s, fair)
        if c.what == "removed":
            fair.cancelled_at = now
            out.cancelled.append((fair, reqs))
            continue
        for f in c.applied:
            setattr(fair, f.name, f.new)
        for req in reqs:  # booked days the fair no longer has: all its days instead
            kept = [d for d in req.days if d in fair.days]
            if kept != req.days:
                req.days, req.updated_at = kept or list(fair.days), now
        if c.told:
            out.changed.append((fair, reqs))
    return out


async def _active(s: Session, fair: Fair) -> list[BoothRequest]:
    rows = await s.exec(select(BoothRequest).where(
        BoothRequest.fair_id == fair.id, col(BoothRequest.status).in_(ACTIVE)))
    return list(rows)


def _first(fair: Fair) -> date | None:
    days = queries.fair_dates(fair)
    return days[0] if days else None


def _ahead(fair: Fair, today: date) -> bool:
    days = queries.fair_dates(fair)
    return bool(days) and days[-1] >= today
