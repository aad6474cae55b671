"""Pace Bot API calls across every process of one bot token (no PTB imports).

Each process's PTB limiter paces only its own calls; several processes behind one webhook
proxy would together send several times Telegram's ~30 messages/s. With a shared budget
(PostgreSQL, storage/pace) every call that addresses a chat, replies and outbox rows alike,
first takes the next slot of the token's budget and waits for it, so the total stays under the
limit however many processes run. docs/operations.md explains the choice.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

# Messages per second per bot token over all processes: under Telegram's 30, so that network
# jitter (calls paced 1/RATE apart arriving a little bunched) never makes a second hold 31.
RATE = 28.0
BURST = 1  # no call goes early: the bound holds for any one-second window
GROUP_INTERVAL, GROUP_BURST = 3.0, 20  # Telegram: 20 messages per minute in one group
# A call that wakes this much after its slot (the process stalled) takes a new slot: sent now,
# it would go out together with the calls of the slots after it.
LATE = 0.2

Take = Callable[[str, float, int], Awaitable[float]]  # budget, interval, burst -> seconds to wait
Sleep = Callable[[float], Awaitable[None]]


class SharedPace:
    """Wait for the shared budget before a Bot API call to `chat_id` goes out."""

    def __init__(self, take: Take, token: str, *, sleep: Sleep = asyncio.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._take, self._sleep, self._clock = take, sleep, clock
        self._name = f"telegram:{token.partition(':')[0]}"  # the bot's id, never the secret

    async def __call__(self, chat_id: object) -> None:
        """Take the slots this call needs (its group's, then the token's) and wait for them."""
        chat = _chat(chat_id)
        if chat is not None and chat < 0:
            await self._wait(f"{self._name}:chat:{chat}", GROUP_INTERVAL, GROUP_BURST)
        await self._wait(self._name, 1 / RATE, BURST)

    async def _wait(self, name: str, interval: float, burst: int) -> None:
        while True:
            try:
                seconds = await self._take(name, interval, burst)
            except Exception:  # the process's own limiter still paces it; the message must go
                log.warning("shared send budget %s not reachable; pacing this process only",
                            name, exc_info=True)
                return
            if seconds <= 0:
                return
            started = self._clock()
            await self._sleep(seconds)
            if self._clock() - started - seconds < LATE:
                return
            log.info("woke %.2f s after a send slot of %s: taking a new one",
                     self._clock() - started - seconds, name)


def _chat(chat_id: object) -> int | None:
    """Return a numeric chat id (None for a channel's @name or a call without a chat)."""
    try:
        return int(str(chat_id))
    except ValueError:
        return None
