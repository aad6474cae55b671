"""The team's buttons: one typed action each (invites, admins, people, companies, log)."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import Action


@dataclass(frozen=True)
class Keep(Action, name="team.keep"):
    """The "Nein" of a confirmation: everything stays."""


@dataclass(frozen=True)
class RevokeAsk(Action, name="invite.revoke_ask"):
    """Ask to revoke one open code (confirmation follows)."""

    code: str


@dataclass(frozen=True)
class Revoke(Action, name="invite.revoke"):
    """Revoke one open code."""

    code: str


@dataclass(frozen=True)
class RevokeAllAsk(Action, name="invite.revoke_all_ask"):
    """Ask to revoke every open code shown (of one company, or all); `until` in ms."""

    company_id: int | None
    until: int


@dataclass(frozen=True)
class RevokeAll(Action, name="invite.revoke_all"):
    """Revoke the open codes created up to `until` (ms since 1970): those the team saw."""

    company_id: int | None
    until: int


@dataclass(frozen=True)
class GrantAdmin(Action, name="admin.grant"):
    """Make a person admin."""

    person_id: int


@dataclass(frozen=True)
class RevokeAdmin(Action, name="admin.revoke"):
    """Take the admin role away from a person."""

    person_id: int


@dataclass(frozen=True)
class UnlinkAsk(Action, name="person.unlink_ask"):
    """Ask to unlink a person from their company (confirmation follows)."""

    person_id: int


@dataclass(frozen=True)
class Unlink(Action, name="person.unlink"):
    """Unlink a person from the company they had when asked."""

    person_id: int
    company_id: int


@dataclass(frozen=True)
class MovePick(Action, name="person.move_pick"):
    """Show the companies a person can be moved to."""

    person_id: int


@dataclass(frozen=True)
class MoveTo(Action, name="person.move"):
    """Link a person to another company."""

    person_id: int
    company_id: int


@dataclass(frozen=True)
class Merge(Action, name="company.merge"):
    """Merge company `source_id` into `target_id` (after the confirmation)."""

    source_id: int
    target_id: int


@dataclass(frozen=True)
class Delete(Action, name="company.delete"):
    """Delete a company (after the confirmation)."""

    company_id: int


@dataclass(frozen=True)
class AuditPage(Action, name="audit.page"):
    """The next (older) page of /protokoll with its filter."""

    query: str
    before: int
