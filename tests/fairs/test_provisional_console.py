"""End to end: a fair's assumed values read "vorläufig" until the team confirms them."""

from __future__ import annotations

from tests.events.console_helpers import card
from tests.fairs.console_helpers import member, read_csv, request_booth
from tests.support.console import ConsoleBot, button, texts


def _marks(console: ConsoleBot) -> dict[str, str]:
    rows = read_csv(console.say("chef", "/export messe"))
    at = rows[0].index("Angaben vorläufig")
    return {r[1]: r[at] for r in rows[1:]}


def test_assumed_fair_values_are_provisional_until_the_team_confirms_them(
    console: ConsoleBot,
) -> None:
    member(console, "anna", "Sachsenwerk GmbH", "SN")
    fair = texts(card(console.say("anna", "/termine"), "Insidertreff"))
    assert "Sa, 9. Mai 2026" in fair and "Termin folgt" not in fair  # the plan names the day
    assert "10. April 2026, 23:59 Uhr (vorläufig)" in fair
    assert "(vorläufig)" in texts(console.say("anna", "/messe"))
    console.say("anna", "abbrechen")
    request_booth(console, "anna", "6")
    assert "120 m² verplant (Gesamtfläche vorläufig)" in texts(console.say("chef", "/messestand"))
    assert _marks(console)["Sachsenwerk GmbH"] == "Aufbau, Anmeldefrist, Fläche"

    listed = console.say("chef", "/bestaetigen")
    assert "Messe Insidertreff" in texts(listed)
    assert "Aufbau, Anmeldefrist, Fläche" in texts(listed)
    done = texts(console.press("chef", button(listed, "Bestätigen: Messe Insidertreff")))
    assert "Bestätigt: Messe Insidertreff" in done

    fair = texts(card(console.say("anna", "/termine"), "Insidertreff"))
    assert "vorläufig" not in fair and "10. April 2026, 23:59 Uhr" in fair
    assert "von 120 m² verplant" in texts(console.say("chef", "/messestand"))
    assert _marks(console)["Sachsenwerk GmbH"] == ""
    again = console.say("chef", "/bestaetigen")
    assert "Bestätigen: Messe Insidertreff" not in str(again)
    assert "Karrieretage" in texts(again)  # the other fair is still assumed
    log = texts(console.say("chef", "/protokoll"))
    assert "Vorläufige Angaben der Messe Insidertreff bestätigt" in log
