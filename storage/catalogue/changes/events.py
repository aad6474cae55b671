"""What a new catalogue means for the events that came from the old one, and applying it.

Upcoming rows follow the merge rule (changes.merge); an upcoming event the new catalogue no
longer has is cancelled. Events that are over are history: never changed, never cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import col, select

from storage.catalogue.changes.merge import (
    KEPT_BOOKED,
    EntryChange,
    FieldChange,
    assumed_after,
    three_way,
)
from storage.catalogue.model import Catalogue
from storage.db import Session
from storage.events import catalogue as event_catalogue
from storage.events.manage import NOTIFY_ON
from storage.events.models import Event, Registration
from storage.events.signup import active, lock_event, promote

KIND = "event"


@dataclass
class EventsApplied:
    """Whom the applied changes concern (the caller tells them and re-plans reminders)."""

    changed: list[tuple[Event, list[Registration], bool]] = field(default_factory=list)
    cancelled: list[tuple[Event, list[Registration]]] = field(default_factory=list)
    promoted: list[tuple[Event, list[Registration]]] = field(default_factory=list)


async def compare(s: Session, *, old: Catalogue, new: Catalogue,
                  now: datetime) -> list[EntryChange]:
    """Return one EntryChange per event the new catalogue adds, changes or removes."""
    rows = {e.key: e for e in await s.exec(select(Event).where(col(Event.key).is_not(None)))}
    base = {e.key: event_catalogue.values(e, old) for e in old.data.events}
    out: list[EntryChange] = []
    for entry in new.data.events:
        wanted = event_catalogue.values(entry, new)
        row = rows.get(entry.key)
        if row is None:
            out.append(EntryChange(KIND, entry.key, entry.title, "new", wanted["start"],
                                   provisional=sorted(entry.provisional)))
        elif row.start > now and row.cancelled_at is None:
            change = await _changed(s, row, base.get(entry.key), wanted)
            if change is not None:
                out.append(change)
    keys = {e.key for e in new.data.events}
    for key in base.keys() - keys:
        row = rows.get(key)
        if row is not None and row.cancelled_at is None:
            out.append(await _removed(s, row, now))
    return out


async def _changed(s: Session, row: Event, base: dict[str, object] | None,
                   wanted: dict[str, object]) -> EntryChange | None:
    fields = three_way(base, wanted, row)
    if not fields:
        return None
    regs = await active(s, event_id=row.id)
    fields = [_capacity(f, row) if f.name == "capacity" and not f.kept else f for f in fields]
    change = EntryChange(KIND, row.key or "", row.title, "changed", row.start, fields,
                         affected=len(regs), row_id=row.id,
                         provisional=assumed_after(fields, row.provisional))
    if not change.applied:
        change.what = "kept"
    elif not _valid({**_now(row), **{f.name: f.new for f in change.applied}}):
        change.what = "conflict"
    elif any(f.name in NOTIFY_ON for f in change.applied):
        change.told = sum(1 for r in regs if r.status == "registered")
    return change


def _capacity(f: FieldChange, row: Event) -> FieldChange:
    """Fewer places than people signed up: the capacity stays (nobody is pushed out)."""
    if f.new is not None and f.new < row.booked:
        return FieldChange(f.name, f.old, f.new, KEPT_BOOKED, booked=row.booked)
    return f


async def _removed(s: Session, row: Event, now: datetime) -> EntryChange:
    if row.start <= now:
        return EntryChange(KIND, row.key or "", row.title, "past", row.start, row_id=row.id)
    regs = await active(s, event_id=row.id)
    return EntryChange(KIND, row.key or "", row.title, "removed", row.start,
                       affected=len(regs), told=len(regs), row_id=row.id)


def _now(row: Event) -> dict[str, object]:
    return {"start": row.start, "end": row.end, "deadline": row.deadline}


def _valid(v: dict[str, object]) -> bool:
    start, end, deadline = v["start"], v["end"], v["deadline"]
    assert isinstance(start, datetime)
    return ((end is None or (isinstance(end, datetime) and end >= start))
            and (deadline is None or (isinstance(deadline, datetime) and deadline <= start)))


async def apply(s: Session, changes: list[EntryChange], *, now: datetime) -> EventsApplied:
    """Write the changes (new events are the seeder's); return whom they concern."""
    out = EventsApplied()
    for c in changes:
        if c.kind != KIND or c.row_id is None:
            continue
        if c.what == "changed":
            ev = await lock_event(s, c.row_id)
            told = any(f.name in NOTIFY_ON for f in c.applied)
            for f in c.applied:
                setattr(ev, f.name, f.new)
            if told:
                ev.sequence += 1
            out.promoted.append((ev, await promote(s, ev, now)))
            out.changed.append((ev, await active(s, event_id=ev.id, status="registered"), told))
        elif c.what == "removed":
            ev = await lock_event(s, c.row_id)
            ev.cancelled_at, ev.sequence = now, ev.sequence + 1
            out.cancelled.append((ev, await active(s, event_id=ev.id)))
    return out
