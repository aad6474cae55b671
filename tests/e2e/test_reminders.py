"""End to end through the console: Stammtisch reminders and personal reminders on a moved clock."""

from __future__ import annotations

from pathlib import Path

from tests.support.console import ConsoleBot, button, texts


def _to(messages: list[dict], who: str) -> list[str]:
    return [m["text"] for m in messages if m.get("to") == who]


def test_subscriber_gets_2_april_reminders_once_across_restart_and_dst(tmp_path: Path) -> None:
    bot = ConsoleBot(tmp_path, now="2026-03-20T09:00:00+01:00")
    try:
        shown = bot.say("anna", "/stammtisch")
        assert "Do, 2. April 2026, 13:00 Uhr" in texts(shown)
        assert "Erledigt" in texts(bot.press("anna", button(shown, "Erinnerung an")))
        asked = bot.say("anna", "/erinnerung 2.4. 12:50 Zoom-Kamera testen")
        assert "Verstanden: Donnerstag, 2. April 2026, 12:50 Uhr" in texts(asked)
        assert "2. April" in texts(bot.press("anna", button(asked, "Ja")))
        planned = texts(bot.say("anna", "/erinnerungen"))
        assert "Do, 2. April 2026, 09:00 Uhr" in planned and "Zoom-Kamera testen" in planned
        bot.stop()  # restart between planning and the due time: nothing is lost
        bot.now_arg = "2026-03-25T10:00:00+01:00"
        bot.start()
        out = bot.now("2026-04-02T12:59:00+02:00")
        got = _to(out, "anna")
        assert len(got) == 3, got
        morning, soon, personal = got
        assert "Heute um 13:00 Uhr" in morning and "zoom.us" in morning
        assert "Zoom-Kamera testen" in personal
        assert "In 15 Minuten, um 13:00 Uhr" in soon
        assert _to(bot.now("2026-04-02T13:30:00+02:00"), "anna") == []
    finally:
        bot.stop()


def test_weeks_of_moved_clock_deliver_each_session_once(console: ConsoleBot) -> None:
    shown = console.say("anna", "/stammtisch")
    console.press("anna", button(shown, "Erinnerung an"))
    out = _to(console.now("2026-04-20T12:00:00+02:00"), "anna")
    # Sessions 5 Feb, 19 Feb, 5 Mar, 19 Mar, 2 Apr, 16 Apr: morning and 15-minute reminder each.
    assert len(out) == 12, out
    assert all("13:00 Uhr" in text for text in out)


def test_admin_skips_a_date_and_subscribers_are_told_once(console: ConsoleBot) -> None:
    shown = console.say("anna", "/stammtisch")
    console.press("anna", button(shown, "Erinnerung an"))
    done = console.say("chef", "/stammtisch_absagen 19.2.")
    assert "1 Abonnent" in texts(done)
    told = _to(done, "anna")
    assert len(told) == 1 and "fällt aus" in told[0]
    assert "schon abgesagt" in texts(console.say("chef", "/stammtisch_absagen 19.2."))
    out = _to(console.now("2026-02-20T12:00:00+01:00"), "anna")
    assert len(out) == 2 and all("5. " not in t for t in out)  # only the 5 Feb reminders
    assert "19. Februar" not in texts(console.say("anna", "/stammtisch"))


def test_admin_moves_changes_link_and_time_and_sees_topics(console: ConsoleBot) -> None:
    shown = console.say("anna", "/stammtisch")
    console.press("anna", button(shown, "Erinnerung an"))
    ask = console.press("anna", button(shown, "Thema vorschlagen"))
    assert "5. Februar" in texts(ask)
    assert "Danke" in texts(console.say("anna", "Reels für Azubi-Recruiting"))
    assert "Reels für Azubi-Recruiting" in texts(console.say("chef", "/themen"))
    assert "nur Admins" in texts(console.say("anna", "/themen"))

    moved = console.say("chef", "/stammtisch_verschieben 5.2. auf 6.2. 14 Uhr")
    assert "verschoben auf Fr, 6. Februar 2026, 14:00 Uhr" in texts(moved)
    link = console.say("chef", "/stammtisch_link https://zoom.example/neu")
    assert "https://zoom.example/neu" in "\n".join(_to(link, "anna"))
    later = console.say("chef", "/stammtisch_zeit 13:30")
    assert "13:30 Uhr" in "\n".join(_to(later, "anna"))
    shown = texts(console.say("anna", "/stammtisch"))
    assert "Fr, 6. Februar 2026, 14:00 Uhr (verschoben)" in shown
    day = console.now("2026-02-06T14:00:00+01:00")
    out = _to(day, "anna")
    assert len(out) == 2 and all("14:00 Uhr" in t and "zoom.example/neu" in t for t in out)
    topics = _to(day, "chef")  # pushed to admins on the morning of the session
    assert len(topics) == 1 and "Reels für Azubi-Recruiting" in topics[0]
    out = console.now("2026-02-19T14:00:00+01:00")
    assert all("13:30 Uhr" in t for t in _to(out, "anna")) and len(_to(out, "anna")) == 2


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


def test_downtime_over_the_due_time_follows_not_after(tmp_path: Path) -> None:
    bot = ConsoleBot(tmp_path, now="2026-03-30T09:00:00+02:00")
    try:
        for who in ("anna", "bert"):
            bot.press(who, button(bot.say(who, "/stammtisch"), "Erinnerung an"))
        bot.stop()
        bot.now_arg = "2026-04-02T12:50:00+02:00"  # down over 09:00 and 12:45, back before 13:00
        bot.start()
        late = _to(bot.say("anna", "/hilfe"), "anna")  # printed at start, read with this reply
        assert sum("13:00 Uhr" in t for t in late) == 2
        bot.stop()
        bot.now_arg = "2026-04-16T13:05:00+02:00"  # back only after the next session started
        bot.start()
        assert not any("13:00 Uhr" in t for t in _to(bot.say("anna", "/hilfe"), "anna"))
    finally:
        bot.stop()
