"""Issue 15: team changes to an event that message people name how many before they happen."""

from __future__ import annotations

from tests.events.console_helpers import card as _card
from tests.events.console_helpers import join as _join
from tests.support.console import ConsoleBot, button, texts


def test_edit_and_cancel_previews_name_the_recipients(console: ConsoleBot) -> None:
    ask = console.say("chef", "/termin_absagen Ausbildungs-Marketing")
    assert "Niemand ist angemeldet" in texts(ask)
    console.press("chef", button(ask, "Nein"))
    for who, company in (("anna", "Zemmler"), ("bob", "Frottana")):
        _join(console, who, company)
        card = _card(console.say(who, "/termine"), "Ausbildungs-Marketing")
        console.press(who, button(console.press(who, button(card, "Anmelden")), "1"))
    pick = console.say("chef", "/termin_bearbeiten Ausbildungs-Marketing")
    console.press("chef", button(pick, "Zeit"))
    confirm = console.say("chef", "5.3. 11-16 Uhr")
    assert "2 Personen bekommen eine Nachricht mit dem neuen Kalendereintrag" in texts(confirm)
    assert texts(confirm, to="anna") == ""  # nothing goes out before "Speichern"
    console.press("chef", button(confirm, "Speichern"))
    ask = console.say("chef", "/termin_absagen Ausbildungs-Marketing")
    assert "2 Personen (Angemeldete und Wartende) bekommen sofort Bescheid" in texts(ask)
    assert texts(ask, to="anna") == ""
    out = console.press("chef", button(ask, "Ja, absagen"))
    assert "Abgesagt" in texts(out, to="anna") and "Abgesagt" in texts(out, to="bob")
