"""The buttons of the events feature: one typed action each (see handlers.core.actions)."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import Action


# -- members ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ShowList(Action, name="event.list"):
    """"Alle Termine": the list again, in place of the pressed message."""


@dataclass(frozen=True)
class ShowOne(Action, name="event.show"):
    """"Zurück": one event card again."""

    event_id: int


@dataclass(frozen=True)
class Details(Action, name="event.info"):
    """"Details": the long form of an event."""

    event_id: int


@dataclass(frozen=True)
class Calendar(Action, name="event.ics"):
    """"Kalender": the event's .ics file."""

    event_id: int


@dataclass(frozen=True)
class AskPeople(Action, name="event.join"):
    """"Anmelden" / "Auf die Warteliste": ask how many people come."""

    event_id: int


@dataclass(frozen=True)
class SignUp(Action, name="event.signup"):
    """A number under "Wie viele Personen?": sign up with that many people."""

    event_id: int
    people: int


@dataclass(frozen=True)
class SignOff(Action, name="event.signoff"):
    """"Abmelden": asks "Wirklich abmelden?" first."""

    event_id: int


@dataclass(frozen=True)
class ConfirmSignOff(Action, name="event.signoff_yes"):
    """"Ja, abmelden": cancel one's own sign-up or leave the waiting list."""

    event_id: int


@dataclass(frozen=True)
class AskTeam(Action, name="event.ask_team"):
    """"Bitte beim Team abmelden" after the deadline: the team gets the request."""

    event_id: int


@dataclass(frozen=True)
class ChangePeople(Action, name="event.people"):
    """"Personen ändern": ask for the new number of people."""

    event_id: int


@dataclass(frozen=True)
class SetPeople(Action, name="event.people_set"):
    """A number under "Personen ändern": the registration brings that many people."""

    event_id: int
    people: int


@dataclass(frozen=True)
class GiveNames(Action, name="event.names"):
    """"Namen angeben": who comes, for the name badges (a short dialog)."""

    event_id: int


# -- the cluster team -------------------------------------------------------------------
@dataclass(frozen=True)
class Participants(Action, name="event.participants"):
    """An event picked for /teilnehmer."""

    event_id: int


@dataclass(frozen=True)
class Unregister(Action, name="event.unregister"):
    """"Abmelden: Name" under /teilnehmer: the team signs someone off."""

    event_id: int
    person_id: int


@dataclass(frozen=True)
class AskCancel(Action, name="event.cancel"):
    """An event picked for /termin_absagen: ask before cancelling it."""

    event_id: int


@dataclass(frozen=True)
class ConfirmCancel(Action, name="event.cancel_yes"):
    """"Ja, absagen": cancel the event and tell everyone."""

    event_id: int


@dataclass(frozen=True)
class KeepEvent(Action, name="event.cancel_no"):
    """"Nein": the event stays."""


@dataclass(frozen=True)
class Edit(Action, name="event.edit"):
    """An event picked for /termin_bearbeiten."""

    event_id: int


@dataclass(frozen=True)
class Confirm(Action, name="event.confirm"):
    """"Bestätigen: Titel" under /bestaetigen: the catalogue's assumptions hold."""

    event_id: int


@dataclass(frozen=True)
class ConfirmFixed(Action, name="event.confirm_yes"):
    """"Ja, bestätigen" under the preview: confirm and tell those registered or waiting."""

    event_id: int


@dataclass(frozen=True)
class KeepAssumed(Action, name="event.confirm_no"):
    """"Nein" under the preview: the values stay "vorläufig"."""

    event_id: int
