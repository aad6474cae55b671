"""Retention: what is deleted when it is no longer needed (run daily by the scheduler's jobs).

- texts of sent (or dropped) outbox messages after `messages_days`: text, params, files and
  buttons are emptied; the row stays as the record that its key was sent, so the same
  message is never sent twice;
- people without a company after `unlinked_days` who left no trace (no registration, request,
  topic, subscription, reminder switch, message still to come or audit entry: they never
  redeemed a code and use nothing), with their personal rows;
- registrations of events that ended more than `registrations_months` ago;
- audit entries older than `audit_months`.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, exists, or_, update
from sqlalchemy import select as select_rows
from sqlmodel import col, func, select

from storage.audit.models import AuditLog
from storage.db import Session
from storage.events.models import Event, Registration
from storage.members.models import Person
from storage.outbox.models import OutboxMessage
from storage.privacy import PERSONAL, person_tables


@dataclass(frozen=True)
class Retention:
    """How long things are kept (Settings: RETENTION_*)."""

    messages_days: int = 30
    unlinked_days: int = 30
    registrations_months: int = 12
    audit_months: int = 24


@dataclass(frozen=True)
class Purged:
    """How many rows one retention run emptied or deleted."""

    messages: int = 0
    people: int = 0
    registrations: int = 0
    audit: int = 0


def months_before(when: datetime, months: int) -> datetime:
    """Return the same moment `months` calendar months earlier (31 Mar - 1 -> 28/29 Feb)."""
    index = when.year * 12 + when.month - 1 - months
    year, month = divmod(index, 12)
    day = min(when.day, calendar.monthrange(year, month + 1)[1])
    return when.replace(year=year, month=month + 1, day=day)


async def purge(s: Session, *, now: datetime, policy: Retention,
                admin_keys: frozenset[str] = frozenset()) -> Purged:
    """Empty or delete everything older than the policy allows; return the counts."""
    return Purged(
        messages=await _message_texts(s, now - timedelta(days=policy.messages_days)),
        people=await _unlinked_people(s, now - timedelta(days=policy.unlinked_days), admin_keys),
        registrations=await _past_registrations(
            s, months_before(now, policy.registrations_months)),
        audit=await _audit(s, months_before(now, policy.audit_months)),
    )


async def _message_texts(s: Session, before: datetime) -> int:
    done = or_(col(OutboxMessage.sent_at) < before, col(OutboxMessage.dropped_at) < before)
    filled = or_(col(OutboxMessage.text) != "", col(OutboxMessage.params) != {},
                 col(OutboxMessage.payload) != {}, col(OutboxMessage.last_error).is_not(None))
    result = await s.exec(update(OutboxMessage).where(done, filled).values(
        text="", params={}, payload={}, last_error=None))
    return int(getattr(result, "rowcount", 0) or 0)


# Rows that say nothing about using the bot: the last menu offered, a dialog left open.
NO_TRACE = frozenset({"chatmenu", "dialogstate", "outboxmessage"})


async def _unlinked_people(s: Session, before: datetime, admin_keys: frozenset[str]) -> int:
    # A trace: any record (registration, request, topic), a subscription or switch, or a
    # message still to come (a personal reminder): such a person uses the bot.
    traces = [exists(select_rows(column).where(column == Person.id))
              for table, column in person_tables() if table.name not in NO_TRACE]
    traces.append(exists(select_rows(col(OutboxMessage.id)).where(
        col(OutboxMessage.person_id) == Person.id, col(OutboxMessage.sent_at).is_(None),
        col(OutboxMessage.dropped_at).is_(None))))
    actor = col(Person.platform) + ":" + col(Person.external_id)
    rows = await s.exec(select(Person).where(
        col(Person.company_id).is_(None), col(Person.role) != "admin",
        col(Person.created_at) < before,
        ~exists(select_rows(col(AuditLog.id)).where(col(AuditLog.actor) == actor)),
        *[~trace for trace in traces],
    ))
    gone = [p for p in rows if p.key not in admin_keys]
    for person in gone:
        for table, column in person_tables():
            if table.name in PERSONAL:
                await s.exec(delete(table).where(column == person.id))
        await s.delete(person)
    await s.flush()
    return len(gone)


async def _past_registrations(s: Session, before: datetime) -> int:
    ended = select_rows(col(Event.id)).where(
        func.coalesce(col(Event.end), col(Event.start)) < before)
    result = await s.exec(delete(Registration).where(col(Registration.event_id).in_(ended)))
    return int(getattr(result, "rowcount", 0) or 0)


async def _audit(s: Session, before: datetime) -> int:
    result = await s.exec(delete(AuditLog).where(col(AuditLog.at) < before))
    return int(getattr(result, "rowcount", 0) or 0)
