"""/termine: everything coming up, in date order, filterable by kind.

Events (with sign-up), fairs (with the booth request), Schau rein (with its sign-up), the
next Stammtisch, external and info dates (`items`). When nothing lies ahead it says what
the team announced next or that the new plan follows (handlers.catalogue.announce).
"""

from __future__ import annotations

from bot.chat import Button
from handlers.agenda import texts as t
from handlers.agenda.actions import Filter
from handlers.agenda.items import Item, upcoming
from handlers.catalogue.announce import nothing_upcoming
from handlers.core import Ctx, Router
from handlers.events.actions import ShowList


def register(router: Router) -> None:
    """Register /termine, its filter buttons and "Alle Termine" under event answers."""
    # Reading is open to everyone (also before the invite code); acting needs a company.
    router.command("termine", show, help=t.HELP, aliases=("events",), public=True)
    router.on(Filter, show_group, public=True)
    router.on(ShowList, show_again, public=True)


async def show(ctx: Ctx) -> None:
    """List everything coming up, a card each; "/termine Messen" shows only that kind."""
    await _show(ctx, typed_group(ctx.args), edit=False)


def typed_group(args: str) -> str:
    """Return the filter named after the command ("Messen", "schau rein"), else all."""
    typed = "".join(ch for ch in args.lower() if ch.isalnum())
    for group, words in t.TYPED_GROUPS.items():
        if any(word in typed for word in words):
            return group
    return t.ALL


async def show_group(ctx: Ctx, a: Filter) -> None:
    """Show only the dates of one kind ("Messen"), or all again."""
    await _show(ctx, a.group if a.group in t.GROUPS else t.ALL, edit=True)


async def show_again(ctx: Ctx, a: ShowList) -> None:
    """Show the whole list again where the pressed message was ("Alle Termine")."""
    await _show(ctx, t.ALL, edit=True)


async def _show(ctx: Ctx, group: str, *, edit: bool) -> None:
    items = await upcoming(ctx)
    if all(i.group == t.RECURRING for i in items):
        # Only the ongoing Stammtisch is left: say what the team announced next, or that the
        # new plan follows, and keep the Stammtisch in sight.
        ctx.say(await nothing_upcoming(ctx), listed=bool(items), edit=edit)
        for item in items:
            ctx.say(item.text, item.buttons, listed=True)
        return
    shown = [i for i in items if group == t.ALL or i.group == group]
    filters = _filters(ctx, items, group)
    if not shown:
        ctx.say(t.NONE_IN_GROUP.format(group=t.GROUPS[group]), filters, edit=edit)
        return
    head = (t.HEAD.format(n=len(shown)) if group == t.ALL
            else t.HEAD_GROUP.format(group=t.GROUPS[group], n=len(shown)))
    ctx.say(f"{head}\n{t.FILTER_HINT}" if filters else head, filters, heading=True, edit=edit)
    for item in shown:
        ctx.say(item.text, item.buttons, listed=True)


def _filters(ctx: Ctx, items: list[Item], current: str) -> list[list[Button]]:
    """Return the filter buttons: "Alle" and each group that has something coming up."""
    present = {i.group for i in items}
    keys = [k for k in t.GROUPS if k == t.ALL or k in present]
    if len(keys) <= 2 and current == t.ALL:  # one kind only: nothing to filter
        return []
    labels = {k: (t.ACTIVE_MARK if k == current else "") + t.GROUPS[k] for k in keys}
    buttons = [ctx.button(labels[k], Filter(k)) for k in keys]
    return [buttons[:3], buttons[3:]]
