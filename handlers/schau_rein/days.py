"""The day questions of /schaurein: one or several days, each within the week, echoed."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from handlers.core import Ctx, Step, UsageError, cancel_button, choice
from handlers.core import texts as core_t
from handlers.core.dialogs import Data
from handlers.core.format import esc, fmt_date
from handlers.dates import When, impossible_in, parse_when
from handlers.schau_rein import texts as t
from handlers.schau_rein.views import current, dates, week_text
from storage.schau_rein import queries

SPLIT = re.compile(r"\s*(?:\bund\b|;|&|\+)\s*", re.I)
RANGE = re.compile(
    r"^\s*(?:vom\s+|von\s+)?(?P<a>.+?)\s*(?:-|–|\bbis\b)\s*(?:zum\s+)?(?P<b>.+?)\s*$", re.I
)
WEEKDAY = (
    r"(?:mo|montag|di|dienstag|mi|mittwoch|do|donnerstag|fr|freitag|sa|samstag|sonnabend"
    r"|so|sonntag)"
)
# A day without month ("9.", "am 9.", "Mo 9.") or a weekday alone ("Mittwoch").
BARE = re.compile(
    rf"(?:(?:am|den)\s+)?(?:{WEEKDAY}\.?,?\s*\d{{1,2}}\.?|{WEEKDAY}\.?|\d{{1,2}}\.?)", re.I
)
MAX_SPAN = 31
TIME = re.compile(r"\bUhr\b|\b\d{1,2}:\d{2}\b", re.I)
WHOLE_WEEK = re.compile(r"\b(?:ganze|gesamte|komplette|alle)\w*\s+(?:woche|tage)\b", re.I)


def week(ctx: Ctx) -> tuple[date, date]:
    """Return the first and last day of the Schau-rein week."""
    prog = current(ctx)
    return prog.first_day, prog.last_day


async def ask_days(ctx: Ctx, data: Data) -> None:
    """Ask for the day(s) of the open-company event."""
    prog = current(ctx)
    shown = week_text(prog, await queries.assumed(ctx.s, prog))
    if data.get("days"):
        ctx.say(t.ASK_DAY.format(week=shown), [[cancel_button(ctx)]])
        return
    old = None
    if ctx.company_id is not None:
        old = await queries.signup_of(ctx.s, programme=prog.key, company_id=ctx.company_id)
    existing = t.EXISTING.format(days=t.days_text(dates(old.days))) if old else ""
    intro = t.INTRO.format(title=esc(prog.title), week=shown, existing=existing)
    withdraw = [[choice(ctx, t.WITHDRAW_LABEL, "withdraw")]] if old else []
    ctx.say(intro, [*withdraw, [cancel_button(ctx)]])


async def on_days(ctx: Ctx, data: Data, text: str) -> str:
    """Understand one or several days; each must fall within the week."""
    first, last = week(ctx)
    found = parse_days(text, now=ctx.now, anchor=first - timedelta(days=1))
    if WHOLE_WEEK.search(text):
        found = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    if not found:
        # "31.2.": name the date that cannot be, do not just shrug
        raise UsageError(impossible_in(text, now=ctx.now) or t.DAYS_NOT_UNDERSTOOD)
    for day in found:
        if not first <= day <= last:
            prog = current(ctx)
            shown = week_text(prog, await queries.assumed(ctx.s, prog))
            raise UsageError(t.NOT_IN_WEEK.format(day=fmt_date(day), week=shown))
    data["pending"] = [d.isoformat() for d in found]
    data["pending_time"] = bool(TIME.search(text))  # only days are kept: say where times go
    return "days_ok"


def parse_days(text: str, *, now: datetime, anchor: date | None = None) -> list[date]:
    """Read "9.3.", "9.3. und 11.3.", "9.-11.3." or "Mo, 9.3.; Mi, 11.3."; [] if unclear.

    `anchor` is the day before the week: bare days and weekdays ("9.", "Mittwoch") count from
    there, so "9. und 11. März" and "Mo-Mi" mean the week's days, not the next ones from today.
    """
    days: list[date] = []
    for part in filter(None, SPLIT.split(text)):
        found = _part(part, now=now, anchor=anchor)
        if not found:
            return []
        days += found
    return sorted(set(days))


def _part(text: str, *, now: datetime, anchor: date | None) -> list[date] | None:
    found = _range(text, now=now, anchor=anchor)
    if found:
        return found
    when = _day(text, now=now, anchor=anchor)
    if when is not None:
        return [when.date]
    pieces = [p for p in text.split(",") if p.strip()]
    if len(pieces) < 2:
        return None
    days: list[date] = []
    for piece in pieces:
        more = _part(piece, now=now, anchor=anchor)
        if not more:
            return None
        days += more
    return days


def _day(text: str, *, now: datetime, anchor: date | None) -> When | None:
    if anchor is not None and BARE.fullmatch(text.strip()):
        found = parse_when(text, now=datetime.combine(anchor, time(12), tzinfo=now.tzinfo))
        if found is not None:
            return found
    return parse_when(text, now=now)


def _range(text: str, *, now: datetime, anchor: date | None) -> list[date] | None:
    """Expand a day range ("9.-11.3.", "vom 9. bis 11. März", "Mo-Mi"); None if it is none.

    parse_when keeps only a range's first day, which would silently drop the others.
    """
    match = RANGE.match(text)
    if match is None:
        return None
    end = _day(match["b"], now=now, anchor=anchor)
    if end is None or end.time is not None:  # "9-12 Uhr" is a time range, not days
        return None
    first = match["a"].strip()
    number = re.search(r"\d{1,2}", first)
    if number and BARE.fullmatch(first):  # "9." takes month and year from the end
        try:
            start = end.date.replace(day=int(number.group()))
        except ValueError:
            return None
    else:
        when = _day(first, now=now, anchor=anchor)
        if when is None or when.time is not None:
            return None
        start = when.date
    span = (end.date - start).days
    if not 0 < span <= MAX_SPAN:
        return None
    return [start + timedelta(days=n) for n in range(span + 1)]


async def ask_days_ok(ctx: Ctx, data: Data) -> None:
    """Echo the understood day(s) with yes/no."""
    text = t.CONFIRM_DAYS.format(days=t.days_text(dates(data["pending"])))
    text += t.TIME_LATER if data.get("pending_time") else ""
    ctx.say(text, [[choice(ctx, core_t.YES_LABEL, "yes"), choice(ctx, core_t.NO_LABEL, "no")]])


async def on_days_ok(ctx: Ctx, data: Data, value: str) -> str:
    """Keep the day(s), or ask again."""
    pending = data.pop("pending", [])
    data.pop("pending_time", None)
    if value != "yes":
        return "days"
    data["days"] = sorted(set(data.get("days", [])) | set(pending))
    return "more"


async def ask_more(ctx: Ctx, data: Data) -> None:
    """Offer another day or go on."""
    ctx.say(t.ASK_MORE.format(days=t.days_text(dates(data["days"]))),
            [[choice(ctx, t.MORE_LABEL, "more"), choice(ctx, t.NEXT_LABEL, "next")],
             [cancel_button(ctx)]])


async def on_more(ctx: Ctx, data: Data, value: str) -> str:
    """Go back for another day, or on to the support question."""
    return "days" if value == "more" else "support"


DAY_STEPS = {
    "days": Step(ask_days, on_text=on_days),
    "days_ok": Step(ask_days_ok, on_press=on_days_ok),
    "more": Step(ask_more, on_press=on_more),
}
