"""Date finding results: fewer Nein breaks a tie; a date nobody can make is no winner."""

from __future__ import annotations

from typing import Any

from tests.media_days.helpers import join
from tests.polls.helpers import mine
from tests.support.console import ConsoleBot, button, texts


def date_finding(console: ConsoleBot) -> list[dict[str, Any]]:
    """Send a date finding with three dates to everybody; return what the send printed."""
    console.say("chef", "/terminfindung")
    console.say("chef", "Generationendialog")
    out = console.say("chef", "Di 14.4. 16 Uhr\nDo 16.4. 10 Uhr\nFr 17.4. 9 Uhr")
    console.press("chef", button(out, "Alle Mitglieder"))
    return console.press("chef", button(console.say("chef", "Freitag 12 Uhr"), "Senden"))


def answer(console: ConsoleBot, card: list[dict[str, Any]], who: str, *labels: str) -> None:
    """Tap the answers ("2. Nein", ...) one after the other on the latest card."""
    for label in labels:
        card = console.press(who, button(card, label))


def test_fewer_nein_ranks_higher(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "Pragma")
    sent = date_finding(console)
    answer(console, mine(sent, "anna"), "anna", "1. Nein", "2. Nein", "3. Ja")
    answer(console, mine(sent, "ben"), "ben", "1. Nein", "3. Ja")
    result = texts(mine(console.now("2026-02-06T12:30:00+01:00"), "anna"))
    ranked = [line for line in result.splitlines() if " – Ja " in line]
    assert ranked[0].startswith("1. Fr, 17. April") and ranked[1].startswith(
        "2. Do, 16. April") and ranked[2].startswith("3. Di, 14. April"), result


def test_only_nein_has_no_winner_and_no_draft(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    sent = date_finding(console)
    answer(console, mine(sent, "anna"), "anna", "1. Nein", "2. Nein", "3. Nein")
    live = console.say("chef", "/umfragen")
    assert not any("Als Termin" in b["label"] for m in live for b in m.get("buttons", []))
    closed = console.now("2026-02-06T12:30:00+01:00")
    assert "Am besten passt" not in texts(closed) and "Kein Termin" in texts(closed, to="anna")
    assert not any("Als Termin" in b["label"] for m in closed for b in m.get("buttons", []))
