"""Copy every table from one database to another (backups, restores, SQLite -> PostgreSQL).

Both databases must be migrated to the same Alembic revision. The source is read in one
transaction (on PostgreSQL `REPEATABLE READ READ ONLY`: one consistent snapshot while the bot
keeps running); the target is written in one transaction, parents before children (foreign-key
order), so a failed copy leaves the target as it was. PostgreSQL sequences are moved past the
copied ids, and the row counts of both sides are compared before the target commits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, Table, delete, func, inspect, select, text
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import SQLModel

import storage.schema  # noqa: F401  (registers every table in SQLModel.metadata)
from storage.db import Database, current_revision

CHUNK = 1000  # rows per INSERT round trip


class TransferError(Exception):
    """A copy cannot start or did not verify; the message says why (German, for operators)."""


@dataclass(frozen=True)
class Copied:
    """Rows per table that a copy wrote (in foreign-key order)."""

    counts: dict[str, int]

    @property
    def total(self) -> int:
        """Return the number of rows copied."""
        return sum(self.counts.values())


def tables() -> list[Table]:
    """Return every table of the bot, parents before children."""
    return list(SQLModel.metadata.sorted_tables)


async def row_counts(db: Database) -> dict[str, int]:
    """Return the number of rows of every table."""
    async with db.engine.connect() as conn:
        return {t.name: await _count(conn, t) for t in tables()}


async def copy_all(source: Database, target: Database, *, replace: bool = False) -> Copied:
    """Copy every row of `source` into `target` (empty unless `replace`); verify the counts."""
    await _same_schema(source, target)
    async with source.engine.connect() as conn, target.engine.connect() as dst:
        src = await conn.execution_options(**_snapshot(source))
        async with src.begin(), dst.begin():
            if not replace:
                filled = {n: c for n, c in (await _counts(dst)).items() if c}
                if filled:
                    names = ", ".join(f"{n} ({c})" for n, c in sorted(filled.items()))
                    raise TransferError(
                        f"Die Zieldatenbank ist nicht leer: {names}. "
                        "Nimm eine leere Datenbank oder überschreibe sie mit --ersetzen.")
            for table in reversed(tables()):  # children first, so no foreign key objects
                await dst.execute(delete(table))
            counts = {t.name: await _copy_table(src, dst, t) for t in tables()}
            if not target.is_sqlite:
                await _reset_sequences(dst)
            found = await _counts(dst)
            source_counts = await _counts(src)
            wrong = [n for n in counts if not source_counts[n] == counts[n] == found[n]]
            if wrong:
                raise TransferError(f"Zeilenzahlen stimmen nicht: {', '.join(wrong)}")
    return Copied(counts)


def _snapshot(db: Database) -> dict[str, Any]:
    """Return the options that make a read transaction one consistent, read-only snapshot."""
    if db.is_sqlite:  # any SQLite read transaction is a snapshot (WAL); no write lock needed
        return {"sqlite_begin": "DEFERRED"}
    return {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}


async def _copy_table(src: AsyncConnection, dst: AsyncConnection, table: Table) -> int:
    order = list(table.primary_key.columns)
    result = await src.stream(select(table).order_by(*order))
    copied = 0
    async for part in result.mappings().partitions(CHUNK):
        rows = [dict(r) for r in part]
        await dst.execute(table.insert(), rows)
        copied += len(rows)
    return copied


async def _counts(conn: AsyncConnection) -> dict[str, int]:
    return {t.name: await _count(conn, t) for t in tables()}


async def _count(conn: AsyncConnection, table: Table) -> int:
    return int((await conn.execute(select(func.count()).select_from(table))).scalar_one())


async def _reset_sequences(dst: AsyncConnection) -> None:
    """Move each serial id's sequence past the copied ids (else the next insert collides)."""
    for table in tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not isinstance(pk[0].type, Integer):
            continue
        seq = (await dst.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                 {"t": table.name, "c": pk[0].name})).scalar_one()
        if seq is None:  # a plain integer key (e.g. a person id), no sequence behind it
            continue
        await dst.execute(
            text(f'SELECT setval(:seq, COALESCE(MAX("{pk[0].name}"), 1), '
                 f'MAX("{pk[0].name}") IS NOT NULL) FROM "{table.name}"'), {"seq": seq})


async def _same_schema(source: Database, target: Database) -> None:
    """Refuse unless both databases are at the same revision and hold only known tables."""
    known = {t.name for t in tables()} | {"alembic_version"}
    for db, side in ((source, "Quelle"), (target, "Ziel")):
        async with db.engine.connect() as conn:
            names = set(await conn.run_sync(lambda c: inspect(c).get_table_names()))
        unknown = sorted(names - known)
        if unknown:
            raise TransferError(f"{side} hat Tabellen, die dieser Bot nicht kennt: "
                                f"{', '.join(unknown)}. Erst den Bot aktualisieren.")
    revisions = (await current_revision(source), await current_revision(target))
    if revisions[0] != revisions[1]:
        raise TransferError(
            f"Quelle (Revision {revisions[0]}) und Ziel (Revision {revisions[1]}) haben "
            "verschiedene Schemata. Erst beide mit `python -m bot migrate` aktualisieren.")


def sqlite_file(db: Database) -> Path:
    """Return the file of a SQLite database."""
    name = db.url.database
    if not db.is_sqlite or name in (None, "", ":memory:"):
        raise TransferError("Das geht nur mit einer SQLite-Datei.")
    return Path(str(name).removeprefix("file:"))


def sqlite_backup(source: Path, target: Path, *, settled: bool = False,
                  progress: Callable[[int, int, int], Any] | None = None) -> None:
    """Copy one SQLite file into another with SQLite's online backup API (blocking: thread it).

    Writers may go on while it runs; the copy is one consistent state of the source.
    `settled`: the source is a file nobody writes (a backup being restored). Without a -wal
    file beside it, it is opened immutable: read-only access to a WAL-mode file would create
    -shm and -wal files next to it, and fails in a folder this user may not write to.
    """
    wal = source.with_name(source.name + "-wal")
    mode = "immutable=1" if settled and not wal.exists() else "mode=ro"
    src = sqlite3.connect(f"file:{source}?{mode}", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst, pages=4096, progress=progress)
    finally:
        dst.close()
        src.close()
