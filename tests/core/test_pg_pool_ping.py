"""PostgreSQL pool: a connection that sat idle is pinged (and replaced when dead); a busy one not.

The server side is real: the test ends the pooled connection's backend with
pg_terminate_backend, as a PostgreSQL restart or a dropped network path would.
"""

from __future__ import annotations

import asyncpg
import pytest
from sqlalchemy import func
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from storage.db import Database


async def _backend(db: Database) -> int:
    """Run one unit and return the server process id of the connection it used."""
    async with db.unit() as s:
        return int((await s.exec(select(func.pg_backend_pid()))).one())


async def _terminate(url: str, pid: int) -> None:
    """End one server process from a connection of our own (the pool does not see it)."""
    u = make_url(url)
    conn = await asyncpg.connect(host=u.host, port=u.port, user=u.username, database=u.database)
    try:
        assert await conn.fetchval("SELECT pg_terminate_backend($1)", pid)
    finally:
        await conn.close()


async def test_an_idle_connection_that_died_is_replaced_before_the_unit_uses_it(
    pg_url: str,
) -> None:
    db = Database(pg_url, ping_idle=0.0)  # every pooled connection counts as idle
    try:
        first = await _backend(db)
        await _terminate(pg_url, first)
        second = await _backend(db)  # pinged, found dead, replaced: the unit never notices
        assert second != first
        assert await _backend(db) == second  # the new one is pooled and answers its ping
    finally:
        await db.dispose()


async def test_a_connection_used_a_moment_ago_goes_out_without_a_ping(pg_url: str) -> None:
    db = Database(pg_url, ping_idle=3600.0)  # nothing in this test sits idle that long
    try:
        first = await _backend(db)
        await _terminate(pg_url, first)
        # No ping: the unit gets the dead connection and fails, and SQLAlchemy invalidates
        # the pool, so the next unit connects afresh (the optimistic half of the recipe).
        with pytest.raises(DBAPIError) as failed:
            await _backend(db)
        assert failed.value.connection_invalidated
        assert await _backend(db) != first
    finally:
        await db.dispose()
