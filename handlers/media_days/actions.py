"""The buttons of media days: one typed action each (company side and team side)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from handlers.core import Action


@dataclass(frozen=True)
class _OnMediaDay(Action):
    """An action on one media day."""

    md_id: int


@dataclass(frozen=True)
class _OnDay(Action):
    """An action on one media day and one day of it (a wish or the proposed day)."""

    md_id: int
    day: date


@dataclass(frozen=True)
class Request(Action, name="md.request"):
    """Start the booking dialog."""


@dataclass(frozen=True)
class SetState(Action, name="md.state"):
    """Tell the company's federal state (BB or SN), then book."""

    state: str


@dataclass(frozen=True)
class NudgeOff(Action, name="md.nudge_off"):
    """Stop the monthly nudge."""


@dataclass(frozen=True)
class Change(_OnMediaDay, name="md.change"):
    """Change a request that is not confirmed yet."""


@dataclass(frozen=True)
class Withdraw(_OnMediaDay, name="md.withdraw"):
    """Withdraw a request that is not confirmed yet."""


@dataclass(frozen=True)
class Move(_OnMediaDay, name="md.move"):
    """Ask to move a confirmed day."""


@dataclass(frozen=True)
class Accept(_OnDay, name="md.accept"):
    """Accept the day the team proposed."""


@dataclass(frozen=True)
class Reject(_OnDay, name="md.reject"):
    """Say no to the day the team proposed."""


@dataclass(frozen=True)
class OpenRequest(_OnMediaDay, name="md.open"):
    """The team opens one request from its notice."""


@dataclass(frozen=True)
class Confirm(_OnDay, name="md.confirm"):
    """The team confirms a wished day."""


@dataclass(frozen=True)
class Propose(_OnMediaDay, name="md.propose"):
    """The team proposes another day."""


@dataclass(frozen=True)
class Decline(_OnMediaDay, name="md.decline"):
    """The team declines a request (or a move wish)."""
