"""End to end: every fair screen that shows an assumed value marks it "vorläufig".

The booth confirmation, the one-week-before message with the set-up time, /meine and the
request dialog read the catalogue's assumptions as provisional; "Nein" under the confirmation
preview keeps them so, and nobody is told.
"""

from __future__ import annotations

from tests.fairs.console_helpers import member, request_booth
from tests.support.console import ConsoleBot, button, texts


def test_booth_confirmation_and_set_up_reminder_mark_the_assumed_set_up_time(
    console: ConsoleBot,
) -> None:
    member(console, "anna", "Sachsenwerk GmbH", "SN")
    request_booth(console, "anna", "6")
    mine = texts(console.say("anna", "/meine"))
    assert "ändern oder zurückziehen bis Fr, 10. April 2026, 23:59 Uhr (vorläufig)" in mine
    again = texts(console.press("anna", button(console.say("anna", "/messe"), "Insidertreff")))
    assert "(bis Fr, 10. April 2026, 23:59 Uhr (vorläufig))" in again
    console.say("anna", "abbrechen")

    board = console.say("chef", "/messestand")
    note = console.press("chef", button(board, "Bestätigen"))
    out = console.press("chef", button(note, "Ohne Notiz"))
    confirmed = texts(out, to="anna")
    assert "ist bestätigt" in confirmed
    assert "Aufbau ab 08:00 Uhr (vorläufig)." in confirmed

    week_before = texts(console.now("2026-05-02T09:05:00+02:00"), to="anna")
    assert "In einer Woche ist Insidertreff" in week_before
    assert "Aufbau ab 08:00 Uhr (vorläufig)." in week_before


def test_no_under_the_preview_keeps_the_fair_provisional_and_tells_nobody(
    console: ConsoleBot,
) -> None:
    member(console, "anna", "Sachsenwerk GmbH", "SN")
    request_booth(console, "anna", "6")
    listed = console.say("chef", "/bestaetigen")
    preview = console.press("chef", button(listed, "Bestätigen: Messe Insidertreff"))
    assert "1 Person aus Firmen mit Anfrage" in texts(preview)
    out = console.press("chef", button(preview, "Nein"))
    assert "bleibt vorläufig" in texts(out, to="chef")
    assert texts(out, to="anna") == ""
    assert "Bestätigen: Messe Insidertreff" in str(console.say("chef", "/bestaetigen"))
    assert "(vorläufig)" in texts(console.say("anna", "/meine"))
