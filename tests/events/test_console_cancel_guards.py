"""/termin_absagen refuses an event that is already cancelled or has begun (no false preview)."""

from __future__ import annotations

from tests.fairs.console_helpers import member
from tests.support.console import ConsoleBot, button, texts


def test_a_cancelled_event_is_not_offered_again(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH")
    asked = console.press("anna", button(console.say("anna", "/termine"), "Anmelden"))
    console.press("anna", button(asked, "1"))
    preview = console.say("chef", "/termin_absagen Ausbildungs-Marketing")
    done = console.press("chef", button(preview, "Ja, absagen"))
    assert "Benachrichtigt: 1 Person" in texts(done)
    again = texts(console.say("chef", "/termin_absagen Ausbildungs-Marketing"))
    assert "Netzwerktreffen: Ausbildungs-Marketing ist abgesagt." in again
    assert "wirklich absagen" not in again and "Bescheid" not in again


def test_an_event_that_began_cannot_be_cancelled(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH")
    asked = console.press("anna", button(console.say("anna", "/termine"), "Anmelden"))
    console.press("anna", button(asked, "1"))
    preview = console.say("chef", "/termin_absagen Ausbildungs-Marketing")
    assert "wirklich absagen" in texts(preview)
    console.now("2026-03-05T16:00:00+01:00")  # the meeting (10-15 Uhr) is over
    late = console.press("chef", button(preview, "Ja, absagen"))
    assert "hat schon begonnen – absagen geht nicht mehr" in texts(late)
    assert not [m for m in late if m.get("to") == "anna"]  # nobody told "abgesagt"
    again = texts(console.say("chef", "/termin_absagen Ausbildungs-Marketing"))
    assert "hat schon begonnen – absagen geht nicht mehr" in again
