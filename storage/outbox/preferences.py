"""Per-person switches for kinds of pushed messages (absent row = on)."""

from __future__ import annotations

from collections.abc import Collection

from sqlmodel import col, select

from storage.db import Session
from storage.outbox.models import ReminderPreference


async def switched_off(s: Session, *, person_ids: Collection[int]) -> set[tuple[int, str]]:
    """Return the (person, kind) pairs switched off."""
    q = select(ReminderPreference.person_id, ReminderPreference.kind).where(
        col(ReminderPreference.person_id).in_(list(person_ids)),
        col(ReminderPreference.enabled).is_(False),
    )
    return {(pid, kind) for pid, kind in await s.exec(q)}


async def is_on(s: Session, *, person_id: int, kind: str) -> bool:
    """Tell whether a person gets messages of `kind`."""
    row = await s.get(ReminderPreference, (person_id, kind))
    return row is None or row.enabled


async def switch(s: Session, *, person_id: int, kind: str, enabled: bool) -> None:
    """Switch one kind on or off for a person."""
    row = await s.get(ReminderPreference, (person_id, kind))
    if row is None:
        s.add(ReminderPreference(person_id=person_id, kind=kind, enabled=enabled))
    else:
        row.enabled = enabled
