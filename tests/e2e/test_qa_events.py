"""QA regressions found by playing the judge through the real console process (events)."""

from __future__ import annotations

from tests.events.console_helpers import card, join
from tests.support.console import ConsoleBot, button, texts


def test_typed_button_labels_answer_dialog_steps(console: ConsoleBot) -> None:
    console.say("chef", "/termin_neu")
    console.say("chef", "Kleiner Workshop")
    console.say("chef", "4.3. 10-12 Uhr")
    assert "Wo findet" in texts(console.say("chef", "Ja"))  # typed, not pressed
    console.say("chef", "Cottbus")
    console.say("chef", "-")
    assert "Plätze" in texts(console.say("chef", "über den bot"))
    console.say("chef", "3")
    console.say("chef", "1.3.")
    assert "Gespeichert" in texts(console.say("chef", "Speichern"))
    assert "Kleiner Workshop" in texts(console.say("chef", "/termine"))


def test_typed_text_that_is_no_label_still_asks_to_press(console: ConsoleBot) -> None:
    console.say("chef", "/termin_neu")
    console.say("chef", "Kleiner Workshop")
    console.say("chef", "4.3. 10-12 Uhr")
    out = texts(console.say("chef", "vielleicht"))
    assert "Bitte wähl" in out and "passt das?" in out


def test_edit_preview_lists_start_before_end_also_when_asked_again(console: ConsoleBot) -> None:
    console.say("chef", "/termin_bearbeiten Ausbildungs-Marketing")
    console.press("chef", button(console.say("chef", "/weiter"), "Zeit"))
    first = texts(console.say("chef", "5.3. 11-16 Uhr"))
    again = texts(console.say("chef", "/weiter"))
    for shown in (first, again):
        assert shown.index("Beginn") < shown.index("Ende")


def test_event_picker_shows_vague_dates_and_marks_cut_titles(console: ConsoleBot) -> None:
    out = console.say("chef", "/teilnehmer")
    labels = [b["label"] for m in out for b in m.get("buttons", [])]
    september = next(x for x in labels if "Regionale" in x)
    assert "September 2026" in september and "17. September" not in september
    assert "…" in september


def test_promoted_person_gets_message_with_calendar_file(console: ConsoleBot) -> None:
    join(console, "a1", "LEAG")
    join(console, "a2", "Zemmler")
    console.say("chef", "/termin_bearbeiten Ausbildungs-Marketing")
    console.press("chef", button(console.say("chef", "/weiter"), "Plätze"))
    console.say("chef", "2")
    console.say("chef", "Speichern")
    for who, label in (("a1", "Anmelden"), ("a2", "Warteliste")):
        ask = console.press(who, button(card(console.say(who, "/termine"), "Marketing"), label))
        console.press(who, button(ask, "2"))
    leave = console.press("a1", button(card(console.say("a1", "/termine"), "Marketing"),
                                       "Abmelden"))
    told = [m for m in leave if m["to"] == "a2"]
    assert "angemeldet" in texts(told)
    assert any(m.get("file", {}).get("name", "").endswith(".ics") for m in told)
