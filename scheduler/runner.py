"""APScheduler owns only the wake-up: one date job "deliver" at the next due time.

A heartbeat runs the same delivery round every few hours even when nothing is due, so the
daily jobs of that round (retention) run on a quiet installation too.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger(__name__)
JOB_ID = "deliver"
HEARTBEAT_ID = "heartbeat"
HEARTBEAT = timedelta(hours=6)  # what the app uses
AFTER_FAILURE = timedelta(minutes=1)


class Runner:
    """Runs `deliver` at the time last asked for; `deliver` itself calls `wake_at` again."""

    def __init__(self, deliver: Callable[[], Awaitable[None]], *,
                 heartbeat: timedelta | None = None) -> None:
        self._deliver = deliver
        self._heartbeat = heartbeat
        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self._stopped = False
        self._running: asyncio.Task[object] | None = None

    def start(self) -> None:
        """Start the scheduler in the running event loop (with the heartbeat)."""
        self.scheduler.start()
        if self._heartbeat is not None:
            every = IntervalTrigger(seconds=self._heartbeat.total_seconds())
            self.scheduler.add_job(self._run, every, id=HEARTBEAT_ID, replace_existing=True,
                                   coalesce=True)

    async def stop(self) -> None:
        """Stop without waiting for the next wake-up, but let a running delivery finish."""
        self._stopped = True
        task = self._running
        if task is not None and task is not asyncio.current_task():
            # Shutdown cancels running jobs, and cancelling mid-send would lose that message
            # (at-most-once); delivery runs are short, so let it finish first.
            await asyncio.wait({task})
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def wake_at(self, when: datetime | None) -> None:
        """(Re)schedule the single delivery job at `when` (None: nothing planned, no job)."""
        if self._stopped:
            return
        if when is None:
            if self.scheduler.get_job(JOB_ID) is not None:
                self.scheduler.remove_job(JOB_ID)
            return
        self.scheduler.add_job(
            self._run, DateTrigger(run_date=when, timezone=UTC), id=JOB_ID,
            replace_existing=True, misfire_grace_time=None, coalesce=True,
        )

    def next_wake(self) -> datetime | None:
        """Return when the delivery job will run next (None: not scheduled)."""
        job = self.scheduler.get_job(JOB_ID)
        return None if job is None else job.next_run_time

    async def _run(self) -> None:
        if self._stopped:  # fired just before stop(): the database may be closed already
            return
        self._running = asyncio.current_task()
        try:
            await self._deliver()
        except Exception:
            # Keep delivering after e.g. a database hiccup instead of falling silent.
            log.exception("delivery run failed; trying again in a minute")
            self.wake_at(datetime.now(UTC) + AFTER_FAILURE)
        finally:
            self._running = None
