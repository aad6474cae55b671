"""Events for the cluster team: edit, cancel, participants, `/export anmeldungen`."""

from __future__ import annotations

from handlers import events_edit
from handlers.context import Ctx, UsageError
from handlers.events_notify import NOTICE_KIND, notes_for
from handlers.events_view import pick
from handlers.exports import Table
from handlers.router import Router
from handlers.texts import events as te
from handlers.texts import events_admin as t
from handlers.texts.common import esc
from storage import audit, events, outbox
from storage import event_signup as signup
from storage.events import Entry

MAX_BUTTONS = 20


def register(router: Router) -> None:
    """Register the admin commands, their buttons and the export."""
    router.command("teilnehmer", participants, help=t.HELP_PARTICIPANTS, admin=True)
    router.command("termin_absagen", ask_cancel, help=t.HELP_CANCEL, admin=True)
    router.action("ev.tn", participants, admin=True)
    router.action("ev.abs", ask_cancel, admin=True)
    router.action("ev.abs.ok", cancel_event, admin=True)
    router.action("ev.adm.cancel", cancel_for, admin=True)
    router.action("ev.abs.no", lambda ctx: _say(ctx, t.NOT_CANCELLED), admin=True)
    router.exports.add("anmeldungen", t.EXPORT_LABEL, export)
    events_edit.register(router)


async def participants(ctx: Ctx) -> None:
    """List registrations of one event: company, person, people, status."""
    ev = await pick(ctx, "ev.tn", internal=True)
    if ev is None:
        return
    rows = await events.entries(ctx.db, event_id=ev.id)
    head = t.PARTICIPANTS_HEAD.format(title=esc(ev.title), when=te.when_text(ev, ctx.tz),
                                      booked=ev.booked, capacity=ev.capacity or "–")
    if ev.cancelled_at is not None:
        head += "\n" + t.IS_CANCELLED
    lines, buttons = [head], []
    for e in rows:
        firm = e.company.name if e.company else "–"
        who = e.person.display_name or e.person.key
        lines.append(t.PARTICIPANT_LINE.format(
            firm=esc(firm), who=esc(who), people=te.people_text(e.registration.people),
            status=_status(e),
        ))
        if _status(e) != te.STATUS["cancelled"] and len(buttons) < MAX_BUTTONS:
            label = t.UNREGISTER_FOR.format(who=who[:30])
            buttons.append([ctx.button(label, "ev.adm.cancel", ev.id, e.person.id)])
    ctx.say("\n".join(lines if rows else [*lines, t.NO_PARTICIPANTS]), buttons)


async def cancel_for(ctx: Ctx) -> None:
    """Cancel someone's registration for them (also after the deadline) and tell them."""
    event_id, person_id = (int(x) for x in ctx.args.split()[:2])
    out = await signup.cancel(ctx.db, event_id=event_id, person_id=person_id, now=ctx.now,
                              notes=notes_for(ctx.now, ctx.tz), by_admin=True)
    reg = out.changes[0].registration
    await outbox.plan(
        ctx.db, person_id=person_id, kind=NOTICE_KIND, due_at=ctx.now, urgent=True,
        text=t.UNREGISTERED_BY_TEAM.format(title=esc(out.event.title)), now=ctx.now,
        dedupe_key=f"{signup.person_key(event_id, person_id)}team-cancel:{reg.id}",
    )
    await audit.record(ctx.db, actor=ctx.person.key, action="registration_cancel",
                       now=ctx.now, event=event_id, person=person_id)
    await ctx.services.planned()
    moved = sum(1 for c in out.changes if c.what == "promoted")
    ctx.say(t.UNREGISTERED_DONE.format(title=esc(out.event.title), moved=moved))


async def ask_cancel(ctx: Ctx) -> None:
    """Ask for confirmation before an event is cancelled."""
    ev = await pick(ctx, "ev.abs")
    if ev is None:
        return
    ctx.say(t.CANCEL_CONFIRM.format(title=esc(ev.title), when=te.when_text(ev, ctx.tz)),
            [[ctx.button(t.CANCEL_YES, "ev.abs.ok", ev.id),
              ctx.button(t.CANCEL_NO, "ev.abs.no", ev.id)]])


async def cancel_event(ctx: Ctx) -> None:
    """Cancel the event and inform everyone registered or waiting (with a cancelling .ics)."""
    event_id = int(ctx.args.split()[0])
    out = await events.cancel_event(ctx.db, event_id=event_id, now=ctx.now,
                                    notes=notes_for(ctx.now, ctx.tz))
    await audit.record(
        ctx.db, actor=ctx.person.key, action="event_cancel", now=ctx.now,
        event=event_id, title=out.event.title, informed=len(out.changes),
    )
    await ctx.services.planned()
    ctx.say(t.CANCEL_DONE.format(title=esc(out.event.title), n=te.people_text(len(out.changes))),
            edit=True)


async def export(ctx: Ctx, query: str) -> Table:
    """Build the registrations table (all events, or those matching `query`)."""
    ids: list[int | None] = [None]
    if query:
        found = await events.find(ctx.db, query=query)
        if not found:
            raise UsageError(t.NOT_FOUND.format(query=esc(query)))
        ids = [ev.id for ev in found]
    rows = []
    for event_id in ids:
        for e in await events.entries(ctx.db, event_id=event_id):
            rows.append([
                e.event.title, e.event.start.astimezone(ctx.tz).date(),
                e.company.name if e.company else "", e.person.display_name or e.person.key,
                e.person.platform, e.registration.people, _status(e),
                e.registration.created_at.astimezone(ctx.tz).date(),
            ])
    return Table("Anmeldungen", t.EXPORT_COLUMNS, rows)


def _status(e: Entry) -> str:
    """Return the German status; everyone is "abgemeldet" once the event is cancelled."""
    return te.STATUS["cancelled" if e.event.cancelled_at else e.registration.status]


async def _say(ctx: Ctx, text: str) -> None:
    ctx.say(text, edit=True)
