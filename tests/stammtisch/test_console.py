"""Console end to end: Stammtisch reminders across DST and restarts, team changes, topics."""

from __future__ import annotations

from pathlib import Path

from tests.support.console import ConsoleBot, button, join, texts


def _to(messages: list[dict], who: str) -> list[str]:
    return [m["text"] for m in messages if m.get("to") == who]


def _change(console: ConsoleBot, command: str) -> list[dict]:
    """Send a team change, check its preview names the recipients, and confirm it."""
    preview = console.say("chef", command)
    assert "bekommt dazu eine Nachricht" in texts(preview) or \
        "bekommen dazu eine Nachricht" in texts(preview) or "Niemand" in texts(preview), preview
    return console.press("chef", button(preview, "Ja"))


def test_subscriber_gets_2_april_reminders_once_across_restart_and_dst(tmp_path: Path) -> None:
    bot = ConsoleBot(tmp_path, now="2026-03-20T09:00:00+01:00")
    try:
        join(bot, "anna", quiet=True)
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
    join(console, "anna", quiet=True)
    shown = console.say("anna", "/stammtisch")
    console.press("anna", button(shown, "Erinnerung an"))
    out = _to(console.now("2026-04-20T12:00:00+02:00"), "anna")
    # Sessions 5 Feb, 19 Feb, 5 Mar, 19 Mar, 2 Apr, 16 Apr: morning and 15-minute reminder each.
    assert len(out) == 12, out
    assert all("13:00 Uhr" in text for text in out)


def test_admin_skips_a_date_and_subscribers_are_told_once(console: ConsoleBot) -> None:
    join(console, "anna", quiet=True)
    shown = console.say("anna", "/stammtisch")
    console.press("anna", button(shown, "Erinnerung an"))
    done = _change(console, "/stammtisch_absagen 19.2.")
    assert "1 Abonnent" in texts(done)
    told = _to(done, "anna")
    assert len(told) == 1 and "fällt aus" in told[0]
    assert "schon abgesagt" in texts(console.say("chef", "/stammtisch_absagen 19.2."))
    out = _to(console.now("2026-02-20T12:00:00+01:00"), "anna")
    assert len(out) == 2 and all("5. " not in t for t in out)  # only the 5 Feb reminders
    assert "19. Februar" not in texts(console.say("anna", "/stammtisch"))


def test_admin_moves_changes_link_and_time_and_sees_topics(console: ConsoleBot) -> None:
    join(console, "anna", quiet=True)
    shown = console.say("anna", "/stammtisch")
    console.press("anna", button(shown, "Erinnerung an"))
    ask = console.press("anna", button(shown, "Thema vorschlagen"))
    assert "5. Februar" in texts(ask)
    assert "Danke" in texts(console.say("anna", "Reels für Azubi-Recruiting"))
    assert "Reels für Azubi-Recruiting" in texts(console.say("chef", "/themen"))
    assert "nur Admins" in texts(console.say("anna", "/themen"))

    moved = _change(console, "/stammtisch_verschieben 5.2. auf 6.2. 14 Uhr")
    assert "verschoben auf Fr, 6. Februar 2026, 14:00 Uhr" in texts(moved)
    link = _change(console, "/stammtisch_link https://zoom.example/neu")
    assert "https://zoom.example/neu" in "\n".join(_to(link, "anna"))
    later = _change(console, "/stammtisch_zeit 13:30")
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


def test_downtime_over_the_due_time_follows_not_after(tmp_path: Path) -> None:
    bot = ConsoleBot(tmp_path, now="2026-03-30T09:00:00+02:00")
    try:
        join(bot, "anna", "bert", quiet=True)
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


def test_time_change_phrasings_and_notice_names_the_real_next_session(console: ConsoleBot) -> None:
    join(console, "anna", quiet=True)
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    assert "schon um 13:00 Uhr" in texts(console.say("chef", "/stammtisch_zeit 13 Uhr"))
    moved = _change(console, "/stammtisch_verschieben 5.2. auf 6.2.")
    assert "1 Abonnent:in wird einmal" in texts(moved)
    told = _to(_change(console, "/stammtisch_zeit 14 Uhr"), "anna")
    # The moved session keeps its own time; the notice must not claim 14:00 for it.
    assert len(told) == 1 and "um 14:00 Uhr" in told[0]
    assert "Fr, 6. Februar 2026, 13:00 Uhr" in told[0]
    unknown = texts(console.say("chef", "/stammtisch_absagen 12.2."))
    assert "Am Do, 12. Februar 2026 ist kein Stammtisch" in unknown
    assert "1 Abonnent:in" in texts(_change(console, "/stammtisch_link https://zoom.example/a"))
    same = console.say("chef", "/stammtisch_link https://zoom.example/a")
    assert "schon der aktuelle Link" in texts(same) and _to(same, "anna") == []


def test_link_and_time_changes_send_nothing_without_yes(console: ConsoleBot) -> None:
    join(console, "anna", quiet=True)
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    too_long = console.say("chef", "/stammtisch_link https://zoom.example/" + "x" * 500)
    assert "höchstens 500 Zeichen" in texts(too_long) and "Ja" not in str(too_long)
    link = console.say("chef", "/stammtisch_link https://zoom.example/vielleicht")
    assert "1 Abonnent:in bekommt dazu eine Nachricht" in texts(link) and _to(link, "anna") == []
    assert "nichts geändert" in texts(console.press("chef", button(link, "Nein")))
    later = console.say("chef", "/stammtisch_zeit 15 Uhr")
    assert "um 15:00 Uhr beginnen" in texts(later) and _to(later, "anna") == []
    console.say("chef", "/stammtisch_zeit 16 Uhr")  # previewed, never confirmed
    newer = console.say("chef", "/stammtisch_link https://zoom.example/neuer")
    console.press("chef", button(newer, "Ja"))
    stale = console.press("chef", button(link, "Ja"))  # an older preview's link is gone
    assert "nicht mehr aktuell" in texts(stale) and _to(stale, "anna") == []
    shown = texts(console.say("anna", "/stammtisch"))
    assert "13:00 Uhr" in shown and "15:00" not in shown and "16:00" not in shown
    out = console.now("2026-02-05T14:00:00+01:00")
    told = _to(out, "anna")
    assert not any("beginnt ab sofort" in t or "vielleicht" in t for t in told), told
    assert sum("zoom.example/neuer" in t for t in told) >= 1


def test_a_topic_sent_in_after_the_morning_push_still_reaches_admins(console: ConsoleBot) -> None:
    join(console, "anna", "bert", quiet=True)
    console.say("chef", "/hilfe")  # admins are pushed to once the bot knows them
    console.press("anna", button(console.say("anna", "/stammtisch"), "Thema vorschlagen"))
    console.say("anna", "KI-Tools im Recruiting")
    morning = _to(console.now("2026-02-05T10:00:00+01:00"), "chef")
    assert len(morning) == 1 and "KI-Tools" in morning[0]
    console.press("bert", button(console.say("bert", "/stammtisch"), "Thema vorschlagen"))
    late = _to(console.say("bert", "Threads oder X?"), "chef")
    assert len(late) == 1 and "KI-Tools" in late[0] and "Threads oder X?" in late[0]
    assert _to(console.now("2026-02-05T13:30:00+01:00"), "chef") == []


def test_a_topic_answered_after_its_session_goes_to_the_next_one(console: ConsoleBot) -> None:
    join(console, "anna", quiet=True)
    console.say("chef", "/hilfe")
    console.press("anna", button(console.say("anna", "/stammtisch"), "Thema vorschlagen"))
    console.now("2026-02-06T10:00:00+01:00")  # the 5 Feb session is over
    assert "Danke" in texts(console.say("anna", "Azubi-Influencer"))
    assert "Do, 19. Februar 2026" in texts(console.say("chef", "/themen"))


def test_moving_to_only_a_time_keeps_the_sessions_day(console: ConsoleBot) -> None:
    join(console, "anna", quiet=True)
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    told = _to(_change(console, "/stammtisch_verschieben 19.2. auf 14 Uhr"), "anna")
    assert len(told) == 1 and "verschoben auf Do, 19. Februar 2026, 14:00 Uhr" in told[0]
    told = _to(_change(console, "/stammtisch_verschieben 5.3. 15:30"), "anna")
    assert len(told) == 1 and "verschoben auf Do, 5. März 2026, 15:30 Uhr" in told[0]
    told = _to(_change(console, "/stammtisch_verschieben 19.3. nach 20.3."), "anna")
    assert len(told) == 1 and "verschoben auf Fr, 20. März 2026, 13:00 Uhr" in told[0]
    shown = texts(console.say("anna", "/stammtisch"))
    assert "Do, 19. Februar 2026, 14:00 Uhr (verschoben)" in shown
    assert "Mo, 2. Februar" not in shown and "Di, 3. Februar" not in shown


def test_stammtisch_text_follows_switched_off_kinds(console: ConsoleBot) -> None:
    join(console, "anna", quiet=True)
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    console.press("anna", button(console.say("anna", "/erinnerungen"), "am Morgen (9 Uhr) aus"))
    shown = texts(console.say("anna", "/stammtisch"))
    assert "nur 15 Minuten vorher" in shown and "am Morgen (9 Uhr) und" not in shown
    console.press("anna", button(console.say("anna", "/erinnerungen"), "15 Minuten vorher aus"))
    assert "Beide Stammtisch-Erinnerungen sind aus" in texts(console.say("anna", "/stammtisch"))


def test_an_overlong_topic_is_refused_and_the_dialog_stays(console: ConsoleBot) -> None:
    join(console, "anna", quiet=True)
    console.press("anna", button(console.say("anna", "/stammtisch"), "Thema vorschlagen"))
    refused = texts(console.say("anna", "x" * 600))
    assert "600 Zeichen" in refused and "Welches Thema" in refused
    assert "Danke" in texts(console.say("anna", "Kurz und gut"))
