"""QA regressions for issue 7: personal reminders keep what was typed; Stammtisch admin changes."""

from __future__ import annotations

from tests.support.console import ConsoleBot, button, texts


def _to(messages: list[dict], who: str) -> list[str]:
    return [m["text"] for m in messages if m.get("to") == who]


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


def test_time_change_phrasings_and_notice_names_the_real_next_session(console: ConsoleBot) -> None:
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    assert "schon um 13:00 Uhr" in texts(console.say("chef", "/stammtisch_zeit 13 Uhr"))
    moved = console.say("chef", "/stammtisch_verschieben 5.2. auf 6.2.")
    assert "1 Abonnent:in wird einmal" in texts(moved)
    told = _to(console.say("chef", "/stammtisch_zeit 14 Uhr"), "anna")
    # The moved session keeps its own time; the notice must not claim 14:00 for it.
    assert len(told) == 1 and "um 14:00 Uhr" in told[0]
    assert "Fr, 6. Februar 2026, 13:00 Uhr" in told[0]
    unknown = texts(console.say("chef", "/stammtisch_absagen 12.2."))
    assert "Am Do, 12. Februar 2026 ist kein Stammtisch" in unknown
    assert "1 Abonnent:in" in texts(console.say("chef", "/stammtisch_link https://zoom.example/a"))
    same = console.say("chef", "/stammtisch_link https://zoom.example/a")
    assert "schon der aktuelle Link" in texts(same) and _to(same, "anna") == []


def test_a_topic_sent_in_after_the_morning_push_still_reaches_admins(console: ConsoleBot) -> None:
    console.say("chef", "/hilfe")  # admins are pushed to once the bot knows them
    console.press("anna", button(console.say("anna", "/stammtisch"), "Thema vorschlagen"))
    console.say("anna", "KI-Tools im Recruiting")
    morning = _to(console.now("2026-02-05T10:00:00+01:00"), "chef")
    assert len(morning) == 1 and "KI-Tools" in morning[0]
    console.press("bert", button(console.say("bert", "/stammtisch"), "Thema vorschlagen"))
    late = _to(console.say("bert", "Threads oder X?"), "chef")
    assert len(late) == 1 and "KI-Tools" in late[0] and "Threads oder X?" in late[0]
    assert _to(console.now("2026-02-05T13:30:00+01:00"), "chef") == []


def test_a_command_inside_a_dialog_says_the_dialog_still_waits(console: ConsoleBot) -> None:
    console.say("anna", "/erinnerung morgen 9 Uhr Unterlagen")
    between = texts(console.say("anna", "/stammtisch"))
    assert "Noch offen: Erinnerung anlegen" in between
    assert "Noch offen" not in texts(console.say("anna", "/weiter"))
    assert "Ich erinnere dich" in texts(console.say("anna", "ja"))
    assert "Noch offen" not in texts(console.say("anna", "/stammtisch"))


def test_a_long_list_says_how_many_more_are_planned(console: ConsoleBot) -> None:
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    for day in range(3, 24):  # 21 own reminders + 6 Stammtisch reminders
        console.say("anna", f"/erinnerung {day}.3. 10 Uhr Nummer {day}")
        console.say("anna", "ja")
    listing = texts(console.say("anna", "/erinnerungen"))
    assert "… und 2 weitere" in listing


def test_a_topic_answered_after_its_session_goes_to_the_next_one(console: ConsoleBot) -> None:
    console.say("chef", "/hilfe")
    console.press("anna", button(console.say("anna", "/stammtisch"), "Thema vorschlagen"))
    console.now("2026-02-06T10:00:00+01:00")  # the 5 Feb session is over
    assert "Danke" in texts(console.say("anna", "Azubi-Influencer"))
    assert "Do, 19. Februar 2026" in texts(console.say("chef", "/themen"))


def test_moving_to_only_a_time_keeps_the_sessions_day(console: ConsoleBot) -> None:
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    told = _to(console.say("chef", "/stammtisch_verschieben 19.2. auf 14 Uhr"), "anna")
    assert len(told) == 1 and "verschoben auf Do, 19. Februar 2026, 14:00 Uhr" in told[0]
    told = _to(console.say("chef", "/stammtisch_verschieben 5.3. 15:30"), "anna")
    assert len(told) == 1 and "verschoben auf Do, 5. März 2026, 15:30 Uhr" in told[0]
    told = _to(console.say("chef", "/stammtisch_verschieben 19.3. nach 20.3."), "anna")
    assert len(told) == 1 and "verschoben auf Fr, 20. März 2026, 13:00 Uhr" in told[0]
    shown = texts(console.say("anna", "/stammtisch"))
    assert "Do, 19. Februar 2026, 14:00 Uhr (verschoben)" in shown
    assert "Mo, 2. Februar" not in shown and "Di, 3. Februar" not in shown


def test_a_confirmation_answered_too_late_asks_for_a_new_time(console: ConsoleBot) -> None:
    console.say("anna", "/erinnerung in 1 Stunde Anruf Kammer")
    console.now("2026-02-02T11:00:00+01:00")
    late = texts(console.say("anna", "ja"))
    assert "schon vorbei" in late and "„Anruf Kammer“" in late
    assert "Mittwoch, 4. Februar 2026, 09:00 Uhr" in texts(console.say("anna", "übermorgen"))
    assert "Anruf Kammer" in texts(console.say("anna", "ja"))


def test_stammtisch_text_follows_switched_off_kinds(console: ConsoleBot) -> None:
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    console.press("anna", button(console.say("anna", "/erinnerungen"), "am Morgen (9 Uhr) aus"))
    shown = texts(console.say("anna", "/stammtisch"))
    assert "nur 15 Minuten vorher" in shown and "am Morgen (9 Uhr) und" not in shown
    console.press("anna", button(console.say("anna", "/erinnerungen"), "15 Minuten vorher aus"))
    assert "Beide Stammtisch-Erinnerungen sind aus" in texts(console.say("anna", "/stammtisch"))


def test_an_overlong_topic_is_refused_and_the_dialog_stays(console: ConsoleBot) -> None:
    console.press("anna", button(console.say("anna", "/stammtisch"), "Thema vorschlagen"))
    refused = texts(console.say("anna", "x" * 600))
    assert "600 Zeichen" in refused and "Welches Thema" in refused
    assert "Danke" in texts(console.say("anna", "Kurz und gut"))
