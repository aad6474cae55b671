"""Names for badges written with "und" are two names, not one badge (QA finding).

"Anna Muster und Ben Beispiel" was stored as one name.
"""

from __future__ import annotations

from tests.events.console_helpers import card, join
from tests.support.console import ConsoleBot, button, texts

MEETING = "Ausbildungs-Marketing"


def test_names_joined_with_und_are_two_badges(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    ask = console.press("anna", button(card(console.say("anna", "/termine"), MEETING),
                                       "Anmelden"))
    done = console.press("anna", button(ask, "2"))
    console.press("anna", button(done, "Namen angeben"))
    out = texts(console.say("anna", "Anna Muster und Ben Beispiel"))
    assert "Anna Muster, Ben Beispiel" in out, out
    out = texts(console.say("anna", "/termine Treffen"))
    assert "Namen: Anna Muster, Ben Beispiel" in out
