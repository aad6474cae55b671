"""End to end through the console: a poll sent, voted, changed, reminded, closed with chart."""

from __future__ import annotations

from pathlib import Path

from tests.media_days.helpers import join
from tests.polls.helpers import mine, new_poll
from tests.support.console import ConsoleBot, button, texts


def test_poll_vote_change_reminder_and_result_with_chart(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "Pragma")
    out = new_poll(console)
    assert "Gesendet an 2 Personen" in texts(out, to="chef")
    card = mine(out, "anna")
    assert "Welches Thema" in texts(card) and "Abstimmen bis Fr, 6. Februar 2026, 12:00 Uhr" \
        in texts(card)
    voted = console.press("anna", button(card, "Best Practice"))
    assert "Deine Wahl: Best Practice" in texts(voted)
    changed = console.press("anna", button(voted, "Podcast"))
    assert "Deine Wahl: Podcast" in texts(changed) and "Best Practice" not in \
        texts(changed).split("Deine Wahl")[1]
    again = console.say("anna", "/abstimmen")
    assert "Deine Wahl: Podcast" in texts(again) and button(again, "✅ 3. Podcast")
    live = texts(console.say("chef", "/umfragen"))
    assert "1 von 2 abgestimmt" in live and "Podcast: 1 Stimme" in live
    assert "Best Practice: 0 Stimmen" in live

    reminded = console.now("2026-02-05T13:00:00+01:00")
    assert "Nur noch bis" in texts(reminded, to="ben") and not mine(reminded, "anna")

    closed = console.now("2026-02-06T12:30:00+01:00")
    result = mine(closed, "anna")
    assert "Ergebnis der Umfrage" in texts(result) and "Podcast: 1 Stimme (100 %)" in texts(result)
    png = Path(result[0]["file"]["path"]).read_bytes()
    assert png.startswith(b"\x89PNG") and result[0]["file"]["mime"] == "image/png"
    assert "1 von 2 Personen haben abgestimmt" in texts(mine(closed, "ben"))
    team = mine(closed, "chef")
    csv = next(m for m in team if m.get("file", {}).get("name", "").endswith(".csv"))
    table = Path(csv["file"]["path"]).read_text("utf-8-sig")
    assert "anna" in table and "Zemmler" in table and "Podcast" in table
    assert any(m.get("file", {}).get("name", "").endswith(".xlsx") for m in team)

    late = texts(console.press("ben", button(mine(out, "ben"), "Podcast")))
    assert "keine offene Umfrage" in texts(console.say("ben", "/abstimmen"))
    assert "zu spät" in late


def test_anonymous_poll_export_has_no_names(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    out = new_poll(console, privacy="Anonym", mode="Mehrere Antworten")
    card = mine(out, "anna")
    assert "anonym" in texts(card)
    voted = console.press("anna", button(card, "Best Practice"))
    voted = console.press("anna", button(voted, "Podcast"))
    assert "Deine Wahl: Best Practice, Podcast" in texts(voted)
    listing = console.say("chef", "/umfragen")
    ask = console.press("chef", button(listing, "Beenden"))
    closed = console.press("chef", button(ask, "Ja, beenden"))
    assert "ist beendet" in texts(closed, to="chef")
    assert "Ergebnis der Umfrage" in texts(closed, to="anna")
    files = console.press("chef", button(console.say("chef", "/umfragen"), "Export"))
    table = Path(files[0]["file"]["path"]).read_text("utf-8-sig")
    assert "Stimmen" in table and "Best Practice;1" in table
    assert "anna" not in table.lower() and "Zemmler" not in table


def test_one_vote_per_company_and_bad_input(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    join(console, "carl", "Zemmler")
    console.say("chef", "/umfrage_neu")
    console.say("chef", "Frage?")
    refused = console.say("chef", "Nur eine Antwort")
    assert "2 bis 10 Antworten" in texts(refused)
    console.say("chef", "abbrechen")
    out = new_poll(console, per_company="Ja")
    console.press("anna", button(mine(out, "anna"), "Podcast"))
    other = texts(console.press("carl", button(mine(out, "carl"), "Best Practice")))
    assert "pro Firma zählt eine Stimme" in other
    assert "1 von 1 Firma abgestimmt" in texts(console.say("chef", "/umfragen"))


def test_members_cannot_create_polls(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    assert "nur Admins" in texts(console.say("anna", "/umfrage_neu"))
