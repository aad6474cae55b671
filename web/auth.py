"""Who is looking at the desk: the session cookie, the admin check, CSRF, the login rate limit."""

from __future__ import annotations

import hmac
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.members.models import Person
from storage.web.models import WebSession

COOKIE = "desk"


@dataclass(frozen=True)
class Viewer:
    """An admin with a live browser session."""

    person: Person
    session: WebSession

    def csrf_ok(self, sent: object) -> bool:
        """Tell whether a form's CSRF token is this session's (constant time)."""
        return isinstance(sent, str) and hmac.compare_digest(sent, self.session.csrf)


def is_admin(person: Person, admin_keys: frozenset[str]) -> bool:
    """Tell whether a person is admin now (granted in chat or named in ADMINS)."""
    return person.role == "admin" or person.key in admin_keys


class RateLimit:
    """At most `limit` tries per client address within `window` (sliding), kept in memory.

    One per desk (no module state); a restart forgets, which is fine for a 10-minute link.
    """

    def __init__(self, limit: int = 10, window: timedelta = timedelta(minutes=1)) -> None:
        self.limit = limit
        self.window = window
        self._seen: dict[str, deque[datetime]] = {}

    def allow(self, client: str, now: datetime) -> bool:
        """Count a try of `client`; False when it is one too many."""
        tries = self._seen.setdefault(client, deque())
        while tries and tries[0] <= now - self.window:
            tries.popleft()
        if len(tries) >= self.limit:
            return False
        tries.append(now)
        if len(self._seen) > 10_000:  # many addresses: forget the quiet ones
            self._seen = {k: v for k, v in self._seen.items() if v}
        return True
