"""A cancelled event cannot be edited (its people would be told of a change to it)."""

from __future__ import annotations

from tests.fairs.console_helpers import member
from tests.support.console import ConsoleBot, button, texts


def test_a_cancelled_event_is_not_edited(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH")
    asked = console.press("anna", button(console.say("anna", "/termine"), "Anmelden"))
    console.press("anna", button(asked, "1"))
    listed = console.say("chef", "/termin_bearbeiten")  # picked later, after the cancellation
    preview = console.say("chef", "/termin_absagen Ausbildungs-Marketing")
    console.press("chef", button(preview, "Ja, absagen"))

    by_title = texts(console.say("chef", "/termin_bearbeiten Ausbildungs-Marketing"))
    assert "Netzwerktreffen: Ausbildungs-Marketing ist abgesagt." in by_title
    assert "ändern?" not in by_title
    by_button = texts(console.press("chef", button(listed, "Ausbildungs-Marketing")))
    assert "ist abgesagt." in by_button and "ändern?" not in by_button
