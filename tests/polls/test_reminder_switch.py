"""Poll reminders and broadcasts can be switched off in /erinnerungen before any comes."""

from __future__ import annotations

from tests.media_days.helpers import join
from tests.polls.helpers import mine, new_poll
from tests.support.console import ConsoleBot, button, texts


def test_switch_poll_reminders_and_broadcasts_off_beforehand(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "Pragma")
    settings = console.say("ben", "/erinnerungen")
    off = console.press("ben", button(settings, "Erinnerungen an Umfragen aus"))
    assert "„Erinnerungen an Umfragen“ ist aus" in texts(off)
    assert button(console.say("ben", "/erinnerungen"), "Erinnerungen an Umfragen an")
    assert button(settings, "Rundschreiben (Neuigkeiten) aus")
    new_poll(console)
    reminded = console.now("2026-02-05T13:00:00+01:00")
    assert "Nur noch bis" in texts(reminded, to="anna") and not mine(reminded, "ben")
