"""Renderers of the Stammtisch notices: built at delivery from the committed series.

Reminder rows carry only the meeting's key, so they always show its current time and link;
a change notice carries what the change was (committed data no longer tells the old start)
and is dropped when a later change made it wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from handlers.core import Notice, RenderCtx, Rendered
from handlers.core.format import esc, fmt_dt, fmt_time
from handlers.stammtisch import texts as t
from handlers.stammtisch.planner import CHANGE
from storage.stammtisch import queries
from storage.stammtisch.series import Meeting, Schedule

_MEMO = "stammtisch.schedule"


def change_notice(key: str, params: Mapping[str, str], *,
                  not_after: datetime | None = None) -> Notice:
    """Return the notice of one team change (key: unique per change, so told once)."""
    return Notice(kind=CHANGE, key=f"{CHANGE}:{key}", params=params, not_after=not_after,
                  urgent=False)


async def _schedule(rc: RenderCtx) -> Schedule:
    """Return the committed schedule, read once per delivery batch."""
    if _MEMO not in rc.memo:
        rc.memo[_MEMO] = await queries.schedule(rc.s, rc.catalogue)
    found: Schedule = rc.memo[_MEMO]
    return found


async def _meeting(rc: RenderCtx, p: Mapping[str, Any]) -> tuple[Schedule, Meeting] | None:
    sched = await _schedule(rc)
    m = sched.meeting(str(p.get("meeting", "")))
    return None if m is None or m.cancelled else (sched, m)


async def _reminder(rc: RenderCtx, p: Mapping[str, Any], template: str) -> Rendered | None:
    if not rc.is_member:  # left or was removed from the company since: the link is for members
        return None
    found = await _meeting(rc, p)
    if found is None:  # skipped since it was planned
        return None
    sched, m = found
    return Rendered(template.format(time=t.at(m.start, rc.tz), title=esc(sched.series.title),
                                    link=esc(m.link)))


async def render_morning(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Render the reminder at 09:00 on the meeting's day."""
    return await _reminder(rc, p, t.MORNING)


async def render_soon(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Render the reminder 15 minutes before the meeting."""
    return await _reminder(rc, p, t.SOON)


async def render_topics(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Render the topic suggestions for the team on the meeting's morning."""
    found = await _meeting(rc, p)
    if found is None:
        return None
    sched, m = found
    topics = (await queries.topics(rc.s, meetings=[m.key]))[m.key]
    if not topics:
        return None
    return Rendered(t.TOPICS_PUSH.format(title=esc(sched.series.title), time=t.at(m.start, rc.tz),
                                         lines=t.topic_lines(topics)))


async def render_change(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Render a skip, move, new link or new time; None when a later change overtook it."""
    if not rc.is_member:
        return None
    sched = await _schedule(rc)
    series, title = sched.series, esc(sched.series.title)
    m = sched.meeting(str(p.get("meeting", "")))
    what = p.get("what")
    if what == "skip":
        if m is None or not m.cancelled:
            return None
        start = datetime.fromisoformat(p["start"])
        return Rendered(t.CANCELLED.format(title=title, date=t.day(start, rc.tz)))
    if what == "move":
        if m is None or m.cancelled or m.start != datetime.fromisoformat(p["new"]):
            return None
        old = datetime.fromisoformat(p["old"])
        return Rendered(t.MOVED.format(title=title, old=fmt_dt(old, rc.tz),
                                       new=fmt_dt(m.start, rc.tz), link=esc(m.link)))
    if what == "link":
        return None if series.link != p["link"] else Rendered(
            t.NEW_LINK.format(title=title, link=esc(series.link)))
    if what == "time" and fmt_time(series.at) == p["time"]:
        nxt = sched.upcoming(after=rc.now, count=1)
        when = fmt_dt(nxt[0].start, rc.tz) if nxt else "–"
        return Rendered(t.NEW_TIME.format(title=title, time=p["time"], next=when))
    return None
