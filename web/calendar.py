"""The Kalender page and the .ics feed: events, fairs, Schau rein, Stammtisch (moved or
skipped shown), confirmed media days and the public holidays of Brandenburg and Sachsen."""

from __future__ import annotations

import calendar as cal
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as VEvent

from handlers.core import Services
from handlers.core.format import MONTHS, WEEKDAYS_SHORT, fmt_date, fmt_dt, fmt_span, fmt_time
from handlers.core.provisional import mark, summary
from storage.db import Session
from storage.events import queries as events
from storage.events.models import Event
from storage.fairs import queries as fairs
from storage.fairs.models import Fair
from storage.media_days import queries as media_days
from storage.media_days.rules import holiday
from storage.schau_rein import queries as schau_rein
from storage.schau_rein.programme import programme
from storage.stammtisch.queries import schedule
from storage.stammtisch.series import Meeting, Schedule
from web import texts as t


@dataclass(frozen=True)
class Fact:
    """One line of an entry's details: a German label and its value (a link when href)."""

    label: str
    text: str
    href: str = ""

EVENT_WHEN = ("start", "time")  # the assumed fields that make an entry's date provisional
FAIR_WHEN = ("days", "setup")


@dataclass(frozen=True)
class Entry:
    """One thing on a day: a German title, its kind (CSS class), a detail line, a link to a
    page with more (participants, booth plan, company) and the facts its details show."""

    day: date
    title: str
    kind: str
    start: datetime | None = None
    end: datetime | None = None
    detail: str = ""
    href: str = ""
    facts: tuple[Fact, ...] = ()


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
                    found.append(_fair(f, d, tz))
        for md, c in await media_days.all_media_days(s):
            if md.status == "confirmed" and md.day and first <= md.day <= last:
                found.append(Entry(md.day, f"Medientag {c.name}", "media",
                                   href=f"/firmen/{c.id}", facts=(
                                       Fact(t.CAL_COMPANY, c.name, f"/firmen/{c.id}"),
                                       Fact(t.CAL_DATE, fmt_date(md.day)),
                                       Fact(t.CAL_STATE, t.CAL_CONFIRMED))))
        found += await _stammtisch(svc, s, lo, hi)
        prog = programme(svc.catalogue)
        assumed = await schau_rein.assumed(s, prog) if prog is not None else []
    if prog is not None:
        d = max(prog.first_day, first)
        week = f"{fmt_date(prog.first_day)} bis {fmt_date(prog.last_day)}"
        facts = (Fact(t.CAL_WHEN, summary(week, assumed, ("days",))),
                 Fact(t.CAL_FOR, t.STATE.get(prog.state, prog.state)),
                 Fact(t.CAL_DEADLINE, fmt_dt(prog.deadline, tz) + mark(assumed, "deadline")))
        while d <= min(prog.last_day, last):
            found.append(Entry(d, summary(prog.title, assumed, ("days",)), "schau",
                               detail=f"nur {t.STATE.get(prog.state)}", facts=facts))
            d += timedelta(days=1)
    d = first
    while d <= last:
        names = {st: holiday(d, st) for st in ("BB", "SN")}
        both = {n for n in names.values() if n}
        for name in both:
            where = [st for st, n in names.items() if n == name]
            states = " und ".join(f"{t.STATE[st]} ({st})" for st in where)
            found.append(Entry(d, name, "holiday", detail="Feiertag " + " und ".join(where),
                               facts=(Fact(t.CAL_DATE, fmt_date(d)),
                                      Fact(t.CAL_HOLIDAY_IN, states))))
        d += timedelta(days=1)
    return sorted(found, key=lambda x: (x.day, x.start or datetime.min.replace(tzinfo=UTC)))


def _event(e: Event, tz: ZoneInfo) -> Entry:
    loc = e.start.astimezone(tz)
    # An assumed date or time reads "(vorläufig)" here as in chat (handlers.core.provisional).
    title = summary(e.title, e.provisional, EVENT_WHEN) + (" (abgesagt)" if e.cancelled_at else "")
    facts = [Fact(t.CAL_WHEN, summary(fmt_span(e.start, e.end, tz), e.provisional, EVENT_WHEN))]
    where = ", ".join(p for p in (e.place, e.city) if p)
    if where:
        facts.append(Fact(t.CAL_PLACE, where))
    if e.link:
        facts.append(_online(e.link))
    if e.deadline:
        due = fmt_dt(e.deadline, tz) + mark(e.provisional, "deadline")
        facts.append(Fact(t.CAL_DEADLINE, due))
    facts.append(Fact(t.CAL_STATE, t.CAL_CANCELLED if e.cancelled_at else t.CAL_PLANNED))
    return Entry(loc.date(), title, "event", start=e.start, end=e.end,
                 detail=f"{fmt_time(loc.time())} Uhr {e.place or ''}".strip(),
                 href=f"/termine#ev-{e.id}", facts=tuple(facts))


def _fair(f: Fair, day: date, tz: ZoneInfo) -> Entry:
    days = ", ".join(fmt_date(date.fromisoformat(iso)) for iso in f.days)
    where = ", ".join(p for p in (f.place, f.city) if p)
    facts = [Fact(t.CAL_DAYS, days + mark(f.provisional, "days"))]
    facts += [Fact(t.CAL_PLACE, where)] if where else []
    if f.setup:
        facts.append(Fact(t.CAL_SETUP, f"ab {f.setup} Uhr" + mark(f.provisional, "setup")))
    facts += [Fact(t.CAL_AREA, f"{f.capacity_m2} m²" + mark(f.provisional, "capacity_m2")),
              Fact(t.CAL_DEADLINE, fmt_dt(f.deadline, tz) + mark(f.provisional, "deadline"))]
    return Entry(day, summary(f.title, f.provisional, FAIR_WHEN), "fair",
                 detail=f"{f.place} {f.city}".strip(),
                 href=f"/termine#fair-{f.id}", facts=tuple(facts))


def _web(link: str) -> str:
    """Return the link as an address to open when it is a web address, else ""."""
    return link if link.startswith(("https://", "http://")) else ""


def _online(link: str) -> Fact:
    """The online link: its host as the text (a meeting link is long), the whole as target."""
    href = _web(link)
    return Fact(t.CAL_ONLINE, urlsplit(href).netloc if href else link or t.CAL_NO_LINK, href)


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
                         detail=f"{fmt_time(loc.time())} Uhr",
                         facts=_meeting_facts(sched, m, svc.tz)))
    return out


def _meeting_facts(sched: Schedule, m: Meeting, tz: ZoneInfo) -> tuple[Fact, ...]:
    """Date, time, the online link and whether the meeting was moved or skipped."""
    loc, end = m.start.astimezone(tz), m.end.astimezone(tz)
    if m.cancelled:
        state = t.CAL_SKIPPED
    elif m.moved:
        planned = sched.series.occurrence(date.fromisoformat(m.key))
        state = t.CAL_MOVED.format(when=fmt_dt(planned, tz))
    else:
        state = t.CAL_PLANNED
    facts = [Fact(t.CAL_DATE, fmt_date(loc.date())),
             Fact(t.CAL_TIME, f"{fmt_time(loc.time())}–{fmt_time(end.time())} Uhr"
                  + mark(sched.series.provisional, "duration")),
             _online(m.link),
             Fact(t.CAL_STATE, state)]
    if sched.series.about:
        facts.append(Fact(t.CAL_ABOUT, sched.series.about))
    return tuple(facts)


async def month(svc: Services, first: date) -> Month:
    """Build the month view of the month starting at `first`."""
    weeks_raw = cal.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    found = await entries(svc, weeks_raw[0][0], weeks_raw[-1][-1])
    by_day: dict[date, list[Entry]] = {}
    for e in found:
        by_day.setdefault(e.day, []).append(e)
    weeks = [[Day(d, d.month == first.month, by_day.get(d, [])) for d in w] for w in weeks_raw]
    return Month(first, f"{MONTHS[first.month - 1]} {first.year}", WEEKDAYS_SHORT, weeks)


def _uid(e: Entry, seen: Counter[str]) -> str:
    """A UID that stays the entry's when others come or go (calendar apps match by UID).

    Made of what the entry is (kind, day, title, its page), not of its place in the list.
    """
    key = hashlib.sha256(f"{e.kind}|{e.day}|{e.title}|{e.href}".encode()).hexdigest()[:16]
    seen[key] += 1
    more = f"-{seen[key]}" if seen[key] > 1 else ""
    return f"{e.kind}-{e.day.isoformat()}-{key}{more}@zukunftsmacher"


async def feed(svc: Services, *, year: int) -> bytes:
    """Return the cluster calendar of `year` (and the next) as one .ics file."""
    found = await entries(svc, date(year, 1, 1), date(year + 1, 12, 31))
    ics = Calendar()
    ics.add("prodid", "-//Zukunftsmacher//Schreibtisch//DE")
    ics.add("version", "2.0")
    ics.add("x-wr-calname", "Zukunftsmacher")
    stamp = svc.clock.now().astimezone(UTC)
    seen: Counter[str] = Counter()
    for e in found:
        ev = VEvent()
        ev.add("uid", _uid(e, seen))
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
