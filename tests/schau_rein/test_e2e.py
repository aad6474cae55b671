"""End to end through the console: Schau rein (/schaurein, the state question, the contact)."""

from __future__ import annotations

from pathlib import Path

from tests.fairs.console_helpers import member, request_booth
from tests.schau_rein.console_helpers import bot_with_schau_rein_contact, schau_rein
from tests.support.console import ConsoleBot, button, texts


def test_brandenburg_member_gets_the_kind_refusal(console: ConsoleBot) -> None:
    member(console, "bernd", "Spreewerk GmbH", "BB")
    refusal = texts(console.say("bernd", "/schaurein"))
    assert "Sachsen" in refusal and "/termine" in refusal and "An welchem Tag" not in refusal
    assert "keine Anmeldungen" in texts(console.say("chef", "/schaurein_liste"))
    asked = request_booth(console, "bernd", "12", fair="Karrieretage")  # two-day fair
    assert "angefragt" in texts(asked)
    assert "26. September 2026 und So, 27. September 2026): angefragt" in texts(
        console.say("bernd", "/meine"))


def test_unknown_state_is_asked_once_and_stored(console: ConsoleBot) -> None:
    member(console, "olga", "Ohneland GmbH", "")
    out = console.say("olga", "/schaurein")
    assert "Bundesland" in texts(out)
    refusal = texts(console.press("olga", button(out, "Brandenburg")))
    assert "Programm des Freistaats Sachsen" in refusal
    again = texts(console.say("olga", "/schaurein"))
    assert "Bundesland" not in again and "Freistaats Sachsen" in again
    assert "Brandenburg" in texts(console.say("chef", "/firmen"))


def test_days_outside_the_week_are_refused_and_the_step_stays(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH", "SN")
    console.say("anna", "/schaurein")
    assert "nicht in der Schau-rein-Woche" in texts(console.say("anna", "16.3."))
    assert "nicht verstanden" in texts(console.say("anna", "irgendwann mal"))
    assert "„31.2.“: Dieses Datum gibt es nicht" in texts(console.say("anna", "31.2."))
    assert "passt das?" in texts(console.say("anna", "Dienstag, 10.3."))


def test_named_schau_rein_contact_is_notified_instead_of_all_admins(tmp_path: Path) -> None:
    bot = bot_with_schau_rein_contact(tmp_path)
    try:
        bot.say("mike", "/start")
        member(bot, "anna", "Sachsenwerk GmbH")
        bot.say("anna", "/schaurein")
        done = schau_rein(bot, "anna")
        assert "Neue Schau-rein-Anmeldung" in texts(done, "mike")
        assert texts(done, "chef") == ""
    finally:
        bot.stop()
