"""Admin commands of the Stammtisch: skip, move, new link, new time, topic suggestions."""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

from handlers.context import Ctx, UsageError
from handlers.dates import When, not_understood_text, parse_when, past_text
from handlers.router import Router
from handlers.texts import stammtisch as t
from handlers.texts.common import esc, fmt_date, fmt_dt
from storage import audit, stammtisch
from storage.stammtisch_series import Session

_MOVE_SPLIT = re.compile(r"\s+(?:auf|nach)\s+|\s*->\s*|\s*;\s*", re.I)
_TIME = re.compile(r"^(?:um\s+)?([01]?\d|2[0-3])(?:[:.]([0-5]\d))?(?:\s*uhr)?$", re.I)


def register(router: Router) -> None:
    """Register the admin commands of the Stammtisch."""
    router.command("stammtisch_absagen", skip, help=t.HELP_STAMMTISCH_ABSAGEN,
                   admin=True)
    router.command("stammtisch_verschieben", move, admin=True,
                   help=t.HELP_STAMMTISCH_VERSCHIEBEN)
    router.command("stammtisch_link", new_link, help=t.HELP_STAMMTISCH_LINK,
                   admin=True)
    router.command("stammtisch_zeit", new_time, help=t.HELP_STAMMTISCH_ZEIT,
                   admin=True)
    router.command("themen", show_topics, help=t.HELP_THEMEN, admin=True)


async def _find(ctx: Ctx, text: str) -> Session:
    w = parse_when(text, now=ctx.now)
    if w is None:
        raise UsageError(not_understood_text())
    found = await stammtisch.upcoming(ctx.db, ctx.services.catalogue, after=ctx.now, count=20,
                                      with_cancelled=True)
    for s in found:
        if w.date.isoformat() == s.key or s.start.astimezone(ctx.tz).date() == w.date:
            return s
    raise UsageError(t.NO_SUCH_SESSION.format(date=fmt_date(w.date)))


async def skip(ctx: Ctx) -> None:
    """Cancel one session; subscribers are told once."""
    if not ctx.args:
        raise UsageError(t.USAGE_SKIP)
    s = await _find(ctx, ctx.args)
    if s.cancelled:
        raise UsageError(t.ALREADY_CANCELLED.format(date=t.day(s.start, ctx.tz)))
    series = await stammtisch.load_series(ctx.db, ctx.services.catalogue)
    notice = t.CANCELLED.format(title=esc(series.title), date=t.day(s.start, ctx.tz))
    count = await stammtisch.change_session(
        ctx.db, session=s.key, cancelled=True, moved_to=None, now=ctx.now, notice=notice,
        not_after=s.start,
    )
    await audit.record(ctx.db, actor=ctx.person.key, action="stammtisch_skip", now=ctx.now,
                       session=s.key)
    ctx.say(t.done_change(count))
    await ctx.services.planned()


async def move(ctx: Ctx) -> None:
    """Move one session to a new date and/or time; subscribers are told once."""
    args = ctx.args.strip()
    parts = _MOVE_SPLIT.split(args, maxsplit=1)
    if len(parts) != 2:  # "30.4. 14 Uhr": the same day at another time
        w = parse_when(args, now=ctx.now) if args else None
        if w is None or w.time is None:
            raise UsageError(t.USAGE_MOVE)
        parts = [args, w.time.strftime("%H:%M")]
    if not all(parts):
        raise UsageError(t.USAGE_MOVE)
    s = await _find(ctx, parts[0])
    series = await stammtisch.load_series(ctx.db, ctx.services.catalogue)
    m = _TIME.match(parts[1].strip())
    if m is not None:  # only a time ("auf 14 Uhr"): keep the session's day
        w = When(s.start.astimezone(ctx.tz).date(), time(int(m.group(1)), int(m.group(2) or 0)))
    elif (w := parse_when(parts[1], now=ctx.now)) is None:  # type: ignore[assignment]
        raise UsageError(not_understood_text())
    to = datetime.combine(w.date, w.time or series.at, tzinfo=ctx.tz).astimezone(UTC)
    if to <= ctx.now:
        raise UsageError(past_text(w))
    notice = t.MOVED.format(title=esc(series.title), old=fmt_dt(s.start, ctx.tz),
                            new=fmt_dt(to, ctx.tz), link=esc(s.link))
    count = await stammtisch.change_session(
        ctx.db, session=s.key, cancelled=False, moved_to=to, now=ctx.now, notice=notice,
        not_after=max(to, s.start),
    )
    await audit.record(ctx.db, actor=ctx.person.key, action="stammtisch_move", now=ctx.now,
                       session=s.key, to=to.isoformat())
    ctx.say(t.done_change(count))
    await ctx.services.planned()


async def new_link(ctx: Ctx) -> None:
    """Change the join link of all coming sessions."""
    link = ctx.args.strip()
    if not link.startswith("https://") or " " in link:
        raise UsageError(t.USAGE_LINK)
    series = await stammtisch.load_series(ctx.db, ctx.services.catalogue)
    if series.link == link:
        raise UsageError(t.SAME_LINK)
    notice = t.NEW_LINK.format(title=esc(series.title), link=esc(link))
    count = await stammtisch.change_setting(ctx.db, key="link", value=link, now=ctx.now,
                                            notice=notice)
    await audit.record(ctx.db, actor=ctx.person.key, action="stammtisch_link", now=ctx.now,
                       link=link)
    ctx.say(t.done_change(count))
    await ctx.services.planned()


async def new_time(ctx: Ctx) -> None:
    """Change the start time of all coming sessions (HH:MM, local)."""
    m = _TIME.match(ctx.args.strip())
    if m is None:
        raise UsageError(t.USAGE_TIME)
    at = time(int(m.group(1)), int(m.group(2) or 0))
    value = at.strftime("%H:%M")
    series = await stammtisch.load_series(ctx.db, ctx.services.catalogue)
    if series.at == at:
        raise UsageError(t.SAME_TIME.format(time=value))
    # The notice names the real next session: one moved to a fixed time keeps that time.
    nxt = await stammtisch.upcoming(ctx.db, ctx.services.catalogue, after=ctx.now, count=1,
                                    at=at)
    when = fmt_dt(nxt[0].start, ctx.tz) if nxt else "–"
    notice = t.NEW_TIME.format(title=esc(series.title), time=value, next=when)
    count = await stammtisch.change_setting(ctx.db, key="time", value=value, now=ctx.now,
                                            notice=notice)
    await audit.record(ctx.db, actor=ctx.person.key, action="stammtisch_time", now=ctx.now,
                       time=value)
    ctx.say(t.done_change(count))
    await ctx.services.planned()


async def show_topics(ctx: Ctx) -> None:
    """Show the topic suggestions for the next sessions."""
    upcoming = await stammtisch.upcoming(ctx.db, ctx.services.catalogue, after=ctx.now, count=3)
    found = await stammtisch.topics(ctx.db, sessions_=[s.key for s in upcoming])
    blocks = [f"<b>{fmt_dt(s.start, ctx.tz)}</b>\n{t.topic_lines(found[s.key])}"
              for s in upcoming if found[s.key]]
    ctx.say("\n\n".join([t.TOPICS_HEAD, *blocks]) if blocks else t.TOPICS_NONE)
