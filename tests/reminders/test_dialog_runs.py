"""A confirmation button belongs to one run of its dialog: an old "Ja" confirms nothing later."""

from __future__ import annotations

from tests.support.console import ConsoleBot, button, texts


def test_yes_of_an_earlier_reminder_does_not_confirm_a_later_one(console: ConsoleBot) -> None:
    first = console.say("anna", "/erinnerung morgen 9 Uhr Angebot Druckerei")
    second = console.say("anna", "/erinnerung übermorgen 10 Uhr Bewerbungen sichten")
    old = console.press("anna", button(first, "Ja"))
    assert "Ich erinnere dich" not in texts(old) and "nicht mehr aktuell" in texts(old)
    planned = texts(console.say("anna", "/erinnerungen"))
    assert "Angebot Druckerei" not in planned and "Bewerbungen sichten" not in planned

    done = console.press("anna", button(second, "Ja"))
    assert "Bewerbungen sichten" in texts(done) and "Ich erinnere dich" in texts(done)
    # Pressed again (or the earlier one once more) after it was saved: nothing is doubled.
    assert "Ich erinnere dich" not in texts(console.press("anna", button(second, "Ja")))
    third = console.say("anna", "/erinnerung Freitag 9 Uhr Kammer anrufen")
    assert "Ich erinnere dich" not in texts(console.press("anna", button(second, "Ja")))
    assert "Ich erinnere dich" not in texts(console.press("anna", button(first, "Ja")))
    planned = texts(console.say("anna", "/erinnerungen"))
    assert planned.count("Bewerbungen sichten") == 1 and "Kammer anrufen" not in planned
    assert "Kammer anrufen" in texts(console.press("anna", button(third, "Ja")))


def test_typed_yes_answers_only_the_open_run(console: ConsoleBot) -> None:
    first = console.say("anna", "/erinnerung morgen 9 Uhr Angebot Druckerei")
    console.say("anna", "abbrechen")
    assert "Ich erinnere dich" not in texts(console.say("anna", "ja"))
    assert "Ich erinnere dich" not in texts(console.press("anna", button(first, "Ja")))
    assert "Angebot Druckerei" not in texts(console.say("anna", "/erinnerungen"))
