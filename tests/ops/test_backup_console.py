"""End to end: a backup of a running cluster, restored into a fresh database, answers as before."""

from __future__ import annotations

from pathlib import Path

from tests.events.console_helpers import card, join
from tests.ops.test_transfer import cli
from tests.support.console import ConsoleBot, button, texts
from tests.support.databases import sqlite_url


def test_restored_backup_answers_as_before_and_old_buttons_still_work(
        console: ConsoleBot, tmp_path: Path, pg_url: str) -> None:
    join(console, "anna", "Zemmler")
    meeting = card(console.say("anna", "/termine"), "Ausbildungs-Marketing")
    done = console.press("anna", button(console.press("anna", button(meeting, "Anmelden")), "2"))
    assert "Angemeldet" in texts(done)
    old_button = button(meeting, "Details")  # signed before the backup
    before = texts(console.say("anna", "/meine"))
    # The backup is taken while the bot runs (online backup API).
    made = cli(console.database_url, "backup", str(tmp_path / "sicherung.db"))
    assert made.returncode == 0, made.stderr
    console.stop()
    for target in (pg_url, sqlite_url(tmp_path / "neu")):
        assert cli(target, "restore", str(tmp_path / "sicherung.db")).returncode == 0
        bot = ConsoleBot(tmp_path, now=console.now_arg, database_url=target)
        try:
            assert texts(bot.say("anna", "/meine")) == before
            assert "Karte öffnen" in texts(bot.press("anna", old_button))  # same signing key
            assert "Zemmler" in texts(bot.say("anna", "/start"))
            assert "noch 38 Plätze" in texts(card(bot.say("anna", "/termine"),
                                                  "Ausbildungs-Marketing"))
        finally:
            bot.stop()
