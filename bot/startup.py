"""Start-up against services that may not be up yet: one clear log line and retry with backoff.

A database or chat platform that does not answer (the server is still booting, the network
is down) is tried again after 1, 2, 4 ... at most 60 seconds, each failure one log line
instead of a traceback. Settings a service refuses (wrong token or password) stop the start
with one clear message: waiting would not fix them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.chat import Unreachable

log = logging.getLogger(__name__)
T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]
FIRST_DELAY = 1.0
MAX_DELAY = 60.0


async def retrying(start: Callable[[], Awaitable[T]], *, what: str,
                   sleep: Sleep = asyncio.sleep) -> T:
    """Run `start` until it does not raise Unreachable; wait longer after each failure."""
    delay = FIRST_DELAY
    while True:
        try:
            return await start()
        except Unreachable as err:
            log.warning("%s nicht erreichbar / unreachable (%s); neuer Versuch in %g s / "
                        "retrying in %g s", what, err, delay, delay)
        await sleep(delay)
        delay = min(delay * 2, MAX_DELAY)
