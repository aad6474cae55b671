"""Team broadcasts: store one, and the delivery report read from its outbox rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select

from storage.broadcasts.models import Broadcast
from storage.db import Session
from storage.errors import DomainError
from storage.outbox.models import OutboxMessage

KIND = "news"
MAX_TEXT = 1800


def key_prefix(broadcast_id: int) -> str:
    """Return the dedupe key prefix of a broadcast's outbox rows."""
    return f"{KIND}:{broadcast_id}:"


@dataclass(frozen=True)
class Report:
    """Where a broadcast's messages stand."""

    sent: int = 0
    unreachable: int = 0
    opted_out: int = 0
    other: int = 0  # dropped for another reason (too late, gave up)
    waiting: int = 0  # not yet due (quiet hours) or being retried


async def create(s: Session, *, text: str, audience: str, urgent: bool, recipients: int,
                 created_by: int, now: datetime) -> Broadcast:
    """Store a broadcast (the caller plans its messages)."""
    text = text.strip()
    if not text:
        raise DomainError("news_empty")
    if len(text) > MAX_TEXT:
        raise DomainError("news_too_long", max=MAX_TEXT)
    if recipients == 0:
        raise DomainError("poll_no_recipients")
    row = Broadcast(text=text, audience=audience, urgent=urgent, recipients=recipients,
                    created_by=created_by, created_at=now)
    s.add(row)
    await s.flush()
    return row


async def get(s: Session, *, broadcast_id: int) -> Broadcast | None:
    """Return a broadcast."""
    return await s.get(Broadcast, broadcast_id)


async def report(s: Session, *, broadcast_id: int) -> Report:
    """Count the broadcast's rows: sent, unreachable, opted out, dropped otherwise, waiting."""
    q = (select(col(OutboxMessage.sent_at).is_not(None), OutboxMessage.drop_reason,
                func.count())
         .where(col(OutboxMessage.dedupe_key).startswith(key_prefix(broadcast_id)))
         .group_by(col(OutboxMessage.sent_at).is_not(None), col(OutboxMessage.drop_reason)))
    counts = {"sent": 0, "unreachable": 0, "opted_out": 0, "other": 0, "waiting": 0}
    for sent, reason, n in await s.exec(q):
        if reason == "unreachable":
            counts["unreachable"] += n
        elif reason == "switched_off":
            counts["opted_out"] += n
        elif reason is not None:
            counts["other"] += n
        elif sent:
            counts["sent"] += n
        else:
            counts["waiting"] += n
    return Report(**counts)
