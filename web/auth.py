"""Who is looking at the desk: the session cookie, the admin check, CSRF, the login rate limit."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import timedelta

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


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` tries per client address per `window` on the login routes.

    The count lives in the database (`storage.web.count_try`), so it holds across the
    processes behind one proxy and over restarts.
    """

    limit: int = 10
    window: timedelta = timedelta(minutes=1)
