"""Process-local cache of the reads every update makes (person, open dialog, event board, tokens).

Why: on SQLite every statement through aiosqlite costs several thread hops, so a /termine used
to spend more time reaching the database than building its answer. Most updates only read.

Coherence, in this order of strength:
- Our own writes: `Database.transaction()` calls `clear()` after every commit. A read that began
  before a clear never stores its (maybe older) result: entries are tagged with a generation.
- Other processes (a console on the same file, a test writing directly): `sync()`, called at
  the start of every update, asks SQLite's `PRAGMA data_version` on a connection of its own,
  which changes whenever any other connection committed; then everything is dropped. This
  process's own pooled connections count as "other" too, so a local write drops the cache a
  second time at the next update: a miss more, never a stale read.
- Button tokens are immutable once issued and live in their own maps, which writes do not drop.

Rules for callers: objects from a cached read (Person, Company, Event, Registration) are shared
by every update, so they are read-only: never change one in place, never add one to a session.
With `check` (READ_CACHE_CHECK=1, set for the whole test suite) every hit verifies that.
Cached reads belong under `Router.handle`, which calls `sync()` first.

Only SQLite files cache reads: on PostgreSQL (asyncpg, no thread hops, possibly several
processes) `enabled` is False and every read goes to the database; the token maps, which hold
facts that never change, are used on both.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Hashable
from datetime import datetime
from typing import Any, TypeVar

from cachetools import LRUCache

log = logging.getLogger(__name__)
T = TypeVar("T")
_MISSING = object()


class ReadCache:
    """Hot reads of this process, dropped on every write anywhere."""

    def __init__(self, sqlite_path: str | None, *, size: int = 4096, check: bool = False) -> None:
        self.enabled = sqlite_path is not None
        self.check = check
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
            value, seal = hit
            if self.check and _fingerprint(value) != seal:
                raise AssertionError(f"cached read {key!r} was changed in place")
            return value  # type: ignore[no-any-return]
        generation = self._generation
        value = await load()
        if generation == self._generation:  # no write committed while we were reading
            self._entries[key] = (value, _fingerprint(value) if self.check else None)
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
        try:
            async with self._checking:  # one question at a time on the watch connection
                version = await asyncio.to_thread(self._data_version)
        except Exception:  # the bot still works without the cache: read everything afresh
            log.exception("cannot ask SQLite for data_version; cache dropped")
            self.clear()
            await self.close()
            self._version = None
            return
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


def _fingerprint(value: object) -> object:
    """Return a comparable picture of a cached value (for `check`)."""
    if isinstance(value, list | tuple):
        return tuple(_fingerprint(v) for v in value)
    state = getattr(value, "__dict__", None)
    if state is None:
        return repr(value)
    return tuple(sorted((k, repr(v)) for k, v in state.items() if not k.startswith("_sa_")))
