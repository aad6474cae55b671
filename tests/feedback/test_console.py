"""End to end: the day after an event (10:00) people rate it; the team sees the average."""

from __future__ import annotations

from pathlib import Path

from tests.events.console_helpers import card
from tests.media_days.helpers import join
from tests.support.console import ConsoleBot, button, texts

MEETING = "Ausbildungs-Marketing"  # 5 March 2026, 10:00-15:00 in the shipped catalogue


def sign_up(console: ConsoleBot, who: str) -> None:
    """Register one person for the March meeting."""
    meeting = card(console.say(who, "/termine"), MEETING)
    console.press(who, button(console.press(who, button(meeting, "Anmelden")), "1"))


def test_feedback_the_day_after_with_stars_comment_and_average(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "Pragma")
    join(console, "carl", "Pragma")
    for who in ("anna", "ben"):
        sign_up(console, who)
    assert "Wie war" not in texts(console.now("2026-03-05T16:00:00+01:00"))
    assert "Wie war" not in texts(console.now("2026-03-06T09:59:00+01:00"))
    asked = console.now("2026-03-06T10:00:00+01:00")
    assert f"Wie war „Netzwerktreffen: {MEETING}“ am Do, 5. März 2026?" in \
        texts(asked, to="anna")
    assert "Wie war" in texts(asked, to="ben") and "Wie war" not in texts(asked, to="carl")

    rated = console.press("anna", button([m for m in asked if m.get("to") == "anna"], "5 ⭐"))
    assert "Danke für deine 5 Sterne" in texts(rated) and "Magst du" in texts(rated)
    assert "Kommentar" in texts(console.say("anna", "Tolle Beispiele aus der Praxis"))
    again = console.press("anna", button([m for m in asked if m.get("to") == "anna"], "1 ⭐"))
    assert "schon bewertet" in texts(again)
    ben = console.press("ben", button([m for m in asked if m.get("to") == "ben"], "2 ⭐"))
    console.say("ben", "-")
    assert "Wie war" not in texts(console.now("2026-03-07T10:00:00+01:00"))  # asked once

    team = console.say("chef", "/feedback")
    assert "Ø 3,5 ⭐ aus 2 Bewertungen" in texts(team)
    assert "„Tolle Beispiele aus der Praxis“" in texts(team)
    png = next(m for m in team if m.get("file"))
    assert Path(png["file"]["path"]).read_bytes().startswith(b"\x89PNG")
    assert "Danke" in texts(ben)


def test_feedback_can_be_switched_off(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    sign_up(console, "anna")
    console.now("2026-03-05T16:00:00+01:00")  # the question is planned for tomorrow 10:00
    out = console.say("anna", "/erinnerungen")
    off = console.press("anna", button(out, "Feedback nach Terminen aus"))
    assert "Feedback nach Terminen" in texts(off)
    assert "Wie war" not in texts(console.now("2026-03-06T10:05:00+01:00"))
