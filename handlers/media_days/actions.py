"""The buttons of media days: one typed action each (company side and team side)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from handlers.core import Action


@dataclass(frozen=True)
class Request(Action, name="md.request"):
    """Start the booking dialog."""


@dataclass(frozen=True)
class SetState(Action, name="md.state"):
    """Tell the company's federal state (BB or SN), then book."""

    state: str


@dataclass(frozen=True)
class Change(Action, name="md.change"):
    """Change a request that is not confirmed yet."""

    md_id: int


@dataclass(frozen=True)
class Withdraw(Action, name="md.withdraw"):
    """Withdraw a request that is not confirmed yet."""

    md_id: int


@dataclass(frozen=True)
class Move(Action, name="md.move"):
    """Ask to move a confirmed day."""

    md_id: int


@dataclass(frozen=True)
class Accept(Action, name="md.accept"):
    """Accept the day the team proposed."""

    md_id: int
    day: date


@dataclass(frozen=True)
class Reject(Action, name="md.reject"):
    """Say no to the day the team proposed."""

    md_id: int
    day: date


@dataclass(frozen=True)
class NudgeOff(Action, name="md.nudge_off"):
    """Stop the monthly nudge."""


@dataclass(frozen=True)
class Confirm(Action, name="md.confirm"):
    """The team confirms a wished day."""

    md_id: int
    day: date


@dataclass(frozen=True)
class Propose(Action, name="md.propose"):
    """The team proposes another day."""

    md_id: int


@dataclass(frozen=True)
class Decline(Action, name="md.decline"):
    """The team declines a request (or a move wish)."""

    md_id: int
