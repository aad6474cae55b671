"""Console walks shared by the poll tests."""

from __future__ import annotations

from typing import Any

from tests.support.console import ConsoleBot, button, texts

Message = dict[str, Any]


def new_poll(console: ConsoleBot, *, options: str = "Best Practice\nAzubi-On-Boarding\nPodcast",
             mode: str = "Eine Antwort", privacy: str = "Mit Namen", per_company: str = "Nein",
             audience: str = "Alle Mitglieder", closes: str = "Freitag 12 Uhr",
             send: str = "Senden") -> list[Message]:
    """Walk /umfrage_neu as the team and send; return what the send printed (cards too)."""
    console.say("chef", "/umfrage_neu")
    console.say("chef", "Welches Thema wünscht ihr euch?")
    out = console.say("chef", options)
    out = console.press("chef", button(out, mode))
    out = console.press("chef", button(out, privacy))
    out = console.press("chef", button(out, per_company))
    out = console.press("chef", button(out, audience))
    out = console.say("chef", closes)
    assert "Vorschau" in texts(out), out
    return console.press("chef", button(out, send))


def mine(messages: list[Message], who: str) -> list[Message]:
    """Return the messages to one person."""
    return [m for m in messages if m.get("to") == who]
