"""The Kalender page and the .ics feed: events, fairs, Schau rein, Stammtisch (moved or
skipped shown), confirmed media days and the public holidays of Brandenburg and Sachsen."""

from __future__ import annotations

import calendar as cal
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as VEvent

from handlers.core import Services
from handlers.core.format import MONTHS, WEEKDAYS_SHORT, fmt_time
from handlers.core.provisional import mark, summary
from storage.db import Session
from storage.events import queries as events
from storage.events.models import Event
from storage.fairs import queries as fairs
from storage.media_days import queries as media_days
from storage.media_days.rules import holiday
from storage.schau_rein import queries as schau_rein
from storage.schau_rein.programme import programme
from storage.stammtisch.queries import schedule

EVENT_WHEN = ("start", "time")  # the assumed fields that make an entry's date provisional
FAIR_WHEN = ("days", "setup")


@dataclass(frozen=True)
class Entry:
    """One thing on a day: a German title, its kind (CSS class), a detail line, a link."""

    day: date
    title: str
    kind: str
    start: datetime | None = None
    end: datetime | None = None
    detail: str = ""
    href: str = ""


@dataclass
class Day:
    """One cell of the month view."""

    day: date
    in_month: bool
    entries: list[Entry] = field(default_factory=list)


@dataclass(frozen=True)
class Month:
    """A month as weeks of days (Monday first)."""

    first: date
    title: str
    weekdays: tuple[str, ...]
    weeks: list[list[Day]]


async def entries(svc: Services, first: date, last: date) -> list[Entry]:
    """Return every calendar entry from `first` to `last` (inclusive), by day and time."""
    tz = svc.tz
    lo = datetime.combine(first, time(0), tz)
    hi = datetime.combine(last + timedelta(days=1), time(0), tz)
    found: list[Entry] = []
    async with svc.db.read() as s:
        for e in await events.upcoming(s, now=lo - timedelta(seconds=1), include_cancelled=True):
            if e.start < hi:
                found.append(_event(e, tz))
        for f in await fairs.list_fairs(s):
            for iso in f.days:
                d = date.fromisoformat(iso)
                if first <= d <= last:
                    found.append(Entry(d, summary(f.title, f.provisional, FAIR_WHEN), "fair",
                                       detail=f"{f.place} {f.city}".strip(),
                                       href=f"/termine#fair-{f.id}"))
        for md, c in await media_days.all_media_days(s):
            if md.status == "confirmed" and md.day and first <= md.day <= last:
                found.append(Entry(md.day, f"Medientag {c.name}", "media",
                                   href=f"/firmen/{c.id}"))
        found += await _stammtisch(svc, s, lo, hi)
        prog = programme(svc.catalogue)
        assumed = await schau_rein.assumed(s, prog) if prog is not None else []
    if prog is not None:
        d = max(prog.first_day, first)
        while d <= min(prog.last_day, last):
            found.append(Entry(d, summary(prog.title, assumed, ("days",)), "schau",
                               detail="nur Sachsen"))
            d += timedelta(days=1)
    d = first
    while d <= last:
        names = {st: holiday(d, st) for st in ("BB", "SN")}
        both = {n for n in names.values() if n}
        for name in both:
            where = [st for st, n in names.items() if n == name]
            found.append(Entry(d, name, "holiday", detail="Feiertag " + " und ".join(where)))
        d += timedelta(days=1)
    return sorted(found, key=lambda x: (x.day, x.start or datetime.min.replace(tzinfo=UTC)))


def _event(e: Event, tz: ZoneInfo) -> Entry:
    loc = e.start.astimezone(tz)
    # An assumed date or time reads "(vorläufig)" here as in chat (handlers.core.provisional).
    title = summary(e.title, e.provisional, EVENT_WHEN) + (" (abgesagt)" if e.cancelled_at else "")
    return Entry(loc.date(), title, "event", start=e.start, end=e.end,
                 detail=f"{fmt_time(loc.time())} Uhr {e.place or ''}".strip(),
                 href=f"/termine#ev-{e.id}")


async def _stammtisch(svc: Services, s: Session, lo: datetime, hi: datetime) -> list[Entry]:
    try:
        sched = await schedule(s, svc.catalogue)
    except (KeyError, TypeError):  # a catalogue without a Stammtisch
        return []
    out = []
    for m in sched.upcoming(after=lo - timedelta(seconds=1), count=60, with_cancelled=True):
        if m.start >= hi:
            break
        loc = m.start.astimezone(svc.tz)
        note = "fällt aus" if m.cancelled else "verschoben" if m.moved else ""
        title = sched.series.title + (f" ({note})" if note else "")
        out.append(Entry(loc.date(), title, "stammtisch", start=m.start, end=m.end,
                         detail=f"{fmt_time(loc.time())} Uhr, {sched.series.minutes} Minuten"
                                + mark(sched.series.provisional, "duration")))
    return out


async def month(svc: Services, first: date) -> Month:
    """Build the month view of the month starting at `first`."""
    weeks_raw = cal.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    found = await entries(svc, weeks_raw[0][0], weeks_raw[-1][-1])
    by_day: dict[date, list[Entry]] = {}
    for e in found:
        by_day.setdefault(e.day, []).append(e)
    weeks = [[Day(d, d.month == first.month, by_day.get(d, [])) for d in w] for w in weeks_raw]
    return Month(first, f"{MONTHS[first.month - 1]} {first.year}", WEEKDAYS_SHORT, weeks)


async def feed(svc: Services, *, year: int) -> bytes:
    """Return the cluster calendar of `year` (and the next) as one .ics file."""
    found = await entries(svc, date(year, 1, 1), date(year + 1, 12, 31))
    ics = Calendar()
    ics.add("prodid", "-//Zukunftsmacher//Schreibtisch//DE")
    ics.add("version", "2.0")
    ics.add("x-wr-calname", "Zukunftsmacher")
    stamp = svc.clock.now().astimezone(UTC)
    for n, e in enumerate(found):
        ev = VEvent()
        ev.add("uid", f"{e.kind}-{e.day.isoformat()}-{n}@zukunftsmacher")
        ev.add("dtstamp", stamp)
        ev.add("summary", e.title)
        if e.start is not None:
            ev.add("dtstart", e.start.astimezone(svc.tz))
            ev.add("dtend", (e.end or e.start + timedelta(hours=1)).astimezone(svc.tz))
        else:
            ev.add("dtstart", e.day)
            ev.add("dtend", e.day + timedelta(days=1))
        if e.detail:
            ev.add("description", e.detail)
        ics.add_component(ev)
    return bytes(ics.to_ical())
