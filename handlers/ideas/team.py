"""The team marks an idea "aufgegriffen" (with a note) or "erledigt"; the author is told once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from handlers.core import END, Ctx, Dialog, Notice, RenderCtx, Rendered, Step, cancel_button
from handlers.core.dialogs import Data, Dialogs
from handlers.core.format import esc
from handlers.ideas import texts as t
from handlers.ideas.actions import Mark
from storage import ideas
from storage.errors import DomainError

DIALOG = "idee_status"
STATUS_KIND = "idea.status"


def dialog() -> Dialog:
    """Return the dialog that asks the note of an idea taken up."""
    return Dialog(DIALOG, t.STATUS_DIALOG, "note", {"note": Step(ask_note, on_text=on_note)})


async def mark(ctx: Ctx, a: Mark, dialogs: Dialogs) -> None:
    """Mark "erledigt" at once; "aufgegriffen" asks for a note first."""
    if await ideas.get(ctx.s, idea_id=a.idea_id) is None:
        raise DomainError("idea_unknown")
    if a.status == "aufgegriffen":
        await dialogs.start(ctx, DIALOG, {"idea": a.idea_id}, restart=True)
        return
    await _apply(ctx, a.idea_id, a.status, "")


async def ask_note(ctx: Ctx, data: Data) -> None:
    """Ask for the note."""
    ctx.say(t.ASK_NOTE.format(id=data["idea"]), [[cancel_button(ctx)]])


async def on_note(ctx: Ctx, data: Data, text: str) -> str:
    """Mark the idea taken up with its note."""
    note = "" if text.strip().lower() in t.NO_NOTE else text.strip()
    await _apply(ctx, int(data["idea"]), "aufgegriffen", note)
    return END


async def _apply(ctx: Ctx, idea_id: int, status: str, note: str) -> None:
    idea, changed = await ideas.set_status(ctx.s, idea_id=idea_id, status=status, note=note,
                                           now=ctx.now)
    told = changed and idea.person_id is not None
    if told and idea.person_id is not None:
        # The key names the status: the author hears of each status once, however often
        # the team edits the note.
        await ctx.notify.person(idea.person_id, Notice(
            kind=STATUS_KIND, key=f"{STATUS_KIND}:{idea.id}:{status}",
            params={"idea": idea.id, "status": status}, urgent=False))
    ctx.audit("idea_status", idea=idea.id, status=status, note=note)
    ctx.say(t.MARKED.format(id=idea.id, status=status, told=t.TOLD if told else ""))


async def render_status(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Tell the author (the note as it is at delivery)."""
    idea_id, status = p.get("idea"), p.get("status")
    idea = await ideas.get(rc.s, idea_id=idea_id) if isinstance(idea_id, int) else None
    if idea is None or status not in t.NOTICE:
        return None
    text = idea.text if len(idea.text) <= t.SNIPPET else idea.text[: t.SNIPPET - 1] + "…"
    out = t.NOTICE[str(status)].format(text=esc(text))
    if idea.note:
        out += t.NOTICE_NOTE.format(note=esc(idea.note))
    return Rendered(out)
