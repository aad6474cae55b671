"""The refusal over the per-company cap reads as German for one free place (QA finding).

It said "für eure Firma sind noch 1 frei".
"""

from __future__ import annotations

from tests.events.console_helpers import card, join
from tests.support.console import ConsoleBot, button, texts

MEETING = "Ausbildungs-Marketing"


def test_an_old_button_over_the_company_cap_is_refused_in_good_german(
    console: ConsoleBot,
) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "Zemmler")
    ask = console.press("anna", button(card(console.say("anna", "/termine"), MEETING),
                                       "Anmelden"))
    console.press("ben", button(console.press("ben", button(
        card(console.say("ben", "/termine"), MEETING), "Anmelden")), "2"))
    refused = texts(console.press("anna", button(ask, "3")))
    assert "höchstens 3 Plätze – für eure Firma noch frei: 1." in refused, refused
    assert "sind noch 1 frei" not in refused
