"""The buttons of the idea collection."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import Action


@dataclass(frozen=True)
class PlusOne(Action, name="idea.plus"):
    """A member supports an idea."""

    idea_id: int


@dataclass(frozen=True)
class Mark(Action, name="idea.mark"):
    """The team marks an idea "aufgegriffen" (a note follows) or "erledigt"."""

    idea_id: int
    status: str
