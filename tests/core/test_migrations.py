"""The Alembic migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import storage.schema  # noqa: F401
from storage.db import Database, alembic_config, script_head


async def test_migrations_match_models(db: Database) -> None:
    def diff(conn):  # type: ignore[no-untyped-def]
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, SQLModel.metadata)

    async with db.engine.connect() as conn:
        changes = await conn.run_sync(diff)
    assert changes == []


async def test_migrate_twice_is_harmless_and_ends_at_head(db: Database) -> None:
    await db.migrate()

    def revision(conn):  # type: ignore[no-untyped-def]
        return MigrationContext.configure(conn).get_current_heads()

    async with db.engine.connect() as conn:
        current = await conn.run_sync(revision)
    head = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(head) == 1 and current == tuple(head)


def test_the_start_up_shortcut_knows_alembic_s_head() -> None:
    # Database.migrate() skips importing Alembic when the database is at script_head().
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert script_head() == head
