"""The audit log of admin actions."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from storage.db import Database
from storage.models import AuditLog


async def record(
    db: Database, *, actor: str, action: str, now: datetime, **detail: Any
) -> None:
    """Write one audit entry."""
    async with db.transaction() as s:
        s.add(AuditLog(at=now, actor=actor, action=action, detail=detail))


async def recent(db: Database, *, limit: int = 20) -> list[AuditLog]:
    """Return the newest audit entries first."""
    async with db.read() as s:
        rows = await s.execute(select(AuditLog).order_by(AuditLog.id.desc()).limit(limit))
        return list(rows.scalars())
