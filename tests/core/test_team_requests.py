"""Issue 15: the team hears at once of every new request, in one format, with a button to open it.

Console end to end: a booth request, film interest, a media day request and a Schau-rein
sign-up each reach the team in the same reply that sent them, each beginning
"📥 <what> von <company>" and carrying a button that opens the request.
"""

from __future__ import annotations

from typing import Any

from tests.fairs.console_helpers import member, request_booth
from tests.media_days.helpers import finish, join, open_booking
from tests.schau_rein.console_helpers import sign_up
from tests.support.console import ConsoleBot, button, texts

Messages = list[dict[str, Any]]


def _team(messages: Messages) -> list[dict[str, Any]]:
    return [m for m in messages if m.get("to") == "chef" and m.get("text", "").startswith("📥")]


def _one(messages: Messages, head: str) -> dict[str, Any]:
    found = _team(messages)
    assert len(found) == 1, messages
    assert found[0]["text"].startswith(f"📥 {head} von "), found[0]["text"]
    assert found[0].get("buttons"), found[0]  # a button to open it
    return found[0]


def test_every_new_request_reaches_the_team_in_one_format(console: ConsoleBot) -> None:
    console.say("chef", "/hilfe")  # the bot knows the admin
    member(console, "anna", "Sachsenwerk")
    booth = _one(request_booth(console, "anna", "10"), "Neue Messe-Anfrage")
    assert "Sachsenwerk" in booth["text"] and "Insidertreff" in booth["text"]
    opened = texts(console.press("chef", button([booth], "öffnen")))
    assert "Sachsenwerk" in opened

    console.say("anna", "/schaurein")
    signup = _one(sign_up(console, "anna", "10.3."), "Neue Schau-rein-Anmeldung")
    assert "Sachsenwerk" in signup["text"]

    console.press("anna", button(console.say("anna", "/film"), "Metall"))
    interest = _one(console.say("anna", "Industriemechaniker/in"),
                    "Neues Interesse an der Filmserie")
    assert "Metall & Maschinenbau" in interest["text"] and "Industriemechaniker/in" in (
        interest["text"])
    listing = console.press("chef", button([interest], "Filmliste öffnen"))
    assert "Industriemechaniker/in" in texts(listing) and button(listing, "Bestätigen")

    join(console, "ben", "Pragma")
    open_booking(console, "ben")
    console.say("ben", "16.3.")
    console.say("ben", "ja")
    console.say("ben", "fertig")
    request = _one(finish(console, "ben"), "Neue Medientag-Anfrage")
    assert "Pragma" in request["text"] and "Mo, 16. März 2026" in request["text"]
    card = console.press("chef", button([request], "Anfrage öffnen"))
    done = console.press("chef", button(card, "✓ Mo, 16. März"))
    assert "Medientag bestätigt" in texts(done, to="ben")
    stale = texts(console.press("chef", button([request], "Anfrage öffnen")))
    assert "nicht mehr" in stale  # confirmed meanwhile: the old notice opens no answers
