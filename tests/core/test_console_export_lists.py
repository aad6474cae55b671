"""Lists inside one export cell are "; "-separated (formats, assumed values), in every export."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from tests.fairs.console_helpers import member, request_booth
from tests.media_days.helpers import book
from tests.support.console import ConsoleBot, button


def _rows(messages: list[dict[str, Any]]) -> list[dict[str, str]]:
    path = next(m["file"]["path"] for m in messages if m.get("file", {}).get("mime") == "text/csv")
    lines = Path(path).read_text("utf-8-sig").splitlines()
    return list(csv.DictReader(lines, delimiter=";"))


def test_lists_in_export_cells_use_semicolons(console: ConsoleBot) -> None:
    member(console, "anna", "Sachsenwerk GmbH")
    asked = console.press("anna", button(console.say("anna", "/termine"), "Anmelden"))
    console.press("anna", button(asked, "1"))
    request_booth(console, "anna", "6")
    book(console, "anna", "10.3.2026")

    [reg] = _rows(console.say("chef", "/export anmeldungen Marketing"))
    assert reg["Angaben vorläufig"] == "Plätze; Anmeldefrist"
    [booth] = _rows(console.say("chef", "/export messe"))
    assert booth["Angaben vorläufig"] == "Aufbau; Anmeldefrist; Fläche"
    [media] = _rows(console.say("chef", "/export medientage"))
    assert media["Formate"] == "Podcast; Fotos"
