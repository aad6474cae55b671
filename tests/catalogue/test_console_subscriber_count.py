"""The preview counts Stammtisch subscribers in correct German (1 Abonnent:in wird …)."""

from __future__ import annotations

from tests.catalogue.helpers import EXAMPLE_2027, send_file
from tests.fairs.console_helpers import member
from tests.support.console import ConsoleBot, button, texts


def test_one_subscriber_is_counted_in_the_singular(dec: ConsoleBot) -> None:
    member(dec, "anna", "Sachsenwerk GmbH")
    dec.press("anna", button(dec.say("anna", "/stammtisch"), "Erinnerung an"))
    shown = texts(send_file(dec, "chef", EXAMPLE_2027))
    assert "(vorläufig) – 1 Abonnent:in wird benachrichtigt" in shown
    assert "Abonnent:innen werden" not in shown
