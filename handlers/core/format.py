"""Shared German formatters: dates, times, escaping. Names never depend on the OS locale."""

from __future__ import annotations

import html
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
WEEKDAYS_SHORT = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
MONTHS = (
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
)


def esc(value: object) -> str:
    """Escape a user-supplied value for the reply HTML subset."""
    return html.escape(str(value), quote=True)


def local(dt: datetime, tz: ZoneInfo = BERLIN) -> datetime:
    """Convert an aware datetime to local time (Europe/Berlin by default)."""
    return dt.astimezone(tz)


def fmt_date(d: date, *, long: bool = False) -> str:
    """Format a date as "Do, 5. März 2026" (or "Donnerstag, 5. März 2026" with long=True)."""
    wd = WEEKDAYS[d.weekday()] if long else WEEKDAYS_SHORT[d.weekday()]
    return f"{wd}, {d.day}. {MONTHS[d.month - 1]} {d.year}"


def fmt_time(t: time) -> str:
    """Format a time of day as "10:00"."""
    return f"{t.hour:02d}:{t.minute:02d}"


def team_request(what: str, company: str, details: str, extra: str = "") -> str:
    """Format a team notice about a request: what, by which company (escaped), the details.

    Every feature's "new request" notice has this shape and a button to open the request.
    """
    return f"📥 <b>{what}</b> von <b>{esc(company)}</b>{extra}\n{details}"


def fmt_dt(dt: datetime, tz: ZoneInfo = BERLIN, *, long: bool = False) -> str:
    """Format an aware datetime as "Do, 5. März 2026, 10:00 Uhr" in local time."""
    loc = local(dt, tz)
    return f"{fmt_date(loc.date(), long=long)}, {fmt_time(loc.time())} Uhr"


def fmt_day(dt: datetime, tz: ZoneInfo = BERLIN, *, long: bool = False) -> str:
    """Format the local day of an aware datetime as "Do, 5. März 2026"."""
    return fmt_date(local(dt, tz).date(), long=long)


def fmt_span(start: datetime, end: datetime | None, tz: ZoneInfo = BERLIN) -> str:
    """Format a start/end pair as "Do, 5. März 2026, 10:00–15:00 Uhr"."""
    if end is None:
        return fmt_dt(start, tz)
    a, b = local(start, tz), local(end, tz)
    if a.date() == b.date():
        return f"{fmt_date(a.date())}, {fmt_time(a.time())}–{fmt_time(b.time())} Uhr"
    return f"{fmt_dt(start, tz)} bis {fmt_dt(end, tz)}"


def fmt_short_date(d: date) -> str:
    """Format a date as "05.03.2026" (exports, German Excel)."""
    return d.strftime("%d.%m.%Y")


def plural(n: int, one: str, many: str) -> str:
    """Return "1 Platz" / "3 Plätze"."""
    return f"{n} {one if n == 1 else many}"
