"""/stammtisch: next dates with link, reminders on/off, topic suggestions; the series planner."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from handlers import stammtisch_admin
from handlers.context import Ctx, Services, UsageError
from handlers.dialogs import END, Dialog, Step, cancel_button
from handlers.router import Router
from handlers.texts import stammtisch as t
from handlers.texts.common import esc
from storage import people, reminders, stammtisch
from storage.reminders import Planned
from storage.stammtisch_series import Series, Session

MORNING_AT = time(9)
SOON_BEFORE = timedelta(minutes=15)
HORIZON = 3  # sessions ahead whose reminders are planned
KINDS = {"stammtisch.morning": t.LABEL_MORNING, "stammtisch.soon": t.LABEL_SOON,
         stammtisch.NOTICE_KIND: t.LABEL_CHANGE, "stammtisch.topics": t.LABEL_TOPICS}


def register(router: Router) -> None:
    """Register /stammtisch, its buttons, the topic dialog, admin commands and the planner."""
    router.command("stammtisch", show, help=t.HELP_STAMMTISCH)
    router.action("stammtisch.abo", toggle)
    router.action("stammtisch.thema", lambda ctx: suggest(ctx, router))
    router.dialog(Dialog("stammtisch_thema", t.TOPIC_DIALOG_TITLE, "text",
                         {"text": Step(_ask_topic, on_text=_got_topic)}))
    router.reminder_kinds.update(KINDS)
    router.overview.add(overview_lines)
    router.planners.append(lambda now: plan_sessions(router.services, now))
    stammtisch_admin.register(router)


async def show(ctx: Ctx) -> None:
    """Show the next three dates with the join link and the reminder/topic buttons."""
    cat = ctx.services.catalogue
    series = await stammtisch.load_series(ctx.db, cat)
    upcoming = await stammtisch.upcoming(ctx.db, cat, after=ctx.now, count=3)
    on = await stammtisch.is_subscribed(ctx.db, person_id=ctx.person.id)  # type: ignore[arg-type]
    lines = [t.HEAD.format(title=esc(series.title), about=esc(series.about))]
    if upcoming:
        lines.append(t.NEXT)
        lines += [t.session_line(s.start, s.link, ctx.tz, moved=s.moved) for s in upcoming]
    else:
        lines.append(t.NONE)
    lines.append(t.subscribed(*await _kinds_on(ctx)) if on else t.NOT_SUBSCRIBED)
    toggle_btn = ctx.button(t.UNSUBSCRIBE if on else t.SUBSCRIBE, "stammtisch.abo", int(not on))
    ctx.say("\n".join(lines), [[toggle_btn], [ctx.button(t.SUGGEST, "stammtisch.thema")]])


async def overview_lines(ctx: Ctx) -> list[str]:
    """Return the /meine line for a Stammtisch subscriber."""
    on = await stammtisch.is_subscribed(ctx.db, person_id=ctx.person.id)  # type: ignore[arg-type]
    return [t.OVERVIEW] if on else []


async def toggle(ctx: Ctx) -> None:
    """Switch the person's Stammtisch reminders on ("1") or off ("0")."""
    on = ctx.args.strip() == "1"
    await stammtisch.set_subscribed(ctx.db, person_id=ctx.person.id, on=on, now=ctx.now)  # type: ignore[arg-type]
    ctx.say(t.subscribed(*await _kinds_on(ctx), just_now=True) if on else t.NOW_OFF)
    await ctx.services.planned()


async def _kinds_on(ctx: Ctx) -> tuple[bool, bool]:
    """Return whether the morning and the 15-minute reminder are switched on for the person."""
    off = {k for _, k in await reminders.disabled_kinds(ctx.db, person_ids=[ctx.person.id])}  # type: ignore[list-item]
    return "stammtisch.morning" not in off, "stammtisch.soon" not in off


async def suggest(ctx: Ctx, router: Router) -> None:
    """Ask for a topic for the next session."""
    upcoming = await stammtisch.upcoming(ctx.db, ctx.services.catalogue, after=ctx.now, count=1)
    if not upcoming:
        raise UsageError(t.NO_SESSION)
    s = upcoming[0]
    data = {"session": s.key, "date": t.day(s.start, ctx.tz)}
    await router.dialogs.start(ctx, "stammtisch_thema", data)


async def _ask_topic(ctx: Ctx, data: dict[str, str]) -> None:
    ctx.say(t.ASK_TOPIC.format(date=data["date"]), [[cancel_button(ctx)]])


async def _got_topic(ctx: Ctx, data: dict[str, str], text: str) -> str:
    text = text.strip()
    if not text or len(text) > 500:
        raise UsageError(t.TOPIC_TOO_LONG.format(count=len(text)) if text else t.TOPIC_EMPTY)
    upcoming = await stammtisch.upcoming(ctx.db, ctx.services.catalogue, after=ctx.now,
                                         count=HORIZON)
    if not upcoming:
        raise UsageError(t.NO_SESSION)
    # Answered after that session started: the topic goes to the next one instead.
    keys = [s.key for s in upcoming]
    session = data["session"] if data["session"] in keys else keys[0]
    await stammtisch.add_topic(ctx.db, session=session, person_id=ctx.person.id,  # type: ignore[arg-type]
                               text=text, now=ctx.now)
    ctx.say(t.TOPIC_THANKS)
    await ctx.services.planned()  # refresh the topic list pushed to admins
    return END


async def plan_sessions(services: Services, now: datetime) -> None:
    """Plan subscriber reminders and the admins' topic push for the next sessions."""
    db, cat = services.db, services.catalogue
    series = await stammtisch.load_series(db, cat)
    upcoming = await stammtisch.upcoming(db, cat, after=now, count=HORIZON)
    subs = await stammtisch.subscribers(db)
    admins = [a for a in await people.admins(db, admin_keys=services.admin_keys)
              if a.unreachable_at is None]
    off = await reminders.disabled_kinds(db, person_ids=[p.id for p in subs + admins])  # type: ignore[misc]
    wanted: dict[str, Planned] = {}
    for s in upcoming:
        for kind, due, text in _reminders_of(s, series):
            for p in subs:
                if (p.id, kind) not in off:
                    key = f"stammtisch:{p.id}:{s.key}:{kind.rsplit('.', 1)[1]}"
                    wanted[key] = Planned(p.id, kind, text, due, not_after=s.start)  # type: ignore[arg-type]
    await reminders.sync(db, prefix="stammtisch:", wanted=wanted, now=now)
    topics = await stammtisch.topics(db, sessions_=[s.key for s in upcoming])
    pushes: dict[str, Planned] = {}
    for s in upcoming:
        if not topics[s.key]:
            continue
        text = t.TOPICS_PUSH.format(title=esc(series.title), time=t.at(s.start, series.tz),
                                    lines=t.topic_lines(topics[s.key]))
        for a in admins:
            if (a.id, "stammtisch.topics") not in off:
                # The count in the key: a topic sent in after the morning push is pushed too.
                key = f"stammtisch.topics:{a.id}:{s.key}:{len(topics[s.key])}"
                pushes[key] = Planned(
                    a.id, "stammtisch.topics", text, _morning(s, series), not_after=s.start)  # type: ignore[arg-type]
    await reminders.sync(db, prefix="stammtisch.topics:", wanted=pushes, now=now)


def _morning(s: Session, series: Series) -> datetime:
    day = s.start.astimezone(series.tz).date()
    return datetime.combine(day, MORNING_AT, tzinfo=series.tz).astimezone(UTC)


def _reminders_of(s: Session, series: Series) -> list[tuple[str, datetime, str]]:
    fields = {"time": t.at(s.start, series.tz), "title": esc(series.title), "link": esc(s.link)}
    out = [("stammtisch.soon", s.start - SOON_BEFORE, t.SOON.format(**fields))]
    if _morning(s, series) < s.start - SOON_BEFORE:
        out.insert(0, ("stammtisch.morning", _morning(s, series), t.MORNING.format(**fields)))
    return out
