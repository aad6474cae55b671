"""/rundschreiben: the audience step speaks of the broadcast; nobody in it is no dead end."""

from __future__ import annotations

from tests.media_days.helpers import join
from tests.support.console import ConsoleBot, button, texts


def test_an_empty_audience_leads_back_to_the_audience(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    console.say("chef", "/rundschreiben")
    out = console.press("chef", button(console.say("chef", "Neuer Flyer 🎉"), "Ohne Datei"))
    assert "An wen geht das Rundschreiben?" in texts(out) and "Frage" not in texts(out)
    out = console.press("chef", button(out, "Firmen in Sachsen"))
    empty = console.press("chef", button(out, "Normal"))
    assert "Geht an 0 Personen" in texts(empty) and "niemand erreichbar" in texts(empty)
    assert not any(b["label"] == "Senden" for m in empty for b in m.get("buttons", []))
    out = console.press("chef", button(empty, "Andere Zielgruppe"))
    out = console.press("chef", button(out, "Alle Mitglieder"))
    preview = console.press("chef", button(out, "Normal"))
    assert "Geht an 1 Person" in texts(preview) and "Neuer Flyer" in texts(preview)
    sent = console.press("chef", button(preview, "Senden"))
    assert "Neuer Flyer" in texts(sent, to="anna")


def test_typing_keine_rundschreiben_mehr_switches_them_off(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    off = texts(console.say("anna", "Keine Rundschreiben mehr!"))
    assert "„Rundschreiben (Neuigkeiten)“ ist aus" in off, off
    console.say("chef", "/rundschreiben")
    out = console.press("chef", button(console.say("chef", "Neuer Flyer"), "Ohne Datei"))
    out = console.press("chef", button(out, "Alle Mitglieder"))
    sent = console.press("chef", button(console.press("chef", button(out, "Normal")), "Senden"))
    assert "Neuer Flyer" not in texts(sent, to="anna")


def test_the_text_after_the_command_is_taken(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    out = console.say("chef", "/rundschreiben Der Flyer ist da!")
    assert "Was sollen die Mitglieder lesen" not in texts(out) and button(out, "Ohne Datei")
    out = console.press("chef", button(console.press("chef", button(out, "Ohne Datei")),
                                       "Alle Mitglieder"))
    sent = console.press("chef", button(console.press("chef", button(out, "Normal")), "Senden"))
    assert "Der Flyer ist da!" in texts(sent, to="anna")
