"""The buttons of Schau rein: a company withdraws; the team opens a sign-up or the list."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import Action


@dataclass(frozen=True)
class Withdraw(Action, name="schaurein.withdraw"):
    """"Anmeldung zurückziehen" outside the sign-up dialog (asks Ja/Nein first)."""


@dataclass(frozen=True)
class OpenSignup(Action, name="schaurein.open"):
    """Show one sign-up to the team (the button under a team notice)."""

    signup_id: int


@dataclass(frozen=True)
class ShowSignups(Action, name="schaurein.list"):
    """Show every sign-up to the team, as /schaurein_liste does."""


@dataclass(frozen=True)
class Join(Action, name="schaurein.join"):
    """"Mitmachen" under Schau rein in /termine: the sign-up, as /schaurein opens it."""


@dataclass(frozen=True)
class ConfirmAssumed(Action, name="schaurein.confirm"):
    """"Bestätigen: Schau rein" under /bestaetigen: the catalogue's assumptions hold."""


@dataclass(frozen=True)
class ConfirmAssumedFixed(Action, name="schaurein.confirm_yes"):
    """"Ja, bestätigen" under the preview: confirm and tell the companies signed up."""


@dataclass(frozen=True)
class KeepAssumed(Action, name="schaurein.confirm_no"):
    """"Nein" under the preview: the week's values stay "vorläufig"."""
