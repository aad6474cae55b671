"""End to end through the console: film interest, the team's assignment, export, QA cases."""

from __future__ import annotations

from pathlib import Path

from tests.media_days.helpers import join
from tests.support.console import ConsoleBot, button, texts


def test_interest_assign_and_export(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    film = console.say("anna", "/film")
    assert "Berufe mit Zukunft" in texts(film) and "Textil & Produktion: frei" in texts(film)
    out = console.press("anna", button(film, "Metall"))
    assert "Zemmler" not in texts(out) and "Beschreib kurz" in texts(out)
    assert "vorgemerkt" in texts(console.say("anna", "Industriemechaniker/in"))
    listing = console.say("chef", "/filme")
    assert "Pragma" in texts(listing) and "Industriemechaniker/in" in texts(listing)
    assigned = console.press("chef", button(listing, "Bestätigen"))
    assert "Metall & Maschinenbau" in texts(assigned, to="anna")
    assert "zugeordnet" in texts(console.say("anna", "/film"))
    out = console.say("chef", "/export filme")
    assert "Industriemechaniker/in" in Path(out[0]["file"]["path"]).read_text("utf-8-sig")


def test_film_interest_text_has_one_full_stop(console: ConsoleBot) -> None:
    console.say("chef", "/firma_neu Neue Firma; SN; Görlitz")
    join(console, "dora", "Neue Firma")
    film = console.say("dora", "/film")
    console.press("dora", button(film, "Metall"))
    console.say("dora", "Industriemechaniker/in, 3,5 Jahre.")
    own = texts(console.say("dora", "/film"))
    assert "3,5 Jahre. Ändern geht" in own and ".." not in own


def test_film_group_taken_meanwhile_is_refused_before_the_description(
    console: ConsoleBot,
) -> None:
    for who, name in (("x", "Alpha GmbH"), ("y", "Beta GmbH")):
        console.say("chef", f"/firma_neu {name}; BB; Cottbus")
        join(console, who, name)
    stale = console.say("y", "/film")
    console.press("x", button(console.say("x", "/film"), "IT & Digitales"))
    console.say("x", "Fachinformatiker/in")
    out = texts(console.press("y", button(stale, "IT & Digitales")))
    assert "schon vergeben" in out and "/film" in out and "Beschreib" not in out
