"""Team broadcasts: store one (with its file); the delivery report read from its outbox rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlmodel import col, select

from storage.broadcasts.models import Broadcast, BroadcastFile
from storage.db import Session
from storage.errors import DomainError
from storage.outbox.models import OutboxMessage

KIND = "news"
MAX_TEXT = 1800
MAX_FILE = 1024 * 1024  # as large as transports fetch a sent file
# A file kept while its dialog is open and never sent with a broadcast (cancelled) is
# removed when a later broadcast is stored, once it is this old.
DRAFT_FILE_AGE = timedelta(days=2)


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


async def keep_file(s: Session, *, name: str, mime: str, data: bytes,
                    now: datetime) -> BroadcastFile:
    """Keep a file the team sent for a broadcast being written."""
    if not data:
        raise DomainError("news_file_empty")
    if len(data) > MAX_FILE:
        raise DomainError("news_file_too_large", max=MAX_FILE // (1024 * 1024))
    row = BroadcastFile(name=name[:200] or "datei", mime=mime[:100] or "application/octet-stream",
                        data=data, created_at=now)
    s.add(row)
    await s.flush()
    return row


async def get_file(s: Session, *, file_id: int) -> BroadcastFile | None:
    """Return a broadcast's file."""
    return await s.get(BroadcastFile, file_id)


async def create(s: Session, *, text: str, audience: str, urgent: bool, recipients: int,
                 created_by: int, now: datetime, file_id: int | None = None) -> Broadcast:
    """Store a broadcast (the caller plans its messages)."""
    text = text.strip()
    if not text:
        raise DomainError("news_empty")
    if len(text) > MAX_TEXT:
        raise DomainError("news_too_long", max=MAX_TEXT)
    if recipients == 0:
        raise DomainError("poll_no_recipients")
    if file_id is not None and await s.get(BroadcastFile, file_id) is None:
        raise DomainError("news_file_gone")
    row = Broadcast(text=text, audience=audience, urgent=urgent, recipients=recipients,
                    created_by=created_by, created_at=now, file_id=file_id)
    s.add(row)
    await s.flush()
    sent_with = select(Broadcast.file_id).where(col(Broadcast.file_id).is_not(None))
    await s.exec(delete(BroadcastFile).where(
        col(BroadcastFile.created_at) < now - DRAFT_FILE_AGE,
        col(BroadcastFile.id).not_in(sent_with)))
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
