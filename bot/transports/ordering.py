"""Run work for many chats at once while keeping each chat's work in arrival order."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Hashable
from typing import TypeVar

T = TypeVar("T")


class ChatOrder:
    """Per-key FIFO plus a global limit: chat A never waits for chat B's slow update."""

    def __init__(self, limit: int) -> None:
        self._slots = asyncio.Semaphore(max(1, limit))
        self._chats: dict[Hashable, tuple[asyncio.Lock, int]] = {}

    async def run(self, key: Hashable, work: Awaitable[T]) -> T:
        """Await `work` after all earlier work of `key`, within the global limit.

        Call order per key is kept because the key's lock is taken (FIFO) before any await.
        """
        lock, users = self._chats.get(key, (asyncio.Lock(), 0))
        self._chats[key] = (lock, users + 1)
        try:
            async with lock, self._slots:
                return await work
        finally:
            lock, users = self._chats[key]
            if users == 1:
                del self._chats[key]  # forget idle chats so the table stays small
            else:
                self._chats[key] = (lock, users - 1)

    @property
    def busy_chats(self) -> int:
        """Return how many chats have work running or waiting."""
        return len(self._chats)
