"""End to end through the console: the team removes a company from its film, a member withdraws."""

from __future__ import annotations

from pathlib import Path

from tests.media_days.helpers import join
from tests.support.console import ConsoleBot, button, texts


def interest(console: ConsoleBot, who: str, group: str, desc: str) -> None:
    out = console.press(who, button(console.say(who, "/film"), group))
    assert "vorgemerkt" in texts(console.say(who, desc)), out


def confirm(console: ConsoleBot, company: str) -> list[dict]:
    card = [m for m in console.say("chef", "/filme") if company in m.get("text", "")]
    return console.press("chef", button(card, "Bestätigen"))


def test_remove_reassign_and_withdraw(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    interest(console, "anna", "Metall", "Industriemechaniker/in")
    assert "Metall & Maschinenbau" in texts(confirm(console, "Pragma"), to="anna")
    ask = console.press("chef", button(console.say("chef", "/filme"), "Entfernen: Pragma"))
    assert "wirklich aus dem Film" in texts(ask)
    assert "bleibt" in texts(console.press("chef", button(ask, "Nein")))
    removed = console.press("chef", button(ask, "Ja, entfernen"))
    told = texts(removed, to="anna")
    assert told.count("nicht mehr beim Film Metall & Maschinenbau") == 1
    assert "Entfernt: Pragma" in texts(removed, to="chef")
    stale = console.press("chef", button(ask, "Ja, entfernen"))
    assert "schon nicht mehr" in texts(stale) and not texts(stale, to="anna")
    assert "chef: Filmserie: Pragma" in texts(console.say("chef", "/protokoll"))
    assert "Metall & Maschinenbau: frei" in texts(console.say("anna", "/film"))

    join(console, "bob", "Zemmler")
    interest(console, "bob", "Metall", "Zerspanungsmechaniker/in")
    assert "Metall & Maschinenbau" in texts(confirm(console, "Zemmler"), to="bob")
    film = console.say("bob", "/film")
    assert "Metall & Maschinenbau: Zemmler" in texts(film)
    ask = console.press("bob", button(film, "Austragen"))
    assert "wirklich austragen" in texts(ask)
    done = console.press("bob", button(ask, "Ja, austragen"))
    assert "Ausgetragen" in texts(done, to="bob")
    assert texts(done, to="chef").count("Zemmler Siebanlagen GmbH hat sich aus dem Film") == 1
    assert "schon nicht mehr" in texts(console.press("bob", button(ask, "Ja, austragen")))
    assert "hat sich aus der Filmserie" in texts(console.say("chef", "/protokoll"))
    mine = texts(console.say("bob", "/meine"))
    assert "Berufsgruppe wählen mit /film" in mine and "zugeordnet" not in mine
    out = console.say("chef", "/export filme")
    csv = Path(out[0]["file"]["path"]).read_text("utf-8-sig")
    assert "Industriemechaniker/in" not in csv and "Zerspanungsmechaniker/in" not in csv
    assert "zugeordnet" not in csv


def test_member_cannot_press_the_teams_remove(console: ConsoleBot) -> None:
    join(console, "anna", "Pragma")
    interest(console, "anna", "IT", "Fachinformatiker/in")
    confirm(console, "Pragma")
    ask = console.press("chef", button(console.say("chef", "/filme"), "Entfernen: Pragma"))
    console.press("anna", button(ask, "Ja, entfernen"))
    assert "IT & Digitales: Pragma (zugeordnet)" in texts(console.say("anna", "/film"))
