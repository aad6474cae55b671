"""QA regressions for /schaurein found by playing held-out console scenarios."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar

from tests.fairs.console_helpers import member
from tests.schau_rein.console_helpers import sign_up
from tests.support.console import ConsoleBot, button, texts


def test_schau_rein_day_range_keeps_every_day_and_lists_read_well(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk")
    console.say("anna", "/schaurein")
    assert "„9.-11.3.“" in texts(console.say("anna", "bald mal"))  # hint fits days, not times
    out = console.say("anna", "die ganze Woche")
    assert "Mo, 9. März 2026, Di" in texts(out) and "und Sa, 14. März 2026" in texts(out)
    console.press("anna", button(out, "Nein"))
    out = console.say("anna", "9.-11.3.")
    assert "Mo, 9. März 2026, Di, 10. März 2026 und Mi, 11. März 2026" in texts(out)
    out = console.press("anna", button(out, "Ja"))
    out = console.press("anna", button(out, "Tag hinzufügen"))
    out = console.say("anna", "Freitag")  # a bare weekday means the week's Friday
    assert "Fr, 13. März 2026" in texts(out)
    out = console.press("anna", button(console.press("anna", button(out, "Ja")), "Weiter"))
    out = console.press("anna", button(out, "Mediale"))
    out = console.press("anna", button(out, "Weiter"))
    console.say("anna", "Werkstatt-Rallye")
    out = console.say("anna", "Anna Muster, 0351 123")
    assert "Tag(e): Mo, 9. März 2026, Di, 10. März 2026, Mi, 11. März 2026 und Fr" in texts(out)
    console.press("anna", button(out, "Anmelden"))
    listing = texts(console.say("chef", "/schaurein_liste"))
    assert "Anmeldungen: 1" in listing and "1 Anmeldungen" not in listing
    assert "/schaurein_kalender" in listing
    cal = console.say("chef", "/schaurein_kalender")
    assert "1 Termine" not in texts(cal)
    ics = Calendar.from_ical(Path(cal[-1]["file"]["path"]).read_bytes())
    assert len(list(ics.walk("VEVENT"))) == 4


def test_meine_offers_a_schau_rein_change_only_until_its_deadline(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk")
    console.say("anna", "/schaurein")
    sign_up(console, "anna", "10.3.")
    mine = texts(console.say("anna", "/meine"))
    assert ("Schau rein – ändern bis Fr, 20. Februar 2026, 23:59 Uhr (vorläufig): /schaurein"
            in mine)
    console.now("2026-02-21T09:00:00+01:00")
    mine = texts(console.say("anna", "/meine"))
    assert "Di, 10. März 2026" in mine and "/schaurein" not in mine


def test_a_typed_time_is_not_dropped_silently(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk")
    console.say("anna", "/schaurein")
    out = console.say("anna", "Dienstag 10.3. 9-12 Uhr")
    assert "Di, 10. März 2026" in texts(out) and "Uhrzeit" in texts(out)
    out = console.press("anna", button(out, "Ja"))
    out = console.press("anna", button(console.press("anna", button(out, "Weiter")), "Ideen"))
    assert "gern mit Uhrzeit" in texts(console.press("anna", button(out, "Weiter")))
