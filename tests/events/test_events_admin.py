"""End to end: the team creates, edits and cancels an event; waiting list and move-up."""

from __future__ import annotations

from tests.events.console_helpers import card as _card
from tests.events.console_helpers import file as _file
from tests.events.console_helpers import join as _join
from tests.support.console import ConsoleBot, button, texts


def test_admin_creates_event_and_waiting_list_moves_up(console: ConsoleBot) -> None:
    assert "wie heißt er" in texts(console.say("chef", "/termin_neu"))
    assert "Wann" in texts(console.say("chef", "Onboarding-Werkstatt"))
    assert "nicht verstanden" in texts(console.say("chef", "irgendwann mal"))
    echo = console.say("chef", "4.3. 10-12 Uhr")
    assert "Mittwoch, 4. März 2026, 10:00–12:00 Uhr" in texts(echo)
    assert "Wo" in texts(console.press("chef", button(echo, "Ja")))
    assert "Thema" in texts(console.say("chef", "Frottana, Großschönau"))
    kind = console.say("chef", "Die ersten Tage der Azubis")
    assert "Plätze" in texts(console.press("chef", button(kind, "Über den Bot")))
    assert "1 bis" in texts(console.say("chef", "null"))
    assert "Anmeldefrist" in texts(console.say("chef", "2"))
    assert "vor dem Beginn" in texts(console.say("chef", "10.3."))
    preview = console.say("chef", "1.3.")
    assert "Vorschau" in texts(preview) and "noch 2 Plätze" in texts(preview)
    assert "Gespeichert" in texts(console.press("chef", button(preview, "Speichern")))
    log = texts(console.say("chef", "/protokoll termin"))
    assert "chef: Termin „" in log and "angelegt" in log

    _join(console, "anna", "Zemmler")
    _join(console, "bob", "Frottana")
    card = _card(console.say("anna", "/termine"), "Onboarding-Werkstatt")
    console.press("anna", button(console.press("anna", button(card, "Anmelden")), "2"))
    card = _card(console.say("bob", "/termine"), "Onboarding-Werkstatt")
    assert "Warteliste" in texts(card)
    waiting = console.press("bob", button(console.press("bob", button(card, "Warteliste")), "1"))
    assert "Warteliste" in texts(waiting) and "Platz 1" in texts(waiting)
    assert "Warteliste" in texts(console.say("chef", "/teilnehmer Onboarding"))

    card = _card(console.say("anna", "/termine"), "Onboarding-Werkstatt")
    out = console.press("anna", button(console.press("anna", button(card, "Abmelden")),
                                       "Ja, abmelden"))
    assert "abgemeldet" in texts(out, to="anna")
    assert "Platz frei geworden" in texts(out, to="bob")
    assert "SEQUENCE:0" in _file([m for m in out if m["to"] == "bob"], ".ics").decode()
    assert "Du bist angemeldet (1 Person)" in texts(console.say("bob", "/meine"))


def test_admin_moves_event_and_cancels_it(console: ConsoleBot) -> None:
    _join(console, "anna", "Zemmler")
    card = _card(console.say("anna", "/termine"), "Ausbildungs-Marketing")
    console.press("anna", button(console.press("anna", button(card, "Anmelden")), "1"))

    pick = console.say("chef", "/termin_bearbeiten Ausbildungs-Marketing")
    assert "ändern" in texts(pick)
    ask = console.press("chef", button(pick, "Zeit"))
    confirm = console.say("chef", "5.3. 11-16 Uhr")
    assert "11:00" in texts(confirm) and "Kalendereintrag" in texts(confirm)
    out = console.press("chef", button(confirm, "Speichern"))
    assert "Informiert: 1" in texts(out, to="chef") and ask
    assert "Termin geändert" in texts(out, to="anna") and "11:00–16:00" in texts(out, to="anna")
    ics = _file([m for m in out if m["to"] == "anna"], ".ics").decode()
    assert "SEQUENCE:1" in ics and "DTSTART;TZID=Europe/Berlin:20260305T110000" in ics

    ask = console.say("chef", "/termin_absagen Ausbildungs-Marketing")
    out = console.press("chef", button(ask, "Ja, absagen"))
    assert "abgesagt" in texts(out, to="chef")
    assert "Abgesagt" in texts(out, to="anna")
    assert "METHOD:CANCEL" in _file([m for m in out if m["to"] == "anna"], ".ics").decode()
    assert "Ausbildungs-Marketing" not in texts(console.say("anna", "/termine"))
    assert console.now("2026-02-27T10:00:00+01:00") == []  # reminders went with it


def test_a_new_start_alone_keeps_the_length_of_the_event(console: ConsoleBot) -> None:
    pick = console.say("chef", "/termin_bearbeiten Ausbildungs-Marketing")  # 5.3. 10–15 Uhr
    console.press("chef", button(pick, "Zeit"))
    confirm = console.say("chef", "3.3. 1030")
    assert "Ende: Di, 3. März 2026, 15:30 Uhr" in texts(confirm), texts(confirm)
    out = console.press("chef", button(confirm, "Speichern"))
    assert "Gespeichert" in texts(out, to="chef")
    card = _card(console.say("chef", "/termine"), "Ausbildungs-Marketing")
    assert "10:30–15:30" in texts(card), texts(card)


def test_moving_an_event_before_its_deadline_says_what_to_do(console: ConsoleBot) -> None:
    pick = console.say("chef", "/termin_bearbeiten Ausbildungs-Marketing")
    console.press("chef", button(pick, "Zeit"))
    refused = texts(console.say("chef", "3.2. 14 Uhr"))
    assert "vor der Anmeldefrist" in refused and "„Anmeldefrist“" in refused, refused


def test_a_value_typed_at_the_preview_replaces_the_one_shown(console: ConsoleBot) -> None:
    pick = console.say("chef", "/termin_bearbeiten Ausbildungs-Marketing")
    console.press("chef", button(pick, "Zeit"))
    first = console.say("chef", "12.3. 10-15 Uhr")
    assert "12. März 2026" in texts(first)
    again = console.say("chef", "13.3. 10-15 Uhr")  # typed instead of pressing Speichern
    assert "13. März 2026" in texts(again) and "Speichern" in str(again), texts(again)
    assert "Gespeichert" in texts(console.press("chef", button(again, "Speichern")))
    assert "13. März 2026" in texts(_card(console.say("chef", "/termine"),
                                          "Ausbildungs-Marketing"))
