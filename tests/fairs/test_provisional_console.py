"""End to end: a fair's assumed values read "vorläufig" until the team confirms them."""

from __future__ import annotations

from tests.events.console_helpers import card
from tests.fairs.console_helpers import member, read_csv, request_booth
from tests.schau_rein.console_helpers import schau_rein
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
    assert _marks(console)["Sachsenwerk GmbH"] == "Aufbau; Anmeldefrist; Fläche"

    listed = console.say("chef", "/bestaetigen")
    assert "Messe Insidertreff" in texts(listed)
    assert "Aufbau, Anmeldefrist, Fläche" in texts(listed)
    preview = console.press("chef", button(listed, "Bestätigen: Messe Insidertreff"))
    assert "Aufbau ab 08:00 Uhr (vorläufig)" in texts(preview)
    assert "1 Person aus Firmen mit Anfrage bekommt die Nachricht" in texts(preview)
    out = console.press("chef", button(preview, "Ja, bestätigen"))
    assert "Bestätigt: Messe Insidertreff" in texts(out, to="chef")
    told = texts(out, to="anna")
    assert "Der Termin steht jetzt fest" in told and "Aufbau ab 08:00 Uhr." in told
    assert "vorläufig" not in told

    fair = texts(card(console.say("anna", "/termine"), "Insidertreff"))
    assert "vorläufig" not in fair and "10. April 2026, 23:59 Uhr" in fair
    assert "von 120 m² verplant" in texts(console.say("chef", "/messestand"))
    assert _marks(console)["Sachsenwerk GmbH"] == ""
    again = console.say("chef", "/bestaetigen")
    assert "Bestätigen: Messe Insidertreff" not in str(again)
    assert "Karrieretage" in texts(again)  # the other fair is still assumed
    log = texts(console.say("chef", "/protokoll"))
    assert "Vorläufige Angaben der Messe Insidertreff bestätigt" in log


def test_the_schau_rein_deadline_is_provisional_until_the_team_confirms_it(
    console: ConsoleBot,
) -> None:
    member(console, "anna", "Sachsenwerk GmbH", "SN")
    week = texts(card(console.say("anna", "/termine"), "Schau rein"))
    assert "20. Februar 2026, 23:59 Uhr (vorläufig)" in week
    console.say("anna", "/schaurein")
    schau_rein(console, "anna")
    rows = read_csv(console.say("chef", "/export schaurein"))
    assert rows[1][rows[0].index("Angaben vorläufig")] == "Anmeldefrist"

    listed = console.say("chef", "/bestaetigen")
    assert "Schau rein" in texts(listed) and "Anmeldefrist" in texts(listed)
    done = texts(console.press("chef", button(listed, "Bestätigen: Schau rein")))
    assert "nicht mehr vorläufig" in done

    assert "vorläufig" not in texts(card(console.say("anna", "/termine"), "Schau rein"))
    rows = read_csv(console.say("chef", "/export schaurein"))
    assert rows[1][rows[0].index("Angaben vorläufig")] == ""
    assert "Bestätigen: Schau rein" not in str(console.say("chef", "/bestaetigen"))
    assert "Vorläufige Angaben von Schau rein" in texts(console.say("chef", "/protokoll"))
