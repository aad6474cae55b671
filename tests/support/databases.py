"""Per-test databases: a fresh SQLite file, or a fresh PostgreSQL database when reachable."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def _dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def postgres_reachable() -> bool:
    """Tell whether the test PostgreSQL server answers."""
    try:
        import asyncpg

        conn = await asyncio.wait_for(asyncpg.connect(_dsn(PG_URL)), timeout=3)
    except Exception:
        return False
    await conn.close()
    return True


@asynccontextmanager
async def postgres_database() -> AsyncIterator[str]:
    """Create a throw-away PostgreSQL database and yield its SQLAlchemy URL."""
    import asyncpg

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_dsn(PG_URL))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        base, _, _ = PG_URL.rpartition("/")
        yield f"{base}/{name}"
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def sqlite_url(tmp: Path) -> str:
    """Return a SQLite URL for a fresh file in `tmp`."""
    return f"sqlite+aiosqlite:///{tmp / f'{uuid.uuid4().hex[:8]}.db'}"
