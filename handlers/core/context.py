"""What a handler sees: the long-lived services and one update with its unit of work."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.chat import Button, FileOut, Incoming, Reply
from bot.clock import Clock, QuietHours
from handlers.core.actions import Action, Signer
from handlers.core.limits import Limits
from handlers.core.notify import Notify
from storage import audit
from storage.catalogue import Catalogue
from storage.chat import OpenDialog
from storage.db import Database, Session
from storage.members.invites import InvitePolicy
from storage.members.models import Company, Person
from storage.privacy.retention import Retention


class UsageError(Exception):
    """The person typed something we cannot use; the message (German) says what to do."""


@dataclass
class Services:
    """Long-lived collaborators shared by all handlers (built once by bot.app)."""

    db: Database
    clock: Clock
    catalogue: Catalogue
    admin_keys: frozenset[str]
    signer: Signer
    links: dict[str, str] = field(default_factory=dict)
    invites: InvitePolicy = field(default_factory=InvitePolicy)
    limits: Limits = field(default_factory=Limits)
    wake: Callable[[], Awaitable[None]] | None = None
    retention: Retention = field(default_factory=Retention)  # how long data is kept
    quiet: QuietHours = field(default_factory=QuietHours)  # when normal pushes wait

    @property
    def tz(self) -> ZoneInfo:
        """Return the cluster's time zone."""
        return self.catalogue.tz


@dataclass
class Ctx:
    """One update being handled: who, what, its unit of work, and the replies collected so far.

    `s` is the update's one transaction: pass it to storage services (`s=ctx.s`); never query
    with it here. `notify` plans messages to others in the same transaction.
    """

    services: Services
    s: Session
    incoming: Incoming
    person: Person
    company: Company | None
    is_admin: bool
    now: datetime
    notify: Notify
    dialog: OpenDialog | None = None  # the person's open dialog, kept current by the engine
    args: str = ""  # what followed the command
    replies: list[Reply] = field(default_factory=list)
    asking: tuple[str, str] | None = None  # (step, run) while a dialog step asks its question
    private: bool = False  # the answer is for the person only (never shown in a group)
    reasked: bool = False  # a dialog's question was asked in this update

    @property
    def person_id(self) -> int:
        """Return the sender's id (always set: the person row exists once the update runs)."""
        return self.person.id

    @property
    def company_id(self) -> int | None:
        """Return the sender's company id, if linked."""
        return None if self.company is None else self.company.id

    @property
    def is_member(self) -> bool:
        """Tell whether the sender belongs to a member company (or is in the team)."""
        return self.company is not None or self.is_admin

    @property
    def tz(self) -> ZoneInfo:
        """Return the cluster's time zone."""
        return self.services.tz

    @property
    def catalogue(self) -> Catalogue:
        """Return the cluster catalogue."""
        return self.services.catalogue

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
        heading: bool = False,
    ) -> None:
        """Queue a reply (rows of `ctx.button(...)`; listed: a list entry; heading: its head)."""
        rows = tuple(tuple(row) for row in (buttons or []) if row)
        self.replies.append(Reply(text, rows, file, edit, personal, listed or heading, heading))

    @staticmethod
    def button(label: str, action: Action) -> Button:
        """Make a button that triggers `action` (the router signs it for this person)."""
        return Button(id=action.encode(), label=label)

    def audit(self, action: str, **detail: Any) -> None:
        """Record an admin action in the audit log; it commits with the update's change."""
        audit.record(self.s, actor=self.person.key, action=action, now=self.now, **detail)
