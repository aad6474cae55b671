"""`/idee` (a dialog: text, then theme) and `/ideen` (ideas by theme with +1 buttons)."""

from __future__ import annotations

from bot.chat import Button
from handlers.core import END, Ctx, Dialog, Step, UsageError, cancel_button, choice
from handlers.core.dialogs import Data, Dialogs
from handlers.core.format import esc
from handlers.ideas import texts as t
from handlers.ideas.actions import Mark, PlusOne
from storage import ideas
from storage.catalogue import Catalogue
from storage.errors import DomainError

DIALOG = "idee"


def themes(catalogue: Catalogue) -> dict[str, str]:
    """Return the catalogue's idea themes (key -> German label)."""
    return {x["key"]: x["label"] for x in catalogue.section("ideas").get("themes", [])}


def dialog() -> Dialog:
    """Return the dialog that takes an idea and its theme."""
    return Dialog(DIALOG, t.DIALOG_TITLE, "text", {
        "text": Step(ask_text, on_text=on_text, expects="prose"),
        "theme": Step(ask_theme, on_press=on_theme),
    })


async def start(ctx: Ctx, dialogs: Dialogs) -> None:
    """Start the dialog; `/idee TEXT` takes the text at once."""
    if not themes(ctx.catalogue):
        raise UsageError(t.NO_THEMES)
    fresh = await dialogs.open_title(ctx) is None
    first = len(ctx.replies)
    await dialogs.start(ctx, DIALOG, {})
    if fresh and ctx.args:
        del ctx.replies[first:]
        await dialogs.on_text(ctx, ctx.args)


async def ask_text(ctx: Ctx, data: Data) -> None:
    """Ask for the idea."""
    ctx.say(t.ASK_TEXT, [[cancel_button(ctx)]])


async def on_text(ctx: Ctx, data: Data, text: str) -> str:
    """Keep the idea (checked now, so nothing typed is lost later)."""
    value = text.strip()
    for rule in (DomainError("idea_empty") if not value else None,
                 DomainError("idea_too_long", max=ideas.MAX_TEXT)
                 if len(value) > ideas.MAX_TEXT else None):
        if rule is not None:
            raise UsageError(t.RULES[rule.code](rule))
    data["text"] = value
    return "theme"


async def ask_theme(ctx: Ctx, data: Data) -> None:
    """Offer the catalogue's themes."""
    rows = [[choice(ctx, label, key)] for key, label in themes(ctx.catalogue).items()]
    ctx.say(t.ASK_THEME, [*rows, [cancel_button(ctx)]])


async def on_theme(ctx: Ctx, data: Data, value: str) -> str:
    """Store the idea."""
    known = themes(ctx.catalogue)
    await ideas.submit(ctx.s, person_id=ctx.person_id, company_id=ctx.company_id, theme=value,
                       text=data["text"], themes=known, now=ctx.now)
    ctx.say(t.SAVED.format(theme=esc(known[value])))
    return END


async def listing(ctx: Ctx) -> None:
    """List the ideas by theme (most +1 first); buttons give +1 (the team: mark them)."""
    found = await ideas.listing(ctx.s, person_id=ctx.person_id)
    if not found:
        ctx.say(t.EMPTY)
        return
    labels = themes(ctx.catalogue)
    ctx.say(t.HEAD)
    by_theme: dict[str, list[ideas.Listed]] = {}
    for listed in found:
        theme = listed.idea.theme if listed.idea.theme in labels else ""
        by_theme.setdefault(theme, []).append(listed)
    for key in [*labels, ""]:
        rows = by_theme.get(key)
        if not rows:
            continue
        lines = [t.THEME_HEAD.format(theme=esc(labels.get(key, t.OTHER_THEME)))]
        buttons: list[list[Button]] = []
        for r in rows:
            lines.append(_line(ctx, r))
            row: list[Button] = [] if r.mine or r.voted else [
                ctx.button(t.BTN_PLUS.format(id=r.idea.id), PlusOne(r.idea.id))]
            if ctx.is_admin and r.idea.status != "erledigt":
                if r.idea.status != "aufgegriffen":
                    row.append(ctx.button(t.BTN_TAKEN.format(id=r.idea.id),
                                          Mark(r.idea.id, "aufgegriffen")))
                row.append(ctx.button(t.BTN_DONE.format(id=r.idea.id),
                                      Mark(r.idea.id, "erledigt")))
            buttons.append(row)
        ctx.say("\n".join(lines), buttons, listed=True)


def _line(ctx: Ctx, r: ideas.Listed) -> str:
    text = r.idea.text if len(r.idea.text) <= t.SNIPPET else r.idea.text[: t.SNIPPET - 1] + "…"
    author = (t.LINE_AUTHOR.format(author=esc(r.author or "?"))
              if ctx.is_admin and r.author else "")
    line = t.LINE.format(id=r.idea.id, text=esc(text), votes=r.votes,
                         status=t.STATUS.get(r.idea.status, ""), own=t.OWN if r.mine else author)
    return line + (t.NOTE.format(note=esc(r.idea.note)) if r.idea.note else "")


async def plus_one(ctx: Ctx, a: PlusOne) -> None:
    """Give an idea +1."""
    votes = await ideas.plus_one(ctx.s, idea_id=a.idea_id, person_id=ctx.person_id,
                                 now=ctx.now)
    ctx.say(t.PLUSSED.format(id=a.idea_id, votes=votes))
