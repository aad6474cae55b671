"""A database with every table filled (three rows each, every column set) and a row dump."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Boolean, Column, Date, Integer, LargeBinary, String, Table, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import AutoString

from storage.db import Database
from storage.transfer import tables
from storage.types import JSONText, UTCDateTime

ROWS = 3
# Columns with a CHECK constraint get a value it allows.
ALLOWED: dict[tuple[str, str], Any] = {
    ("event", "kind"): "intern", ("event", "booked"): 0,
    ("event_registration", "status"): "registered", ("event_registration", "people"): 2,
}


async def fill_every_table(db: Database) -> None:
    """Insert ROWS rows into every table, parents first, every column (nullable too) set."""
    async with db.engine.begin() as conn:
        made: dict[str, list[dict[str, Any]]] = {}
        for table in tables():
            rows = [_row(table, i, made) for i in range(ROWS)]
            await conn.execute(table.insert(), rows)
            made[table.name] = await _rows(conn, table)


async def dump(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Return every row of every table, in key order."""
    async with db.engine.connect() as conn:
        return {t.name: await _rows(conn, t) for t in tables()}


async def _rows(conn: AsyncConnection, table: Table) -> list[dict[str, Any]]:
    result = await conn.execute(select(table).order_by(*table.primary_key.columns))
    return [dict(r) for r in result.mappings()]


def _row(table: Table, i: int, made: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for col in table.columns:
        fks = list(col.foreign_keys)
        if fks:
            parent = fks[0].column
            row[col.name] = made[parent.table.name][i][parent.name]
        elif col.primary_key and isinstance(col.type, Integer):
            continue  # the database numbers it (and the copy must move its sequence)
        else:
            row[col.name] = ALLOWED.get((table.name, col.name), _value(col, i))
    return row


def _value(col: Column[Any], i: int) -> Any:
    kind = col.type
    if isinstance(kind, UTCDateTime):
        return datetime(2026, 3, 5, 9, 30, 15, 123456, tzinfo=UTC) + timedelta(days=i)
    if isinstance(kind, JSONText):
        return {"n": i, "liste": [1, "Ä"], "leer": None}
    if isinstance(kind, Boolean):
        return i % 2 == 0
    if isinstance(kind, Date):
        return date(2026, 4, 1) + timedelta(days=i)
    if isinstance(kind, Integer):
        return i + 1
    if isinstance(kind, LargeBinary):
        return bytes([i, 0, 255]) + "Grüße".encode()  # NUL and high bytes survive a copy
    if isinstance(kind, String | AutoString):
        text = f"{col.name}-{i}-Grüße ✓"
        length = getattr(kind, "length", None)
        return text[:length] if length else text + " lang" * 50
    raise TypeError(f"no test value for {col.table.name}.{col.name}: {kind!r}")
