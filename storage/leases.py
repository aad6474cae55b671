"""A cluster-wide lease: a PostgreSQL advisory lock held on a connection of its own.

Several bot processes may share one PostgreSQL database; some work must run in exactly one of
them (Telegram long polling, the Matrix sync loop, the daily jobs). The process that holds the
session-level advisory lock `name` is the leader. If it dies, its connection closes and
PostgreSQL releases the lock at once, so the next `try_acquire` elsewhere succeeds. A SQLite
database is one process's file: that process always holds the lease.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from storage.db import Database

log = logging.getLogger(__name__)


class Lease:
    """Try to take, check and give back one named lease."""

    def __init__(self, db: Database, name: str) -> None:
        self.db, self.name = db, name
        self._conn: AsyncConnection | None = None

    async def try_acquire(self) -> bool:
        """Take the lease if nobody holds it; return whether this process holds it now."""
        if self.db.is_sqlite:
            return True
        try:
            if self._conn is None:
                self._conn = await self.db.engine.connect()
            got = await self._scalar(select(func.pg_try_advisory_lock(func.hashtext(self.name))))
        except Exception:
            log.warning("lease %s: database not reachable", self.name, exc_info=True)
            await self._drop()
            return False
        return bool(got)

    async def held(self) -> bool:
        """Tell whether the lease is still ours; drop it when its connection is gone.

        A session's advisory lock lasts as long as the session: if the connection answers,
        the lock is still held.
        """
        if self.db.is_sqlite:
            return True
        if self._conn is None:
            return False
        try:
            await self._scalar(select(1))
        except Exception:
            log.warning("lease %s: connection lost", self.name, exc_info=True)
            await self._drop()
            return False
        return True

    async def release(self) -> None:
        """Give the lease back (closing its connection releases it too)."""
        if self._conn is not None:
            try:
                await self._scalar(select(func.pg_advisory_unlock(func.hashtext(self.name))))
            except Exception:
                log.info("lease %s: connection already gone", self.name)
        await self._drop()

    async def _scalar(self, stmt: Select[Any]) -> object:
        assert self._conn is not None
        value = (await self._conn.execute(stmt)).scalar_one()
        await self._conn.commit()  # never sit idle in a transaction while holding the lease
        return value

    async def _drop(self) -> None:
        if self._conn is not None:
            conn, self._conn = self._conn, None
            try:
                await conn.close()
            except Exception:
                await conn.invalidate()

