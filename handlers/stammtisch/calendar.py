"""The Stammtisch in calendars: the whole series as one .ics, and clashes with cluster dates.

The .ics is one recurring appointment (RRULE) up to the end of the series' year, with the
skipped meetings and those moved away as EXDATE and the new starts as RDATE, so a calendar
program shows exactly the meetings that take place. A router job compares the coming
meetings with the cluster's other dates and tells the team once per clash, two weeks ahead
at 09:00 (the notice key names the meeting, the other date and the start), suggesting to
skip or move the meeting; the notice is dropped at delivery when the clash is gone by then.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from handlers.core import Action, Ctx, JobCtx, Notice, RenderCtx, Rendered
from handlers.core.format import esc, fmt_dt, fmt_span
from handlers.core.ics import ics_file, series_ics
from handlers.core.provisional import ics_note
from handlers.stammtisch import texts as t
from storage.events import queries as events
from storage.events.models import Event
from storage.stammtisch import queries
from storage.stammtisch.series import Meeting, Schedule

CLASH = "stammtisch.clash"
LOOK_AHEAD = timedelta(weeks=10)  # clashes planned ahead (a later change may still undo them)
WARN_DAYS = 14  # the team hears of a clash two weeks ahead, 09:00 (at once when nearer)
WARN_AT = time(9)
CLASH_SEARCH = 8  # coming meetings compared with the other dates
UID = "stammtisch-serie@zukunftsmacher-lausitz.de"


@dataclass(frozen=True)
class SeriesCalendar(Action, name="stammtisch.ics"):
    """Send the whole series as one .ics."""


@dataclass(frozen=True)
class SkipClash(Action, name="stammtisch.clash.skip"):
    """The team pressed "absagen" under a clash warning: preview the skip."""

    meeting: str


def series_file(sched: Schedule, *, now: datetime) -> bytes:
    """Build the .ics of the series with its skipped and moved meetings."""
    s = sched.series
    until = datetime.combine(date(s.first.year, 12, 31), time(23, 59), tzinfo=s.tz)
    skipped: list[datetime] = []
    moved: list[datetime] = []
    for key in sorted(sched.changes):
        m = sched.meeting(key)
        if m is None:
            continue
        regular = s.occurrence(date.fromisoformat(key))
        if m.cancelled or m.moved:
            skipped.append(regular)
        if m.moved and not m.cancelled:
            moved.append(m.start)
    return series_ics(UID, s.title, s.occurrence(s.first), s.duration, s.every_days, until,
                      skipped=skipped, moved_to=moved, location=s.link or None,
                      description="\n".join(x for x in (
                          ics_note(s.provisional, t.PROVISIONAL_FIELDS),
                          t.ICS_DESCRIPTION.format(about=s.about, link=s.link)) if x),
                      url=s.link or None, sequence=len(sched.changes), stamp=now, tz=s.tz)


async def send_series(ctx: Ctx, a: SeriesCalendar) -> None:
    """Send the series as one calendar file."""
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    ctx.say(t.ICS_SENT.format(title=esc(sched.series.title)),
            file=ics_file("stammtisch", series_file(sched, now=ctx.now)))


def clashes(meetings: list[Meeting], dates: list[Event]) -> list[tuple[Meeting, Event]]:
    """Return each meeting with every other date whose time overlaps it."""
    found = []
    for m in meetings:
        for ev in dates:
            end = ev.end or ev.start + timedelta(hours=1)
            if ev.cancelled_at is None and ev.start < m.end and m.start < end:
                found.append((m, ev))
    return found


async def job(j: JobCtx) -> None:
    """Tell the team once about every coming meeting that clashes with another date."""
    sched = await queries.schedule(j.s, j.services.catalogue)
    meetings = [m for m in sched.upcoming(after=j.now, count=CLASH_SEARCH)
                if m.start <= j.now + LOOK_AHEAD]
    if not meetings:
        return
    dates = await events.upcoming(j.s, now=j.now - timedelta(days=1))
    tz = j.services.catalogue.tz
    for m, ev in clashes(meetings, dates):
        day = m.start.astimezone(tz).date() - timedelta(days=WARN_DAYS)
        due = max(j.now, datetime.combine(day, WARN_AT, tzinfo=tz))
        await j.notify.team(Notice(
            kind=CLASH, key=f"{CLASH}:{m.key}:{ev.id}:{m.start:%Y%m%d%H%M}",
            params={"meeting": m.key, "event": ev.id, "start": m.start.isoformat()},
            due_at=due, not_after=m.start, urgent=False))


async def render_clash(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Render the clash warning; None when the meeting moved, was skipped or the date went."""
    sched = await queries.schedule(rc.s, rc.catalogue)
    m = sched.meeting(str(p.get("meeting", "")))
    ev = await events.get(rc.s, event_id=int(p.get("event", 0)))
    if m is None or m.cancelled or ev is None or m.start.isoformat() != p.get("start") \
            or not clashes([m], [ev]):
        return None
    text = t.CLASH.format(title=esc(sched.series.title), when=fmt_dt(m.start, rc.tz),
                          other=esc(ev.title), other_when=fmt_span(ev.start, ev.end, rc.tz),
                          day=m.start.astimezone(rc.tz).strftime("%d.%m."),
                          after=_hour_after(ev, rc.tz))
    return Rendered(text, [[Ctx.button(t.CLASH_SKIP, SkipClash(m.key))]])


def _hour_after(ev: Event, tz: tzinfo) -> int:
    """Return the first full hour after the other date (the suggested new start)."""
    end = (ev.end or ev.start + timedelta(hours=1)).astimezone(tz)
    return min(23, end.hour + (1 if end.minute or end.second else 0))
