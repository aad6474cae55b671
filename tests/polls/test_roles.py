"""End to end: members state their company role (/rolle); polls and broadcasts go to one role."""

from __future__ import annotations

from tests.media_days.helpers import join
from tests.polls.helpers import mine
from tests.support.console import ConsoleBot, button, invite_code, texts


def pick_role(console: ConsoleBot, who: str, role: str) -> str:
    """Walk /rolle as `who` and pick `role`; return the answer."""
    out = console.say(who, "/rolle")
    return texts(console.press(who, button(out, role)))


def test_poll_and_broadcast_to_one_company_role(console: ConsoleBot) -> None:
    welcome = console.say("anna", "/start " + invite_code(console.say("chef",
                                                                      "/einladung Zemmler")))
    assert "Mit /rolle sagst du, was du im Betrieb machst" in texts(welcome)
    join(console, "ben", "Pragma")
    join(console, "carla", "EMIS")
    assert "noch keine Rolle" in texts(console.say("anna", "/rolle"))
    assert "Deine Rolle im Betrieb ist Ausbildung / Ausbilder:in" in pick_role(
        console, "anna", "Ausbildung")
    assert "✅ Ausbildung" in str(console.say("anna", "/rolle"))
    pick_role(console, "ben", "Ausbildung")
    pick_role(console, "carla", "Personal / HR")

    console.say("chef", "/umfrage_neu")
    console.say("chef", "Wer kommt zum Azubitreffen?")
    out = console.say("chef", "Ich\nEine Kollegin")
    for label in ("Eine Antwort", "Mit Namen", "Nein"):
        out = console.press("chef", button(out, label))
    out = console.press("chef", button(out, "Eine Rolle im Betrieb"))
    assert "Ausbildung / Ausbilder:in (2)" in str(out) and "Personal / HR (1)" in str(out)
    out = console.press("chef", button(out, "Ausbildung / Ausbilder:in"))
    preview = console.say("chef", "Freitag 12 Uhr")
    assert "Geht an 2 Personen (Rolle: Ausbildung / Ausbilder:in)" in texts(preview)
    sent = console.press("chef", button(preview, "Senden"))
    assert "Azubitreffen" in texts(mine(sent, "anna")) and "Azubitreffen" in texts(
        mine(sent, "ben"))
    assert not mine(sent, "carla")
    voted = console.press("ben", button(mine(sent, "ben"), "Eine Kollegin"))
    assert "Deine Wahl: Eine Kollegin" in texts(voted)

    console.say("chef", "/rundschreiben")
    out = console.say("chef", "Austausch unter Personalern am 12. Mai")
    out = console.press("chef", button(out, "Ohne Datei"))
    out = console.press("chef", button(out, "Eine Rolle im Betrieb"))
    out = console.press("chef", button(out, "Personal / HR"))
    preview = console.press("chef", button(out, "Normal"))
    assert "Geht an 1 Person (Rolle: Personal / HR)" in texts(preview)
    sent = console.press("chef", button(preview, "Senden"))
    assert "Personalern" in texts(sent, to="carla")
    assert "Personalern" not in texts(sent, to="anna") + texts(sent, to="ben")
    log = texts(console.say("chef", "/protokoll rundschreiben"))
    assert "Rundschreiben an Rolle Personal / HR verschickt (1 Person)" in log

    assert "keine Rolle angegeben" in pick_role(console, "ben", "Keine Angabe")
    console.say("chef", "/rundschreiben")
    out = console.say("chef", "Neue Ausbilder-Runde")
    out = console.press("chef", button(out, "Ohne Datei"))
    out = console.press("chef", button(out, "Eine Rolle im Betrieb"))
    assert "Ausbildung / Ausbilder:in (1)" in str(out)
    out = console.press("chef", button(out, "Andere Zielgruppe"))
    assert "An wen" in texts(out)


def test_role_needs_a_company(console: ConsoleBot) -> None:
    out = console.say("stranger", "/rolle")
    assert "nur für Mitgliedsfirmen" in texts(out) and "Einladungscode" in texts(out)
