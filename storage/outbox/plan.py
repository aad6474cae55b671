"""Planning into the outbox, always inside the caller's unit of work: plan, unplan, reconcile."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import col, select, update

from storage.db import Session, upsert_insert
from storage.outbox.models import OutboxMessage

# Rows dropped for these reasons come back when a planner wants them again.
REPLANNABLE = frozenset({"unplanned", "switched_off", "unreachable"})

ButtonRows = Sequence[Sequence[tuple[str, str]]]  # rows of (label, action)


@dataclass(frozen=True)
class FilePayload:
    """A file to send with a message (an .ics, an export), kept in the row until delivery."""

    name: str
    mime: str
    data: bytes

    def to_json(self) -> dict[str, str]:
        """Return the JSON form stored in the row's payload."""
        return {"name": self.name, "mime": self.mime,
                "data_b64": base64.b64encode(self.data).decode("ascii")}

    @classmethod
    def from_json(cls, raw: Mapping[str, str]) -> FilePayload:
        """Read the JSON form back."""
        return cls(raw["name"], raw["mime"], base64.b64decode(raw["data_b64"]))


@dataclass(frozen=True)
class Plan:
    """One message to plan: who, what kind (with the facts its renderer needs), and when.

    `key` deduplicates: planning the same key again updates an unsent row and never resends a
    sent one. `text` is for kinds without a renderer (literal messages).
    """

    person_id: int
    kind: str
    key: str
    due_at: datetime
    params: Mapping[str, Any] = field(default_factory=dict)
    text: str = ""
    buttons: ButtonRows = ()
    file: FilePayload | None = None
    not_after: datetime | None = None
    urgent: bool = False

    def payload(self) -> dict[str, Any]:
        """Return the row's payload (buttons and file)."""
        out: dict[str, Any] = {}
        if self.buttons:
            out["buttons"] = [[list(b) for b in row] for row in self.buttons]
        if self.file is not None:
            out["file"] = self.file.to_json()
        return out


def _same(row: OutboxMessage, p: Plan) -> bool:
    return (row.text, row.params, row.payload, row.due_at, row.not_after, row.urgent, row.kind,
            row.person_id) == (p.text, dict(p.params), p.payload(), p.due_at, p.not_after,
                               p.urgent, p.kind, p.person_id)


async def plan(s: Session, p: Plan, *, now: datetime) -> bool:
    """Plan one message; True when a row was created or changed.

    Re-planning an unchanged unsent row keeps its retry state; a row delivery gave up on
    only comes back with a new time; a sent row is never touched.
    """
    # Insert first (the usual case, one statement); a key planned before, or by a concurrent
    # transaction at this moment, makes it a no-op and the row is updated instead.
    values = {
        "person_id": p.person_id, "kind": p.kind, "text": p.text, "params": dict(p.params),
        "payload": p.payload(), "due_at": p.due_at, "not_after": p.not_after,
        "urgent": p.urgent, "dedupe_key": p.key, "created_at": now, "attempts": 0,
    }
    done = await s.exec(upsert_insert(s)(OutboxMessage).values(**values)
                        .on_conflict_do_nothing(index_elements=["dedupe_key"]))
    if done.rowcount:
        return True
    # populate_existing: an object of this row loaded earlier in the unit may predate an
    # unplan() that changed the row with a plain UPDATE.
    row = (await s.exec(select(OutboxMessage).where(OutboxMessage.dedupe_key == p.key)
                        .execution_options(populate_existing=True))).one()
    return _replan(row, p)


def _replan(row: OutboxMessage, p: Plan) -> bool:
    if row.sent_at is not None:
        return False
    if _same(row, p) and row.dropped_at is None:
        return False  # planners re-plan on every run: keep the retry state of a failing row
    if row.drop_reason == "gave_up" and row.due_at == p.due_at:
        return False  # delivery gave up on this very message; only a new time revives it
    fresh = row.dropped_at is not None or row.due_at != p.due_at
    row.text, row.params, row.payload = p.text, dict(p.params), p.payload()
    row.due_at, row.not_after, row.urgent = p.due_at, p.not_after, p.urgent
    row.kind, row.person_id = p.kind, p.person_id
    row.dropped_at = row.drop_reason = None
    if fresh:
        row.attempts, row.next_attempt_at = 0, None
    return True


async def unplan(s: Session, *, key_prefix: str, now: datetime, reason: str) -> int:
    """Drop every unsent row whose key starts with `key_prefix`; return how many."""
    res = await s.exec(
        update(OutboxMessage)
        .where(
            col(OutboxMessage.dedupe_key).startswith(key_prefix, autoescape=True),
            col(OutboxMessage.sent_at).is_(None),
            col(OutboxMessage.dropped_at).is_(None),
        )
        .values(dropped_at=now, drop_reason=reason)
    )
    return res.rowcount or 0


async def reconcile(s: Session, *, prefix: str, wanted: Mapping[str, Plan], now: datetime) -> int:
    """Make the unsent rows under `prefix` match `wanted` (by key); return how many changed.

    Recurring planners call this on every run: rows that already match keep their retry
    state, rows no longer wanted are dropped, rows dropped for a passing reason come back,
    sent rows are never touched.
    """
    q = select(OutboxMessage).where(
        col(OutboxMessage.dedupe_key).startswith(prefix, autoescape=True),
        col(OutboxMessage.dedupe_key).in_(list(wanted))
        | (col(OutboxMessage.sent_at).is_(None) & col(OutboxMessage.dropped_at).is_(None)),
    )
    have = {r.dedupe_key: r for r in await s.exec(q)}
    changed = 0
    for key, row in have.items():
        if key not in wanted and row.sent_at is None and row.dropped_at is None:
            row.dropped_at, row.drop_reason = now, "unplanned"
            changed += 1
    for key, p in wanted.items():
        known = have.get(key)
        if known is None:
            changed += await plan(s, p, now=now)
        elif known.dropped_at is None or known.drop_reason in REPLANNABLE:
            changed += _replan(known, p)
    return changed


async def pending_for(s: Session, *, person_id: int) -> list[OutboxMessage]:
    """Return a person's unsent, undropped rows by due time."""
    rows = await s.exec(
        select(OutboxMessage)
        .where(
            OutboxMessage.person_id == person_id,
            col(OutboxMessage.sent_at).is_(None),
            col(OutboxMessage.dropped_at).is_(None),
        )
        .order_by(col(OutboxMessage.due_at))
    )
    return list(rows)
