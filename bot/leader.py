"""Leadership among several bot processes on one PostgreSQL database.

Exactly one process (the holder of the lease, storage/leases.py) polls Telegram, runs the
Matrix transport (one device, one key store) and runs the daily jobs. Every process handles
webhook updates and delivers outbox rows (claimed with SKIP LOCKED, so each row once). The
others try to take the lease every `interval` seconds, so one of them leads within that time
after the leader dies; a leader whose lease connection fails steps down at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

from bot.app import App
from bot.chat import Transport
from storage.leases import Lease

log = logging.getLogger(__name__)
LEASE = "cluster-bot:leader"
INTERVAL = 5.0  # seconds between tries; a dead leader is replaced within about this time


class Leadership:
    """Keep trying for the lease; run `gain` when it is won and `lose` when it is lost."""

    def __init__(self, lease: Lease, *, gain: Callable[[], Awaitable[None]],
                 lose: Callable[[], Awaitable[None]], interval: float = INTERVAL) -> None:
        self.lease, self.gain, self.lose, self.interval = lease, gain, lose, interval
        self.leading = False
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Try once now (a lone process leads from its start), then keep trying in the back."""
        await self._round()
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        """Stop trying; give the lease back (another process takes over within `interval`)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self.leading:
            await self._step_down()
        await self.lease.release()

    async def _loop(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                await self._round()
            except Exception:  # keep trying whatever one round did
                log.exception("leadership round failed")

    async def _round(self) -> None:
        if self.leading:
            if not await self.lease.held():
                log.warning("leader lease lost: stepping down")
                await self._step_down()
            return
        if await self.lease.try_acquire():
            self.leading = True
            log.info("leader lease taken: this process polls, syncs and runs the daily jobs")
            await self.gain()

    async def _step_down(self) -> None:
        self.leading = False
        await self.lose()


class Receiving(Protocol):
    """A transport whose receiving can start and stop while it keeps sending (polling)."""

    async def start_receiving(self) -> None:
        """Start receiving updates."""
        ...

    async def stop_receiving(self) -> None:
        """Stop receiving updates; sending goes on."""
        ...


@dataclass
class LeaderRoles:
    """What only the leader runs: polling, the exclusive transports (Matrix), the daily jobs."""

    app: App
    receivers: list[Receiving] = field(default_factory=list)
    exclusive: list[Callable[[], Transport | None]] = field(default_factory=list)
    running: list[Transport] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.app.leading = False  # until the lease is won

    async def gain(self) -> None:
        """Start leading: receive, start the exclusive transports, run the jobs."""
        self.app.leading = True
        for receiver in self.receivers:
            await receiver.start_receiving()
        for build in self.exclusive:
            transport = build()
            if transport is None:
                continue
            self.app.add_port(transport)
            try:
                await transport.start(self.app.handle)
            except Exception:
                log.exception("%s did not start; it stays off in this process",
                              transport.platform)
                self.app.remove_port(transport.platform)
                continue
            self.running.append(transport)
        self.app.wake()  # rows only this process can send now

    async def lose(self) -> None:
        """Stop leading: stop receiving and the exclusive transports; others take over."""
        self.app.leading = False
        for receiver in self.receivers:
            await receiver.stop_receiving()
        while self.running:
            transport = self.running.pop()
            self.app.remove_port(transport.platform)
            await transport.stop()
