"""The buttons of polls: one typed action each (members vote; the team closes, exports, plans)."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import Action


@dataclass(frozen=True)
class Vote(Action, name="poll.vote"):
    """A member taps an option ("x") or answers a date ("ja", "vielleicht", "nein")."""

    poll_id: int
    option_id: int
    answer: str


@dataclass(frozen=True)
class Export(Action, name="poll.export"):
    """The team asks for the CSV and XLSX of a poll."""

    poll_id: int


@dataclass(frozen=True)
class CloseAsk(Action, name="poll.close_ask"):
    """The team asks to end a poll early (confirmation follows)."""

    poll_id: int


@dataclass(frozen=True)
class Close(Action, name="poll.close"):
    """The team confirms ending a poll now."""

    poll_id: int


@dataclass(frozen=True)
class Keep(Action, name="poll.keep"):
    """The "Nein" of a confirmation."""


@dataclass(frozen=True)
class Draft(Action, name="poll.draft"):
    """The team turns a date finding's option into an event draft (/termin_neu)."""

    poll_id: int
    option_id: int
