"""End to end: assumed times and deadlines read "vorläufig" everywhere; setting an assumed
date tells those registered that it now stands.

The plan names only the day of Girls' Day (the catalogue assumes 8-15 Uhr): the card says
"Uhrzeit vorläufig", and its calendar file too. The network meeting's assumed deadline is
marked in the deadline reminder and the team's list. "Anderer Termin" under the confirmation
preview sets the September date: the registered person hears that the date stands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from icalendar import Calendar

from tests.events.console_helpers import card, join
from tests.support.console import ConsoleBot, button, texts

SEPTEMBER = "Regionale Ausbildungscluster"


def _event(messages: list[dict[str, Any]]) -> Any:
    path = next(m["file"]["path"] for m in messages if m.get("file"))
    return next(c for c in Calendar.from_ical(Path(path).read_text("utf-8")).walk("VEVENT"))


def test_girls_day_times_are_provisional_in_the_card_and_the_calendar(
    console: ConsoleBot,
) -> None:
    join(console, "anna", "Zemmler")
    girls = card(console.say("anna", "/termine"), "Girls' Day")
    assert "Do, 23. April 2026, 08:00–15:00 Uhr (Uhrzeit vorläufig)" in texts(girls)
    ev = _event(console.press("anna", button(girls, "Kalender")))
    assert str(ev["summary"]) == "Girls' Day & Boys' Day (vorläufig)"
    assert "noch nicht bestätigt): Uhrzeit." in str(ev["description"])

    listed = console.say("chef", "/bestaetigen")
    assert "Girls' Day & Boys' Day" in texts(listed) and ": Uhrzeit" in texts(listed)
    done = console.press("chef", button(listed, "Bestätigen: Girls' Day"))
    assert "Bestätigt" in texts(done)  # nobody registers for an info date: no preview
    girls = card(console.say("anna", "/termine"), "Girls' Day")
    assert "vorläufig" not in texts(girls)
    assert str(_event(console.press("anna", button(girls, "Kalender")))["summary"]) \
        == "Girls' Day & Boys' Day"


def test_the_deadline_reminder_and_the_team_list_mark_assumed_values(
    console: ConsoleBot,
) -> None:
    join(console, "anna", "Zemmler")
    reminded = texts(console.now("2026-02-19T09:05:00+01:00"), to="anna")
    assert "Anmelden geht bis Do, 26. Februar 2026, 23:59 Uhr (vorläufig)" in reminded
    meeting = card(console.say("anna", "/termine"), "Ausbildungs-Marketing")
    details = texts(console.press("anna", button(meeting, "Details")))
    assert "Plätze gesamt: 40 (vorläufig)" in details
    people = console.press("chef", button(console.say("chef", "/teilnehmer"),
                                          "Ausbildungs-Marketing"))
    assert "Belegt: 0 von 40 (vorläufig) Plätzen" in texts(people)


def test_another_date_under_the_preview_tells_the_registered_that_it_now_stands(
    console: ConsoleBot,
) -> None:
    join(console, "anna", "Zemmler")
    meeting = card(console.say("anna", "/termine"), SEPTEMBER)
    console.press("anna", button(console.press("anna", button(meeting, "Anmelden")), "1"))

    listed = console.say("chef", "/bestaetigen")
    preview = console.press("chef", button(listed, "Bestätigen: Netzwerktreffen: Regionale"))
    out = console.press("chef", button(preview, "Anderer Termin"))
    out = console.press("chef", button(out, "Zeit"))
    out = console.say("chef", "24.9. 10-15 Uhr")
    assert "1 Person bekommt die Nachricht, dass der Termin jetzt feststeht" in texts(out)
    out = console.press("chef", button(out, "Speichern"))
    told = [m for m in out if m.get("to") == "anna"]
    assert "Der Termin steht jetzt fest" in texts(told)
    assert "Do, 24. September 2026, 10:00–15:00 Uhr" in texts(told)
    assert "vorläufig" not in texts(told) and any(m.get("file") for m in told)
    assert str(_event(told)["summary"]).endswith("Berufsausbildung")
