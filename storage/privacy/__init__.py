"""A person's own data: everything stored about them, erasure, leaving their company.

Which tables hold something about a person is read from the schema (every foreign key to
`person.id`), so a new feature's table is part of the answer without being listed here.
Tables in PERSONAL hold nothing the team's records need and are deleted on erasure; the
others (registrations, requests, topics) are kept for the team and point to the anonymised
person row from then on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Table, Text, cast, delete, or_
from sqlalchemy import select as select_rows
from sqlmodel import SQLModel, col, select

import storage.schema  # noqa: F401  (every table registered: the schema is read below)
from storage.audit.models import AuditLog
from storage.db import Session
from storage.events import signup
from storage.events.models import Event, Registration
from storage.members.models import Company, Person

# Rows only about the person: deleted on erasure (never needed for the team's records).
PERSONAL = frozenset({"chatmenu", "company_role", "dialogstate", "outboxmessage",
                      "reminderpreference", "stammtischsubscription"})
ERASED_NAME = "gelöscht"


def person_tables() -> list[tuple[Table, Column[Any]]]:
    """Return every table with a column referring to a person, with that column."""
    found = []
    for table in SQLModel.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "person" and isinstance(fk.parent, Column):
                found.append((table, fk.parent))
    return found


def _plain(value: Any) -> Any:
    """Return a JSON-friendly value (times and dates as ISO text)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


async def person_data(s: Session, *, person_id: int) -> dict[str, Any]:
    """Return everything stored about a person: profile, company, every row about them, audit."""
    person = await s.get(Person, person_id)
    if person is None:
        return {}
    company = await s.get(Company, person.company_id) if person.company_id else None
    rows: dict[str, list[dict[str, Any]]] = {}
    conn = await s.connection()  # plain tables, read as mappings (the unit's transaction)
    for table, column in person_tables():
        result = await conn.execute(select_rows(table).where(column == person_id))
        found = [{k: _plain(v) for k, v in r.items()} for r in result.mappings()]
        if found:
            rows.setdefault(table.name, []).extend(found)
    for reg in rows.get("event_registration", []):  # readable: which event
        event = await s.get(Event, reg["event_id"])
        reg["event"] = None if event is None else event.title
    audit = await about(s, person)
    return {
        "profile": {k: _plain(v) for k, v in person.model_dump().items()},
        "company": None if company is None else {
            "name": company.name, "state": company.state, "city": company.city},
        "rows": rows,
        "audit": [{"at": _plain(a.at), "actor": a.actor, "action": a.action,
                   "detail": a.detail} for a in audit],
    }


async def about(s: Session, person: Person) -> list[AuditLog]:
    """Return the audit entries a person made or that name them, oldest first."""
    key = person.key
    rows = await s.exec(select(AuditLog).where(or_(
        col(AuditLog.actor) == key,
        cast(col(AuditLog.detail), Text).contains(f'"{key}"', autoescape=True),
    )).order_by(col(AuditLog.id)))
    return list(rows)


@dataclass
class Erased:
    """What erasing a person changed: events whose waiting list moved up, rows deleted."""

    promoted: list[tuple[Event, list[Registration]]] = field(default_factory=list)
    deleted: int = 0
    old_key: str = ""


async def erase(s: Session, *, person_id: int, now: datetime) -> Erased:
    """Erase a person: personal rows deleted, future sign-ups cancelled, the row anonymised.

    Registrations for coming events are cancelled (so free places and waiting lists are
    right); past ones stay for the team's records and point to the anonymised row. Audit
    entries of the person keep what was done, not who: the actor becomes the anonymised key.
    """
    person = await s.get(Person, person_id)
    if person is None:
        return Erased()
    out = Erased(old_key=person.key)
    for reg in await _future_registrations(s, person_id, now):
        cancelled = await signup.cancel(s, event_id=reg.event_id, person_id=person_id, now=now,
                                        by_admin=True)
        if cancelled.promoted:
            out.promoted.append((cancelled.event, cancelled.promoted))
    # Names given for badges are other people's data: gone with the person, also from the
    # registrations that stay as records.
    for reg in await s.exec(select(Registration).where(col(Registration.person_id) == person_id)):
        reg.names = []
    for table, column in person_tables():
        if table.name in PERSONAL:
            result = await s.exec(delete(table).where(column == person_id))
            out.deleted += int(getattr(result, "rowcount", 0) or 0)
    for row in list(s.identity_map.values()):  # loaded with the sender: gone now
        name = getattr(row, "__tablename__", "")
        if name in PERSONAL and getattr(row, "person_id", None) == person_id:
            s.expunge(row)
    anonymous = f"{person.platform}:{ERASED_NAME}-{person.id}"
    for entry in await about(s, person):
        if entry.actor == person.key:
            entry.actor = anonymous
        entry.detail = _replaced(entry.detail, person.key, anonymous)
    person.external_id = f"{ERASED_NAME}-{person.id}"
    person.display_name, person.chat_id = ERASED_NAME, ""
    person.company_id, person.role, person.unreachable_at = None, "member", now
    person.last_seen_at = None
    await s.flush()
    return out


def _replaced(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, dict):
        return {k: _replaced(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_replaced(v, old, new) for v in value]
    return value


async def _future_registrations(s: Session, person_id: int, now: datetime) -> list[Registration]:
    rows = await s.exec(
        select(Registration).join(Event, col(Event.id) == col(Registration.event_id)).where(
            col(Registration.person_id) == person_id,
            col(Registration.status).in_(signup.ACTIVE),
            col(Event.start) > now,
        ))
    return list(rows)


async def leave_company(s: Session, *, person_id: int) -> Company | None:
    """Unlink a person from their company; return the company they left (None: none)."""
    person = await s.get(Person, person_id)
    if person is None or person.company_id is None:
        return None
    company = await s.get(Company, person.company_id)
    person.company_id = None
    return company
