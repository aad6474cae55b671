"""The audit log of admin actions: written in the caller's unit of work, read newest first.

Refused attempts ("denied") are counted per person and day in one row instead of one row
each, so someone trying admin commands cannot flood the log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Text, cast, or_
from sqlmodel import col, select

from storage.audit.models import AuditLog
from storage.db import Session
from storage.events.models import Event
from storage.members.models import Person

__all__ = ["AuditLog", "Names", "names", "page", "recent", "record", "refused"]
DENIED = "denied"


def record(s: Session, *, actor: str, action: str, now: datetime, **detail: Any) -> None:
    """Add one audit entry to the caller's transaction (it commits with the change)."""
    s.add(AuditLog(at=now, actor=actor, action=action, detail=detail))


async def refused(s: Session, *, actor: str, command: str, now: datetime,
                  since: datetime) -> None:
    """Count a refused attempt in the actor's row of refusals since `since` (their day)."""
    row = (await s.exec(
        select(AuditLog)
        .where(AuditLog.actor == actor, AuditLog.action == DENIED, col(AuditLog.at) >= since)
        .order_by(col(AuditLog.id).desc()).limit(1)
    )).first()
    if row is None:
        s.add(AuditLog(at=now, actor=actor, action=DENIED,
                       detail={"command": command, "count": 1, "commands": {command: 1},
                               "last": now.isoformat()}))
        return
    commands = dict(row.detail.get("commands") or {row.detail.get("command", "?"): 1})
    commands[command] = int(commands.get(command, 0)) + 1
    # A new dict: the JSON column notices a replaced value, not one changed in place.
    row.detail = {**row.detail, "command": command, "commands": commands,
                  "count": int(row.detail.get("count", 1)) + 1, "last": now.isoformat()}


async def recent(s: Session, *, limit: int = 20) -> list[AuditLog]:
    """Return the newest audit entries first."""
    return await page(s, limit=limit)


async def page(
    s: Session, *, limit: int = 10, before_id: int | None = None,
    actions: tuple[str, ...] = (), people: tuple[str, ...] | None = None,
) -> list[AuditLog]:
    """Return up to `limit` entries older than `before_id`, newest first.

    `actions`: kinds or prefixes ("invite" also finds "invite_revoke"); `people`: identities
    (`platform:id`) that acted or that an entry names.
    """
    query = select(AuditLog).order_by(col(AuditLog.id).desc()).limit(limit)
    if before_id is not None:
        query = query.where(col(AuditLog.id) < before_id)
    if actions:
        query = query.where(or_(*[col(AuditLog.action).startswith(a, autoescape=True)
                                  for a in actions]))
    if people is not None:
        if not people:
            return []
        detail = cast(col(AuditLog.detail), Text)
        query = query.where(or_(col(AuditLog.actor).in_(people),
                                *[detail.contains(f'"{key}"', autoescape=True)
                                  for key in people]))
    return list(await s.exec(query))


@dataclass
class Names:
    """Readable names for what audit entries refer to by id or key."""

    people: dict[str, str] = field(default_factory=dict)  # key -> display name
    person_ids: dict[int, str] = field(default_factory=dict)
    events: dict[int, str] = field(default_factory=dict)  # id -> title


async def names(s: Session, entries: list[AuditLog]) -> Names:
    """Look up the people and events a page of entries refers to (two queries)."""
    keys = {e.actor for e in entries} | {str(e.detail.get("target")) for e in entries
                                         if e.detail.get("target")}
    ids = {int(e.detail["person"]) for e in entries if isinstance(e.detail.get("person"), int)}
    events = {int(e.detail["event"]) for e in entries if isinstance(e.detail.get("event"), int)}
    # A poll or broadcast to the people of one event names it in its audience ("event:7").
    events |= {int(code[6:]) for e in entries
               if isinstance(code := e.detail.get("audience"), str)
               and code.startswith("event:") and code[6:].isdigit()}
    out = Names()
    if keys or ids:
        rows = await s.exec(select(Person).where(or_(
            col(Person.id).in_(ids),
            *[(col(Person.platform) == k.partition(":")[0])
              & (col(Person.external_id) == k.partition(":")[2]) for k in keys if ":" in k],
        )))
        for p in rows:
            out.people[p.key] = p.display_name or p.key
            out.person_ids[p.id] = p.display_name or p.key
    if events:
        for ev in await s.exec(select(Event).where(col(Event.id).in_(events))):
            out.events[ev.id] = ev.title
    return out
