"""How an event looks in chat: card and buttons, details, calendar file, the team's picker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.chat import Button, FileOut
from handlers.core import Action, Ctx, UsageError, provisional
from handlers.core.format import esc, fmt_day
from handlers.core.ics import event_ics, ics_file
from handlers.events import texts as t
from handlers.events.actions import (
    AskPeople,
    AskTeam,
    Calendar,
    ChangePeople,
    Details,
    GiveNames,
    SignOff,
)
from storage.catalogue import Catalogue
from storage.events import queries
from storage.events.models import Event
from storage.events.queries import MemberView

PICK_MAX = 12


def contact(catalogue: Catalogue) -> str:
    """Return how to reach the cluster team (for everything after the deadline)."""
    team = catalogue.team
    return ", ".join(x for x in (team.name, team.email, team.phone) if x)


def is_open(ev: Event, now: datetime) -> bool:
    """Tell whether people can still sign up or cancel in the bot."""
    return (ev.kind == "intern" and ev.cancelled_at is None and ev.start > now
            and (ev.deadline is None or now <= ev.deadline))


def team_only(ev: Event, now: datetime) -> bool:
    """Tell whether only the team can still sign people off (the deadline has passed)."""
    return (ev.kind == "intern" and ev.cancelled_at is None and ev.start > now
            and ev.deadline is not None and now > ev.deadline)


def company_left(v: MemberView) -> int | None:
    """Return the places the member's company may still take (None: no limit per company)."""
    ev = v.event
    if ev.per_company is None:
        return None
    held = sum(people for _, people, _ in v.colleagues) + (v.mine.people if v.mine else 0)
    return max(0, ev.per_company - held)


def card(ctx: Ctx, v: MemberView) -> tuple[str, list[list[Button]]]:
    """Return the text and buttons of one event for the member in `ctx`."""
    ev = v.event
    lines = [f"<b>{esc(ev.title)}</b>", t.when_text(ev, ctx.tz)]
    lines.append(t.place_line(ev).rstrip("\n"))
    if ev.topic:
        lines.append(t.TOPIC.format(topic=esc(ev.topic)))
    if ev.kind == "intern":
        lines.append(t.places_text(ev, v.waiting > 0))
        lines.append(_per_company(ctx, v))
        lines.append(t.deadline_line(ev, ctx.now, ctx.tz, contact(ctx.catalogue)))
    else:
        lines.append(t.kind_line(ev))
    if v.mine is not None:
        lines.append(t.status_line(v.mine.status, v.mine.people, v.position))
        if v.mine.names:
            lines.append(t.NAMES_LINE.format(names=esc(", ".join(v.mine.names))))
    elif ctx.company is None and not ctx.is_admin and ev.kind == "intern" and is_open(ev, ctx.now):
        lines.append(t.NEEDS_CODE)
    lines.append(t.colleagues_line(v.colleagues))
    return "\n".join(x for x in lines if x), [buttons(ctx, v), own_buttons(ctx, v)]


def _per_company(ctx: Ctx, v: MemberView) -> str:
    if v.event.per_company is None:
        return ""
    left = company_left(v)
    text = t.PER_COMPANY.format(cap=v.event.per_company)
    if ctx.company is not None and left is not None and left < v.event.per_company:
        text += t.PER_COMPANY_LEFT.format(left=left)
    return text


def buttons(ctx: Ctx, v: MemberView) -> list[Button]:
    """Return the buttons that apply: Anmelden or Abmelden, Kalender, Details."""
    ev, row = v.event, []
    if is_open(ev, ctx.now) and (ctx.company is not None or v.mine is not None):
        if v.mine is None:
            full = v.waiting > 0 or (ev.capacity is not None and ev.booked >= ev.capacity)
            if company_left(v) != 0:  # colleagues took the company's places: none to offer
                row.append(ctx.button(t.REG_WAIT if full else t.REG, AskPeople(ev.id)))
        else:
            row.append(ctx.button(t.UNREG, SignOff(ev.id)))
    elif v.mine is not None and team_only(ev, ctx.now):
        row.append(ctx.button(t.ASK_TEAM, AskTeam(ev.id)))
    if not ev.date_note:
        row.append(ctx.button(t.CAL, Calendar(ev.id)))
    row.append(ctx.button(t.INFO, Details(ev.id)))
    return row


def own_buttons(ctx: Ctx, v: MemberView) -> list[Button]:
    """Return the buttons of one's own sign-up: Personen ändern, Namen angeben."""
    ev, row = v.event, list[Button]()
    if v.mine is None or ev.cancelled_at is not None or ev.start <= ctx.now:
        return row
    if is_open(ev, ctx.now):
        row.append(ctx.button(t.CHANGE_PEOPLE, ChangePeople(ev.id)))
    row.append(ctx.button(t.GIVE_NAMES, GiveNames(ev.id)))  # badges: also after the deadline
    return row


def details(ctx: Ctx, v: MemberView) -> str:
    """Return the long form of an event: card plus directions, link and contact."""
    text, _ = card(ctx, v)
    ev, extra = v.event, []
    if ev.directions:
        extra.append(t.DIRECTIONS.format(url=esc(ev.directions)).rstrip("\n"))
    if ev.link and ev.kind == "intern" and ctx.is_member:  # an online meeting's link
        extra.append(t.MORE_LINK.format(url=esc(ev.link)))
    if ev.kind == "intern" and ev.capacity is not None:
        extra.append(t.PLACES_DETAIL.format(capacity=t.capacity_text(ev), booked=ev.booked,
                                            waiting=v.waiting))
    extra.append(t.QUESTIONS.format(contact=esc(contact(ctx.catalogue))))
    return text + "\n\n" + "\n".join(extra)


def event_file(ev: Event, tz: ZoneInfo, *, now: datetime | None = None,
               member: bool = True) -> FileOut:
    """Return the event's .ics (cancelled events produce a cancelling entry).

    member=False leaves out the link of a cluster-internal event (an online meeting's link
    is for members only).
    """
    link = ev.link if member or ev.kind != "intern" else None
    # An assumed date or time is an .ics too (no date_note): title and text say "vorläufig".
    soon = t.ICS_PROVISIONAL if t.is_provisional(ev, "start") else None
    assumed = provisional.ics_note(ev.provisional, t.PROVISIONAL_FIELDS)
    desc = "\n".join(x for x in (soon, assumed, ev.topic, link,
                                 "Ausbildungscluster Zukunftsmacher") if x)
    summary = provisional.summary(ev.title, ev.provisional, t.WHEN_FIELDS)
    place, city = ev.place or "", ev.city or ""
    where = ", ".join(x for x in (place, city) if x and (x == place or x not in place))
    data = event_ics(
        f"event-{ev.key or ev.id}@zukunftsmacher-lausitz.de", summary, ev.start, ev.end,
        where or None, desc, ev.sequence, cancelled=ev.cancelled_at is not None,
        url=link, stamp=now, tz=tz,
    )
    return ics_file(f"termin-{ev.key or ev.id}", data)


async def pick(ctx: Ctx, action: Callable[[int], Action], *,
               internal: bool = False) -> Event | None:
    """Return the event named in ctx.args, or offer buttons to choose one (then None).

    `action(event_id)` is what a pick button does; `internal`: only events with sign-up
    in the bot are offered.
    """
    query = ctx.args.strip()
    if query:
        found = await queries.find(ctx.s, query=query)
        if not found:
            raise UsageError(t.NOT_FOUND.format(query=esc(query)))
        if len(found) == 1:
            return found[0]
    else:
        found = await queries.upcoming(ctx.s, now=ctx.now)
        found = [ev for ev in found if ev.kind == "intern" or not internal]
        if not found:
            raise UsageError(t.NONE_UPCOMING)
    rows = [[ctx.button(_label(ev, ctx.tz), action(ev.id))] for ev in found[:PICK_MAX]]
    ctx.say(t.PICK, rows)
    return None


def _label(ev: Event, tz: ZoneInfo) -> str:
    title = ev.title if len(ev.title) <= 40 else ev.title[:39].rstrip() + "…"
    # A vague date ("September 2026, Termin folgt") must not look like a fixed day.
    when = ev.date_note or fmt_day(ev.start, tz)
    return f"{title} – {when}"
