"""The comment after the stars: "abbrechen" keeps the stars (and says so); one star reads right."""

from __future__ import annotations

from tests.feedback.test_console import sign_up
from tests.media_days.helpers import join
from tests.support.console import ConsoleBot, button, texts


def test_cancelling_the_comment_says_the_stars_stay(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "Pragma")
    for who in ("anna", "ben"):
        sign_up(console, who)
    asked = console.now("2026-03-06T10:00:00+01:00")
    anna = [m for m in asked if m.get("to") == "anna"]
    console.press("anna", button(anna, "4 ⭐"))
    cancelled = texts(console.say("anna", "abbrechen"))
    assert "Nichts wurde gespeichert" not in cancelled and "Sterne sind gespeichert" in cancelled
    ben = [m for m in asked if m.get("to") == "ben"]
    rated = console.press("ben", button(ben, "1 ⭐"))
    assert "Danke für deinen 1 Stern!" in texts(rated), rated
    pressed = texts(console.press("ben", button(rated, "Abbrechen")))
    assert "Sterne sind gespeichert" in pressed
    assert "Ø 2,5 ⭐ aus 2 Bewertungen" in texts(console.say("chef", "/feedback"))
