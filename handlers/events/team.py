"""Events for the cluster team: participants, signing someone off, cancelling, the export."""

from __future__ import annotations

from bot.chat import Button
from handlers.core import Ctx, Router, Table, UsageError
from handlers.core.exports import LIST_SEP, Cell
from handlers.core.format import esc
from handlers.core.provisional import PROVISIONAL_WORD, fixes_when
from handlers.core.provisional import names as provisional_names
from handlers.events import notices
from handlers.events import texts as t
from handlers.events.actions import (
    AskCancel,
    Confirm,
    ConfirmCancel,
    ConfirmFixed,
    Edit,
    KeepAssumed,
    KeepEvent,
    Participants,
    Unregister,
)
from handlers.events.view import pick
from handlers.fairs.team import provisional_fairs
from handlers.onboarding.texts import platform_name
from handlers.schau_rein.team import provisional_schau_rein
from handlers.stammtisch.team import provisional_stammtisch
from storage.errors import DomainError
from storage.events import manage, queries, signup
from storage.events.models import Event
from storage.events.queries import Entry

MAX_BUTTONS = 20


def register(router: Router) -> None:
    """Register the team's commands, their buttons and `/export anmeldungen`."""
    router.command("teilnehmer", participants, help=t.HELP_PARTICIPANTS, admin=True)
    router.command("termin_absagen", ask_cancel, help=t.HELP_CANCEL, admin=True)
    router.on(Participants, participants_of, admin=True)
    router.on(Unregister, unregister, admin=True)
    router.on(AskCancel, ask_cancel_of, admin=True)
    router.on(ConfirmCancel, cancel_event, admin=True)
    router.on(KeepEvent, keep_event, admin=True)
    router.command("bestaetigen", provisional, help=t.HELP_CONFIRM, admin=True)
    router.on(Confirm, confirm, admin=True)
    router.on(ConfirmFixed, confirm_fixed, admin=True)
    router.on(KeepAssumed, keep_assumed, admin=True)
    router.exports.add("anmeldungen", t.EXPORT_LABEL, export)


async def participants(ctx: Ctx) -> None:
    """`/teilnehmer [Titel]`: the registrations of one event (or pick the event first)."""
    ev = await pick(ctx, Participants, internal=True)
    if ev is not None:
        await _participants(ctx, ev.id)


async def participants_of(ctx: Ctx, a: Participants) -> None:
    """List the registrations of the picked event."""
    await _participants(ctx, a.event_id)


async def _participants(ctx: Ctx, event_id: int) -> None:
    """List registrations of one event: company, person, people, status, and sign-off buttons."""
    ev = await queries.get(ctx.s, event_id=event_id)
    if ev is None:
        raise DomainError("event_unknown")
    rows = await queries.entries(ctx.s, event_id=ev.id)
    head = t.PARTICIPANTS_HEAD.format(title=esc(ev.title), when=t.when_text(ev, ctx.tz),
                                      booked=ev.booked, capacity=t.capacity_text(ev))
    if ev.cancelled_at is not None:
        head += "\n" + t.IS_CANCELLED
    lines, buttons = [head], list[list[Button]]()
    for e in rows:
        firm = e.company.name if e.company else "–"
        who = e.person.display_name or e.person.key
        lines.append(t.PARTICIPANT_LINE.format(
            firm=esc(firm), who=esc(who), people=t.people_text(e.registration.people),
            status=_status(e),
        ) + (t.PARTICIPANT_NAMES.format(names=esc(", ".join(e.registration.names)))
             if e.registration.names else ""))
        active = e.registration.status != "cancelled" and ev.cancelled_at is None
        if active and len(buttons) < MAX_BUTTONS:
            label = t.UNREGISTER_FOR.format(who=who[:30])
            buttons.append([ctx.button(label, Unregister(ev.id, e.person.id))])
    ctx.say("\n".join(lines if rows else [*lines, t.NO_PARTICIPANTS]), buttons)


async def unregister(ctx: Ctx, a: Unregister) -> None:
    """Sign someone off for them (also after the deadline) and tell them."""
    out = await signup.cancel(ctx.s, event_id=a.event_id, person_id=a.person_id, now=ctx.now,
                              by_admin=True)
    await notices.signed_off(ctx.notify, out.event, a.person_id)
    await notices.removed_by_team(ctx.notify, out.event, out.registration)
    await notices.moved_up(ctx.notify, out.event, out.promoted, ctx.tz)
    ctx.audit("registration_cancel", event=a.event_id, person=a.person_id)
    ctx.say(t.UNREGISTERED_DONE.format(title=esc(out.event.title), moved=len(out.promoted)))


async def ask_cancel(ctx: Ctx) -> None:
    """`/termin_absagen [Titel]`: ask before an event is cancelled (or pick it first)."""
    ev = await pick(ctx, AskCancel)
    if ev is not None:
        await ask_cancel_of(ctx, AskCancel(ev.id))


async def ask_cancel_of(ctx: Ctx, a: AskCancel) -> None:
    """Ask for confirmation before the event is cancelled."""
    ev = await queries.get(ctx.s, event_id=a.event_id)
    if ev is None:
        raise DomainError("event_unknown")
    if ev.cancelled_at is not None:  # no second preview promising messages nobody gets
        raise DomainError("event_cancelled", title=ev.title)
    if ev.start <= ctx.now:
        raise DomainError("event_over", title=ev.title)
    told = len(await signup.active(ctx.s, event_id=ev.id))  # registered and waiting
    ctx.say(t.CANCEL_CONFIRM.format(title=esc(ev.title), when=t.when_text(ev, ctx.tz),
                                    told=t.told_text(told)),
            [[ctx.button(t.CANCEL_YES, ConfirmCancel(ev.id)),
              ctx.button(t.CANCEL_NO, KeepEvent())]])


async def cancel_event(ctx: Ctx, a: ConfirmCancel) -> None:
    """Cancel the event and inform everyone registered or waiting (with a cancelling .ics)."""
    out = await manage.cancel_event(ctx.s, event_id=a.event_id, now=ctx.now)
    await notices.cancelled(ctx.notify, out.event, out.people)
    ctx.audit("event_cancel", event=a.event_id, title=out.event.title, informed=len(out.people))
    ctx.say(t.CANCEL_DONE.format(title=esc(out.event.title), n=t.people_text(len(out.people))),
            edit=True)


async def keep_event(ctx: Ctx, a: KeepEvent) -> None:
    """"Nein": nothing happens."""
    ctx.say(t.NOT_CANCELLED, edit=True)


async def provisional(ctx: Ctx) -> None:
    """`/bestaetigen`: the coming events with assumed values, a button each to confirm them."""
    events = await queries.provisional(ctx.s, now=ctx.now)
    fair_lines, fair_buttons = await provisional_fairs(ctx)
    schau_lines, schau_buttons = await provisional_schau_rein(ctx)
    series_lines, series_buttons = await provisional_stammtisch(ctx)
    fair_lines = [*fair_lines, *schau_lines, *series_lines]
    fair_buttons = [*fair_buttons, *schau_buttons, *series_buttons]
    if not events and not fair_lines:
        ctx.say(t.CONFIRM_NONE)
        return
    lines = [t.CONFIRM_LIST_HEAD]
    for ev in events:
        fields = provisional_names(ev.provisional, t.PROVISIONAL_FIELDS)
        lines.append(t.CONFIRM_LINE.format(title=esc(ev.title), when=t.assumed_when(ev, ctx.tz),
                                           fields=fields))
    buttons = [[ctx.button(t.CONFIRM_BUTTON.format(title=ev.title[:40]), Confirm(ev.id))]
               for ev in events[:MAX_BUTTONS]]
    ctx.say("\n".join([*lines, *fair_lines]), [*buttons, *fair_buttons][:MAX_BUTTONS])


async def confirm(ctx: Ctx, a: Confirm) -> None:
    """Confirm one event's assumed values; preview first when people hear the date stands."""
    ev = await queries.get(ctx.s, event_id=a.event_id)
    if ev is None:
        raise DomainError("event_unknown")
    if not ev.provisional:
        raise DomainError("event_not_provisional", title=ev.title)
    told = len(await signup.active(ctx.s, event_id=ev.id)) if fixes_when(ev.provisional) else 0
    if not told:  # nobody is messaged: nothing to preview
        await confirm_fixed(ctx, ConfirmFixed(ev.id))
        return
    fields = provisional_names(ev.provisional, t.PROVISIONAL_FIELDS)
    ctx.say(t.CONFIRM_PREVIEW.format(title=esc(ev.title), when=t.assumed_when(ev, ctx.tz),
                                     fields=fields, told=t.fixed_told_text(told)),
            [[ctx.button(t.CONFIRM_YES, ConfirmFixed(ev.id)),
              ctx.button(t.CONFIRM_OTHER, Edit(ev.id)),
              ctx.button(t.CONFIRM_NO, KeepAssumed(ev.id))]], edit=True)


async def confirm_fixed(ctx: Ctx, a: ConfirmFixed) -> None:
    """Clear the "vorläufig" marks (audited); those registered or waiting hear the date stands."""
    ev, fields = await manage.confirm(ctx.s, event_id=a.event_id)
    told = 0
    if fixes_when(fields):
        told = await notices.fixed(ctx.notify, ev, await signup.active(ctx.s, event_id=ev.id))
    ctx.audit("event_confirm", event=ev.id, title=ev.title, fields=fields, informed=told)
    text = t.CONFIRMED.format(title=esc(ev.title), when=t.when_text(ev, ctx.tz))
    ctx.say(text + (t.CONFIRMED_TOLD.format(n=t.people_text(told)) if told else ""), edit=True)


async def keep_assumed(ctx: Ctx, a: KeepAssumed) -> None:
    """"Nein" under the preview: nothing changes."""
    ev = await queries.get(ctx.s, event_id=a.event_id)
    ctx.say(t.CONFIRM_KEPT.format(title=esc(ev.title if ev else "")), edit=True)


async def export(ctx: Ctx, query: str) -> Table:
    """Build the registrations table (all events, or those matching `query`)."""
    ids: list[int | None] = [None]
    if query:
        found = await queries.find(ctx.s, query=query)
        if not found:
            raise UsageError(t.NOT_FOUND.format(query=esc(query)))
        ids = [ev.id for ev in found]
    rows: list[list[Cell]] = []
    for event_id in ids:
        for e in await queries.entries(ctx.s, event_id=event_id):
            reg = e.registration
            rows.append([
                e.event.title, e.event.start.astimezone(ctx.tz).date(),
                e.company.name if e.company else "", e.person.display_name or e.person.key,
                platform_name(e.person.platform), reg.people,
                LIST_SEP.join(reg.names), _status(e),
                reg.created_at, reg.cancelled_at,  # date-time cells, in the cluster's zone
                _date_mark(e.event),
                provisional_names(e.event.provisional, t.PROVISIONAL_FIELDS, LIST_SEP),
            ])
    return Table("Anmeldungen", t.EXPORT_COLUMNS, rows)


def _date_mark(ev: Event) -> str:
    """Return the export's "Datum vorläufig" cell: the date, or only its time, is assumed."""
    if t.is_provisional(ev, "start"):
        return PROVISIONAL_WORD
    return t.TIME_PROVISIONAL if t.is_provisional(ev, "time") else ""


def _status(e: Entry) -> str:
    """Return the German status; a cancelled event reads apart from one's own cancellation."""
    # Cancelling an event leaves its registrations as they were: a cancelled row is always
    # the person's own (or the team's) sign-off, from before.
    if e.event.cancelled_at is not None and e.registration.status != "cancelled":
        return t.EVENT_CANCELLED_STATUS
    return t.STATUS[e.registration.status]
