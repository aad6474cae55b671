"""End to end: the Stammtisch duration is an assumption of the catalogue until confirmed.

/stammtisch says "Dauer: 60 Minuten (vorläufig)", the series .ics names it in its text, and
/bestaetigen offers to confirm it (audited); afterwards both read as fact.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from icalendar import Calendar

from tests.support.console import ConsoleBot, button, join, texts


def _description(messages: list[dict[str, Any]]) -> str:
    path = next(m["file"]["path"] for m in messages if m.get("file"))
    ev = next(c for c in Calendar.from_ical(Path(path).read_text("utf-8")).walk("VEVENT"))
    return str(ev["description"])


def test_the_assumed_duration_reads_provisional_until_the_team_confirms_it(
    console: ConsoleBot,
) -> None:
    join(console, "anna", quiet=True)
    shown = console.say("anna", "/stammtisch")
    assert "Dauer: 60 Minuten (vorläufig)" in texts(shown)
    assert "Vorläufig (Annahme aus dem Jahresplan, noch nicht bestätigt): Dauer." in _description(
        console.press("anna", button(shown, "Kalender")))

    listed = console.say("chef", "/bestaetigen")
    assert "Social Media Stammtisch: Dauer (60 Minuten)" in texts(listed)
    done = console.press("chef", button(listed, "Bestätigen: Stammtisch"))
    assert "dauert 60 Minuten – nicht mehr vorläufig" in texts(done)

    shown = console.say("anna", "/stammtisch")
    assert "Dauer: 60 Minuten" in texts(shown) and "vorläufig" not in texts(shown)
    assert "Vorläufig" not in _description(console.press("anna", button(shown, "Kalender")))
    assert "Bestätigen: Stammtisch" not in str(console.say("chef", "/bestaetigen"))
    assert "Dauer des Stammtischs (60 Minuten) bestätigt" in texts(
        console.say("chef", "/protokoll"))
