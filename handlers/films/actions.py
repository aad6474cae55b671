"""The buttons of the film series: one typed action each (company side and team side)."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import Action


@dataclass(frozen=True)
class Pick(Action, name="film.pick"):
    """A company picks a profession group (then describes the profession)."""

    group: str


@dataclass(frozen=True)
class WithdrawAsk(Action, name="film.withdraw_ask"):
    """A member asks to withdraw their company from its film (confirmation follows)."""

    interest_id: int
    group: str


@dataclass(frozen=True)
class Withdraw(Action, name="film.withdraw"):
    """A member confirms withdrawing their company from its film."""

    interest_id: int
    group: str


@dataclass(frozen=True)
class Choose(Action, name="film.choose"):
    """The team picks a group for an interested company (the free groups follow)."""

    interest_id: int


@dataclass(frozen=True)
class Assign(Action, name="film.assign"):
    """The team assigns (or confirms) a group."""

    interest_id: int
    group: str


@dataclass(frozen=True)
class RemoveAsk(Action, name="film.remove_ask"):
    """The team asks to remove a company from its film (confirmation follows)."""

    interest_id: int
    group: str


@dataclass(frozen=True)
class Remove(Action, name="film.remove"):
    """The team confirms removing a company from its film."""

    interest_id: int
    group: str


@dataclass(frozen=True)
class Keep(Action, name="film.keep"):
    """The "Nein" of a confirmation: everything stays."""
