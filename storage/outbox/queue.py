"""The outbox as a delivery queue: claim due rows in batches, then confirm, retry or drop them."""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func
from sqlmodel import col, select, update

from storage.db import Session
from storage.members.models import Person
from storage.outbox.models import OutboxMessage, ReminderPreference

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
    key: str
    reason: str


def _eligible() -> ColumnElement[datetime]:
    # A row becomes sendable at its due time, or after a failure at its next attempt.
    return func.coalesce(col(OutboxMessage.next_attempt_at), col(OutboxMessage.due_at))


def _pending(platforms: Collection[str]) -> tuple[ColumnElement[bool], ...]:
    return (
        col(OutboxMessage.sent_at).is_(None),
        col(OutboxMessage.dropped_at).is_(None),
        col(Person.platform).in_(list(platforms)),
    )


async def claim_due(
    s: Session, *, now: datetime, platforms: Collection[str], urgent_only: bool, limit: int
) -> list[Claim | Dropped]:
    """Claim up to `limit` rows eligible now, oldest first; drop those that must not go out.

    Claimed rows are marked sent in this transaction, so a crash afterwards never sends one
    twice. SKIP LOCKED lets several processes claim side by side on PostgreSQL.
    """
    q = (
        select(OutboxMessage, Person)
        .join(Person, col(Person.id) == col(OutboxMessage.person_id))
        .where(*_pending(platforms), _eligible() <= now)
        .order_by(_eligible(), col(OutboxMessage.id))
        .limit(limit)
        .with_for_update(of=OutboxMessage, skip_locked=True)
    )
    if urgent_only:
        q = q.where(col(OutboxMessage.urgent).is_(True))
    found = list(await s.exec(q))
    if not found:
        return []
    off = await _switched_off(s, [(r.person_id, r.kind) for r, _ in found])
    out: list[Claim | Dropped] = []
    for row, person in found:
        reason = _drop_reason(row, person, now, off)
        if reason is not None:
            row.dropped_at, row.drop_reason = now, reason
            out.append(Dropped(row.id, row.dedupe_key, reason))
            continue
        row.sent_at, row.last_error = now, IN_FLIGHT
        row.attempts += 1
        out.append(Claim(row, person))
    return out


async def _switched_off(s: Session, pairs: list[tuple[int, str]]) -> set[tuple[int, str]]:
    q = select(ReminderPreference.person_id, ReminderPreference.kind).where(
        col(ReminderPreference.person_id).in_({p for p, _ in pairs}),
        col(ReminderPreference.enabled).is_(False),
    )
    return {(pid, kind) for pid, kind in await s.exec(q)}


def _drop_reason(
    row: OutboxMessage, person: Person, now: datetime, off: set[tuple[int, str]]
) -> str | None:
    if row.not_after is not None and now > row.not_after:
        return "too_late"
    if person.unreachable_at is not None:
        return "unreachable"
    if (row.person_id, row.kind) in off:
        return "switched_off"
    return None


async def confirm(s: Session, *, row_ids: list[int]) -> None:
    """Record that the transport returned for these rows."""
    if row_ids:
        await s.exec(update(OutboxMessage).where(col(OutboxMessage.id).in_(row_ids))
                     .values(last_error=None))


async def unknown_outcome(s: Session, *, row_id: int, error: str) -> None:
    """Record a failure we cannot classify: the row stays sent (it may have arrived)."""
    await s.exec(update(OutboxMessage).where(col(OutboxMessage.id) == row_id)
                 .values(last_error=error[:500]))


async def retry_at(s: Session, *, row_id: int, when: datetime, error: str) -> None:
    """Un-claim a row after a temporary failure so it is tried again at `when`."""
    await s.exec(
        update(OutboxMessage)
        .where(col(OutboxMessage.id) == row_id)
        .values(sent_at=None, next_attempt_at=when, last_error=error[:500])
    )


async def drop(s: Session, *, row_id: int, now: datetime, reason: str, error: str) -> None:
    """Un-claim and drop a row for good (permanent failure, too many attempts, obsolete)."""
    await s.exec(
        update(OutboxMessage)
        .where(col(OutboxMessage.id) == row_id)
        .values(sent_at=None, dropped_at=now, drop_reason=reason, last_error=error[:500])
    )


async def next_eligible(
    s: Session, *, platforms: Collection[str]
) -> tuple[datetime | None, datetime | None]:
    """Return the earliest eligible time of pending urgent rows and of the other rows."""
    q = (
        select(OutboxMessage.urgent, func.min(_eligible()))
        .join(Person, col(Person.id) == col(OutboxMessage.person_id))
        .where(*_pending(platforms))
        .group_by(col(OutboxMessage.urgent))
    )
    found = {bool(urgent): when for urgent, when in await s.exec(q)}
    return found.get(True), found.get(False)


async def count_due(s: Session, *, now: datetime) -> int:
    """Return how many rows wait to be sent (eligible by now, neither sent nor dropped)."""
    q = select(func.count()).select_from(OutboxMessage).where(
        col(OutboxMessage.sent_at).is_(None), col(OutboxMessage.dropped_at).is_(None),
        _eligible() <= now,
    )
    return int((await s.exec(q)).one())


async def in_flight(s: Session) -> list[OutboxMessage]:
    """Return rows claimed but never confirmed (the process died while sending them)."""
    q = select(OutboxMessage).where(
        col(OutboxMessage.sent_at).is_not(None), OutboxMessage.last_error == IN_FLIGHT
    )
    return list(await s.exec(q))


async def mark_lost(s: Session, *, row_ids: list[int]) -> None:
    """Note on rows left in flight by a crash that they may not have arrived (never resent)."""
    await s.exec(
        update(OutboxMessage)
        .where(col(OutboxMessage.id).in_(row_ids))
        .values(last_error="interrupted while sending; maybe not delivered")
    )
