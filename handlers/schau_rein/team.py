"""The team's side of Schau rein: /schaurein_liste, and one sign-up opened from a notice."""

from __future__ import annotations

from bot.chat import Button
from handlers.core import Ctx, Router
from handlers.core.format import esc
from handlers.core.provisional import names
from handlers.schau_rein import texts as t
from handlers.schau_rein.actions import ConfirmAssumed, OpenSignup, ShowSignups
from handlers.schau_rein.views import current, row_summary
from storage.schau_rein import programme, queries


def register(router: Router) -> None:
    """Register /schaurein_liste and the team's buttons."""

    async def show_all(ctx: Ctx, a: ShowSignups) -> None:
        await show_signups(ctx)

    router.command("schaurein_liste", show_signups, admin=True, help=t.HELP_SCHAUREIN_LISTE)
    router.on(OpenSignup, open_signup, admin=True)
    router.on(ShowSignups, show_all, admin=True)
    router.on(ConfirmAssumed, confirm_assumed, admin=True)


async def show_signups(ctx: Ctx) -> None:
    """List the Schau-rein sign-ups."""
    prog = current(ctx)
    found = await queries.signups(ctx.s, programme=prog.key)
    if not found:
        ctx.say(t.LIST_EMPTY)
        return
    lines = [t.LIST_HEAD.format(count=len(found))]
    lines += [f"\n{t.signup_item(company.name, row_summary(prog, row))}" for row, company in found]
    ctx.say("\n".join([*lines, t.LIST_HINT]))


async def open_signup(ctx: Ctx, a: OpenSignup) -> None:
    """Show one sign-up as the list does (from a team notice); say so once it is withdrawn."""
    found = await queries.signup_with_company(ctx.s, signup_id=a.signup_id)
    if found is None:
        ctx.say(t.GONE, [[ctx.button(t.LIST_LABEL, ShowSignups())]])
        return
    row, company = found
    ctx.say(t.signup_item(company.name, row_summary(programme(ctx.catalogue), row))
            + t.LIST_HINT, [[ctx.button(t.LIST_LABEL, ShowSignups())]])


async def provisional_schau_rein(ctx: Ctx) -> tuple[list[str], list[list[Button]]]:
    """Return /bestaetigen's line and button when the coming week still has assumed values."""
    prog = programme(ctx.catalogue)
    if prog is None or prog.last_day < ctx.now.astimezone(ctx.tz).date():
        return [], []
    fields = await queries.assumed(ctx.s, prog)
    if not fields:
        return [], []
    line = t.CONFIRM_LINE.format(title=esc(prog.title), fields=names(fields, t.PROVISIONAL_FIELDS))
    return [line], [[ctx.button(t.CONFIRM_BUTTON, ConfirmAssumed())]]


async def confirm_assumed(ctx: Ctx, a: ConfirmAssumed) -> None:
    """Confirm the Schau-rein week's assumed values (audited)."""
    prog = current(ctx)
    fields = await queries.confirm(ctx.s, prog, now=ctx.now)
    ctx.audit("schaurein_provisional_confirm", programme=prog.key, title=prog.title,
              fields=fields)
    ctx.say(t.CONFIRMED.format(title=esc(prog.title)), edit=True)
