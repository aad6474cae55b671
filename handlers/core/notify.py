"""One way to notify: plan messages to a person, a company, the team, in the caller's transaction.

A feature plans a `Notice` (its kind, a dedupe key and the facts the message needs); the
outbox row commits with the feature's change or not at all. The German text is rendered at
delivery by the renderer the feature registered for that kind (`router.notices.add`), from
the committed data, so no text or calendar file is built inside the write lock and a
reminder always shows the appointment as it is by then. The router wakes the scheduler once
after any update that planned rows.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.chat import Button, FileOut
from handlers.core.actions import Action
from storage import outbox
from storage.catalogue import Catalogue
from storage.db import Session
from storage.members import people
from storage.members.models import Person
from storage.outbox import FilePayload, OutboxMessage, Plan

log = logging.getLogger(__name__)
SWITCHABLE_KIND_MAX = 32  # a switch button carries the kind within Telegram's 64 bytes


@dataclass(frozen=True)
class Notice:
    """A message to plan: its kind, a dedupe key (the recipient's id is appended), its facts.

    `text` is for kinds without a renderer (literal messages); `due_at` None means now. An
    empty `key` makes the notice unique (one-off news that must never merge with an earlier
    one); a key lets planning again update an unsent row instead of adding another.
    """

    kind: str
    key: str
    params: Mapping[str, Any] = field(default_factory=dict)
    text: str = ""
    buttons: Sequence[Sequence[tuple[str, Action]]] = ()
    file: FilePayload | None = None
    due_at: datetime | None = None
    not_after: datetime | None = None
    urgent: bool = True
    unique: str = field(default_factory=lambda: uuid.uuid4().hex)

    def plan_for(self, person_id: int, now: datetime) -> Plan:
        """Return the outbox plan of this notice for one recipient."""
        rows = [[(label, action.encode()) for label, action in row] for row in self.buttons]
        key = self.key or f"{self.kind}:{self.unique}"
        return Plan(
            person_id=person_id, kind=self.kind, key=f"{key}:{person_id}",
            due_at=self.due_at or now, params=self.params, text=self.text, buttons=rows,
            file=self.file, not_after=self.not_after, urgent=self.urgent,
        )


class Notify:
    """Plans notices in one unit of work and counts them (the router wakes delivery once)."""

    def __init__(self, s: Session, *, now: datetime, admin_keys: frozenset[str],
                 catalogue: Catalogue) -> None:
        self.s = s
        self.now = now
        self.planned = 0  # rows planned (or a reason to run the jobs): wake delivery after commit
        self._admin_keys = admin_keys
        self._catalogue = catalogue

    async def person(self, person_id: int, notice: Notice) -> None:
        """Tell one person."""
        self.planned += await outbox.plan(self.s, notice.plan_for(person_id, self.now),
                                          now=self.now)

    async def people(self, recipients: Iterable[Person], notice: Notice, *,
                     exclude: int | None = None) -> int:
        """Tell each reachable person (but `exclude`); return how many."""
        told = 0
        for p in recipients:
            if p.unreachable_at is None and p.id != exclude:
                await self.person(p.id, notice)
                told += 1
        return told

    async def company(self, company_id: int, notice: Notice, *,
                      exclude: int | None = None) -> int:
        """Tell everyone linked to a company (but `exclude`); return how many."""
        members = await people.members_of(self.s, company_id=company_id)
        return await self.people(members, notice, exclude=exclude)

    async def team(self, notice: Notice, *, contact: str = "", exclude: int | None = None) -> int:
        """Tell the catalogue contact for `contact` if the bot knows them, else every admin."""
        key = self._catalogue.contact(contact).admin if contact else None
        found = await people.contact_or_admins(self.s, contact_key=key,
                                               admin_keys=self._admin_keys)
        return await self.people(found, notice, exclude=exclude)

    def wake(self) -> None:
        """Ask for a delivery round after commit (its jobs plan what this change implies)."""
        self.planned += 1

    async def unplan(self, key_prefix: str, *, reason: str) -> int:
        """Drop unsent notices whose key starts with `key_prefix`; return how many."""
        return await outbox.unplan(self.s, key_prefix=key_prefix, now=self.now, reason=reason)

    async def reconcile(self, prefix: str, wanted: Mapping[str, Plan]) -> int:
        """Make the unsent rows under `prefix` match `wanted` (recurring planners)."""
        changed = await outbox.reconcile(self.s, prefix=prefix, wanted=wanted, now=self.now)
        self.planned += changed
        return changed


@dataclass(frozen=True)
class Rendered:
    """A notice as the recipient will read it (buttons carry unsigned action ids)."""

    text: str
    buttons: Sequence[Sequence[Button]] = ()
    file: FileOut | None = None


@dataclass
class RenderCtx:
    """What a renderer sees at delivery: a session on committed data and the recipient."""

    s: Session
    person: Person
    now: datetime
    due_at: datetime
    catalogue: Catalogue
    memo: dict[Any, Any] = field(default_factory=dict)  # shared by one delivery batch
    is_admin: bool = False  # the recipient is in the team (team-only buttons only for them)

    @property
    def is_member(self) -> bool:
        """Tell whether the recipient belongs to a member company (or is in the team)."""
        return self.person.company_id is not None or self.is_admin

    @property
    def tz(self) -> ZoneInfo:
        """Return the cluster's time zone."""
        return self.catalogue.tz

    @staticmethod
    def button(label: str, action: Action) -> Button:
        """Make a button (signed for the recipient at delivery)."""
        return Button(id=action.encode(), label=label)


Renderer = Callable[[RenderCtx, Mapping[str, Any]], Awaitable[Rendered | None]]


@dataclass(frozen=True)
class Kind:
    """A registered kind of notice: how it is rendered and whether people can switch it off."""

    name: str
    render: Renderer | None
    switch: str | None  # German label in /erinnerungen when people may switch it off
    # Listed in /erinnerungen even when nothing of it is planned: kinds planned only when
    # they are sent (broadcasts, poll reminders), which people switch off beforehand.
    always: bool = False


class Notices:
    """Registry of notice kinds; renders due outbox rows."""

    def __init__(self) -> None:
        self._kinds: dict[str, Kind] = {}

    def add(self, kind: str, render: Renderer | None = None, *, switch: str | None = None,
            always: bool = False) -> None:
        """Register a kind (render: None means the row carries literal text; always: its
        switch is in /erinnerungen even when nothing of it is planned)."""
        if kind in self._kinds:
            raise ValueError(f"notice kind {kind!r} registered twice")
        if switch and len(kind) > SWITCHABLE_KIND_MAX:
            raise ValueError(f"switchable kind {kind!r} is too long for its switch button")
        self._kinds[kind] = Kind(kind, render, switch, always)

    def switchable(self) -> dict[str, str]:
        """Return the kinds people may switch off, with their German labels."""
        return {k.name: k.switch for k in self._kinds.values() if k.switch}

    def always_listed(self) -> set[str]:
        """Return the switchable kinds /erinnerungen lists even when none is planned."""
        return {k.name for k in self._kinds.values() if k.switch and k.always}

    def known(self, kind: str) -> bool:
        """Tell whether a kind is registered."""
        return kind in self._kinds

    async def render(self, rc: RenderCtx, row: OutboxMessage) -> Rendered | None:
        """Render a due row; None when it no longer applies (it is dropped, not sent)."""
        kind = self._kinds.get(row.kind)
        payload = row.payload or {}
        planned = [[Button(action, label) for label, action in r]
                   for r in payload.get("buttons", [])]
        raw_file = payload.get("file")
        file = FilePayload.from_json(raw_file) if raw_file else None
        extra = FileOut(file.name, file.mime, file.data) if file else None
        render = None if kind is None else kind.render
        # A row planned before notices were rendered at delivery carries its text, no params.
        if render is None or (row.text and not row.params):
            if not row.text:
                log.error("outbox row %s: no renderer for kind %r", row.id, row.kind)
                return None
            return Rendered(row.text, planned, extra)
        rendered = await render(rc, row.params or {})
        if rendered is None:
            return None
        return Rendered(rendered.text, [*rendered.buttons, *planned], rendered.file or extra)
