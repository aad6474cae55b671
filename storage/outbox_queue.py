"""The outbox as a delivery queue: claim, confirm, retry and drop rows, one transaction each."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database
from storage.models import OutboxMessage, Person, ReminderPreference

log = logging.getLogger(__name__)

# Set while a claimed row is being handed to the transport; cleared once the port returned.
IN_FLIGHT = "in flight"


@dataclass(frozen=True)
class Claim:
    """A row claimed for sending (already marked sent: at-most-once) and its recipient."""

    row: OutboxMessage
    person: Person


@dataclass(frozen=True)
class Dropped:
    """A row that was due but dropped instead of sent, and why."""

    row_id: int
    reason: str


def _eligible() -> ColumnElement[datetime]:
    # A row becomes sendable at its due time, or after a failure at its next attempt.
    return func.coalesce(OutboxMessage.next_attempt_at, OutboxMessage.due_at)


def _pending(platforms: Collection[str]) -> tuple[ColumnElement[bool], ...]:
    return (
        OutboxMessage.sent_at.is_(None),
        OutboxMessage.dropped_at.is_(None),
        Person.platform.in_(list(platforms)),
    )


async def claim_next(
    db: Database, *, now: datetime, platforms: Collection[str], urgent_only: bool
) -> Claim | Dropped | None:
    """Claim the oldest row eligible now, or drop it when it must not be sent any more."""
    async with db.transaction() as s:
        q = (
            select(OutboxMessage, Person)
            .join(Person, Person.id == OutboxMessage.person_id)
            .where(*_pending(platforms), _eligible() <= now)
            .order_by(_eligible(), OutboxMessage.id)
            .limit(1)
            .with_for_update(of=OutboxMessage, skip_locked=True)
        )
        if urgent_only:
            q = q.where(OutboxMessage.urgent.is_(True))
        found = (await s.execute(q)).first()
        if found is None:
            return None
        row, person = found
        reason = await _drop_reason(s, row, person, now)
        if reason is not None:
            row.dropped_at, row.drop_reason = now, reason
            return Dropped(row.id, reason)  # type: ignore[arg-type]
        # Marked sent in the claiming transaction: a crash after this never sends it twice.
        row.sent_at, row.last_error = now, IN_FLIGHT
        row.attempts += 1
        return Claim(row, person)


async def _drop_reason(
    s: AsyncSession, row: OutboxMessage, person: Person, now: datetime
) -> str | None:
    if row.not_after is not None and now > row.not_after:
        return "too_late"
    if person.unreachable_at is not None:
        return "unreachable"
    pref = await s.get(ReminderPreference, (row.person_id, row.kind))
    if pref is not None and not pref.enabled:
        return "switched_off"
    return None


async def confirm(db: Database, *, row_id: int, error: str | None = None) -> None:
    """Record that the transport returned (error: it failed in a way we cannot classify)."""
    async with db.transaction() as s:
        await s.execute(
            update(OutboxMessage).where(OutboxMessage.id == row_id).values(last_error=error)
        )


async def retry_at(db: Database, *, row_id: int, when: datetime, error: str) -> None:
    """Un-claim a row after a temporary failure so it is tried again at `when`."""
    async with db.transaction() as s:
        await s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id)
            .values(sent_at=None, next_attempt_at=when, last_error=error[:500])
        )


async def drop(db: Database, *, row_id: int, now: datetime, reason: str, error: str) -> None:
    """Un-claim and drop a row for good (permanent failure, too many attempts)."""
    async with db.transaction() as s:
        await s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id)
            .values(sent_at=None, dropped_at=now, drop_reason=reason, last_error=error[:500])
        )


async def next_eligible(
    db: Database, *, platforms: Collection[str]
) -> tuple[datetime | None, datetime | None]:
    """Return the earliest eligible time of pending urgent rows and of the other rows."""
    async with db.read() as s:
        q = (
            select(OutboxMessage.urgent, func.min(_eligible()))
            .join(Person, Person.id == OutboxMessage.person_id)
            .where(*_pending(platforms))
            .group_by(OutboxMessage.urgent)
        )
        found = {bool(urgent): when for urgent, when in (await s.execute(q)).all()}
    return found.get(True), found.get(False)


async def in_flight(db: Database) -> list[OutboxMessage]:
    """Return rows claimed but never confirmed (the process died while sending them)."""
    async with db.read() as s:
        q = select(OutboxMessage).where(
            OutboxMessage.sent_at.is_not(None), OutboxMessage.last_error == IN_FLIGHT
        )
        return list((await s.execute(q)).scalars())


async def mark_lost(db: Database, *, row_ids: list[int]) -> None:
    """Note on rows left in flight by a crash that they may not have arrived (never resent)."""
    async with db.transaction() as s:
        await s.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(row_ids))
            .values(last_error="interrupted while sending; maybe not delivered")
        )
