"""The retention job: the storage's retention rules, once a day, in the scheduler's round."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from handlers.core.router import JobCtx
from storage.privacy import retention

log = logging.getLogger(__name__)
EVERY = timedelta(days=1)


class RetentionJob:
    """Runs `storage.privacy.retention.purge` with the settings' periods once a day."""

    def __init__(self) -> None:
        self._last: datetime | None = None  # per process: a second one only repeats no-ops

    async def __call__(self, job: JobCtx) -> None:
        """Purge what is due, unless that was done less than a day ago."""
        if self._last is not None and job.now - self._last < EVERY:
            return
        done = await retention.purge(job.s, now=job.now, policy=job.services.retention,
                                     admin_keys=job.services.admin_keys)
        self._last = job.now
        if done != retention.Purged():
            log.info("retention: %s", done)
