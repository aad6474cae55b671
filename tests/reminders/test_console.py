"""Console end to end: personal reminders (text kept, Ja/Nein, replaced) and /erinnerungen."""

from __future__ import annotations

from tests.support.console import ConsoleBot, button, texts


def _to(messages: list[dict], who: str) -> list[str]:
    return [m["text"] for m in messages if m.get("to") == who]


def test_reminder_kinds_can_be_switched_off_and_own_reminders_deleted(console: ConsoleBot) -> None:
    shown = console.say("anna", "/stammtisch")
    console.press("anna", button(shown, "Erinnerung an"))
    asked = console.say("anna", "/erinnerung morgen 9 Uhr Unterlagen für den Medientag")
    assert "Verstanden: Dienstag, 3. Februar 2026, 09:00 Uhr" in texts(asked)
    console.press("anna", button(asked, "Ja"))
    listing = console.say("anna", "/erinnerungen")
    assert "Unterlagen für den Medientag" in texts(listing)
    assert "aus" in texts(console.press("anna", button(listing, "am Morgen (9 Uhr) aus")))
    listing = console.say("anna", "/erinnerungen")
    assert "gelöscht" in texts(console.press("anna", button(listing, "Unterlagen")))
    assert "am Morgen (9 Uhr) an" in str(console.say("anna", "/erinnerungen"))
    out = _to(console.now("2026-02-05T14:00:00+01:00"), "anna")
    assert len(out) == 1 and "In 15 Minuten" in out[0]


def test_personal_reminder_mistakes_get_clear_answers(console: ConsoleBot) -> None:
    assert "So legst du" in texts(console.say("anna", "/erinnerung"))
    assert "nicht verstanden" in texts(console.say("anna", "/erinnerung irgendwann Text"))
    assert "Woran" in texts(console.say("anna", "/erinnerung morgen"))
    assert "Vergangenheit" in texts(console.say("anna", "/erinnerung 1.2.2026 10 Uhr Text"))
    asked = console.say("anna", "/erinnerung Freitag abends Bewerbungen sichten")
    assert "Freitag, 6. Februar 2026, 18:00 Uhr" in texts(asked)
    assert "Ja oder Nein" in texts(console.say("anna", "vielleicht"))
    assert "nicht gespeichert" in texts(console.say("anna", "nein"))
    assert "nichts geplant" in texts(console.say("anna", "/erinnerungen"))


def test_unclear_time_keeps_the_text_and_asks_only_for_the_time(console: ConsoleBot) -> None:
    asked = texts(console.say("anna", "/erinnerung irgendwann Bewerbungen sichten"))
    assert "nicht verstanden" in asked and "„irgendwann Bewerbungen sichten“" in asked
    assert "nicht verstanden" in texts(console.say("anna", "bald"))
    confirm = console.say("anna", "morgen 9 Uhr")
    assert "Dienstag, 3. Februar 2026, 09:00 Uhr" in texts(confirm)
    assert "irgendwann Bewerbungen sichten" in texts(console.press("anna", button(confirm, "Ja")))
    assert "Bewerbungen sichten" in texts(console.say("anna", "/erinnerungen"))


def test_missing_text_past_time_and_no_are_asked_again(console: ConsoleBot) -> None:
    assert "Woran" in texts(console.say("anna", "/erinnerung morgen"))
    assert "Unterlagen" in texts(console.say("anna", "Unterlagen"))
    assert "nicht gespeichert" in texts(console.say("anna", "nein"))
    assert "Vergangenheit" in texts(console.say("anna", "gestern 10 Uhr"))
    asked = console.say("anna", "Freitag")
    assert "Freitag, 6. Februar 2026, 09:00 Uhr" in texts(asked)
    console.say("anna", "ja")
    past = texts(console.say("anna", "/erinnerung 1.2.2026 10 Uhr Anruf"))
    assert "Vergangenheit" in past and "„Anruf“" in past
    console.say("anna", "abbrechen")
    listing = texts(console.say("anna", "/erinnerungen"))
    assert "Unterlagen" in listing and "Anruf" not in listing


def test_a_new_reminder_replaces_an_unanswered_one(console: ConsoleBot) -> None:
    console.say("anna", "/erinnerung Freitag Bericht")
    again = texts(console.say("anna", "/erinnerung Samstag 10 Uhr Ablage"))
    assert "„Bericht“ habe ich verworfen" in again and "Samstag, 7. Februar 2026, 10:00" in again
    console.say("anna", "ja")
    listing = texts(console.say("anna", "/erinnerungen"))
    assert "Ablage" in listing and "Bericht" not in listing
    out = _to(console.now("2026-02-07T10:00:00+01:00"), "anna")
    assert out == ["🔔 Erinnerung: Ablage"]


def test_a_command_inside_a_dialog_says_the_dialog_still_waits(console: ConsoleBot) -> None:
    console.say("anna", "/erinnerung morgen 9 Uhr Unterlagen")
    between = texts(console.say("anna", "/stammtisch"))
    assert "Noch offen: Erinnerung anlegen" in between
    assert "Noch offen" not in texts(console.say("anna", "/weiter"))
    assert "Ich erinnere dich" in texts(console.say("anna", "ja"))
    assert "Noch offen" not in texts(console.say("anna", "/stammtisch"))


def test_a_long_list_says_how_many_more_are_planned(console: ConsoleBot) -> None:
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    for day in range(3, 23):  # 20 own reminders (the most one may have open) + 6 Stammtisch
        console.say("anna", f"/erinnerung {day}.3. 10 Uhr Nummer {day}")
        console.say("anna", "ja")
    assert "schon 20 Erinnerungen" in texts(console.say("anna", "/erinnerung 23.3. 10 Uhr X"))
    listing = texts(console.say("anna", "/erinnerungen"))
    assert "… und 1 weitere" in listing


def test_a_confirmation_answered_too_late_asks_for_a_new_time(console: ConsoleBot) -> None:
    console.say("anna", "/erinnerung in 1 Stunde Anruf Kammer")
    console.now("2026-02-02T11:00:00+01:00")
    late = texts(console.say("anna", "ja"))
    assert "schon vorbei" in late and "„Anruf Kammer“" in late
    assert "Mittwoch, 4. Februar 2026, 09:00 Uhr" in texts(console.say("anna", "übermorgen"))
    assert "Anruf Kammer" in texts(console.say("anna", "ja"))
