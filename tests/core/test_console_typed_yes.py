"""A typed "ja, passt" at a question with Ja/Nein buttons means the button (QA finding).

Before, only the exact label ("Ja", "Ja!") counted; "ja, passt" or "Ja bitte" got
"Bitte wähl eine der Antworten unten".
"""

from __future__ import annotations

import pytest

from tests.fairs.console_helpers import member
from tests.support.console import ConsoleBot, texts


@pytest.mark.parametrize("typed", ["ja, passt", "Ja bitte", "ok"])
def test_a_typed_yes_presses_ja(console: ConsoleBot, typed: str) -> None:
    member(console, "anna", "Sachsenwerk")
    console.say("anna", "/schaurein")
    assert "passt das?" in texts(console.say("anna", "10.3."))
    out = texts(console.say("anna", typed))
    assert "Bisher: Di, 10. März 2026." in out and "Bitte wähl" not in out, out


def test_a_typed_no_presses_nein(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk")
    console.say("anna", "/schaurein")
    console.say("anna", "10.3.")
    out = texts(console.say("anna", "nein danke"))
    assert "Bitte wähl" not in out and "Bisher: Di, 10. März" not in out, out
