"""Planning into the outbox: features call `plan`/`unplan`; the scheduler delivers."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database
from storage.models import OutboxMessage


def file_payload(name: str, mime: str, data: bytes) -> dict[str, str]:
    """Encode a file for an outbox payload."""
    return {"name": name, "mime": mime, "data_b64": base64.b64encode(data).decode("ascii")}


async def plan(
    db: Database,
    *,
    person_id: int,
    kind: str,
    text: str,
    due_at: datetime,
    dedupe_key: str,
    now: datetime,
    not_after: datetime | None = None,
    urgent: bool = False,
    buttons: list[list[tuple[str, str]]] | None = None,
    file: dict[str, str] | None = None,
) -> bool:
    """Plan one message; re-planning an unsent key updates it, a sent key is never re-sent.

    `buttons` are rows of (label, action) pairs, resolved to tokens at delivery time.
    Returns True when a row was created or updated.
    """
    async with db.transaction() as s:
        return await plan_in(
            s, person_id=person_id, kind=kind, text=text, due_at=due_at, dedupe_key=dedupe_key,
            now=now, not_after=not_after, urgent=urgent, buttons=buttons, file=file,
        )


async def plan_in(
    s: AsyncSession,
    *,
    person_id: int,
    kind: str,
    text: str,
    due_at: datetime,
    dedupe_key: str,
    now: datetime,
    not_after: datetime | None = None,
    urgent: bool = False,
    buttons: list[list[tuple[str, str]]] | None = None,
    file: dict[str, str] | None = None,
) -> bool:
    """Plan inside an open transaction (so a feature's write and its reminders commit together)."""
    payload: dict[str, Any] = {}
    if buttons:
        payload["buttons"] = [[list(b) for b in row] for row in buttons]
    if file:
        payload["file"] = file
    row = (
        await s.execute(select(OutboxMessage).where(OutboxMessage.dedupe_key == dedupe_key))
    ).scalar_one_or_none()
    if row is None:
        s.add(OutboxMessage(
            person_id=person_id, kind=kind, text=text, payload=payload, due_at=due_at,
            not_after=not_after, urgent=urgent, dedupe_key=dedupe_key, created_at=now,
        ))
        await s.flush()
        return True
    if row.sent_at is not None:
        return False
    same = (row.text, row.payload, row.due_at, row.not_after, row.urgent, row.kind,
            row.person_id) == (text, payload, due_at, not_after, urgent, kind, person_id)
    if same and row.dropped_at is None:
        return False  # planners re-plan on every run: keep the retry state of a failing row
    if row.drop_reason == "gave_up" and row.due_at == due_at:
        return False  # delivery gave up on this very message; only a new time revives it
    fresh = row.dropped_at is not None or row.due_at != due_at
    row.text, row.payload, row.due_at, row.not_after = text, payload, due_at, not_after
    row.urgent, row.kind, row.person_id = urgent, kind, person_id
    row.dropped_at = row.drop_reason = None
    if fresh:
        row.attempts, row.next_attempt_at = 0, None
    return True


async def unplan(db: Database, *, key_prefix: str, now: datetime, reason: str) -> int:
    """Drop every unsent row whose dedupe key starts with `key_prefix`; return how many."""
    async with db.transaction() as s:
        return await unplan_in(s, key_prefix=key_prefix, now=now, reason=reason)


async def unplan_in(s: AsyncSession, *, key_prefix: str, now: datetime, reason: str) -> int:
    """Drop unsent rows by key prefix inside an open transaction."""
    res = await s.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.dedupe_key.startswith(key_prefix, autoescape=True),
            OutboxMessage.sent_at.is_(None),
            OutboxMessage.dropped_at.is_(None),
        )
        .values(dropped_at=now, drop_reason=reason)
    )
    return res.rowcount or 0


async def pending_for(db: Database, *, person_id: int) -> list[OutboxMessage]:
    """Return a person's unsent, undropped rows by due time."""
    async with db.read() as s:
        rows = await s.execute(
            select(OutboxMessage)
            .where(
                OutboxMessage.person_id == person_id,
                OutboxMessage.sent_at.is_(None),
                OutboxMessage.dropped_at.is_(None),
            )
            .order_by(OutboxMessage.due_at)
        )
        return list(rows.scalars())
