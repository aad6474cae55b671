"""One vote per company: turnout counts companies; the team ending a poll twice is told so."""

from __future__ import annotations

from tests.media_days.helpers import join
from tests.polls.helpers import mine, new_poll
from tests.support.console import ConsoleBot, button, texts


def test_per_company_turnout_counts_companies_and_a_second_close_is_no_late_vote(
        console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    join(console, "carl", "Zemmler")
    join(console, "ben", "Pragma")
    out = new_poll(console, per_company="Ja")
    console.press("anna", button(mine(out, "anna"), "Podcast"))
    listing = console.say("chef", "/umfragen")
    assert "1 von 2 Firmen abgestimmt" in texts(listing), texts(listing)
    ask = console.press("chef", button(listing, "Beenden"))
    closed = console.press("chef", button(ask, "Ja, beenden"))
    assert "1 von 2 Firmen haben abgestimmt" in texts(closed, to="carl")
    again = texts(console.press("chef", button(ask, "Ja, beenden")))
    assert "schon beendet" in again and "zu spät" not in again
