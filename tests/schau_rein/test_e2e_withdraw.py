"""End to end through the console: withdrawing a Schau-rein sign-up and signing up again."""

from __future__ import annotations

from pathlib import Path

from tests.fairs.console_helpers import member, read_csv
from tests.schau_rein.console_helpers import bot_with_schau_rein_contact, schau_rein
from tests.support.console import ConsoleBot, button, texts

GONE = "Schau-rein-Anmeldung zurückgezogen"


def test_withdraw_from_the_confirmation_and_sign_up_again(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH")
    member(console, "berta", "Elbwerk AG")
    console.say("berta", "/schaurein")
    schau_rein(console, "berta")  # a second company keeps the lists non-empty
    console.say("anna", "/schaurein")
    done = schau_rein(console, "anna")
    assert "angemeldet" in texts(done, "anna")
    withdraw = button(done, "Anmeldung zurückziehen")

    # Only the person the button was made for can use it.
    assert "nicht mehr aktuell" in texts(console.press("berta", withdraw))

    ask = console.press("anna", withdraw)
    assert "wirklich zurückziehen" in texts(ask) and "9. März" in texts(ask)
    kept = console.press("anna", button(ask, "Nein"))
    assert "bleibt bestehen" in texts(kept) and GONE not in texts(kept, "chef")
    assert "Sachsenwerk" in texts(console.say("chef", "/schaurein_liste"))

    ask = console.press("anna", withdraw)
    out = console.press("anna", button(ask, "Ja, zurückziehen"))
    assert "ist zurückgezogen" in texts(out, "anna")
    assert texts(out, "chef").count(GONE) == 1 and "Sachsenwerk GmbH" in texts(out, "chef")

    # Old buttons: the Ja is stale, the withdrawal button finds no sign-up; nobody is told again.
    again = console.press("anna", button(ask, "Ja, zurückziehen"))
    assert "nicht mehr aktuell" in texts(again) and GONE not in texts(again)
    again = console.press("anna", withdraw)
    assert "keine Anmeldung" in texts(again) and GONE not in texts(again)

    listing = texts(console.say("chef", "/schaurein_liste"))
    assert "Elbwerk" in listing and "Sachsenwerk" not in listing
    assert [r[0] for r in read_csv(console.say("chef", "/export schaurein"))[1:]] == ["Elbwerk AG"]
    cal = console.say("chef", "/schaurein_kalender")
    ics = next(m["file"]["path"] for m in cal if "file" in m)
    assert "Sachsenwerk" not in Path(ics).read_text("utf-8")
    assert "Schau rein" not in texts(console.say("anna", "/meine"))

    intro = texts(console.say("anna", "/schaurein"))
    assert "An welchem Tag" in intro and "schon angemeldet" not in intro
    done = schau_rein(console, "anna")
    assert "Neue Schau-rein-Anmeldung von Sachsenwerk GmbH" in texts(done, "chef")
    assert "ersetzt" not in texts(done, "chef")
    assert "Sachsenwerk" in texts(console.say("chef", "/schaurein_liste"))


def test_withdraw_from_the_start_tells_the_named_contact_once(tmp_path: Path) -> None:
    bot = bot_with_schau_rein_contact(tmp_path)
    try:
        bot.say("mike", "/start")
        member(bot, "anna", "Sachsenwerk GmbH")
        bot.say("anna", "/schaurein")
        schau_rein(bot, "anna")
        intro = bot.say("anna", "/schaurein")
        assert "schon angemeldet" in texts(intro)
        ask = bot.press("anna", button(intro, "Anmeldung zurückziehen"))
        back = bot.press("anna", button(ask, "Nein"))
        assert "An welchem Tag" in texts(back)  # "Nein" goes back to the sign-up question
        ask = bot.press("anna", button(back, "Anmeldung zurückziehen"))
        out = bot.press("anna", button(ask, "Ja, zurückziehen"))
        assert "ist zurückgezogen" in texts(out, "anna") and "Mike Altmann" in texts(out, "anna")
        assert texts(out, "mike").count(GONE) == 1 and texts(out, "chef") == ""
        assert "keine Anmeldungen" in texts(bot.say("chef", "/schaurein_liste"))
        assert "Wobei sollen wir" not in texts(bot.say("anna", "9.3."))  # no dialog left open
    finally:
        bot.stop()
