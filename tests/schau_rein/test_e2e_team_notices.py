"""End to end: the team opens a Schau-rein sign-up from its notice, the list after a withdrawal."""

from __future__ import annotations

from tests.fairs.console_helpers import member, to
from tests.schau_rein.console_helpers import schau_rein
from tests.support.console import ConsoleBot, button, texts


def test_team_opens_the_sign_up_from_its_notice_and_the_list_after_a_withdrawal(
    console: ConsoleBot,
) -> None:
    member(console, "anna", "Sachsenwerk GmbH")
    console.say("anna", "/schaurein")
    done = schau_rein(console, "anna")
    notice = to(done, "chef")
    assert "Neue Schau-rein-Anmeldung von Sachsenwerk GmbH" in texts(notice)
    opened = texts(console.press("chef", button(notice, "Anmeldung öffnen")))
    assert "Sachsenwerk GmbH" in opened and "Werkstatt-Rallye für Schüler" in opened
    assert "Mediale Begleitung" in opened and "/schaurein_kalender" in opened
    assert "nicht mehr aktuell" in texts(console.press("anna", button(notice, "Anmeldung öffnen")))

    ask = console.press("anna", button(done, "Anmeldung zurückziehen"))
    gone = console.press("anna", button(ask, "Ja, zurückziehen"))
    told = to(gone, "chef")
    assert "Schau-rein-Anmeldung zurückgezogen von Sachsenwerk GmbH" in texts(told)
    assert "bisher: Mo, 9. März 2026" in texts(told)
    listing = console.press("chef", button(told, "Alle Anmeldungen"))
    assert "Noch keine Anmeldungen" in texts(listing)
    stale = texts(console.press("chef", button(notice, "Anmeldung öffnen")))
    assert "gibt es nicht mehr" in stale
