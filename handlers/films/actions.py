"""The buttons of the film series: one typed action each (company side and team side)."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import Action


@dataclass(frozen=True)
class _OnGroup(Action):
    """An action on one interest and the group it held when the button was shown."""

    interest_id: int
    group: str


@dataclass(frozen=True)
class Pick(Action, name="film.pick"):
    """A company picks a profession group (then describes the profession)."""

    group: str


@dataclass(frozen=True)
class Choose(Action, name="film.choose"):
    """The team picks a group for an interested company (the free groups follow)."""

    interest_id: int


@dataclass(frozen=True)
class OpenList(Action, name="film.list"):
    """The team opens the film list from a notice."""


@dataclass(frozen=True)
class Keep(Action, name="film.keep"):
    """The "Nein" of a confirmation: everything stays."""


@dataclass(frozen=True)
class WithdrawAsk(_OnGroup, name="film.withdraw_ask"):
    """A member asks to withdraw their company from its film (confirmation follows)."""


@dataclass(frozen=True)
class Withdraw(_OnGroup, name="film.withdraw"):
    """A member confirms withdrawing their company from its film."""


@dataclass(frozen=True)
class Assign(_OnGroup, name="film.assign"):
    """The team assigns (or confirms) a group."""


@dataclass(frozen=True)
class RemoveAsk(_OnGroup, name="film.remove_ask"):
    """The team asks to remove a company from its film (confirmation follows)."""


@dataclass(frozen=True)
class Remove(_OnGroup, name="film.remove"):
    """The team confirms removing a company from its film."""
