"""/stammtisch for everyone: next dates with the link, reminders on/off, topic suggestions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handlers.core import END, Action, Ctx, Router, Step, UsageError, cancel_button
from handlers.core.format import esc
from handlers.stammtisch import planner
from handlers.stammtisch import texts as t
from handlers.stammtisch.calendar import SeriesCalendar
from storage.outbox import preferences
from storage.stammtisch import queries, service
from storage.stammtisch.series import Meeting

SHOWN = 3  # meetings listed by /stammtisch
TOPIC_DIALOG = "stammtisch_thema"


@dataclass(frozen=True)
class Subscribe(Action, name="stammtisch.abo"):
    """Switch the Stammtisch reminders on or off."""

    on: bool


@dataclass(frozen=True)
class Show(Action, name="stammtisch.show"):
    """"Stammtisch" under its next date in /termine: what /stammtisch shows."""


@dataclass(frozen=True)
class SuggestTopic(Action, name="stammtisch.thema"):
    """Suggest a topic for the next meeting."""


async def show(ctx: Ctx) -> None:
    """Show the next dates with the join link and the reminder/topic buttons."""
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    series = sched.series
    upcoming = sched.upcoming(after=ctx.now, count=SHOWN)
    on = await queries.is_subscribed(ctx.s, person_id=ctx.person_id)
    lines = [t.HEAD.format(title=esc(series.title), about=esc(series.about)),
             t.duration_line(series.minutes, series.provisional)]
    if upcoming:
        lines.append(t.NEXT)
        lines += [t.session_line(m.start, m.link, ctx.tz, moved=m.moved) for m in upcoming]
    else:
        lines.append(t.NONE)
    lines.append(t.subscribed(*await _kinds_on(ctx)) if on else t.NOT_SUBSCRIBED)
    toggle = ctx.button(t.UNSUBSCRIBE if on else t.SUBSCRIBE, Subscribe(not on))
    ctx.say("\n".join(lines), [[toggle], [ctx.button(t.SUGGEST, SuggestTopic())],
                               [ctx.button(t.CALENDAR, SeriesCalendar())]])


async def overview_lines(ctx: Ctx) -> list[str]:
    """Return the /meine line for a Stammtisch subscriber."""
    return [t.OVERVIEW] if await queries.is_subscribed(ctx.s, person_id=ctx.person_id) else []


async def subscribe(ctx: Ctx, a: Subscribe) -> None:
    """Switch the person's Stammtisch reminders on or off; plan or drop them at once."""
    await service.set_subscribed(ctx.s, person_id=ctx.person_id, on=a.on, now=ctx.now)
    if a.on:
        sched = await queries.schedule(ctx.s, ctx.catalogue)
        await planner.plan_reminders(ctx.s, ctx.notify, sched, now=ctx.now,
                                     person_id=ctx.person_id)
        ctx.say(t.subscribed(*await _kinds_on(ctx), just_now=True))
    else:
        await ctx.notify.unplan(f"{planner.PREFIX}{ctx.person_id}:", reason="unplanned")
        ctx.say(t.NOW_OFF)


async def _kinds_on(ctx: Ctx) -> tuple[bool, bool]:
    """Return whether the morning and the 15-minute reminder are on for the person."""
    off = {k for _, k in await preferences.switched_off(ctx.s, person_ids=[ctx.person_id])}
    return planner.MORNING not in off, planner.SOON not in off


async def suggest(ctx: Ctx, router: Router) -> None:
    """Ask for a topic for the next meeting (the topic dialog)."""
    nxt = await _next_meetings(ctx, 1)
    # Said before the topic is typed, not after: nothing typed is lost.
    await service.check_topic_room(ctx.s, meeting=nxt[0].key, person_id=ctx.person_id,
                                   limit=ctx.services.limits.topics_per_meeting)
    # "session": the meeting's key, named as in dialogs left open by earlier versions.
    data = {"session": nxt[0].key, "date": t.day(nxt[0].start, ctx.tz)}
    await router.dialogs.start(ctx, TOPIC_DIALOG, data)


async def _next_meetings(ctx: Ctx, count: int) -> list[Meeting]:
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    found = sched.upcoming(after=ctx.now, count=count)
    if not found:
        raise UsageError(t.NO_SESSION)
    return found


async def _ask_topic(ctx: Ctx, data: dict[str, Any]) -> None:
    ctx.say(t.ASK_TOPIC.format(date=data["date"]), [[cancel_button(ctx)]])


async def _got_topic(ctx: Ctx, data: dict[str, Any], text: str) -> str:
    text = text.strip()
    if not text or len(text) > service.TOPIC_MAX:
        raise UsageError(t.TOPIC_TOO_LONG.format(count=len(text)) if text else t.TOPIC_EMPTY)
    keys = [m.key for m in await _next_meetings(ctx, planner.HORIZON)]
    # Answered after that meeting started: the topic goes to the next one instead.
    meeting = data["session"] if data["session"] in keys else keys[0]
    await service.add_topic(ctx.s, meeting=meeting, person_id=ctx.person_id, text=text,
                            now=ctx.now, limit=ctx.services.limits.topics_per_meeting)
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    await planner.plan_topics(ctx.s, ctx.notify, sched, now=ctx.now,
                              admin_keys=ctx.services.admin_keys)
    ctx.say(t.TOPIC_THANKS)
    return END


TOPIC_STEPS = {"text": Step(_ask_topic, on_text=_got_topic, expects="prose")}
