"""QA regressions found by playing the judge through the real console process (events)."""

from __future__ import annotations

from pathlib import Path

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
    sure = console.press("a1", button(card(console.say("a1", "/termine"), "Marketing"),
                                      "Abmelden"))
    leave = console.press("a1", button(sure, "Ja, abmelden"))
    told = [m for m in leave if m["to"] == "a2"]
    assert "angemeldet" in texts(told)
    assert any(m.get("file", {}).get("name", "").endswith(".ics") for m in told)


def _small_event(console: ConsoleBot, capacity: int) -> None:
    """Let the admin add "Mini-Treff" (4 March, 10-12 Uhr) with `capacity` places."""
    for answer in ("/termin_neu", "Mini-Treff", "4.3. 10-12 Uhr", "Ja", "Cottbus", "-",
                   "Über den Bot", str(capacity), "-"):
        console.say("chef", answer)
    assert "Gespeichert" in texts(console.say("chef", "Speichern"))


def _sign_up(console: ConsoleBot, who: str, people: int) -> list[dict]:
    cards = card(console.say(who, "/termine"), "Mini-Treff")
    label = "Anmelden" if "Anmelden" in str(cards) else "Warteliste"
    return console.press(who, button(console.press(who, button(cards, label)), str(people)))


def test_admin_preview_has_no_invite_code_hint(console: ConsoleBot) -> None:
    for answer in ("/termin_neu", "Mini-Treff", "4.3. 10-12 Uhr", "Ja", "Cottbus", "-",
                   "Über den Bot", "3"):
        console.say("chef", answer)
    preview = texts(console.say("chef", "-"))
    assert "Vorschau" in preview and "noch 3 Plätze" in preview
    assert "/start CODE" not in preview


def test_waitlist_says_how_many_places_are_left(console: ConsoleBot) -> None:
    _small_event(console, 3)
    join(console, "a1", "LEAG")
    join(console, "a2", "Zemmler")
    _sign_up(console, "a1", 2)
    out = texts(_sign_up(console, "a2", 2))
    assert "nur noch 1 Platz – zu wenig für 2 Personen" in out and "Warteliste" in out


def test_cancelled_event_shows_everyone_unregistered_and_tells_once(console: ConsoleBot) -> None:
    _small_event(console, 1)
    join(console, "a1", "LEAG")
    join(console, "a2", "Zemmler")
    _sign_up(console, "a1", 1)
    _sign_up(console, "a2", 1)
    ask = console.say("chef", "/termin_absagen Mini-Treff")
    done = console.press("chef", button(ask, "Ja"))
    assert "Benachrichtigt: 2 Personen." in texts(done, "chef")
    told = texts(done, "a1")
    assert "Abgesagt" in told and told.count("Kalendereintrag") == 1
    assert "ist abgesagt" in texts(console.say("chef", "/teilnehmer Mini-Treff"))
    files = console.say("chef", "/export anmeldungen Mini-Treff")
    csv = Path(next(m["file"]["path"] for m in files if m.get("file", {}).get("name", "")
                    .endswith(".csv"))).read_text(encoding="utf-8-sig")
    rows = [line.split(";") for line in csv.splitlines()[1:]]
    assert [r[7] for r in rows] == ["abgesagt (Termin abgesagt)"] * 2  # not their own doing


def test_capacity_below_booked_is_asked_again_not_stuck(console: ConsoleBot) -> None:
    _small_event(console, 5)
    join(console, "a1", "LEAG")
    _sign_up(console, "a1", 3)
    console.say("chef", "/termin_bearbeiten Mini-Treff")
    console.say("chef", "Plätze")
    refused = texts(console.say("chef", "2"))
    assert "schon 3 Personen angemeldet" in refused and "Wie viele Plätze" in refused
    console.say("chef", "4")
    assert "Gespeichert" in texts(console.say("chef", "Speichern"))
    assert "noch 1 Platz" in texts(card(console.say("a1", "/termine"), "Mini-Treff"))


def test_no_upcoming_events_promises_nothing_the_bot_does_not_do(console: ConsoleBot) -> None:
    console.now("2027-01-02T09:00:00+01:00")
    out = texts(console.say("anna", "/termine"))
    assert "keine Termine" in out and "Bescheid" not in out


def test_no_reminder_promise_when_the_event_has_no_reminders(console: ConsoleBot) -> None:
    _small_event(console, 5)
    console.say("chef", "/termin_bearbeiten Mini-Treff")
    console.say("chef", "Erinnerungen")
    console.say("chef", "-")
    console.say("chef", "Speichern")
    join(console, "a1", "LEAG")
    out = texts(_sign_up(console, "a1", 1))
    assert "Angemeldet" in out and "erinnere" not in out
    assert "Ich erinnere dich vorher" in texts(_sign_up_marketing(console, "a1"))


def _sign_up_marketing(console: ConsoleBot, who: str) -> list[dict]:
    cards = card(console.say(who, "/termine"), "Ausbildungs-Marketing")
    return console.press(who, button(console.press(who, button(cards, "Anmelden")), "1"))


def test_termin_neu_takes_the_title_from_the_command(console: ConsoleBot) -> None:
    out = texts(console.say("chef", "/termin_neu Sommerfest"))
    assert "Wann?" in out and "wie heißt er" not in out
    for answer in ("4.3. 10-12 Uhr", "Ja", "Cottbus", "-", "Über den Bot", "5"):
        console.say("chef", answer)
    assert "Sommerfest" in texts(console.say("chef", "-"))
    again = texts(console.say("chef", "/termin_neu Anderes"))  # open dialog: asked again
    assert "Speichern?" in again
