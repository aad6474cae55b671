"""`/termin_bearbeiten`: pick an event, pick a field, type the new value, confirm.

Changes of title, time or place go to every registered person with an updated .ics
(SEQUENCE + 1); their reminders are re-planned for the new time.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from handlers.core import END, Ctx, Dialog, Router, Step, UsageError, cancel_button, choice
from handlers.core.dialogs import Data
from handlers.core.format import esc, fmt_dt
from handlers.events import fields, notices
from handlers.events import texts as t
from handlers.events.actions import Edit
from handlers.events.view import pick
from storage.errors import DomainError
from storage.events import manage, queries, signup
from storage.events.models import Event

NAME = "termin_bearbeiten"


def register(router: Router) -> None:
    """Register /termin_bearbeiten, its pick button and its dialog."""

    async def start(ctx: Ctx) -> None:
        ev = await pick(ctx, Edit)
        if ev is not None:
            _not_cancelled(ev)
            await router.dialogs.start(ctx, NAME, {"event_id": ev.id})

    async def picked(ctx: Ctx, a: Edit) -> None:
        ev = await queries.get(ctx.s, event_id=a.event_id)
        if ev is not None:
            _not_cancelled(ev)
        await router.dialogs.start(ctx, NAME, {"event_id": a.event_id})

    router.command(NAME, start, help=t.HELP_EDIT, admin=True, personal=True)
    router.on(Edit, picked, admin=True)
    router.dialog(Dialog(NAME, t.DIALOG_EDIT, "field", {
        "field": Step(ask_field, on_press=on_field),
        "value": Step(ask_value, on_value),
        # A value typed at the preview replaces the one shown: nothing to cancel and redo.
        "confirm": Step(ask_confirm, on_text=on_value, on_press=on_confirm),
    }))


def _not_cancelled(ev: Event) -> None:
    """A cancelled event is not edited: its people would hear of a change to it."""
    if ev.cancelled_at is not None:
        raise DomainError("event_cancelled", title=ev.title)


async def ask_field(ctx: Ctx, data: Data) -> None:
    """Ask which field to change."""
    ev = await _event(ctx, data)
    items = list(t.FIELDS.items())
    rows = [[choice(ctx, label, key) for key, label in items[i:i + 3]]
            for i in range(0, len(items), 3)]
    ctx.say(t.ASK_FIELD.format(title=esc(ev.title)), [*rows, [cancel_button(ctx)]])


async def on_field(ctx: Ctx, data: Data, value: str) -> str:
    """Remember the field."""
    if value not in t.FIELDS:
        raise UsageError(t.ASK_FIELD.format(title=""))
    data["field"] = value
    return "value"


async def ask_value(ctx: Ctx, data: Data) -> None:
    """Ask for the new value of the chosen field."""
    ev = await _event(ctx, data)
    now = {"per_company": t.per_company_now(ev.per_company, ev.capacity)}.get(data["field"], "")
    ctx.say(t.ASK_VALUE[data["field"]] + now, [[cancel_button(ctx)]])


async def on_value(ctx: Ctx, data: Data, text: str) -> str:
    """Read and check the new value."""
    ev, field = await _event(ctx, data), data["field"]
    if field == "when":
        values, _ = fields.when(ctx, text)
        start = datetime.fromisoformat(values["start"])
        if values["end"] is None and ev.end is not None:  # only a start typed: keep the length
            values["end"] = (start + (ev.end - ev.start)).isoformat()
        if ev.deadline is not None and ev.deadline >= datetime.fromisoformat(values["start"]):
            raise UsageError(t.MOVED_BEFORE_DEADLINE.format(deadline=fmt_dt(ev.deadline, ctx.tz)))
    elif field == "deadline":
        values = fields.deadline(ctx, text, ev.start)
    elif field == "per_company":
        values = fields.per_company(ctx, text, ev.capacity)
    else:
        values = getattr(fields, field)(ctx, text)
    if field == "capacity" and values["capacity"] < ev.booked:  # ask again, not fail on save
        raise UsageError(t.ERRORS["capacity_below_booked"].format(booked=ev.booked))
    data["changes"] = values
    return "confirm"


async def ask_confirm(ctx: Ctx, data: Data) -> None:
    """Show the change and who will be told; Speichern / Abbrechen."""
    ev = await _event(ctx, data)
    new = fields.to_fields(data["changes"])
    lines = [t.CONFIRM_HEAD.format(title=esc(ev.title))]
    order = list(t.FIELD_NAMES)  # stored answers come back with sorted keys (end before start)
    lines += [f"{t.FIELD_NAMES[k]}: {_show(k, new[k], ctx)}" for k in sorted(new, key=order.index)]
    fixing = _fixes(ev, new)
    told = len(await signup.active(ctx.s, event_id=ev.id,
                                   status=None if fixing else "registered"))
    if any(k in manage.NOTIFY_ON for k in new) and told:
        who = "1 Person bekommt" if told == 1 else f"{t.people_text(told)} bekommen"
        lines.append((t.WILL_FIX if fixing else t.WILL_NOTIFY).format(who=who))
    ctx.say("\n".join(lines), [[choice(ctx, t.SAVE, "save"), cancel_button(ctx)]])


async def on_confirm(ctx: Ctx, data: Data, value: str) -> str:
    """Save the change; tell registered people about time, place or title changes."""
    if value != "save":
        raise UsageError(t.PREVIEW)
    changes = fields.to_fields(data["changes"])
    fixing = _fixes(await _event(ctx, data), changes)
    out = await manage.update(ctx.s, event_id=data["event_id"], changes=changes, now=ctx.now)
    ev = out.event
    await notices.moved_up(ctx.notify, ev, out.promoted, ctx.tz)
    for reg in out.people:  # reminders follow the new time (or the new days before it)
        await notices.plan_reminders(ctx.notify, ev, reg.person_id, ctx.tz)
    told = out.people if out.told else []
    if fixing and out.told:  # an assumed date set by the team: it now stands, waiting list too
        told = await signup.active(ctx.s, event_id=ev.id)
        await notices.fixed(ctx.notify, ev, told)
    else:
        await notices.changed(ctx.notify, ev, told)
    ctx.audit("event_edit", event=ev.id, **data["changes"])
    ctx.say(t.EDIT_DONE.format(title=esc(ev.title), told=t.people_text(len(told)),
                               moved=len(out.promoted)))
    return END


def _fixes(ev: Event, changes: dict[str, Any]) -> bool:
    """Tell whether the change sets a date or time the catalogue only assumed."""
    return "start" in changes and any(t.is_provisional(ev, f) for f in t.WHEN_FIELDS)


async def _event(ctx: Ctx, data: Data) -> Event:
    ev = await queries.get(ctx.s, event_id=data["event_id"])
    if ev is None:
        raise UsageError(t.NOT_FOUND.format(query=data["event_id"]))
    return ev


def _show(key: str, value: Any, ctx: Ctx) -> str:
    if value is None:
        return "keine Grenze" if key == "per_company" else "–"
    if isinstance(value, datetime):
        return fmt_dt(value, ctx.tz)
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "–"
    return esc(value)
