"""The clash warning suggests a new time after the other date, not one inside it."""

from __future__ import annotations

from tests.support.console import ConsoleBot, button, texts


def test_suggested_time_lies_after_the_other_date(console: ConsoleBot) -> None:
    # Speed Dating Weißwasser/Zittau: Di, 17. März 2026, 14:00–17:00 Uhr.
    out = console.say("chef", "/stammtisch_verschieben 19.3. auf 17.3. 14 Uhr")
    console.press("chef", button(out, "Ja"))
    warned = texts(console.now("2026-03-03T09:01:00+01:00"), to="chef")
    assert "Terminüberschneidung" in warned and "Azubi Speed Dating" in warned
    assert "/stammtisch_verschieben 17.03. auf 17.03. 17 Uhr" in warned
    assert "16 Uhr" not in warned
    # Following the suggestion ends the clash.
    out = console.say("chef", "/stammtisch_verschieben 17.03. auf 17.03. 17 Uhr")
    assert "auf Di, 17. März 2026, 17:00 Uhr" in texts(out)


def test_the_suggestion_is_the_end_of_the_other_date(console: ConsoleBot) -> None:
    # The 5 March meeting (13:00) falls in the network meeting, 10:00–15:00.
    console.say("chef", "/hilfe")  # the bot knows the admin from now on
    warned = texts(console.now("2026-02-19T09:01:00+01:00"), to="chef")
    assert "/stammtisch_verschieben 05.03. auf 05.03. 15 Uhr" in warned
