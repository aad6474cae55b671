"""Calendar files (.ics) any feature can attach: one VEVENT in Europe/Berlin, Outlook-friendly.

The UID stays the same for every version of an appointment and SEQUENCE grows with each
change, so calendar programs update the entry they already have instead of adding a second.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone

from bot.chat import FileOut

ICS_MIME = "text/calendar"
PRODID = "-//Zukunftsmacher//Cluster-Chatbot//DE"
BERLIN = ZoneInfo("Europe/Berlin")


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
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # PUBLISH opens as a plain appointment in Outlook; CANCEL removes the known UID.
    cal.add("method", "CANCEL" if cancelled else "PUBLISH")
    # A window around the appointment keeps the VTIMEZONE short but covers every DST switch.
    first = date(start.year - 1, 1, 1)
    cal.add_component(Timezone.from_tzinfo(tz, tzid=tz.key, first_date=first,
                                           last_date=date(start.year + 2, 1, 1)))
    cal.add_component(_vevent(uid, summary, start.astimezone(tz), (end or start).astimezone(tz),
                              location, description, sequence, cancelled, url, stamp))
    return bytes(cal.to_ical())


def ics_file(name: str, data: bytes) -> FileOut:
    """Wrap .ics bytes as a reply file."""
    return FileOut(name if name.endswith(".ics") else f"{name}.ics", ICS_MIME, data)


def _vevent(uid: str, summary: str, start: datetime, end: datetime, location: str | None,
            description: str | None, sequence: int, cancelled: bool, url: str | None,
            stamp: datetime | None) -> Event:
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
