"""Named write locks inside the caller's unit of work, for rules that span several rows.

A rule like "one media day per company and year" or "one company per film group" reads rows
that may not exist yet, so a row lock cannot guard it. PostgreSQL gets a transaction-scoped
advisory lock on the name (released at commit or rollback); SQLite needs none, because its
`BEGIN IMMEDIATE` already lets one writer in at a time.
"""

from __future__ import annotations

from sqlmodel import func, select

from storage.db import Session


async def advisory_lock(s: Session, name: str) -> None:
    """Hold the lock `name` until the caller's transaction ends (PostgreSQL; no-op on SQLite)."""
    if s.get_bind().dialect.name == "postgresql":
        await s.exec(select(func.pg_advisory_xact_lock(func.hashtext(name))))
