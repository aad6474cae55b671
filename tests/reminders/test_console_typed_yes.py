"""A typed yes or no at "passt das?" is read like the button, with punctuation and "bitte".

Found in QA: "Ja!", "ja, passt" and "Ja bitte" were answered "Bitte antworte mit Ja oder
Nein." Anything that says more than yes or no is still asked back.
"""

from __future__ import annotations

import pytest

from tests.support.console import ConsoleBot, texts


@pytest.mark.parametrize("typed", ["Ja!", "ja, passt", "Ja bitte", "jo 👍", "OK."])
def test_a_typed_yes_saves_the_reminder(console: ConsoleBot, typed: str) -> None:
    console.say("anna", "/erinnerung morgen 9 Uhr Bericht")
    out = texts(console.say("anna", typed))
    assert "✅ Ich erinnere dich am Dienstag, 3. Februar 2026, 09:00 Uhr: „Bericht“" in out, out


@pytest.mark.parametrize("typed", ["Nein!", "nein danke", "nö"])
def test_a_typed_no_asks_for_another_time(console: ConsoleBot, typed: str) -> None:
    console.say("anna", "/erinnerung morgen 9 Uhr Bericht")
    out = texts(console.say("anna", typed))
    assert "Wann soll ich dich an „Bericht“ erinnern?" in out, out


def test_more_than_yes_or_no_is_asked_back(console: ConsoleBot) -> None:
    console.say("anna", "/erinnerung morgen 9 Uhr Bericht")
    out = texts(console.say("anna", "ja, aber lieber um 10"))
    assert "Bitte antworte mit Ja oder Nein." in out and "passt das?" in out
