"""Schau-rein day phrases and the media-coverage calendar file."""

from __future__ import annotations

from datetime import date, datetime

from icalendar import Calendar

from handlers.schau_rein.days import parse_days
from handlers.schau_rein.exports import media_ics
from storage.schau_rein import SchauReinSignup
from tests.fairs.helpers import NOW


def test_one_or_several_days() -> None:
    assert parse_days("9.3.", now=NOW) == [date(2026, 3, 9)]
    assert parse_days("9.3. und 11.3.", now=NOW) == [date(2026, 3, 9), date(2026, 3, 11)]
    assert parse_days("Montag, 9.3.", now=NOW) == [date(2026, 3, 9)]
    assert parse_days("Mo 9.3., Mi 11.3.; 13.3.", now=NOW) == [
        date(2026, 3, 9), date(2026, 3, 11), date(2026, 3, 13)]
    assert parse_days("11. März und 9. März", now=NOW) == [date(2026, 3, 9), date(2026, 3, 11)]


def test_unclear_parts_spoil_the_answer() -> None:
    assert parse_days("irgendwann", now=NOW) == []
    assert parse_days("9.3. und bald", now=NOW) == []


def test_calendar_has_one_all_day_event_per_day() -> None:
    row = SchauReinSignup(id=7, programme="p", company_id=1, days=["2026-03-09", "2026-03-11"],
                          support=["medien"], description="Rallye", contact="Anna",
                          created_at=NOW, updated_at=NOW)
    data = media_ics([(date(2026, 3, 9), "Sachsenwerk", row), (date(2026, 3, 11), "Sachsenwerk",
                      row)], stamp=datetime(2026, 2, 2, 8, 0).astimezone())
    events = Calendar.from_ical(data).walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [date(2026, 3, 9), date(2026, 3, 11)]
    assert len({str(e["uid"]) for e in events}) == 2
    assert "Sachsenwerk" in str(events[0]["summary"]) and "Anna" in str(events[0]["description"])
