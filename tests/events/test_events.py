"""End to end through the console: /termine, sign-up by buttons, .ics, /meine, export, admin."""

from __future__ import annotations

import asyncio
import csv as csv_lib
from pathlib import Path

from tests.events.console_helpers import card as _card
from tests.events.console_helpers import file as _file
from tests.events.console_helpers import join as _join
from tests.support.console import ConsoleBot, button, texts
from tests.support.databases import (
    PG_UNREACHABLE,
    missing,
    postgres_database,
    postgres_reachable,
)


def test_member_signs_up_for_march_meeting_and_cancels(console: ConsoleBot) -> None:
    _join(console, "anna", "Zemmler")
    _join(console, "ben", "Zemmler")
    listing = console.say("anna", "/termine")
    meeting = _card(listing, "Ausbildungs-Marketing")
    assert "Do, 5. März 2026, 10:00–15:00 Uhr" in texts(meeting)
    assert "noch 40 Plätze" in texts(meeting) and "Go Be" in texts(meeting)
    speed = _card(listing, "Speed Dating Görlitz")
    assert "schulewirtschaft-goerlitz.de" in texts(speed)
    assert "Anmelden" not in [b["label"] for b in speed[0]["buttons"]]
    assert "Nur zur Info" in texts(_card(listing, "Girls' Day"))
    assert "September 2026, genauer Termin folgt" in texts(listing)

    info = texts(console.press("anna", button(meeting, "Details")))
    assert "Karte öffnen" in info and "altmann@lausitz-matrix.de" in info
    cal = _file(console.press("anna", button(meeting, "Kalender")), ".ics").decode()
    assert "UID:event-netzwerk-2026-03@zukunftsmacher-lausitz.de" in cal
    ask = console.press("anna", button(meeting, "Anmelden"))
    assert "Wie viele Personen" in texts(ask)
    done = console.press("anna", button(ask, "2"))
    assert "Angemeldet" in texts(done) and "Personen: 2" in texts(done)
    ics = _file(done, ".ics").decode()
    assert "TZID:Europe/Berlin" in ics and "DTSTART;TZID=Europe/Berlin:20260305T100000" in ics

    assert "Du bist angemeldet (2 Personen)" in texts(console.say("anna", "/meine"))
    colleague = texts(_card(console.say("ben", "/termine"), "Ausbildungs-Marketing"))
    assert "Von eurer Firma: anna (2 Personen)" in colleague and "noch 38 Plätze" in colleague
    assert "anna" in texts(console.say("ben", "/meine"))

    export = console.say("chef", "/export anmeldungen Marketing")
    csv = _file(export, ".csv")
    assert csv.startswith(b"\xef\xbb\xbf")
    lines = csv.decode("utf-8-sig").splitlines()
    assert lines[0] == ("Termin;Datum;Firma;Name;Plattform;Personen;Namen (Namensschilder);"
                        "Status;Angemeldet am;Abgemeldet am;Datum vorläufig;Angaben vorläufig")
    assert next(csv_lib.reader([lines[1]], delimiter=";"))[1:] == [
        "05.03.2026", "Zemmler Siebanlagen GmbH", "anna", "Konsole", "2", "", "angemeldet",
        "02.02.2026 09:00", "", "", "Plätze; Anmeldefrist",
    ]

    again = _card(console.say("anna", "/termine"), "Ausbildungs-Marketing")
    sure = console.press("anna", button(again, "Abmelden"))
    assert "Wirklich" in texts(sure)
    gone = console.press("anna", button(sure, "Ja, abmelden"))
    assert "abgemeldet" in texts(gone)
    assert "Ausbildungs-Marketing" not in texts(console.say("anna", "/meine"))
    assert "abgemeldet" in texts(console.say("chef", "/teilnehmer Marketing"))


def test_reminders_a_week_and_a_day_before(console: ConsoleBot) -> None:
    _join(console, "anna", "Zemmler")
    meeting = _card(console.say("anna", "/termine"), "Ausbildungs-Marketing")
    console.press("anna", button(console.press("anna", button(meeting, "Anmelden")), "1"))
    week = console.now("2026-02-26T10:30:00+01:00")
    assert "ist in einer Woche" in texts(week, to="anna") and "Karte öffnen" in texts(week)
    day = console.now("2026-03-04T10:30:00+01:00")
    assert "ist morgen" in texts(day, to="anna")
    after = console.now("2026-03-06T10:00:00+01:00")  # no reminder after the day (feedback only)
    assert "Erinnerung" not in texts(after) and "ist morgen" not in texts(after)


def test_deadline_passed_sends_people_to_the_team(console: ConsoleBot) -> None:
    _join(console, "anna", "Zemmler")
    _join(console, "ben", "Zemmler")
    meeting = _card(console.say("anna", "/termine"), "Ausbildungs-Marketing")
    console.press("ben", button(console.press("ben", button(
        _card(console.say("ben", "/termine"), "Ausbildungs-Marketing"), "Anmelden")), "1"))
    console.now("2026-02-27T09:00:00+01:00")
    refused = texts(console.press("anna", button(meeting, "Anmelden")))
    assert "Anmeldefrist" in refused and "altmann@lausitz-matrix.de" in refused
    late = _card(console.say("ben", "/termine"), "Ausbildungs-Marketing")
    assert "Anmeldefrist vorbei" in texts(late)
    assert not {"Anmelden", "Abmelden"} & {b["label"] for b in late[0]["buttons"]}

    listing = console.say("chef", "/teilnehmer Marketing")
    out = console.press("chef", button(listing, "Abmelden: ben"))
    assert "Abgemeldet" in texts(out, to="chef")
    assert "Clusterteam hat dich" in texts(out, to="ben")
    assert "Anmeldung von ben zu Termin" in texts(console.say("chef", "/protokoll"))


async def test_sign_up_and_waiting_list_on_postgres(tmp_path: Path) -> None:
    if not await postgres_reachable():
        missing(PG_UNREACHABLE)
    async with postgres_database() as url:
        bot = ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00", database_url=url)
        try:
            await asyncio.to_thread(_sign_up_and_cancel, bot)
        finally:
            bot.stop()


def _sign_up_and_cancel(console: ConsoleBot) -> None:
    _join(console, "anna", "Zemmler")
    meeting = _card(console.say("anna", "/termine"), "Ausbildungs-Marketing")
    done = console.press("anna", button(console.press("anna", button(meeting, "Anmelden")), "3"))
    assert "Personen: 3" in texts(done) and _file(done, ".ics")
    assert "noch 37 Plätze" in texts(_card(console.say("anna", "/termine"), "Marketing"))
    again = _card(console.say("anna", "/termine"), "Ausbildungs-Marketing")
    sure = console.press("anna", button(again, "Abmelden"))
    assert "abgemeldet" in texts(console.press("anna", button(sure, "Ja, abmelden")))
