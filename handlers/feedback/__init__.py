"""Feedback after events: the day after an event (10:00, quiet hours respected) everybody
registered gets one question, 1-5 stars plus an optional comment, once and switchable; the
team sees averages, comments and a chart across the year's events (`/feedback`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.chat import FileOut
from handlers.core import (
    END,
    Action,
    Ctx,
    Dialog,
    JobCtx,
    Notice,
    RenderCtx,
    Rendered,
    Router,
    Step,
    UsageError,
    cancel_button,
)
from handlers.core.dialogs import Data, Dialogs
from handlers.core.format import esc, fmt_day
from handlers.feedback import texts as t
from handlers.polls import chart
from storage import feedback
from storage.errors import DomainError
from storage.events.models import Event

KIND = "feedback.ask"
DIALOG = "feedback"
ASK_AT = time(10)
VALID_FOR = timedelta(days=7)
YEAR = timedelta(days=365)


@dataclass(frozen=True)
class Rate(Action, name="feedback.rate"):
    """A registered person gives an event 1-5 stars."""

    event_id: int
    stars: int


def register(router: Router) -> None:
    """Register the question, its job, the rating button, the comment dialog and /feedback."""
    dialogs = router.dialogs
    router.notices.add(KIND, render, switch=t.SWITCH)
    router.jobs.append(job)
    router.on(Rate, lambda ctx, a: rate(ctx, a, dialogs))
    router.dialog(Dialog(DIALOG, t.COMMENT_DIALOG, "comment",
                         {"comment": Step(ask_comment, on_text=on_comment)},
                         cancelled=t.COMMENT_CANCELLED))
    router.command("feedback", overview, help=t.HELP, admin=True)
    router.domain_errors(t.RULES)


def due_at(ev: Event, now: datetime, tz: ZoneInfo) -> datetime:
    """Return 10:00 on the day after the event (cluster time), or now if that has passed."""
    day = ev.start.astimezone(tz).date() + timedelta(days=1)
    at = datetime.combine(day, ASK_AT, tzinfo=tz)
    return max(at, now)


async def job(j: JobCtx) -> None:
    """Plan the question for the people of every event that has just ended (once each)."""
    tz = j.services.tz
    for ev, people in await feedback.due_rounds(j.s, now=j.now):
        when = due_at(ev, j.now, tz)
        notice = Notice(kind=KIND, key=f"{KIND}:{ev.id}", params={"event": ev.id},
                        due_at=when, not_after=when + VALID_FOR, urgent=False)
        for person_id in people:
            await j.notify.person(person_id, notice)


async def render(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Ask for 1-5 stars (dropped if the person rated meanwhile or the event is gone)."""
    event_id = p.get("event")
    ev = await rc.s.get(Event, event_id) if isinstance(event_id, int) else None
    if ev is None or ev.cancelled_at is not None:
        return None
    if await feedback.given(rc.s, event_id=ev.id, person_id=rc.person.id):
        return None
    date = fmt_day(ev.start, rc.tz)
    return Rendered(t.ASK.format(title=esc(ev.title), date=date),
                    [[rc.button(t.STAR_LABEL.format(n=n), Rate(ev.id, n)) for n in range(1, 6)]])


async def rate(ctx: Ctx, a: Rate, dialogs: Dialogs) -> None:
    """Store the stars, then offer the comment."""
    await feedback.rate(ctx.s, event_id=a.event_id, person_id=ctx.person_id, stars=a.stars,
                        now=ctx.now)
    ctx.say(t.THANKS_ONE if a.stars == 1 else t.THANKS.format(stars=t.stars(a.stars)))
    if await dialogs.open_title(ctx) is None:  # never break into another open dialog
        await dialogs.start(ctx, DIALOG, {"event": a.event_id})


async def ask_comment(ctx: Ctx, data: Data) -> None:
    """Ask for an optional comment."""
    ctx.say(t.ASK_COMMENT, [[cancel_button(ctx)]])


async def on_comment(ctx: Ctx, data: Data, text: str) -> str:
    """Keep the comment ("-": none)."""
    if text.strip().lower() in t.NO_COMMENT:
        return END
    if len(text) > feedback.MAX_COMMENT:
        rule = DomainError("feedback_comment_long", max=feedback.MAX_COMMENT)
        raise UsageError(t.RULES[rule.code](rule))
    await feedback.comment(ctx.s, event_id=int(data["event"]), person_id=ctx.person_id,
                           text=text)
    ctx.say(t.COMMENT_SAVED)
    return END


async def overview(ctx: Ctx) -> None:
    """Show the average and comments per event of the last year, and a chart of all."""
    found = await feedback.summaries(ctx.s, since=ctx.now - YEAR)
    if not found:
        ctx.say(t.EMPTY)
        return
    lines = [t.HEAD]
    for sm in found:
        lines.append(t.LINE.format(title=esc(sm.event.title),
                                   date=fmt_day(sm.event.start, ctx.tz),
                                   average=chart.number(round(sm.average, 1)),
                                   count=t.ratings(sm.count)))
        lines += [t.COMMENT.format(text=esc(c)) for c in sm.comments[:5]]
    ctx.say("\n".join(lines))
    labels = [f"{sm.event.title} ({sm.event.start.astimezone(ctx.tz):%d.%m.})" for sm in found]
    series = [chart.Series(t.CHART_AXIS, [round(sm.average, 1) for sm in found])]
    png = await asyncio.to_thread(chart.bar_chart, t.CHART_TITLE, labels, series,
                                  axis=t.CHART_AXIS)
    ctx.say(t.CHART_CAPTION, file=FileOut(t.CHART_FILE, "image/png", png))
