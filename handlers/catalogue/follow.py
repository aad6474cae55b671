"""Follow the catalogue in force: another process (or this one) may have applied a new one.

Before an update or a job round the router asks `refresh()`; at most every REFRESH (on the
injected clock) it reads the id of the version in force, one small query, and loads that
version when it is not the one this process runs on. The process that applies a catalogue
calls `expire()`, so its very next update runs on the new one (after the commit: a rolled-back
apply finds nothing new). Several processes on PostgreSQL thus agree within REFRESH.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from handlers.core import Services
from storage.catalogue import versions

log = logging.getLogger(__name__)
REFRESH = timedelta(seconds=30)


class Follower:
    """Keeps `services.catalogue` on the version in force."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._checked: datetime | None = None

    def expire(self) -> None:
        """Look again before the next update (this process just applied a catalogue)."""
        self._checked = None

    async def refresh(self) -> None:
        """Load the version in force if it is not the one in use (looks every REFRESH)."""
        svc = self.services
        now = svc.clock.now()
        if self._checked is not None and self._checked <= now < self._checked + REFRESH:
            return
        self._checked = now
        async with svc.db.read() as s:
            found = await versions.in_force_id(s)
            if found is None or found == svc.catalogue.version:
                return
            catalogue = await versions.in_force(s, fallback=svc.catalogue)
        svc.catalogue = catalogue
        log.info("catalogue version %s is in force now", found)
