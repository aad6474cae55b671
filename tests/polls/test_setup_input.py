"""The team's /umfrage_neu and /terminfindung input as people type it: numbered lists,
short polls; and what the preview shows."""

from __future__ import annotations

from tests.media_days.helpers import join
from tests.polls.helpers import mine
from tests.support.console import ConsoleBot, button, texts


def walk(console: ConsoleBot, labels: tuple[str, ...], *, question: str = "Welches Thema?",
         options: str = "Ja\nNein") -> list[dict[str, object]]:
    """Start /umfrage_neu with `question` and `options`, press `labels`; return the last answer."""
    console.say("chef", "/umfrage_neu")
    console.say("chef", question)
    out = console.say("chef", options)
    for label in labels:
        out = console.press("chef", button(out, label))
    return out


def walk_to_preview(console: ConsoleBot, options: str, closes: str) -> list[dict[str, object]]:
    """Walk /umfrage_neu up to the preview (single choice, named, all members)."""
    walk(console, ("Eine Antwort", "Mit Namen", "Nein", "Alle Mitglieder"),
         question="Welches Thema wünscht ihr euch?", options=options)
    return console.say("chef", closes)


def test_numbered_answers_lose_their_numbers_and_the_preview_lists_them(
        console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    preview = walk_to_preview(console, "1) Best Practice\n2) Podcast\n\n3) Azubi 🚀",
                              "Freitag 12 Uhr")
    shown = texts(preview)
    assert "1. Best Practice\n2. Podcast\n3. Azubi 🚀" in shown, shown
    sent = console.press("chef", button(preview, "Senden"))
    labels = [b["label"] for b in mine(sent, "anna")[0]["buttons"]]
    assert labels == ["1. Best Practice", "2. Podcast", "3. Azubi 🚀"]


def test_a_poll_closing_within_a_day_sends_no_reminder_with_the_card(
        console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    preview = walk_to_preview(console, "Ja\nNein", "in 2 Stunden")
    assert "weniger als einem Tag" in texts(preview)
    assert "einen Tag vor Schluss" not in texts(preview)
    assert not any("Ohne Erinnerung" in b["label"] for m in preview for b in m.get("buttons", []))
    sent = console.press("chef", button(preview, "Senden"))
    assert len(mine(sent, "anna")) == 1 and "Nur noch bis" not in texts(sent)
    assert not mine(console.now("2026-02-02T10:30:00+01:00"), "anna")


def test_numbered_dates_are_read_and_1_mai_stays_a_date(console: ConsoleBot) -> None:
    console.say("chef", "/terminfindung")
    console.say("chef", "Generationendialog")
    out = console.say("chef", "1) Di 14.4. 16 Uhr\n2) Do 16.4. 10 Uhr")
    assert "An wen" in texts(out), out
    console.say("chef", "abbrechen")
    console.say("chef", "/terminfindung")
    console.say("chef", "Generationendialog")
    out = console.press("chef", button(console.say("chef", "1. Mai 10 Uhr\n2. Mai 10 Uhr"),
                                       "Alle Mitglieder"))
    preview = texts(console.say("chef", "20.4."))
    assert "1. Fr, 1. Mai 2026, 10:00 Uhr" in preview and "2. Sa, 2. Mai 2026, 10:00 Uhr" \
        in preview, preview


def test_a_date_finding_must_close_before_its_first_date(console: ConsoleBot) -> None:
    console.say("chef", "/terminfindung")
    console.say("chef", "Generationendialog")
    out = console.say("chef", "Di 14.4. 16 Uhr\nFreitag 12 Uhr")
    console.press("chef", button(out, "Alle Mitglieder"))
    refused = texts(console.say("chef", "Samstag 12 Uhr"))
    assert "Fr, 6. Februar 2026, 12:00 Uhr" in refused and "Vorschau" not in refused, refused
    assert "Vorschau" in texts(console.say("chef", "Donnerstag 18 Uhr"))


def test_an_audience_nobody_is_in_leads_back_to_the_audience_not_a_dead_end(
        console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    preview = walk_to_preview(console, "Ja\nNein", "Freitag 12 Uhr")
    assert "Geht an 1 Person" in texts(preview)
    console.say("chef", "abbrechen")
    walk(console, ("Eine Antwort", "Mit Namen", "Nein", "Firmen in Sachsen"))
    empty = console.say("chef", "Freitag 12 Uhr")
    assert "Geht an 0 Personen" in texts(empty) and "niemand erreichbar" in texts(empty)
    assert not any(b["label"] == "Senden" for m in empty for b in m.get("buttons", []))
    again = console.press("chef", button(empty, "Andere Zielgruppe"))
    assert "An wen geht die Frage?" in texts(again)
    console.press("chef", button(again, "Alle Mitglieder"))
    preview = console.say("chef", "Freitag 12 Uhr")
    assert "Geht an 1 Person" in texts(preview), preview
    sent = console.press("chef", button(preview, "Senden"))
    assert "Gesendet an 1 Person" in texts(sent, to="chef")


def test_no_event_with_people_offers_another_audience_and_says_so(console: ConsoleBot) -> None:
    out = walk(console, ("Eine Antwort", "Anonym", "Nein", "Angemeldete eines Termins"))
    assert "keinen Termin mit Anmeldungen" in texts(out)
    labels = [b["label"] for m in out for b in m.get("buttons", [])]
    assert "Alle Mitglieder" not in labels  # it would only lead back to the question
    back = console.press("chef", button(out, "Andere Zielgruppe"))
    assert "An wen geht die Frage?" in texts(back)


def test_an_impossible_closing_time_or_date_is_named(console: ConsoleBot) -> None:
    walk(console, ("Eine Antwort", "Anonym", "Nein", "Alle Mitglieder"))
    assert "Diese Uhrzeit gibt es nicht" in texts(console.say("chef", "Freitag 25 Uhr"))
    assert "Dieses Datum gibt es nicht" in texts(console.say("chef", "31. Februar"))
    assert "nicht verstanden" in texts(console.say("chef", "Quatsch"))
    console.say("chef", "abbrechen")
    console.say("chef", "/terminfindung")
    console.say("chef", "Generationendialog")
    refused = texts(console.say("chef", "Di 14.4. 16 Uhr\n31.2. 10 Uhr"))
    assert "Zeile 2: „31.2. 10 Uhr“: Dieses Datum gibt es nicht" in refused, refused


def test_the_question_after_the_command_is_taken(console: ConsoleBot) -> None:
    out = console.say("chef", "/umfrage_neu Welches Thema wünscht ihr euch?")
    assert "Schreib die Antworten" in texts(out) and "Wie lautet die Frage" not in texts(out)
    console.say("chef", "abbrechen")
    out = console.say("chef", "/terminfindung Generationendialog")
    assert "möglichen Termine" in texts(out) and "Worum geht es" not in texts(out)
    console.say("chef", "abbrechen")
    long = console.say("chef", "/umfrage_neu " + "Q" * 301)
    assert "zu lang" in texts(long) and "Wie lautet die Frage" in texts(long)


def test_choices_typed_as_number_or_first_word_count_as_taps(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    console.say("chef", "/umfrage_neu")
    console.say("chef", "Welches Thema?")
    console.say("chef", "Podcast\nMesse")
    assert "Mit Namen oder anonym" in texts(console.say("chef", "2"))  # Mehrere Antworten
    assert "Eine Stimme pro Firma" in texts(console.say("chef", "anonym"))
    assert "An wen geht die Frage" in texts(console.say("chef", "nein"))
    assert "Bis wann" in texts(console.say("chef", "Alle Mitglieder"))
    preview = console.say("chef", "Freitag 12 Uhr")
    assert "Mehrere Antworten möglich · anonym" in texts(preview), preview
    assert "wähl eine der Antworten" in texts(console.say("chef", "7"))
    assert "wähl eine der Antworten" in texts(console.say("chef", "3"))  # Abbrechen: no tap
    sent = console.say("chef", "1")
    assert "Gesendet an 1 Person" in texts(sent, to="chef")
