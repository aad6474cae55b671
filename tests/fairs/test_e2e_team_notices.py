"""End to end: the team hears of every booth request at once, opens it, shares decisions."""

from __future__ import annotations

from pathlib import Path

from tests.fairs.console_helpers import (
    bot_with_contact,
    member,
    request_booth,
    short_request,
    to,
)
from tests.support.console import ConsoleBot, button, texts

NEW = "Neue Messe-Anfrage von"


def test_every_new_request_reaches_the_team_with_a_button_that_opens_it(tmp_path: Path) -> None:
    bot = ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00", admins="console:chef,console:mike")
    try:
        bot.say("mike", "/start")
        member(bot, "anna", "Sachsenwerk GmbH")
        member(bot, "bernd", "Spreewerk GmbH", "BB")
        sent = request_booth(bot, "anna", "100")
        for admin in ("chef", "mike"):
            told = texts(sent, admin)
            assert told.count(NEW) == 1 and "Sachsenwerk GmbH" in told
            assert "Insidertreff – angefragt" in told and "ca. 100 m²" in told
        assert NEW not in texts(sent, "anna")
        waiting = request_booth(bot, "bernd", "30")
        assert "Insidertreff – auf der Warteliste" in texts(waiting, "chef")

        # Only the admin the button was made for can press it.
        assert "nicht mehr aktuell" in texts(bot.press("anna", button(to(sent, "chef"),
                                                                      "Anfrage öffnen")))
        opened = bot.press("chef", button(to(waiting, "chef"), "Anfrage öffnen"))
        assert "100 von 120 m² verplant" in texts(opened) and "Warteliste 1" in texts(opened)
        assert "Spreewerk GmbH – auf der Warteliste" in texts(opened)
        opened = bot.press("chef", button(to(sent, "chef"), "Anfrage öffnen"))
        note = bot.press("chef", button(opened, "Bestätigen"))
        decided = bot.press("chef", button(note, "Ohne Notiz"))
        assert "ist bestätigt" in texts(decided, "anna")
        shared = texts(decided, "mike")  # the other admin hears of it; the one who decided not
        assert "Messe-Anfrage bestätigt für Sachsenwerk GmbH" in shared
        assert "Entschieden von chef" in shared
        assert "Messe-Anfrage bestätigt" not in texts(decided, "chef")

        changed = short_request(bot, "anna", "90")
        for admin in ("chef", "mike"):  # a confirmed request changed: both asked to look again
            told = texts(changed, admin)
            assert "Messe-Anfrage geändert von Sachsenwerk GmbH" in told
            assert "bitte neu bestätigen" in told and "ca. 90 m²" in told and NEW not in told
    finally:
        bot.stop()


def test_a_named_fair_contact_is_told_instead_of_all_admins(tmp_path: Path) -> None:
    bot = bot_with_contact(tmp_path, "messe", admins="console:chef,console:mike")
    try:
        bot.say("mike", "/start")
        member(bot, "anna", "Sachsenwerk GmbH")
        sent = request_booth(bot, "anna", "6")
        assert NEW in texts(sent, "mike") and texts(sent, "chef") == ""
        out = bot.press("anna", button(bot.say("anna", "/messe"), "Insidertreff"))
        gone = bot.press("anna", button(out, "Zurückziehen"))
        told = texts(gone, "mike")
        assert "Messe-Anfrage zurückgezogen von Sachsenwerk GmbH" in told
        assert "War angefragt, 6 m²" in told and texts(gone, "chef") == ""
        opened = texts(bot.press("mike", button(to(gone, "mike"), "Anfrage öffnen")))
        assert "Sachsenwerk GmbH – zurückgezogen" in opened and "6 von 120" not in opened
    finally:
        bot.stop()


def test_deadline_reminders_follow_companies_linked_later(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH")
    request_booth(console, "anna", "10")
    console.now("2026-03-01T09:00:00+01:00")  # reminders already planned for everyone else
    member(console, "bernd", "Spreewerk GmbH", "BB")
    nudges = console.now("2026-03-20T10:00:00+01:00")
    assert "Anfragen bis Fr, 10. April 2026" in texts(nudges, "bernd")
    assert "Insidertreff" not in texts(nudges, "anna")
