"""How an event looks in chat: the card with its buttons, and its calendar file."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.chat import Button, FileOut
from handlers.calendar import event_ics, ics_file
from handlers.context import Ctx, UsageError
from handlers.texts import events as t
from handlers.texts import events_admin as ta
from handlers.texts.common import esc, fmt_date
from storage import events
from storage.catalogue import Catalogue
from storage.event_board import Board
from storage.models import Event


def contact(catalogue: Catalogue) -> str:
    """Return how to reach the cluster team (for everything after the deadline)."""
    team = catalogue.team
    return ", ".join(x for x in (team.name, team.email, team.phone) if x)


def is_open(ev: Event, now: datetime) -> bool:
    """Tell whether people can still sign up or cancel in the bot."""
    return (ev.kind == "intern" and ev.cancelled_at is None and ev.start > now
            and (ev.deadline is None or now <= ev.deadline))


def card(ctx: Ctx, b: Board) -> tuple[str, list[list[Button]]]:
    """Return the text and buttons of one event for the member in `ctx`."""
    ev = b.event
    lines = [f"<b>{esc(ev.title)}</b>", t.when_text(ev, ctx.tz)]
    lines.append(t.place_line(ev).rstrip("\n"))
    if ev.topic:
        lines.append(t.TOPIC.format(topic=esc(ev.topic)))
    if ev.kind == "intern":
        lines.append(t.places_text(ev, b.waiting > 0))
        lines.append(t.deadline_line(ev, ctx.now, ctx.tz, contact(ctx.services.catalogue)))
    else:
        lines.append(t.kind_line(ev))
    if b.mine is not None:
        lines.append(t.status_line(b.mine.status, b.mine.people, b.position))
    elif ctx.company is None and not ctx.is_admin and ev.kind == "intern" and is_open(ev, ctx.now):
        lines.append(t.NEEDS_CODE)
    lines.append(t.colleagues_line(b.colleagues))
    return "\n".join(x for x in lines if x), [buttons(ctx, b)]


def buttons(ctx: Ctx, b: Board) -> list[Button]:
    """Return the buttons that apply: Anmelden or Abmelden, Kalender, Details."""
    ev, row = b.event, []
    if is_open(ev, ctx.now) and (ctx.company is not None or b.mine is not None):
        if b.mine is None:
            full = b.waiting > 0 or (ev.capacity is not None and ev.booked >= ev.capacity)
            row.append(ctx.button(t.REG_WAIT if full else t.REG, "ev.reg", ev.id))
        else:
            row.append(ctx.button(t.UNREG, "ev.cancel", ev.id))
    if not ev.date_note:
        row.append(ctx.button(t.CAL, "ev.ics", ev.id))
    row.append(ctx.button(t.INFO, "ev.info", ev.id))
    return row


def details(ctx: Ctx, b: Board) -> str:
    """Return the long form of an event: card plus directions, link and contact."""
    text, _ = card(ctx, b)
    ev, extra = b.event, []
    if ev.directions:
        extra.append(t.DIRECTIONS.format(url=esc(ev.directions)).rstrip("\n"))
    if ev.link and ev.kind == "intern":
        extra.append(t.MORE_LINK.format(url=esc(ev.link)))
    if ev.kind == "intern" and ev.capacity is not None:
        extra.append(t.PLACES_DETAIL.format(capacity=ev.capacity, booked=ev.booked,
                                            waiting=b.waiting))
    extra.append(t.QUESTIONS.format(contact=esc(contact(ctx.services.catalogue))))
    return text + "\n\n" + "\n".join(extra)


def event_file(ev: Event, tz: ZoneInfo, *, now: datetime | None = None) -> FileOut:
    """Return the event's .ics (cancelled events produce a cancelling entry)."""
    desc = "\n".join(x for x in (ev.topic, ev.link, "Ausbildungscluster Zukunftsmacher") if x)
    where = ", ".join(x for x in (ev.place, ev.city) if x and (x == ev.place or x not in ev.place))
    data = event_ics(
        f"event-{ev.key or ev.id}@zukunftsmacher-lausitz.de", ev.title, ev.start, ev.end,
        where or None, desc, ev.sequence, cancelled=ev.cancelled_at is not None,
        url=ev.link, stamp=now, tz=tz,
    )
    return ics_file(f"termin-{ev.key or ev.id}", data)


async def pick(ctx: Ctx, action: str, *, internal: bool = False) -> Event | None:
    """Return the event named in ctx.args, or offer buttons to choose one (then None)."""
    query = ctx.args.strip()
    if query:
        found = await events.find(ctx.db, query=query)
        if not found:
            raise UsageError(ta.NOT_FOUND.format(query=esc(query)))
        if len(found) == 1:
            return found[0]
    else:
        found = await events.upcoming(ctx.db, now=ctx.now)
        found = [ev for ev in found if ev.kind == "intern" or not internal]
        if not found:
            raise UsageError(t.NONE_UPCOMING)
    rows = [[ctx.button(_label(ev, ctx), action, ev.id)] for ev in found[:12]]
    ctx.say(ta.PICK, rows)
    return None


def _label(ev: Event, ctx: Ctx) -> str:
    title = ev.title if len(ev.title) <= 40 else ev.title[:39].rstrip() + "…"
    # A vague date ("September 2026, Termin folgt") must not look like a fixed day.
    when = ev.date_note or fmt_date(ev.start.astimezone(ctx.tz).date())
    return f"{title} – {when}"
