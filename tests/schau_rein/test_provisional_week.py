"""End to end on the 2027 example plan: an assumed Schau-rein week reads "Termin folgt".

The dialog's intro, /meine and the media calendar mark the week as provisional; confirming it
shows a preview naming how many people of companies signed up are told, and they get one
notice "Der Termin steht jetzt fest" planned with the confirmation.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.fairs.console_helpers import member
from tests.support.console import ConsoleBot, button, texts

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def bot_2027(tmp_path: Path, sqlite_template: Path) -> Iterator[ConsoleBot]:
    """A console bot on the 2027 example plan, in January 2027."""
    shutil.copyfile(sqlite_template, tmp_path / "bot.db")
    bot = ConsoleBot(tmp_path, now="2027-01-20T09:00:00+01:00",
                     env={"CATALOGUE": str(REPO / "data" / "catalogue-2027.example.toml")})
    yield bot
    if bot.proc is not None:
        bot.stop()


def _summaries(messages: list[dict[str, Any]]) -> list[str]:
    path = next(m["file"]["path"] for m in messages if m.get("file"))
    cal = Calendar.from_ical(Path(path).read_text("utf-8"))
    return [str(ev["summary"]) for ev in cal.walk("VEVENT")]


def test_an_assumed_week_is_provisional_until_confirmed_and_then_the_signed_up_are_told(
    bot_2027: ConsoleBot,
) -> None:
    console = bot_2027
    member(console, "anna", "Sachsenwerk GmbH", "SN")
    intro = texts(console.say("anna", "/schaurein"))
    assert "Mo, 8. März 2027 bis Sa, 13. März 2027 (vorläufig – Termin folgt)" in intro
    out = console.press("anna", button(console.say("anna", "9.3."), "Ja"))
    out = console.press("anna", button(console.press("anna", button(out, "Weiter")), "Mediale"))
    console.press("anna", button(out, "Weiter"))
    console.say("anna", "Werkstatt-Rallye")
    console.press("anna", button(console.say("anna", "Anna 0351 123456"), "Anmelden"))
    mine = texts(console.say("anna", "/meine"))
    assert "Schau rein (vorläufig – Termin folgt)" in mine
    assert "ändern bis Fr, 19. Februar 2027, 23:59 Uhr (vorläufig)" in mine
    listing = texts(console.say("chef", "/schaurein_liste"))
    assert "Anmeldungen: 1 (vorläufig – Termin folgt)" in listing
    calendar = console.say("chef", "/schaurein_kalender")
    assert "noch vorläufig" in texts(calendar)
    assert _summaries(calendar) == ["Schau rein: mediale Begleitung bei Sachsenwerk GmbH "
                                    "(vorläufig)"]

    listed = console.say("chef", "/bestaetigen")
    assert "Woche, Anmeldefrist" in texts(listed)
    preview = console.press("chef", button(listed, "Bestätigen: Schau rein"))
    assert "1 Person aus angemeldeten Firmen bekommt die Nachricht" in texts(preview)
    out = console.press("chef", button(preview, "Ja, bestätigen"))
    assert "nicht mehr vorläufig" in texts(out, to="chef")
    told = texts(out, to="anna")
    assert "Der Termin steht jetzt fest" in told and "Mo, 8. März 2027" in told
    assert "Ihr seid dabei: Di, 9. März 2027" in told and "vorläufig" not in told

    assert "vorläufig" not in texts(console.say("anna", "/meine"))
    assert _summaries(console.say("chef", "/schaurein_kalender")) == [
        "Schau rein: mediale Begleitung bei Sachsenwerk GmbH"]
    log = texts(console.say("chef", "/protokoll"))
    assert "Vorläufige Angaben von Schau rein" in log
