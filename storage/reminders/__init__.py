"""Personal reminders (outbox rows of kind "personal") and what is planned for a person."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select

from storage.db import Session
from storage.errors import DomainError
from storage.outbox import OutboxMessage, pending_for, preferences

PERSONAL = "personal"
TEXT_MAX = 500


async def delete_personal(s: Session, *, person_id: int, row_id: int, now: datetime) -> bool:
    """Delete one of the person's own pending reminders; False if not theirs or gone."""
    row = await s.get(OutboxMessage, row_id)
    if row is None or row.person_id != person_id or row.kind != PERSONAL:
        return False
    if row.sent_at is not None or row.dropped_at is not None:
        return False
    row.dropped_at, row.drop_reason = now, "deleted"
    return True


async def planned_for(s: Session, *, person_id: int) -> list[OutboxMessage]:
    """Return what will still be sent to the person, by due time (kinds switched off left out)."""
    off = {kind for _, kind in await preferences.switched_off(s, person_ids=[person_id])}
    return [r for r in await pending_for(s, person_id=person_id) if r.kind not in off]


async def check_room(s: Session, *, person_id: int, limit: int) -> None:
    """Refuse (DomainError "too_many_reminders") when the person has `limit` unsent reminders."""
    query = select(func.count()).select_from(OutboxMessage).where(
        col(OutboxMessage.person_id) == person_id, col(OutboxMessage.kind) == PERSONAL,
        col(OutboxMessage.sent_at).is_(None), col(OutboxMessage.dropped_at).is_(None))
    if (await s.exec(query)).one() >= limit:
        raise DomainError("too_many_reminders", max=limit)
