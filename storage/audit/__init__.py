"""The audit log of admin actions: written in the caller's unit of work, read newest first."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import col, select

from storage.audit.models import AuditLog
from storage.db import Session

__all__ = ["AuditLog", "recent", "record"]


def record(s: Session, *, actor: str, action: str, now: datetime, **detail: Any) -> None:
    """Add one audit entry to the caller's transaction (it commits with the change)."""
    s.add(AuditLog(at=now, actor=actor, action=action, detail=detail))


async def recent(s: Session, *, limit: int = 20) -> list[AuditLog]:
    """Return the newest audit entries first."""
    rows = await s.exec(select(AuditLog).order_by(col(AuditLog.id).desc()).limit(limit))
    return list(rows)
