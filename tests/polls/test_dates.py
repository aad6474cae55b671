"""End to end: a date finding answered Ja/Vielleicht/Nein, ranked, turned into an event draft."""

from __future__ import annotations

from tests.media_days.helpers import join
from tests.polls.helpers import mine
from tests.support.console import ConsoleBot, button, texts


def test_date_finding_ranks_and_becomes_an_event_draft(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    join(console, "ben", "Pragma")
    console.say("chef", "/terminfindung")
    console.say("chef", "Generationendialog")
    bad = console.say("chef", "Di 10.2. 16 Uhr\nirgendwann bald")
    assert "Zeile 2" in texts(bad)
    out = console.say("chef", "Di 10.2. 16 Uhr\nDo 12.2. 10 Uhr")
    out = console.press("chef", button(out, "Alle Mitglieder"))
    out = console.say("chef", "Sonntag 18 Uhr")
    assert "Di, 10. Februar 2026, 16:00 Uhr" in texts(out)
    out = console.press("chef", button(out, "Senden"))
    card = mine(out, "anna")
    assert "Terminfindung" in texts(card) and "1. Di, 10. Februar 2026, 16:00 Uhr: –" \
        in texts(card)
    a = console.press("anna", button(card, "1. Vielleicht"))
    a = console.press("anna", button(a, "2. Ja"))
    assert "2. Do, 12. Februar 2026, 10:00 Uhr: Ja" in texts(a)
    b = console.press("ben", button(mine(out, "ben"), "2. Ja"))
    console.press("ben", button(b, "1. Nein"))
    closed = console.now("2026-02-08T18:05:00+01:00")
    result = texts(closed, to="anna")
    assert "Ergebnis der Terminfindung" in result
    assert "1. Do, 12. Februar 2026, 10:00 Uhr – Ja 2 · Vielleicht 0 · Nein 0" in result
    assert "2. Di, 10. Februar 2026, 16:00 Uhr – Ja 0 · Vielleicht 1 · Nein 1" in result
    assert "Als Termin anlegen" not in str(mine(closed, "anna"))
    draft = console.press("chef", button(mine(closed, "chef"), "Als Termin anlegen"))
    assert "Wo findet er statt?" in texts(draft)
    console.say("chef", "Cottbus, BTU")
    console.say("chef", "-")
    out = console.press("chef", button(console.say("chef", "/weiter"), "Info"))
    out = console.say("chef", "-")
    assert "Generationendialog" in texts(out) and "12. Februar 2026" in texts(out)
