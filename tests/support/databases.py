"""Per-test databases: copies of one migrated template, on SQLite and (when reachable) PostgreSQL.

Migrating ~20 tables for every test would dominate the suite's time, so each session migrates a
template once: a SQLite file that is copied per test, and a PostgreSQL template database that
`CREATE DATABASE ... TEMPLATE` clones per test.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from storage.db import Database

PG_UNREACHABLE = "PostgreSQL not reachable (TEST_DATABASE_URL or 127.0.0.1:5432/test)"
PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


def _dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


def _with_name(url: str, name: str) -> str:
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


def missing(why: str) -> None:
    """A real component the test needs is missing: fail under CI (it has them), skip locally."""
    if os.environ.get("CI"):
        pytest.fail(why)
    pytest.skip(why)


async def postgres_reachable() -> bool:
    """Tell whether the test PostgreSQL server answers."""
    try:
        import asyncpg

        conn = await asyncio.wait_for(asyncpg.connect(_dsn(PG_URL)), timeout=3)
    except Exception:
        return False
    await conn.close()
    return True


async def _migrate(url: str) -> None:
    db = Database(url)
    await db.migrate()
    await db.dispose()


async def make_postgres_template() -> str:
    """Create and migrate a template database for this test session; return its name."""
    import asyncpg

    name = f"tpl_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(_dsn(PG_URL))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    await _migrate(_with_name(PG_URL, name))
    return name


async def drop_postgres(name: str) -> None:
    """Drop a database created by these helpers."""
    import asyncpg

    admin = await asyncpg.connect(_dsn(PG_URL))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@asynccontextmanager
async def postgres_database(template: str | None = None) -> AsyncIterator[str]:
    """Create a throw-away PostgreSQL database (a clone of `template`) and yield its URL."""
    import asyncpg

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_dsn(PG_URL))
    try:
        clause = f' TEMPLATE "{template}"' if template else ""
        await admin.execute(f'CREATE DATABASE "{name}"{clause}')
        yield _with_name(PG_URL, name)
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def make_sqlite_template(folder: Path) -> Path:
    """Migrate a SQLite file once (call outside a running event loop)."""
    path = folder / "template.db"
    asyncio.run(_migrate(f"sqlite+aiosqlite:///{path}"))
    return path


def sqlite_copy(template: Path, folder: Path) -> str:
    """Copy the migrated template into `folder`; return its URL."""
    target = folder / f"{uuid.uuid4().hex[:8]}.db"
    shutil.copyfile(template, target)
    return f"sqlite+aiosqlite:///{target}"


def sqlite_url(tmp: Path) -> str:
    """Return a SQLite URL for a fresh, empty file in `tmp`."""
    return f"sqlite+aiosqlite:///{tmp / f'{uuid.uuid4().hex[:8]}.db'}"
