"""End to end: deadline reminders for events and Schau rein, 7 and 2 days before, switchable."""

from __future__ import annotations

from tests.events.console_helpers import join
from tests.support.console import ConsoleBot, button, texts

MEETING = "Netzwerktreffen: Ausbildungs-Marketing"
EVENT_NUDGE = "ist von eurer Firma noch niemand angemeldet"
SCHAU_NUDGE = "wollt ihr euren Betrieb öffnen"


def test_companies_without_an_answer_are_reminded_until_they_answer_or_switch_off(
    console: ConsoleBot,
) -> None:
    join(console, "anna", "Zemmler")  # Brandenburg: no Schau rein
    join(console, "ben", "LEAG")  # state unknown: may be Saxon
    join(console, "carl", "LEAG")
    signed = console.press("ben", button(console.press("ben", button(
        [m for m in console.say("ben", "/termine") if MEETING in m.get("text", "")],
        "Anmelden")), "1"))
    assert "Angemeldet" in texts(signed)

    # Schau rein: deadline 20 Feb 23:59, so 13 Feb and 18 Feb at 9:00.
    first = console.now("2026-02-13T09:30:00+01:00")
    assert SCHAU_NUDGE in texts(first, "ben") and SCHAU_NUDGE in texts(first, "carl")
    assert SCHAU_NUDGE not in texts(first, "anna")
    assert "Mitmachen" in [b["label"] for m in first if m["to"] == "ben" for b in m["buttons"]]

    # Events: deadline 26 Feb 23:59, so 19 Feb and 24 Feb at 9:00; LEAG has answered.
    week = console.now("2026-02-19T09:30:00+01:00")
    nudge = [m for m in week if m["to"] == "anna" and EVENT_NUDGE in m.get("text", "")]
    assert nudge and MEETING in nudge[0]["text"]
    assert EVENT_NUDGE not in texts(week, "ben") and EVENT_NUDGE not in texts(week, "carl")
    asked = console.press("anna", button(nudge, "Anmelden"))
    assert "Wie viele Personen" in texts(asked)

    switches = console.say("anna", "/erinnerungen")
    off = console.press("anna", button(switches, "Treffen: Erinnerung an die Anmeldefrist"))
    assert "aus" in texts(off)
    later = console.now("2026-02-24T09:30:00+01:00")
    assert EVENT_NUDGE not in texts(later)
