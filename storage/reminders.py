"""Reminder services: reconcile planned series rows, per-kind switches, personal reminders."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox
from storage.db import Database
from storage.errors import DomainError
from storage.models import OutboxMessage, ReminderPreference

PERSONAL = "personal"
# Rows dropped for these reasons come back when the planner wants them again.
REPLANNABLE = frozenset({"unplanned", "switched_off", "unreachable"})


@dataclass(frozen=True)
class Planned:
    """A row a planner wants in the outbox."""

    person_id: int
    kind: str
    text: str
    due_at: datetime
    not_after: datetime | None = None
    urgent: bool = False


async def sync(db: Database, *, prefix: str, wanted: dict[str, Planned], now: datetime) -> int:
    """Make the unsent rows under `prefix` match `wanted` (by dedupe key); return the changes.

    Rows that already match are left alone (their retry state survives); rows no longer
    wanted are dropped; sent rows are never touched.
    """
    changed = 0
    async with db.transaction() as s:
        q = select(OutboxMessage).where(
            OutboxMessage.dedupe_key.startswith(prefix, autoescape=True),
            or_(OutboxMessage.dedupe_key.in_(list(wanted)),
                OutboxMessage.sent_at.is_(None) & OutboxMessage.dropped_at.is_(None)),
        )
        have = {r.dedupe_key: r for r in (await s.execute(q)).scalars()}
        for key, row in have.items():
            if key not in wanted and row.sent_at is None and row.dropped_at is None:
                row.dropped_at, row.drop_reason = now, "unplanned"
                changed += 1
        for key, p in wanted.items():
            row = have.get(key)
            if row is not None and not _needs_plan(row, p):
                continue
            changed += await outbox.plan_in(
                s, person_id=p.person_id, kind=p.kind, text=p.text, due_at=p.due_at,
                dedupe_key=key, now=now, not_after=p.not_after, urgent=p.urgent,
            )
    return changed


def _needs_plan(row: OutboxMessage, p: Planned) -> bool:
    if row.sent_at is not None:
        return False
    if row.dropped_at is not None:
        return row.drop_reason in REPLANNABLE
    return (row.text, row.due_at, row.not_after, row.kind, row.urgent) != (
        p.text, p.due_at, p.not_after, p.kind, p.urgent,
    )


async def disabled_kinds(db: Database, *, person_ids: list[int]) -> set[tuple[int, str]]:
    """Return the (person, kind) pairs switched off."""
    async with db.read() as s:
        q = select(ReminderPreference.person_id, ReminderPreference.kind).where(
            ReminderPreference.person_id.in_(person_ids), ReminderPreference.enabled.is_(False)
        )
        return {(pid, kind) for pid, kind in (await s.execute(q)).all()}


async def set_enabled(db: Database, *, person_id: int, kind: str, enabled: bool) -> None:
    """Switch one kind of reminder on or off for a person."""
    async with db.transaction() as s:
        await set_enabled_in(s, person_id=person_id, kind=kind, enabled=enabled)


async def set_enabled_in(s: AsyncSession, *, person_id: int, kind: str, enabled: bool) -> None:
    """Switch a kind on or off inside an open transaction."""
    row = await s.get(ReminderPreference, (person_id, kind))
    if row is None:
        s.add(ReminderPreference(person_id=person_id, kind=kind, enabled=enabled))
    else:
        row.enabled = enabled


async def plan_personal(db: Database, *, person_id: int, text: str, due_at: datetime,
                        now: datetime) -> str:
    """Plan a reminder the person asked for (at exactly that time: ignores quiet hours)."""
    if due_at <= now:
        raise DomainError("reminder_past")
    key = f"{PERSONAL}:{person_id}:{uuid.uuid4().hex}"
    await outbox.plan(db, person_id=person_id, kind=PERSONAL, text=text, due_at=due_at,
                      dedupe_key=key, now=now, urgent=True)
    return key


async def delete_personal(db: Database, *, person_id: int, row_id: int, now: datetime) -> bool:
    """Delete one of the person's own pending personal reminders; False if not (any more)."""
    async with db.transaction() as s:
        row = await s.get(OutboxMessage, row_id)
        if row is None or row.person_id != person_id or row.kind != PERSONAL:
            return False
        if row.sent_at is not None or row.dropped_at is not None:
            return False
        row.dropped_at, row.drop_reason = now, "deleted"
        return True


async def planned_for(db: Database, *, person_id: int) -> list[OutboxMessage]:
    """Return what is still planned for the person, by due time."""
    return await outbox.pending_for(db, person_id=person_id)
