"""Team broadcasts (`/rundschreiben`): a text, optionally with one document or picture, to an
audience (as for polls), previewed with the number of recipients, sent through the outbox once
per person (quiet hours unless urgent), with a delivery report. Members opt out with the
button under each broadcast or in /erinnerungen (switchable kind "news").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.chat import Attachment, FileOut
from handlers.broadcasts import texts as t
from handlers.core import (
    END,
    Action,
    Ctx,
    Dialog,
    Notice,
    RenderCtx,
    Rendered,
    Router,
    Step,
    UsageError,
    cancel_button,
    choice,
)
from handlers.core.dialogs import Data
from handlers.core.format import esc
from handlers.polls import texts as pt
from handlers.polls.setup import ask, audience_label, audience_steps
from handlers.reminders.listing import SwitchKind, switch
from storage import broadcasts
from storage.broadcasts import KIND, MAX_FILE, MAX_TEXT
from storage.errors import DomainError
from storage.polls import audience

DIALOG = "rundschreiben"
MAX_MB = MAX_FILE // (1024 * 1024)
AUDIENCE = "audience"  # the preview's "Andere Zielgruppe": back to the audience step


@dataclass(frozen=True)
class ShowReport(Action, name="news.report"):
    """The team asks where a broadcast's messages stand."""

    broadcast_id: int


def register(router: Router) -> None:
    """Register /rundschreiben, its dialog, the notice kind and the report button."""

    async def start(ctx: Ctx) -> None:
        """Start the dialog; `/rundschreiben TEXT` takes the text at once."""
        fresh = await router.dialogs.open_title(ctx) is None
        first = len(ctx.replies)
        await router.dialogs.start(ctx, DIALOG, {})
        if fresh and ctx.args:
            del ctx.replies[first:]
            await router.dialogs.on_text(ctx, ctx.args)

    router.command(DIALOG, start, help=t.HELP, admin=True, personal=True)
    router.dialog(Dialog(DIALOG, t.DIALOG_TITLE, "text", {
        "text": Step(ask(t.ASK_TEXT), on_text=on_text, on_file=file_before_text),
        "file": Step(ask_file, on_press=on_no_file, on_file=on_file, help=t.FILE_HELP),
        **audience_steps("urgent", t.ASK_AUDIENCE),
        "urgent": Step(ask_urgent, on_press=on_urgent),
        "preview": Step(ask_preview, on_press=on_preview),
    }))
    router.on(ShowReport, show_report, admin=True)

    async def opt_out_typed(ctx: Ctx, text: str) -> bool:
        """Switch broadcasts off when „Keine Rundschreiben mehr“ is typed, not tapped."""
        if " ".join(text.casefold().strip(" .!").split()) not in t.OPT_OUT_WORDS:
            return False
        await switch(ctx, SwitchKind(KIND, False), router)
        return True

    router.text_fallbacks.append(opt_out_typed)
    router.notices.add(KIND, render, switch=t.SWITCH, always=True)
    router.domain_errors(t.RULES)


async def on_text(ctx: Ctx, data: Data, text: str) -> str:
    """Keep the text."""
    value = text.strip()
    if not value or len(value) > MAX_TEXT:
        rule = DomainError("news_too_long", max=MAX_TEXT) if value else DomainError("news_empty")
        raise UsageError(t.RULES[rule.code](rule))
    data["text"] = value
    return "audience" if "file" in data else "file"  # a file sent first is already kept


async def file_before_text(ctx: Ctx, data: Data, file: Attachment) -> str:
    """Keep a file sent before the text and ask for the text (never the catalogue upload)."""
    await on_file(ctx, data, file)
    ctx.say(t.TEXT_FIRST)
    return "text"


async def ask_file(ctx: Ctx, data: Data) -> None:
    """Ask for an optional document or picture."""
    ctx.say(t.ASK_FILE.format(limit=MAX_MB),
            [[choice(ctx, t.NO_FILE, "none")], [cancel_button(ctx)]])


async def on_no_file(ctx: Ctx, data: Data, value: str) -> str:
    """Go on without a file."""
    data.pop("file", None)
    return "audience"


async def on_file(ctx: Ctx, data: Data, file: Attachment) -> str:
    """Keep the sent document or picture for the broadcast."""
    if file.too_large or file.data is None:
        raise UsageError(t.FILE_TOO_LARGE.format(name=esc(file.name), limit=MAX_MB)
                         if file.too_large else t.FILE_NOT_FETCHED.format(name=esc(file.name)))
    row = await broadcasts.keep_file(ctx.s, name=file.name, mime=file.mime, data=file.data,
                                     now=ctx.now)
    data["file"], data["file_name"] = row.id, row.name
    ctx.say(t.FILE_KEPT.format(name=esc(row.name)))
    return "audience"


async def _file_out(ctx: Ctx, data: Data) -> FileOut | None:
    file_id = data.get("file")
    row = await broadcasts.get_file(ctx.s, file_id=file_id) if isinstance(file_id, int) else None
    return None if row is None else FileOut(row.name, row.mime, row.data)


async def ask_urgent(ctx: Ctx, data: Data) -> None:
    """Ask whether quiet hours apply."""
    quiet = ctx.services.quiet
    ask = (t.ASK_URGENT.format(start=quiet.start, end=quiet.end) if quiet.start != quiet.end
           else t.ASK_URGENT_ALWAYS)
    ctx.say(ask, [[choice(ctx, t.NORMAL, "normal"), choice(ctx, t.URGENT, "urgent")],
                  [cancel_button(ctx)]])


async def on_urgent(ctx: Ctx, data: Data, value: str) -> str:
    """Keep the urgency."""
    data["urgent"] = value == "urgent"
    return "preview"


async def ask_preview(ctx: Ctx, data: Data) -> None:
    """Show the message as members will read it and how many get it."""
    count = len(await audience.people(ctx.s, audience=data["audience"]))
    label = await audience_label(ctx, data["audience"])
    file = await _file_out(ctx, data)
    with_file = t.WITH_FILE.format(name=esc(file.name)) if file is not None else ""
    # Nobody to send to: the way out is another audience, not "Senden".
    send = choice(ctx, t.SEND, "send") if count else choice(ctx, t.OTHER_AUDIENCE, AUDIENCE)
    ctx.say(f"{t.PREVIEW}\n\n{t.HEAD.format(text=esc(data['text']))}\n\n" + t.RECIPIENTS.format(
        count=pt.people(count), audience=label, urgent=t.URGENT_NOTE if data["urgent"] else "")
        + ("" if count else " " + t.NOBODY)
        + with_file, [[send], [cancel_button(ctx)]], file=file)


async def on_preview(ctx: Ctx, data: Data, value: str) -> str:
    """Store the broadcast and plan one message per person (once: the key names them)."""
    if value == AUDIENCE:
        return "audience"
    if value != "send":
        raise UsageError(t.PREVIEW)
    people = await audience.people(ctx.s, audience=data["audience"])
    row = await broadcasts.create(ctx.s, text=data["text"], audience=data["audience"],
                                  urgent=bool(data["urgent"]), recipients=len(people),
                                  created_by=ctx.person_id, now=ctx.now,
                                  file_id=data.get("file"))
    told = await ctx.notify.people(people, Notice(
        kind=KIND, key=broadcasts.key_prefix(row.id).rstrip(":"), params={"b": row.id},
        urgent=row.urgent))
    ctx.audit("broadcast_send", broadcast=row.id, audience=row.audience, urgent=row.urgent,
              recipients=told, file=data.get("file_name"))
    quiet = ctx.services.quiet
    waits = (t.SENT_QUIET.format(end=quiet.end)
             if told and not row.urgent and quiet.is_quiet(ctx.now) else "")
    ctx.say(t.SENT.format(id=row.id, count=pt.people(told)) + waits,
            [[ctx.button(t.BTN_REPORT.format(id=row.id), ShowReport(row.id))]])
    return END


async def show_report(ctx: Ctx, a: ShowReport) -> None:
    """Say how many were sent, unreachable, opted out and still waiting."""
    row = await broadcasts.get(ctx.s, broadcast_id=a.broadcast_id)
    if row is None:
        raise DomainError("news_unknown")
    r = await broadcasts.report(ctx.s, broadcast_id=row.id)
    ctx.say(t.REPORT.format(id=row.id, count=pt.people(row.recipients), sent=r.sent,
                            unreachable=r.unreachable, opted_out=r.opted_out,
                            waiting=r.waiting,
                            other=t.REPORT_OTHER.format(n=r.other) if r.other else ""),
            [[ctx.button(t.BTN_REPORT.format(id=row.id), ShowReport(row.id))]])


async def render(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """The broadcast (with its file), with a button to opt out of further ones."""
    b_id = p.get("b")
    row = await broadcasts.get(rc.s, broadcast_id=b_id) if isinstance(b_id, int) else None
    if row is None:
        return None
    file = None
    if row.file_id is not None:
        # One read of the bytes per delivery batch, however many recipients it serves.
        memo_key = (KIND, "file", row.file_id)
        if memo_key not in rc.memo:
            kept = await broadcasts.get_file(rc.s, file_id=row.file_id)
            rc.memo[memo_key] = None if kept is None else FileOut(kept.name, kept.mime, kept.data)
        file = rc.memo[memo_key]
    return Rendered(t.HEAD.format(text=esc(row.text)),
                    [[rc.button(t.OPT_OUT, SwitchKind(KIND, False))]], file=file)
