"""The .ics builder: Europe/Berlin VTIMEZONE, stable UID, SEQUENCE, cancellation, escaping."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from handlers.core.ics import event_ics
from handlers.events.view import event_file
from storage.events.models import Event

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 5, 10, tzinfo=BERLIN)
END = datetime(2026, 3, 5, 15, tzinfo=BERLIN)
STAMP = datetime(2026, 2, 2, 8, tzinfo=UTC)


def _vevent(data: bytes) -> Calendar:
    return Calendar.from_ical(data).walk("VEVENT")[0]


def test_ics_has_berlin_timezone_and_local_times() -> None:
    data = event_ics("uid-1@x", "Netzwerktreffen", START, END, "Go Be, Görlitz",
                     "Thema: Marketing; Social Media", 0, stamp=STAMP)
    text = data.decode()
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Berlin" in text
    assert "DTSTART;TZID=Europe/Berlin:20260305T100000" in text
    assert "DTEND;TZID=Europe/Berlin:20260305T150000" in text
    assert "METHOD:PUBLISH" in text and "\r\n" in text
    ev = _vevent(data)
    assert str(ev["LOCATION"]) == "Go Be, Görlitz"
    assert str(ev["DESCRIPTION"]) == "Thema: Marketing; Social Media"
    assert ev.decoded("DTSTART") == START


def test_summer_time_is_kept_in_the_timezone() -> None:
    summer = datetime(2026, 9, 17, 10, tzinfo=BERLIN)
    text = event_ics("u@x", "S", summer, None, None, None, 0, stamp=STAMP).decode()
    assert "DTSTART;TZID=Europe/Berlin:20260917T100000" in text
    assert "TZOFFSETTO:+0200" in text


def test_uid_stays_and_sequence_counts_changes() -> None:
    ev = Event(id=7, key="netzwerk-2026-03", title="Treffen", start=START, end=END,
               created_at=STAMP)
    first = _vevent(event_file(ev, BERLIN, now=STAMP).data)
    ev.start, ev.sequence = datetime(2026, 3, 5, 11, tzinfo=BERLIN), 1
    second = _vevent(event_file(ev, BERLIN, now=STAMP).data)
    assert first["UID"] == second["UID"] == "event-netzwerk-2026-03@zukunftsmacher-lausitz.de"
    assert (first["SEQUENCE"], second["SEQUENCE"]) == (0, 1)
    ev.cancelled_at = STAMP
    cancelled = event_file(ev, BERLIN, now=STAMP).data.decode()
    assert "METHOD:CANCEL" in cancelled and "STATUS:CANCELLED" in cancelled


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        event_ics("u", "S", datetime(2026, 3, 5, 10), None, None, None, 0)
