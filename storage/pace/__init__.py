"""A send budget shared by every bot process on one PostgreSQL database (docs/operations.md).

Telegram allows one bot token about 30 messages per second, whichever process sends them. Each
Bot API call that counts takes the next free slot from one row per budget (`SendPace`), in one
atomic upsert, and waits until that slot: the generic cell rate algorithm in its scheduling
form. `next_at` is the earliest time the next call may go; a call may go up to `burst - 1`
intervals early, so a quiet bot answers at once. The database's clock is the only clock used
(processes on several hosts need not agree on the time), and every call comes back with how
long to wait, so no process ever polls the database. A SQLite database is one process's file:
that process paces itself, and no budget is kept.
"""

from __future__ import annotations

from sqlalchemy import text

from storage.db import Database
from storage.pace.models import SendPace

__all__ = ["SendPace", "take_slot"]

# The upsert takes the row lock; other processes' takes queue on it for a moment only.
_TAKE = text("""
INSERT INTO sendpace AS p (name, next_at)
VALUES (:name, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint + :step)
ON CONFLICT (name) DO UPDATE SET next_at = greatest(
    p.next_at, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint) + :step
RETURNING next_at - :step - :early - (extract(epoch FROM clock_timestamp()) * 1000000)::bigint
""")


async def take_slot(db: Database, name: str, *, interval: float, burst: int = 1) -> float:
    """Take the next slot of budget `name` (one call per `interval` s); return seconds to wait."""
    if db.is_sqlite:
        return 0.0
    step = round(interval * 1_000_000)
    async with db.engine.begin() as conn:
        ahead = (await conn.execute(_TAKE, {"name": name, "step": step,
                                            "early": step * (max(1, burst) - 1)})).scalar_one()
    return max(0.0, int(ahead) / 1_000_000)
