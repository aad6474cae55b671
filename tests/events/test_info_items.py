"""End to end through the console: info items of the catalogue in /termine (an events test).

It used to live in the fairs tests; it needs the events feature (/termine) registered.
"""

from __future__ import annotations

from tests.support.console import ConsoleBot, texts


def test_info_items_appear_in_termine_with_their_links(console: ConsoleBot) -> None:
    listing = texts(console.say("chef", "/termine"))
    assert "Azubi Speed Dating Weißwasser" in listing and "Azubi Speed Dating Görlitz" in listing
    assert "schulewirtschaft-goerlitz.de" in listing
    assert "Girls' Day" in listing and "girls-day.de" in listing
