"""Console helpers for the Schau-rein tests: walks through /schaurein, a bot with a contact."""

from __future__ import annotations

from pathlib import Path

from tests.fairs.console_helpers import Messages, bot_with_contact
from tests.support.console import ConsoleBot, button, texts


def schau_rein(console: ConsoleBot, who: str) -> Messages:
    """Sign up for three days with idea and media support (the dialog is open)."""
    out = console.say(who, "9.3. und 11.3.")
    assert "Mo, 9. März 2026 und Mi, 11. März 2026" in texts(out)
    out = console.press(who, button(out, "Ja"))
    out = console.press(who, button(out, "Tag hinzufügen"))
    assert "nicht in der Schau-rein-Woche" in texts(console.say(who, "15.3."))
    out = console.say(who, "13.3.")
    out = console.press(who, button(console.press(who, button(out, "Ja")), "Weiter"))
    out = console.press(who, button(out, "Ideen"))
    out = console.press(who, button(out, "Mediale"))
    out = console.press(who, button(out, "Weiter"))
    out = console.say(who, "Werkstatt-Rallye für Schüler")
    out = console.say(who, "Anna Muster, 0351 123")
    assert "9. März" in texts(out) and "13. März" in texts(out)
    return console.press(who, button(out, "Anmelden"))


def sign_up(console: ConsoleBot, who: str, days: str) -> Messages:
    """Sign up for Schau rein with idea support; return what pressing "Anmelden" printed."""
    out = console.press(who, button(console.say(who, days), "Ja"))
    out = console.press(who, button(console.press(who, button(out, "Weiter")), "Ideen"))
    console.press(who, button(out, "Weiter"))
    console.say(who, "Schnuppertag")
    return console.press(who, button(console.say(who, "Anna 0351 123456"), "Anmelden"))


def bot_with_schau_rein_contact(tmp_path: Path) -> ConsoleBot:
    """Start a console bot whose catalogue names console:mike as the Schau-rein contact."""
    return bot_with_contact(tmp_path, "schau_rein")
