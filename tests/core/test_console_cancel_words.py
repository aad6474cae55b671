""""Abbrechen!" cancels the open dialog like "abbrechen" (QA finding).

Before, "Abbrechen!" at the text step of /erinnerung became the reminder's text.
"""

from __future__ import annotations

import pytest

from tests.support.console import ConsoleBot, join, texts


@pytest.mark.parametrize("typed", ["Abbrechen!", "abbrechen.", "bitte abbrechen", "Stopp",
                                   "Abbrechen 🙄"])
def test_cancel_with_punctuation_or_please_cancels(console: ConsoleBot, typed: str) -> None:
    join(console, "anna", quiet=True)
    console.say("anna", "/erinnerung morgen 9 Uhr")
    out = texts(console.say("anna", typed))
    assert "Abgebrochen. Nichts wurde gespeichert." in out, out
    assert "passt das?" not in out
    assert "Noch offen" not in texts(console.say("anna", "/erinnerungen"))


def test_cancel_inside_a_longer_text_is_the_answer(console: ConsoleBot) -> None:
    join(console, "anna", quiet=True)
    console.say("anna", "/erinnerung morgen 9 Uhr")
    out = texts(console.say("anna", "Termin abbrechen und neu planen"))
    assert "„Termin abbrechen und neu planen“" in out and "passt das?" in out
