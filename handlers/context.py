"""What a handler sees: the services it may use and the context of one update."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.chat import Button, FileOut, Incoming, Reply
from bot.clock import Clock
from storage.catalogue import Catalogue
from storage.db import Database
from storage.models import Company, Person


class UsageError(Exception):
    """The person typed something we cannot use; the message (German) says what to do."""


@dataclass
class Services:
    """Long-lived collaborators shared by all handlers (built once by bot.app)."""

    db: Database
    clock: Clock
    catalogue: Catalogue
    admin_keys: frozenset[str]
    links: dict[str, str] = field(default_factory=dict)
    wake: Callable[[], Awaitable[None]] | None = None

    @property
    def tz(self) -> ZoneInfo:
        """Return the cluster's time zone."""
        return self.catalogue.tz

    async def planned(self) -> None:
        """Tell the scheduler that outbox rows were planned (deliver what is due now)."""
        if self.wake is not None:
            await self.wake()


@dataclass
class Ctx:
    """One update being handled: who, what, and the replies collected so far."""

    services: Services
    incoming: Incoming
    person: Person
    company: Company | None
    is_admin: bool
    now: datetime
    args: str = ""
    replies: list[Reply] = field(default_factory=list)

    @property
    def db(self) -> Database:
        """Return the database."""
        return self.services.db

    @property
    def tz(self) -> ZoneInfo:
        """Return the cluster's time zone."""
        return self.services.tz

    @property
    def arg_list(self) -> list[str]:
        """Return the arguments split on whitespace."""
        return self.args.split()

    def say(
        self,
        text: str,
        buttons: list[list[Button]] | None = None,
        *,
        file: FileOut | None = None,
        edit: bool = False,
        personal: bool = False,
        listed: bool = False,
    ) -> None:
        """Queue a reply (buttons: rows of `ctx.button(...)`; listed: an entry of a list)."""
        rows = tuple(tuple(row) for row in (buttons or []) if row)
        self.replies.append(Reply(text, rows, file, edit, personal, listed))

    @staticmethod
    def button(label: str, action: str, *args: object) -> Button:
        """Make a button that triggers `action` with `args` (swapped for an opaque token)."""
        return Button(id=" ".join([action, *map(str, args)]), label=label)
