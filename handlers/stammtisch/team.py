"""The team's Stammtisch commands: skip, move, new link, new time, topic suggestions.

Every change is first previewed with the number of subscribers it messages and applied only
on "Ja". Each change, its audit row and one notice per subscriber commit together: subscribers
are told once (the notice key is unique per change). The reminders follow by themselves: the
planner job re-times them before the next delivery, and the renderers read the change.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from bot.chat import Button
from handlers.core import Action, Ctx, Router, UsageError
from handlers.core.format import esc, fmt_date, fmt_dt
from handlers.core.provisional import names
from handlers.dates import When, parse_when, to_datetime
from handlers.stammtisch import texts as t
from handlers.stammtisch.member import SHOWN
from handlers.stammtisch.notices import change_notice
from storage.stammtisch import queries, service
from storage.stammtisch.series import Meeting, Schedule

_MOVE_SPLIT = re.compile(r"\s+(?:auf|nach)\s+|\s*->\s*|\s*;\s*", re.I)
_TIME = re.compile(r"^(?:um\s+)?([01]?\d|2[0-3])(?:[:.]([0-5]\d))?(?:\s*uhr)?$", re.I)
SEARCHED = 20  # meetings ahead an admin can name
LINK_MAX = 500  # the setting's column width


@dataclass(frozen=True)
class ConfirmSkip(Action, name="stammtisch.skip.ok"):
    """The team confirmed skipping the meeting of series date `meeting`."""

    meeting: str


@dataclass(frozen=True)
class ConfirmMove(Action, name="stammtisch.move.ok"):
    """The team confirmed moving a meeting; `to` is the new start, UTC "YYYYmmddHHMM"."""

    meeting: str
    to: str


@dataclass(frozen=True)
class ConfirmLink(Action, name="stammtisch.link.ok"):
    """The team confirmed the previewed link, named by `digest` (too long for a button)."""

    digest: str


@dataclass(frozen=True)
class ConfirmTime(Action, name="stammtisch.time.ok"):
    """The team confirmed the new start time of all coming meetings ("HH:MM", local)."""

    time: str


@dataclass(frozen=True)
class KeepMeeting(Action, name="stammtisch.keep"):
    """The team pressed "Nein" under a preview."""


@dataclass(frozen=True)
class ConfirmAssumed(Action, name="stammtisch.confirm"):
    """"Bestätigen: Stammtisch" under /bestaetigen: the catalogue's assumed duration holds."""


STAMP = "%Y%m%d%H%M"


def register(router: Router) -> None:
    """Register the team's Stammtisch commands."""
    router.on(ConfirmSkip, confirm_skip, admin=True)
    router.on(ConfirmMove, confirm_move, admin=True)
    router.on(ConfirmLink, confirm_link, admin=True)
    router.on(ConfirmTime, confirm_time, admin=True)
    router.on(KeepMeeting, keep, admin=True)
    router.on(ConfirmAssumed, confirm_assumed, admin=True)
    router.command("stammtisch_absagen", skip, help=t.HELP_STAMMTISCH_ABSAGEN, admin=True)
    router.command("stammtisch_verschieben", move, help=t.HELP_STAMMTISCH_VERSCHIEBEN,
                   admin=True)
    router.command("stammtisch_link", new_link, help=t.HELP_STAMMTISCH_LINK, admin=True)
    router.command("stammtisch_zeit", new_time, help=t.HELP_STAMMTISCH_ZEIT, admin=True)
    router.command("themen", show_topics, help=t.HELP_THEMEN, admin=True)


def _find(ctx: Ctx, sched: Schedule, text: str) -> Meeting:
    """Return the meeting on the day `text` names (its series date or the day it moved to)."""
    w = parse_when(text, now=ctx.now)
    if w is None:
        raise UsageError(t.NOT_A_DATE)
    for m in sched.upcoming(after=ctx.now, count=SEARCHED, with_cancelled=True):
        if w.date.isoformat() == m.key or m.start.astimezone(ctx.tz).date() == w.date:
            return m
    raise UsageError(t.NO_SUCH_SESSION.format(date=fmt_date(w.date)))


async def _tell(ctx: Ctx, params: Mapping[str, str], *,
                not_after: datetime | None = None) -> int:
    """Plan one notice of this change per subscriber; return how many are told."""
    subs = await queries.subscribers(ctx.s)
    return await ctx.notify.people(subs, change_notice(uuid.uuid4().hex[:12], params,
                                                       not_after=not_after))


async def _ask(ctx: Ctx, question: str, yes: str, action: Action) -> None:
    """Preview a change to the series: the question, how many are told, "Ja"/"Nein" buttons."""
    count = len(await queries.subscribers(ctx.s))
    ctx.say(f"{question}\n{t.told(count)}",
            [[ctx.button(yes, action), ctx.button(t.CONFIRM_NO, KeepMeeting())]])


async def skip(ctx: Ctx) -> None:
    """Preview skipping one meeting: when, and how many subscribers are told; then confirm."""
    if not ctx.args:
        raise UsageError(t.USAGE_SKIP)
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    await preview_skip(ctx, sched, _find(ctx, sched, ctx.args))


async def preview_skip(ctx: Ctx, sched: Schedule, m: Meeting) -> None:
    """Ask the team to confirm a skip, naming the number of recipients."""
    if m.cancelled:
        raise UsageError(t.ALREADY_CANCELLED.format(date=t.day(m.start, ctx.tz)))
    await _ask(ctx, t.CONFIRM_SKIP.format(title=esc(sched.series.title),
                                          when=fmt_dt(m.start, ctx.tz)),
               t.CONFIRM_YES_SKIP, ConfirmSkip(m.key))


async def confirm_skip(ctx: Ctx, a: ConfirmSkip) -> None:
    """Skip the meeting; subscribers are told once."""
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    m = sched.meeting(a.meeting)
    if m is None or m.start <= ctx.now:
        raise UsageError(t.STALE_CHANGE)
    if m.cancelled:
        raise UsageError(t.ALREADY_CANCELLED.format(date=t.day(m.start, ctx.tz)))
    await service.change_meeting(ctx.s, meeting=m.key, cancelled=True, moved_to=None,
                                 now=ctx.now)
    ctx.audit("stammtisch_skip", session=m.key)
    count = await _tell(ctx, {"what": "skip", "meeting": m.key, "start": m.start.isoformat()},
                        not_after=m.start)
    ctx.say(t.done_change(count))


async def keep(ctx: Ctx, a: KeepMeeting) -> None:
    """Leave the meeting as it is."""
    ctx.say(t.KEPT)


async def move(ctx: Ctx) -> None:
    """Preview moving one meeting to a new date and/or time (a skipped one comes back)."""
    args = ctx.args.strip()
    parts = _MOVE_SPLIT.split(args, maxsplit=1)
    if len(parts) != 2:  # "30.4. 14 Uhr": the same day at another time
        w = parse_when(args, now=ctx.now) if args else None
        if w is None or w.time is None:
            raise UsageError(t.USAGE_MOVE)
        parts = [args, w.time.strftime("%H:%M")]
    if not all(parts):
        raise UsageError(t.USAGE_MOVE)
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    m = _find(ctx, sched, parts[0])
    to = _new_start(ctx, sched, m, parts[1])
    if to <= ctx.now:
        raise UsageError(t.PAST.format(when=fmt_dt(to, ctx.tz, long=True)))
    _check_target(ctx, sched, m, to)
    regular = sched.series.occurrence(date.fromisoformat(m.key))
    template = t.CONFIRM_BACK if to == regular else t.CONFIRM_MOVE
    await _ask(ctx, template.format(title=esc(sched.series.title), old=fmt_dt(m.start, ctx.tz),
                                    new=fmt_dt(to, ctx.tz)),
               t.CONFIRM_YES_MOVE, ConfirmMove(m.key, to.astimezone(UTC).strftime(STAMP)))


async def confirm_move(ctx: Ctx, a: ConfirmMove) -> None:
    """Move the meeting; back on its regular start it is no longer marked as moved."""
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    m = sched.meeting(a.meeting)
    to = datetime.strptime(a.to, STAMP).replace(tzinfo=UTC)
    if m is None or to <= ctx.now:
        raise UsageError(t.STALE_CHANGE)
    _check_target(ctx, sched, m, to)
    regular = sched.series.occurrence(date.fromisoformat(m.key))
    await service.change_meeting(ctx.s, meeting=m.key, cancelled=False,
                                 moved_to=None if to == regular else to, now=ctx.now)
    ctx.audit("stammtisch_move", session=m.key, to=to.isoformat())
    params = {"what": "move", "meeting": m.key, "old": m.start.isoformat(),
              "new": to.isoformat()}
    ctx.say(t.done_change(await _tell(ctx, params, not_after=max(to, m.start))))


def _check_target(ctx: Ctx, sched: Schedule, m: Meeting, to: datetime) -> None:
    """Refuse a move to the start the meeting already has, or onto another meeting."""
    if to == m.start and not m.cancelled:  # a skipped one may come back at its own time
        raise UsageError(t.SAME_START.format(when=fmt_dt(to, ctx.tz)))
    end = to + (m.end - m.start)
    for other in sched.upcoming(after=ctx.now, count=SEARCHED):
        if other.key != m.key and other.start < end and to < other.end:
            raise UsageError(t.TAKEN.format(when=fmt_dt(other.start, ctx.tz),
                                            old=fmt_dt(m.start, ctx.tz),
                                            day=m.start.astimezone(ctx.tz).strftime("%d.%m.")))


def _new_start(ctx: Ctx, sched: Schedule, m: Meeting, text: str) -> datetime:
    """Return the new start `text` names; only a time ("auf 14 Uhr") keeps the meeting's day."""
    only_time = _TIME.match(text.strip())
    if only_time is not None:
        at = time(int(only_time.group(1)), int(only_time.group(2) or 0))
        w: When | None = When(m.start.astimezone(ctx.tz).date(), at)
    else:
        w = parse_when(text, now=ctx.now)
    if w is None:
        raise UsageError(t.NOT_A_DATE)
    return to_datetime(w, default_time=sched.series.at, tz=ctx.tz)


async def new_link(ctx: Ctx) -> None:
    """Preview a new join link for all coming meetings; then confirm."""
    link = ctx.args.strip()
    if not link.startswith("https://") or " " in link or len(link) > LINK_MAX:
        raise UsageError(t.USAGE_LINK)
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    if sched.series.link == link:
        raise UsageError(t.SAME_LINK)
    digest = await service.propose_setting(ctx.s, key="link", value=link, now=ctx.now)
    await _ask(ctx, t.CONFIRM_LINK.format(title=esc(sched.series.title), link=esc(link)),
               t.CONFIRM_YES_CHANGE, ConfirmLink(digest))


async def confirm_link(ctx: Ctx, a: ConfirmLink) -> None:
    """Change the join link of all coming meetings; subscribers are told once."""
    link = await service.proposed_setting(ctx.s, key="link", digest=a.digest)
    if link is None:
        raise UsageError(t.STALE_SETTING)
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    if sched.series.link == link:
        raise UsageError(t.SAME_LINK)
    await service.change_setting(ctx.s, key="link", value=link, now=ctx.now)
    ctx.audit("stammtisch_link", link=link)
    ctx.say(t.done_change(await _tell(ctx, {"what": "link", "link": link})))


async def new_time(ctx: Ctx) -> None:
    """Preview a new start time of all coming meetings (HH:MM, local); then confirm."""
    found = _TIME.match(ctx.args.strip())
    if found is None:
        raise UsageError(t.USAGE_TIME)
    value = time(int(found.group(1)), int(found.group(2) or 0)).strftime("%H:%M")
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    _check_new_time(sched, value)
    await _ask(ctx, t.CONFIRM_TIME.format(title=esc(sched.series.title), time=value),
               t.CONFIRM_YES_CHANGE, ConfirmTime(value))


def _check_new_time(sched: Schedule, value: str) -> None:
    """Refuse a "new" time the series already has."""
    if sched.series.at.strftime("%H:%M") == value:
        raise UsageError(t.SAME_TIME.format(time=value))


async def confirm_time(ctx: Ctx, a: ConfirmTime) -> None:
    """Change the start time of all coming meetings; subscribers are told once."""
    if _TIME.match(a.time) is None:
        raise UsageError(t.STALE_SETTING)
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    _check_new_time(sched, a.time)
    await service.change_setting(ctx.s, key="time", value=a.time, now=ctx.now)
    ctx.audit("stammtisch_time", time=a.time)
    ctx.say(t.done_change(await _tell(ctx, {"what": "time", "time": a.time})))


async def provisional_stammtisch(ctx: Ctx) -> tuple[list[str], list[list[Button]]]:
    """Return /bestaetigen's line and button while the series still has assumed values."""
    if not ctx.catalogue.section("stammtisch"):
        return [], []
    series = (await queries.schedule(ctx.s, ctx.catalogue)).series
    if not series.provisional:
        return [], []
    line = t.CONFIRM_LINE.format(title=esc(series.title), minutes=series.minutes,
                                 fields=names(series.provisional, t.PROVISIONAL_FIELDS))
    return [line], [[ctx.button(t.CONFIRM_BUTTON, ConfirmAssumed())]]


async def confirm_assumed(ctx: Ctx, a: ConfirmAssumed) -> None:
    """Confirm the series' assumed values (the duration; no one is messaged), audited."""
    series = (await queries.schedule(ctx.s, ctx.catalogue)).series
    if not series.provisional:
        raise UsageError(t.NOT_PROVISIONAL.format(title=esc(series.title)))
    await service.confirm_assumed(ctx.s, fields=series.provisional, now=ctx.now)
    ctx.audit("stammtisch_provisional_confirm", fields=list(series.provisional),
              minutes=series.minutes)
    ctx.say(t.CONFIRMED.format(title=esc(series.title), minutes=series.minutes), edit=True)


async def show_topics(ctx: Ctx) -> None:
    """Show the topic suggestions for the next meetings."""
    sched = await queries.schedule(ctx.s, ctx.catalogue)
    upcoming = sched.upcoming(after=ctx.now, count=SHOWN)
    found = await queries.topics(ctx.s, meetings=[m.key for m in upcoming])
    blocks = [f"<b>{fmt_dt(m.start, ctx.tz)}</b>\n{t.topic_lines(found[m.key])}"
              for m in upcoming if found[m.key]]
    ctx.say("\n\n".join([t.TOPICS_HEAD, *blocks]) if blocks else t.TOPICS_NONE)
