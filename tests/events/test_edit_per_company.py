"""Issue 15: the team changes the per-company cap on places of an event in /termin_bearbeiten."""

from __future__ import annotations

from tests.events.console_helpers import card, join
from tests.support.console import ConsoleBot, button, texts

MEETING = "Ausbildungs-Marketing"


def _ask_cap(console: ConsoleBot) -> list[dict]:
    pick = console.say("chef", f"/termin_bearbeiten {MEETING}")
    return console.press("chef", button(pick, "Plätze pro Firma"))


def test_the_team_changes_the_cap_per_company_with_checked_input(console: ConsoleBot) -> None:
    asked = texts(_ask_cap(console))
    assert "höchstens belegen" in asked and "Bisher: 3 Plätze (1 bis 40)" in asked
    for wrong in ("0", "41", "viele", "3 oder 4"):
        refused = texts(console.say("chef", wrong))
        assert "1 bis 40" in refused or "Zahl" in refused, (wrong, refused)
        assert "Gespeichert" not in refused and "geändert" not in refused
    preview = console.say("chef", "5")
    assert "Plätze pro Firma: 5" in texts(preview)
    done = console.press("chef", button(preview, "Speichern"))
    assert texts(done, to="chef")
    join(console, "anna", "Zemmler")
    meeting = card(console.say("anna", "/termine"), MEETING)
    assert "Pro Firma bis zu 5 Personen" in texts(meeting)
    log = texts(console.say("chef", "/protokoll termin"))
    assert "geändert: Plätze pro Firma" in log


def test_no_limit_and_cancel_keep_what_was_typed_out(console: ConsoleBot) -> None:
    _ask_cap(console)
    preview = console.say("chef", "-")
    assert "Plätze pro Firma: keine Grenze" in texts(preview)
    console.press("chef", button(preview, "Speichern"))
    join(console, "anna", "Zemmler")
    meeting = texts(card(console.say("anna", "/termine"), MEETING))
    assert "Pro Firma" not in meeting
    assert "Bisher: keine Grenze" in texts(_ask_cap(console))
    console.say("chef", "2")
    console.say("chef", "abbrechen")  # before "Speichern": nothing changes
    assert "Pro Firma" not in texts(card(console.say("anna", "/termine"), MEETING))
