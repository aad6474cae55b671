"""The buttons of the catalogue upload."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import Action


@dataclass(frozen=True)
class ApplyVersion(Action, name="catalogue.apply"):
    """Put an uploaded catalogue in force."""

    version_id: int


@dataclass(frozen=True)
class DiscardVersion(Action, name="catalogue.discard"):
    """Drop an uploaded catalogue."""

    version_id: int


@dataclass(frozen=True)
class SendCurrent(Action, name="catalogue.current"):
    """Send the catalogue in force as a file (to edit it for next year)."""
