"""Media day dialogs that can no longer succeed end with the reason, never loop or start.

Found in QA: an old "Anfrage ändern" button opened the whole booking dialog for a media day
the team had confirmed meanwhile, and "Anfrage senden" then failed again and again; a
colleague who booked while another person of the company had sent a request first was
asked to send forever ("Ihr habt schon einen Medientag 2026").
"""

from __future__ import annotations

from tests.media_days.helpers import book, finish, join, open_booking
from tests.support.console import ConsoleBot, button, texts


def test_an_old_change_button_of_a_confirmed_media_day_opens_no_dialog(
    console: ConsoleBot,
) -> None:
    join(console, "anna", "Pragma")
    book(console, "anna", "16.3.", state="Sachsen")
    status = console.say("anna", "/medientag")
    console.press("chef", button(console.say("chef", "/medientage"), "16. März"))
    out = texts(console.press("anna", button(status, "Anfrage ändern")))
    assert "geht bei diesem Medientag nicht mehr" in out and "Was soll entstehen" not in out
    out = console.say("anna", "/medientag")
    assert "bestätigt für Mo, 16. März 2026" in texts(out)
    assert "Noch offen" not in texts(out)  # no dialog was left open


def test_a_request_refused_at_sending_ends_the_dialog(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    join(console, "ben", "Pragma")
    out = open_booking(console, "ben")  # Ben starts first ...
    console.press("ben", button(console.say("ben", "18.3."), "Ja"))
    console.say("ben", "fertig")
    book(console, "anna", "16.3.", state="Sachsen")  # ... Anna sends first
    out = texts(finish(console, "ben"))
    assert "Ihr habt schon einen Medientag 2026" in out
    assert "Alles richtig?" not in out  # not asked to send again
    out = texts(console.say("ben", "/medientag"))
    assert "Mo, 16. März 2026" in out and "Noch offen" not in out
