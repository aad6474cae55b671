"""A catalogue capacity below the places taken is kept; the preview counts places, not sign-ups."""

from __future__ import annotations

from pathlib import Path

from tests.catalogue.helpers import edited, send_file
from tests.fairs.console_helpers import member
from tests.support.console import ConsoleBot, button, texts


def test_kept_capacity_names_the_places_taken(console: ConsoleBot, tmp_path: Path) -> None:
    for who, company in (("anna", "Sachsenwerk GmbH"), ("ben", "Nordwerk GmbH")):
        member(console, who, company)
        asked = console.press(who, button(console.say(who, "/termine"), "Anmelden"))
        assert "Angemeldet" in texts(console.press(who, button(asked, "2")))
    # Two sign-ups of two people each: 4 places taken; the new file wants 3.
    smaller = edited(tmp_path, "kleiner.toml",
                     ("capacity = 40                      # Annahme: Personen", "capacity = 3"))
    shown = texts(send_file(console, "chef", smaller))
    assert "Plätze bleiben 40 (schon 4 Plätze belegt; Katalog: 3)" in shown
