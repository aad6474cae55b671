"""`/termin_neu`: the cluster team adds an event step by step, ending with a preview."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from handlers.core import END, Ctx, Dialog, Router, Step, UsageError, cancel_button, choice
from handlers.core.dialogs import Ask, Data, OnText
from handlers.core.format import esc
from handlers.dates import texts as dt
from handlers.events import fields
from handlers.events import texts as t
from handlers.events.view import card
from storage.events import manage
from storage.events.models import Event
from storage.events.queries import MemberView

NAME = "termin_neu"


def register(router: Router) -> None:
    """Register /termin_neu and its dialog."""

    async def start(ctx: Ctx) -> None:
        await begin(ctx, router)

    router.command(NAME, start, help=t.HELP_NEW, admin=True, personal=True)
    router.dialog(Dialog(NAME, t.DIALOG_NEW, "title", {
        "title": Step(_ask(t.ASK_TITLE), _text(fields.title, "when")),
        "when": Step(_ask(t.ASK_WHEN), on_when),
        "when_ok": Step(ask_when_ok, on_press=on_when_ok),
        "place": Step(_ask(t.ASK_PLACE), _text(fields.place, "topic")),
        "topic": Step(_ask(t.ASK_TOPIC), _text(fields.topic, "kind")),
        "kind": Step(ask_kind, on_press=on_kind),
        "capacity": Step(_ask(t.ASK_CAPACITY), _text(fields.capacity, "deadline"),
                         expects="number"),
        "deadline": Step(_ask(t.ASK_DEADLINE), on_deadline),
        "link": Step(ask_link, on_link),
        "preview": Step(ask_preview, on_press=on_preview),
    }))


async def begin(ctx: Ctx, router: Router) -> None:
    """Start the dialog; `/termin_neu Sommerfest` takes the title at once."""
    fresh = await router.dialogs.open_title(ctx) is None
    first = len(ctx.replies)
    await router.dialogs.start(ctx, NAME, {})
    if fresh and ctx.args:
        del ctx.replies[first:]  # the title question is answered already
        await router.dialogs.on_text(ctx, ctx.args)


def _ask(question: str) -> Ask:
    async def ask(ctx: Ctx, data: Data) -> None:
        ctx.say(question, [[cancel_button(ctx)]])

    return ask


def _text(parse: Callable[[Ctx, str], dict[str, Any]], nxt: str) -> OnText:
    async def on_text(ctx: Ctx, data: Data, text: str) -> str:
        data.update(parse(ctx, text))
        return nxt

    return on_text


async def on_when(ctx: Ctx, data: Data, text: str) -> str:
    """Read the date and time (ranges give the end)."""
    values, w = fields.when(ctx, text)
    data.update(values, echo=dt.confirm_text(w))
    return "when_ok"


async def ask_when_ok(ctx: Ctx, data: Data) -> None:
    """Echo the understood date and ask Ja/Nein."""
    yes, no = dt.CONFIRM_LABELS
    ctx.say(esc(data["echo"]), [[choice(ctx, yes, "ja"), choice(ctx, no, "nein")],
                                [cancel_button(ctx)]])


async def on_when_ok(ctx: Ctx, data: Data, value: str) -> str:
    """Go on, or ask for the date again."""
    return "place" if value == "ja" else "when"


async def ask_kind(ctx: Ctx, data: Data) -> None:
    """Ask how people register."""
    row = [choice(ctx, label, kind) for kind, label in t.KIND_CHOICES.items()]
    ctx.say(t.ASK_KIND, [row, [cancel_button(ctx)]])


async def on_kind(ctx: Ctx, data: Data, value: str) -> str:
    """Store the kind; internal events need places and a deadline, others a link."""
    if value not in t.KIND_CHOICES:
        raise UsageError(t.ASK_KIND)
    data["kind"] = value
    return "capacity" if value == "intern" else "link"


async def on_deadline(ctx: Ctx, data: Data, text: str) -> str:
    """Read the deadline (before the start)."""
    data.update(fields.deadline(ctx, text, datetime.fromisoformat(data["start"])))
    return "preview"


async def ask_link(ctx: Ctx, data: Data) -> None:
    """Ask for the organiser's or info link."""
    ctx.say(t.ASK_LINK_EXTERN if data.get("kind") == "extern" else t.ASK_LINK_INFO,
            [[cancel_button(ctx)]])


async def on_link(ctx: Ctx, data: Data, text: str) -> str:
    """Read the link; external events need one."""
    values = fields.link(ctx, text)
    if data.get("kind") == "extern" and values["link"] is None:
        raise UsageError(t.LINK_REQUIRED)
    data.update(values)
    return "preview"


async def ask_preview(ctx: Ctx, data: Data) -> None:
    """Show the event as members will see it, with Speichern / Abbrechen."""
    text, _ = card(ctx, MemberView(Event(**_model(ctx, data), created_at=ctx.now)))
    ctx.say(f"{t.PREVIEW}\n\n{text}", [[choice(ctx, t.SAVE, "save"), cancel_button(ctx)]])


async def on_preview(ctx: Ctx, data: Data, value: str) -> str:
    """Save the event and record it in the audit log."""
    if value != "save":
        raise UsageError(t.PREVIEW)
    ev = await manage.create(ctx.s, now=ctx.now, **_model(ctx, data))
    ctx.audit("event_add", event=ev.id, title=ev.title, start=ev.start.isoformat())
    ctx.say(t.SAVED.format(title=esc(ev.title)))
    return END


def _model(ctx: Ctx, data: Data) -> dict[str, Any]:
    keys = ("title", "start", "end", "place", "topic", "kind", "capacity", "deadline", "link")
    out = fields.to_fields({k: data.get(k) for k in keys})
    if out.get("kind") == "intern":  # the catalogue's limit per company, as for its events
        out["per_company"] = ctx.catalogue.data.cluster.places_per_company
    return out
