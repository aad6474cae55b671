"""End to end: limit per company, names for badges, fewer people, "Wirklich abmelden?", the
request to the team after the deadline."""

from __future__ import annotations

from typing import Any

from tests.events.console_helpers import card, join
from tests.support.console import ConsoleBot, button, texts

MEETING = "Ausbildungs-Marketing"


def _labels(messages: list[dict[str, Any]]) -> list[str]:
    return [b["label"] for m in messages for b in m.get("buttons", [])]


def test_places_per_company_names_and_fewer_people(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "Zemmler")
    meeting = card(console.say("anna", "/termine"), MEETING)
    assert "Pro Firma bis zu 3 Personen" in texts(meeting)
    ask = console.press("anna", button(meeting, "Anmelden"))
    assert [x for x in _labels(ask) if x.isdigit()] == ["1", "2", "3"]
    done = console.press("anna", button(ask, "2"))
    assert "Namen angeben" in _labels(done)

    names = console.press("anna", button(done, "Namen angeben"))
    assert "bis zu 2 Namen" in texts(names)
    refused = console.say("anna", "Anna Muster, Ben Beispiel, Carla Dritte")
    assert "höchstens 2 Namen" in texts(refused)
    saved = console.say("anna", "Anna Muster; Ben Beispiel")
    assert "Namen für" in texts(saved) and "Anna Muster, Ben Beispiel" in texts(saved)
    assert "Namen: Anna Muster, Ben Beispiel" in texts(card(console.say("anna", "/termine"),
                                                           MEETING))

    colleague = card(console.say("ben", "/termine"), MEETING)
    assert "für eure Firma noch 1" in texts(colleague)
    ask = console.press("ben", button(colleague, "Anmelden"))
    assert [x for x in _labels(ask) if x.isdigit()] == ["1"]

    mine = card(console.say("anna", "/termine"), MEETING)
    fewer = console.press("anna", button(mine, "Personen ändern"))
    assert "Bisher: 2" in texts(fewer)
    changed = console.press("anna", button(fewer, "1"))
    assert "jetzt 1 Person" in texts(changed) and "Du bist angemeldet (1 Person)" in texts(changed)
    assert "Nicht mehr auf der Namensliste: Ben Beispiel" in texts(changed)
    again = texts(card(console.say("anna", "/termine"), MEETING))
    assert "Namen: Anna Muster" in again and "Ben Beispiel" not in again
    assert "noch 39 Plätze" in again
    listing = texts(console.say("chef", "/teilnehmer Marketing"))
    assert "Anna Muster" in listing


def test_cancelling_asks_first_and_after_the_deadline_goes_through_the_team(
    console: ConsoleBot,
) -> None:
    join(console, "anna", "Zemmler")
    meeting = card(console.say("anna", "/termine"), MEETING)
    console.press("anna", button(console.press("anna", button(meeting, "Anmelden")), "1"))
    mine = card(console.say("anna", "/termine"), MEETING)
    sure = console.press("anna", button(mine, "Abmelden"))
    assert "Wirklich von" in texts(sure) and "abmelden?" in texts(sure)
    kept = console.press("anna", button(sure, "Nein"))
    assert "Du bist angemeldet" in texts(kept)
    sure = console.press("anna", button(kept, "Abmelden"))
    gone = console.press("anna", button(sure, "Ja, abmelden"))
    assert "abgemeldet" in texts(gone)

    console.press("anna", button(console.press("anna", button(
        card(console.say("anna", "/termine"), MEETING), "Anmelden")), "2"))
    console.now("2026-02-28T10:00:00+01:00")  # the deadline was 26 Feb, 23:59
    late = card(console.say("anna", "/termine"), MEETING)
    assert "Abmelden" not in _labels(late) and "Personen ändern" not in _labels(late)
    assert "Namen angeben" in _labels(late)  # badges: names are welcome until the day
    passed = console.press("anna", button(late, "Bitte beim Team abmelden"))
    told = texts(passed, "chef")
    assert "Bitte um Abmeldung" in told and "Zemmler" in told and MEETING in told
    assert "weitergegeben" in texts(passed, "anna")
    opened = console.press("chef", button([m for m in passed if m.get("to") == "chef"],
                                          "Teilnehmer"))
    off = console.press("chef", button(opened, "Abmelden: anna"))
    assert "Die Person bekommt Bescheid" in texts(off, "chef")
    assert "hat dich von" in texts(off, "anna")


def test_no_sign_up_button_once_colleagues_took_the_company_places(console: ConsoleBot) -> None:
    for who in ("anna", "ben"):
        join(console, who, "Zemmler")
    meeting = card(console.say("anna", "/termine"), MEETING)
    console.press("anna", button(console.press("anna", button(meeting, "Anmelden")), "3"))
    taken = card(console.say("ben", "/termine"), MEETING)
    assert "für eure Firma noch 0" in texts(taken), texts(taken)
    assert "Anmelden" not in _labels(taken) and "Warteliste" not in " ".join(_labels(taken))
