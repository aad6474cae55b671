"""Issue 15: the Stammtisch series as one .ics, clash warnings, previewed and confirmed changes.

Console end to end (clock injected): the series file carries RRULE, EXDATE and RDATE and a
German reminder; the team is warned once that 5 March 13:00 falls into the network meeting
(10-15 Uhr) and can skip it from the warning after a preview naming the recipients; moving a
meeting back to its regular time clears the "(verschoben)" mark.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar

from handlers.core.ics import event_ics
from tests.support.console import ConsoleBot, button, join, texts

Messages = list[dict[str, Any]]


def _to(messages: Messages, who: str) -> list[str]:
    return [m["text"] for m in messages if m.get("to") == who]


def _ics(messages: Messages) -> str:
    path = next(m["file"]["path"] for m in messages if m.get("file"))
    return Path(path).read_text("utf-8")


def _dates(value: Any) -> set[str]:
    """Return the local dates of EXDATE/RDATE properties (one or several lines)."""
    lines = value if isinstance(value, list) else [value]
    return {d.dt.strftime("%d.%m. %H:%M") for line in lines for d in line.dts}


def _series_file(console: ConsoleBot, who: str = "anna") -> str:
    return _ics(console.press(who, button(console.say(who, "/stammtisch"), "Kalender")))


def test_the_series_is_one_recurring_appointment_with_skips_and_moves(
    console: ConsoleBot,
) -> None:
    join(console, "anna", quiet=True)  # the Stammtisch is for members
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    console.press("chef", button(console.say("chef", "/stammtisch_absagen 19.2."), "Ja"))
    moving = console.say("chef", "/stammtisch_verschieben 5.3. auf 6.3. 14 Uhr")
    console.press("chef", button(moving, "Ja"))
    raw = _series_file(console)
    assert "COMMENT" not in raw and "This timezone" not in raw
    assert "X-WR-CALNAME:Ausbildungscluster Zukunftsmacher" in raw and "TZNAME:MEZ" in raw
    ev = next(c for c in Calendar.from_ical(raw).walk("VEVENT"))
    assert str(ev["summary"]) == "Social Media Stammtisch"
    rule = ev["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["INTERVAL"] == [2]
    assert ev.decoded("dtstart").strftime("%Y-%m-%d %H:%M") == "2026-01-22 13:00"
    assert _dates(ev["exdate"]) == {"19.02. 13:00", "05.03. 13:00"}
    assert _dates(ev["rdate"]) == {"06.03. 14:00"}
    alarm = next(c for c in ev.walk("VALARM"))
    assert alarm.decoded("trigger") == -timedelta(days=1)
    assert str(alarm["description"]) == "Erinnerung: morgen Social Media Stammtisch"


def test_moving_back_to_the_regular_time_clears_the_moved_mark(console: ConsoleBot) -> None:
    join(console, "anna", quiet=True)  # the Stammtisch is for members
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    preview = console.say("chef", "/stammtisch_verschieben 19.2. auf 14 Uhr")
    assert "1 Abonnent:in bekommt dazu eine Nachricht" in texts(preview)
    assert _to(preview, "anna") == []  # nothing is sent before the confirmation
    console.press("chef", button(preview, "Ja"))
    shown = texts(console.say("anna", "/stammtisch"))
    assert "Do, 19. Februar 2026, 14:00 Uhr (verschoben)" in shown
    back = console.say("chef", "/stammtisch_verschieben 19.2. auf 13 Uhr")
    assert "ursprünglichen Termin Do, 19. Februar 2026, 13:00 Uhr" in texts(back)
    told = _to(console.press("chef", button(back, "Ja")), "anna")
    assert len(told) == 1 and "13:00 Uhr" in told[0]
    shown = texts(console.say("anna", "/stammtisch"))
    assert "Do, 19. Februar 2026, 13:00 Uhr" in shown and "(verschoben)" not in shown
    assert "EXDATE" not in _series_file(console) and "RDATE;TZID" not in _series_file(console)


def test_no_pressed_means_nothing_changes(console: ConsoleBot) -> None:
    join(console, "anna", quiet=True)  # the Stammtisch is for members
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    preview = console.say("chef", "/stammtisch_absagen 19.2.")
    assert "Den Social Media Stammtisch am Do, 19. Februar 2026, 13:00 Uhr absagen?" in texts(
        preview)
    assert "nichts geändert" in texts(console.press("chef", button(preview, "Nein")))
    assert "19. Februar" in texts(console.say("anna", "/stammtisch"))


def test_the_team_is_warned_once_of_a_clash_and_can_skip_from_the_warning(
    console: ConsoleBot,
) -> None:
    join(console, "anna", quiet=True)  # the Stammtisch is for members
    console.press("anna", button(console.say("anna", "/stammtisch"), "Erinnerung an"))
    console.say("chef", "/hilfe")  # the bot knows the admin from now on
    early = _to(console.now("2026-02-18T09:30:00+01:00"), "chef")
    assert not any("Terminüberschneidung" in w for w in early)  # two weeks ahead, not before
    warned = _to(console.now("2026-02-19T09:30:00+01:00"), "chef")
    clash = [w for w in warned if "Terminüberschneidung" in w]
    assert len(clash) == 1, warned
    assert "Do, 5. März 2026, 13:00 Uhr" in clash[0]
    assert "Netzwerktreffen: Ausbildungs-Marketing" in clash[0] and "10:00–15:00 Uhr" in clash[0]
    assert "absagen oder verschieben" in clash[0]
    again = _to(console.now("2026-02-26T09:30:00+01:00"), "chef")
    assert not any("Terminüberschneidung" in w for w in again)  # told once


def test_the_warning_button_skips_after_a_preview(tmp_path: Path) -> None:
    bot = ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00")
    try:
        join(bot, "anna", quiet=True)
        bot.press("anna", button(bot.say("anna", "/stammtisch"), "Erinnerung an"))
        bot.say("chef", "/hilfe")
        warned = bot.now("2026-02-19T09:30:00+01:00")
        preview = bot.press("chef", button(warned, "Diesen Stammtisch absagen"))
        assert "am Do, 5. März 2026, 13:00 Uhr absagen?" in texts(preview)
        assert "1 Abonnent:in" in texts(preview)
        done = bot.press("chef", button(preview, "Ja, absagen"))
        assert "1 Abonnent:in wird einmal benachrichtigt" in texts(done)
        assert any("5. März 2026 fällt aus" in m for m in _to(done, "anna"))
        assert "5. März" not in texts(bot.say("anna", "/stammtisch"))
    finally:
        bot.stop()


def test_event_files_are_german_with_a_reminder_the_day_before() -> None:
    start = datetime(2026, 3, 5, 9, tzinfo=UTC)
    raw = event_ics("e1", "Netzwerktreffen", start, start + timedelta(hours=5), "Görlitz",
                    "Marketing", 0, stamp=start).decode()
    assert "COMMENT" not in raw and "TZNAME:MESZ" in raw and "TZNAME:CET" not in raw
    ev = next(c for c in Calendar.from_ical(raw).walk("VEVENT"))
    alarm = next(c for c in ev.walk("VALARM"))
    assert alarm.decoded("trigger") == -timedelta(days=1)
    assert str(alarm["description"]) == "Erinnerung: morgen Netzwerktreffen"
    cancelled = event_ics("e1", "Netzwerktreffen", start, None, None, None, 1, cancelled=True,
                          stamp=start).decode()
    assert "VALARM" not in cancelled and "METHOD:CANCEL" in cancelled
