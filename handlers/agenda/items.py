"""What /termine lists: every coming date a member can act on or should know, as one item each.

Events come with their own card (sign-up, calendar, details); fairs with the booth request,
Schau rein with its sign-up, the Stammtisch with its next meeting. Each item knows its group
(the filter buttons) and when it is, so the list is in date order across all kinds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from bot.chat import Button
from handlers.agenda import texts as t
from handlers.core import Ctx
from handlers.core.format import esc, fmt_dt
from handlers.core.provisional import date_mark, mark
from handlers.events import view as event_view
from handlers.fairs import texts as fair_texts
from handlers.fairs.actions import AskBooth
from handlers.schau_rein import texts as schau_texts
from handlers.schau_rein.actions import Join
from handlers.schau_rein.views import dates as schau_dates
from handlers.stammtisch import member as stammtisch
from storage.events import queries as events
from storage.fairs import BoothRequest, Fair
from storage.fairs import queries as fairs
from storage.schau_rein import Programme, programme
from storage.schau_rein import queries as schau_rein
from storage.stammtisch import queries as stammtisch_queries


@dataclass(frozen=True)
class Item:
    """One coming date as a card: when (for the order), its group, text and buttons."""

    at: datetime
    group: str
    text: str
    buttons: list[list[Button]] = field(default_factory=list)


async def upcoming(ctx: Ctx) -> list[Item]:
    """Return every coming date for the person in `ctx`, earliest first."""
    found = [*await _events(ctx), *await _fairs(ctx), *await _schau_rein(ctx),
             *await _stammtisch(ctx)]
    return sorted(found, key=lambda i: i.at)


async def _events(ctx: Ctx) -> list[Item]:
    views = await events.for_member(ctx.s, now=ctx.now, person_id=ctx.person_id,
                                    company_id=ctx.company_id)
    out = []
    for v in views:
        text, buttons = event_view.card(ctx, v)
        group = "treffen" if v.event.kind == "intern" else "weitere"
        out.append(Item(v.event.start, group, text, buttons))
    return out


async def _fairs(ctx: Ctx) -> list[Item]:
    # The fairs with the company's request for each, in one query.
    found = await fairs.upcoming_with_requests(ctx.s, today=ctx.now.astimezone(ctx.tz).date(),
                                               company_id=ctx.company_id)
    out = []
    for fair, req in found:
        days = fairs.fair_dates(fair)
        card = _fair_card(ctx, fair, days, req)
        out.append(Item(_start(days[0], ctx), "messen", *card))
    return out


def _fair_card(ctx: Ctx, fair: Fair, days: list[date],
               req: BoothRequest | None) -> tuple[str, list[list[Button]]]:
    lines = [f"<b>{esc(fair.title)}</b>", fair_texts.fair_days_text(days, fair.provisional),
             t.FAIR_KIND]
    if fair.place:
        lines.append(t.PLACE.format(place=esc(fair.place)))
    if req is not None:
        lines.append(t.FAIR_REQUEST.format(status=fair_texts.STATUS[req.status]))
    is_open = ctx.now <= fair.deadline
    lines.append(t.FAIR_DEADLINE.format(
        deadline=fair_texts.fair_deadline_text(fair.deadline, ctx.tz, fair.provisional))
                 if is_open else t.FAIR_CLOSED)
    buttons = []
    if is_open and ctx.company_id is not None:
        label = t.FAIR_OPEN if req is not None else t.FAIR_ASK
        buttons.append([ctx.button(label, AskBooth(fair.key))])
    return "\n".join(lines), buttons


async def _schau_rein(ctx: Ctx) -> list[Item]:
    prog = programme(ctx.catalogue)
    if prog is None or prog.last_day < ctx.now.astimezone(ctx.tz).date():
        return []
    state = t.STATES.get(prog.state, prog.state)
    seen = await schau_rein.outlook(ctx.s, prog, company_id=ctx.company_id)
    assumed = seen.assumed
    lines = [f"<b>{esc(prog.title)}</b>",
             t.span(prog.first_day, prog.last_day) + date_mark(assumed, "days"),
             t.SCHAU_KIND.format(state=state)]
    if seen.days is not None:
        lines.append(t.SCHAU_SIGNED.format(days=schau_texts.days_text(schau_dates(seen.days))))
    lines.append(t.SCHAU_DEADLINE.format(deadline=fmt_dt(prog.deadline, ctx.tz)
                                         + mark(assumed, "deadline"))
                 if prog.is_open(ctx.now) else t.SCHAU_CLOSED)
    buttons = []
    if _may_join(ctx, prog):
        signed = seen.days is not None
        buttons.append([ctx.button(t.SCHAU_OPEN if signed else t.SCHAU_JOIN, Join())])
    return [Item(_start(prog.first_day, ctx), "schaurein", "\n".join(lines), buttons)]


def _may_join(ctx: Ctx, prog: Programme) -> bool:
    company = ctx.company
    return (company is not None and prog.is_open(ctx.now)
            and company.state in (None, prog.state))


async def _stammtisch(ctx: Ctx) -> list[Item]:
    if not ctx.catalogue.section("stammtisch"):
        return []
    sched = await stammtisch_queries.schedule(ctx.s, ctx.catalogue)
    found = sched.upcoming(after=ctx.now, count=1)
    if not found:
        return []
    meeting = found[0]
    when = fmt_dt(meeting.start, ctx.tz) + (t.STAMMTISCH_MOVED if meeting.moved else "")
    kind = t.STAMMTISCH_KIND.format(days=sched.series.every_days)
    text = "\n".join([f"<b>{esc(sched.series.title)}</b>", when, kind])
    # /stammtisch (link, reminders) is for members: a guest only reads the date.
    member = ctx.company is not None or ctx.is_admin
    buttons = [[ctx.button(t.STAMMTISCH_OPEN, stammtisch.Show())]] if member else []
    return [Item(meeting.start, "stammtisch", text, buttons)]


def _start(day: date, ctx: Ctx) -> datetime:
    """Return local midnight of `day`: a whole-day date sorts before timed ones that day."""
    return datetime.combine(day, time.min, tzinfo=ctx.tz)
