"""The buttons of fairs: the team opens a request and confirms or declines it."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import Action


@dataclass(frozen=True)
class OpenRequest(Action, name="fair.open"):
    """Show one booth request to the team (the button under every team notice)."""

    request_id: int


@dataclass(frozen=True)
class Decide(Action, name="fair.decide"):
    """Confirm (or decline) a booth request; asks the team for a note first."""

    request_id: int
    confirm: bool


@dataclass(frozen=True)
class ConfirmFair(Action, name="fair.confirm"):
    """"Bestätigen: Messe Titel" under /bestaetigen: the catalogue's assumptions hold."""

    fair_id: int


@dataclass(frozen=True)
class AskBooth(Action, name="fair.ask"):
    """"Standplatz anfragen" under a fair in /termine: /messe with that fair chosen."""

    fair_key: str


@dataclass(frozen=True)
class ConfirmFairFixed(Action, name="fair.confirm_yes"):
    """"Ja, bestätigen" under the preview: confirm and tell the companies asking for space."""

    fair_id: int


@dataclass(frozen=True)
class KeepFairAssumed(Action, name="fair.confirm_no"):
    """"Nein" under the preview: the fair's values stay "vorläufig"."""

    fair_id: int
