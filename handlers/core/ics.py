"""Calendar files (.ics) any feature can attach: appointments in Europe/Berlin, Outlook-friendly.

The UID stays the same for every version of an appointment and SEQUENCE grows with each
change, so calendar programs update the entry they already have instead of adding a second.
Everything a person can see is German (calendar name, alarm text); the VTIMEZONE carries no
comment (icalendar writes an English one); every coming appointment has a reminder
(VALARM) one day before. A recurring series is one VEVENT with an RRULE, its skipped dates
as EXDATE and the dates it moved to as RDATE.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.chat import FileOut

# icalendar is imported inside the functions that build a file: it costs start-up ~0.1 s and
# ~3 MB, and most runs send no calendar file for a long while.
if TYPE_CHECKING:
    from icalendar import Alarm, Calendar, Event, Timezone

ICS_MIME = "text/calendar"
PRODID = "-//Zukunftsmacher//Cluster-Chatbot//DE"
BERLIN = ZoneInfo("Europe/Berlin")
CAL_NAME = "Ausbildungscluster Zukunftsmacher"
ALARM_BEFORE = timedelta(days=1)
ALARM_TEXT = "Erinnerung: morgen {summary}"
_GERMAN_TZNAMES = {"CET": "MEZ", "CEST": "MESZ"}


def calendar(*, cancelled: bool = False, name: str = CAL_NAME) -> Calendar:
    """Start a calendar with a German name (PUBLISH; CANCEL removes the UIDs it names)."""
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # PUBLISH opens as a plain appointment in Outlook; CANCEL removes the known UID.
    cal.add("method", "CANCEL" if cancelled else "PUBLISH")
    cal.add("x-wr-calname", name)
    return cal


def timezone(tz: ZoneInfo, first_year: int, last_year: int) -> Timezone:
    """Return the VTIMEZONE covering the years (a window keeps it short; no English comment)."""
    from icalendar import Timezone

    vtz = Timezone.from_tzinfo(tz, tzid=tz.key, first_date=date(first_year - 1, 1, 1),
                               last_date=date(last_year + 2, 1, 1))
    vtz.pop("COMMENT", None)
    for part in vtz.subcomponents:  # the names some calendars show: German abbreviations
        name = str(part.get("TZNAME", ""))
        if name in _GERMAN_TZNAMES:
            part["TZNAME"] = _GERMAN_TZNAMES[name]
    return vtz


def alarm(summary: str, before: timedelta = ALARM_BEFORE) -> Alarm:
    """Return a display reminder `before` the start, in German."""
    from icalendar import Alarm

    found = Alarm()
    found.add("action", "DISPLAY")
    found.add("trigger", -before)
    found.add("description", ALARM_TEXT.format(summary=summary))
    return found


def event_ics(
    uid: str,
    summary: str,
    start: datetime,
    end: datetime | None,
    location: str | None,
    description: str | None,
    sequence: int,
    *,
    cancelled: bool = False,
    url: str | None = None,
    stamp: datetime | None = None,
    tz: ZoneInfo = BERLIN,
) -> bytes:
    """Build an .ics file with one appointment (times shown in `tz`, with its VTIMEZONE)."""
    if start.tzinfo is None or (end is not None and end.tzinfo is None):
        raise ValueError("event_ics needs timezone-aware datetimes")
    cal = calendar(cancelled=cancelled)
    cal.add_component(timezone(tz, start.year, start.year))
    ev = _vevent(uid, summary, start.astimezone(tz), (end or start).astimezone(tz), location,
                 description, sequence, cancelled, url, stamp)
    if not cancelled:
        ev.add_component(alarm(summary))
    cal.add_component(ev)
    return bytes(cal.to_ical())


def series_ics(
    uid: str,
    summary: str,
    first: datetime,
    duration: timedelta,
    every_days: int,
    until: datetime,
    *,
    skipped: Sequence[datetime] = (),
    moved_to: Sequence[datetime] = (),
    location: str | None = None,
    description: str | None = None,
    url: str | None = None,
    sequence: int = 0,
    stamp: datetime | None = None,
    tz: ZoneInfo = BERLIN,
) -> bytes:
    """Build an .ics with a whole series: RRULE every `every_days` days up to `until`.

    `skipped` are the regular starts that do not take place (EXDATE: skipped or moved away),
    `moved_to` the starts they moved to (RDATE). Times are local in `tz`, so 13:00 stays
    13:00 across daylight-saving changes.
    """
    if first.tzinfo is None or until.tzinfo is None:
        raise ValueError("series_ics needs timezone-aware datetimes")
    cal = calendar()
    cal.add_component(timezone(tz, first.year, until.year))
    start = first.astimezone(tz)
    ev = _vevent(uid, summary, start, start + duration, location, description, sequence,
                 False, url, stamp)
    rule = {"freq": "weekly", "interval": every_days // 7} if every_days % 7 == 0 else \
        {"freq": "daily", "interval": every_days}
    ev.add("rrule", {**rule, "until": until.astimezone(UTC)})
    for day in sorted(skipped):
        ev.add("exdate", day.astimezone(tz))
    for day in sorted(moved_to):
        ev.add("rdate", day.astimezone(tz))
    ev.add_component(alarm(summary))
    cal.add_component(ev)
    return bytes(cal.to_ical())


def ics_file(name: str, data: bytes) -> FileOut:
    """Wrap .ics bytes as a reply file."""
    return FileOut(name if name.endswith(".ics") else f"{name}.ics", ICS_MIME, data)


def _vevent(uid: str, summary: str, start: datetime, end: datetime, location: str | None,
            description: str | None, sequence: int, cancelled: bool, url: str | None,
            stamp: datetime | None) -> Event:
    from icalendar import Event

    ev = Event()
    ev.add("uid", uid)
    ev.add("sequence", sequence)
    ev.add("dtstamp", (stamp or datetime.now(UTC)).astimezone(UTC))
    ev.add("summary", summary)
    ev.add("dtstart", start)
    ev.add("dtend", end)
    if location:
        ev.add("location", location)
    if description:
        ev.add("description", description)
    if url:
        ev.add("url", url)
    ev.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    ev.add("transp", "OPAQUE")
    return ev
