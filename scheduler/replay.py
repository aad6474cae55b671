"""Move a manual clock "as if the bot had been running": deliver at each due time on the way."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

from bot.clock import ManualClock

log = logging.getLogger(__name__)


async def replay_until(
    clock: ManualClock,
    target: datetime,
    deliver: Callable[[], Awaitable[object]],
    next_due: Callable[[], Awaitable[datetime | None]],
) -> int:
    """Step `clock` to every next due time up to `target`, delivering there; return the steps.

    Each row is judged (not_after, quiet hours, retries) at the moment it would have been sent,
    and series planners run at every step, so later sessions get planned on the way.
    """
    if target < clock.now():
        clock.set(target)  # raises: the clock cannot go backwards
    steps = 0
    await deliver()
    while (when := await next_due()) is not None and when <= target:
        if when <= clock.now():
            # A delivery run leaves nothing sendable behind; guard against a stuck row anyway.
            log.error("outbox still due at %s after delivering; stop replaying", when)
            break
        clock.set(when)
        await deliver()
        steps += 1
    clock.set(target)
    await deliver()
    return steps
