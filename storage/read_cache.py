"""Process-local cache of the reads every update makes (person, open dialog, event board, tokens).

Why: on SQLite every statement through aiosqlite costs several thread hops, so a /termine used
to spend more time reaching the database than building its answer. Most updates only read.

Coherence, in this order of strength:
- Our own writes: `Database.transaction()` calls `clear()` after every commit. A read that began
  before a clear never stores its (maybe older) result: entries are tagged with a generation.
- Other processes (a console on the same file, a test writing directly): `sync()`, called at
  the start of every update, asks SQLite's `PRAGMA data_version` on a connection of its own,
  which changes whenever any other connection committed; then everything is dropped.
- Button tokens are immutable once issued and live in their own maps, which writes do not drop.

Only SQLite files cache reads: on PostgreSQL (asyncpg, no thread hops, possibly several
processes) `enabled` is False and every read goes to the database; the token maps, which hold
facts that never change, are used on both.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable, Hashable
from datetime import datetime
from typing import Any, TypeVar

from cachetools import LRUCache

T = TypeVar("T")
_MISSING = object()


class ReadCache:
    """Hot reads of this process, dropped on every write anywhere."""

    def __init__(self, sqlite_path: str | None, *, size: int = 4096) -> None:
        self.enabled = sqlite_path is not None
        self._path = sqlite_path
        self._entries: LRUCache[Hashable, Any] = LRUCache(size)
        self._generation = 0
        self._watch: sqlite3.Connection | None = None
        self._checking = asyncio.Lock()
        self._version: int | None = None
        # token -> (person_id, action); (person_id, chat_id, action) -> (token, issued_at)
        self.token_actions: LRUCache[str, tuple[int, str]] = LRUCache(size * 4)
        self.issued: LRUCache[tuple[int, str, str], tuple[str, datetime]] = LRUCache(size * 4)

    async def get(self, key: Hashable, load: Callable[[], Awaitable[T]]) -> T:
        """Return the cached value for `key`, loading (and keeping) it on a miss."""
        if not self.enabled:
            return await load()
        hit = self._entries.get(key, _MISSING)
        if hit is not _MISSING:
            return hit  # type: ignore[no-any-return]
        generation = self._generation
        value = await load()
        if generation == self._generation:  # no write committed while we were reading
            self._entries[key] = value
        return value

    def clear(self) -> None:
        """Drop every cached read (tokens stay: they never change)."""
        self._generation += 1
        self._entries.clear()

    def forget_tokens(self) -> None:
        """Drop the token maps (after purging old tokens)."""
        self.token_actions.clear()
        self.issued.clear()

    async def sync(self) -> None:
        """Drop everything if another connection committed since the last call."""
        if not self.enabled:
            return
        async with self._checking:  # one question at a time on the watch connection
            version = await asyncio.to_thread(self._data_version)
        if version != self._version:
            self.clear()
            self._version = version

    def _data_version(self) -> int:
        # A plain sqlite3 connection in a worker thread: an aiosqlite one would keep a
        # non-daemon thread alive, and with it the process, whenever nobody calls close().
        if self._watch is None:
            self._watch = sqlite3.connect(self._path, check_same_thread=False)  # type: ignore[arg-type]
        return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    async def close(self) -> None:
        """Close the watch connection."""
        if self._watch is not None:
            self._watch.close()
            self._watch = None
