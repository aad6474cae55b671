"""The team's side of Schau rein: /schaurein_liste, and one sign-up opened from a notice."""

from __future__ import annotations

from bot.chat import Button
from handlers.core import Ctx, Router
from handlers.core.format import esc
from handlers.core.provisional import date_mark, fixes_when, names
from handlers.schau_rein import notices
from handlers.schau_rein import texts as t
from handlers.schau_rein.actions import (
    ConfirmAssumed,
    ConfirmAssumedFixed,
    KeepAssumed,
    OpenSignup,
    ShowSignups,
)
from handlers.schau_rein.views import current, row_summary, week_text
from storage.errors import DomainError
from storage.schau_rein import programme, queries


def register(router: Router) -> None:
    """Register /schaurein_liste and the team's buttons."""

    async def show_all(ctx: Ctx, a: ShowSignups) -> None:
        await show_signups(ctx)

    router.command("schaurein_liste", show_signups, admin=True, help=t.HELP_SCHAUREIN_LISTE)
    router.on(OpenSignup, open_signup, admin=True)
    router.on(ShowSignups, show_all, admin=True)
    router.on(ConfirmAssumed, confirm_assumed, admin=True)
    router.on(ConfirmAssumedFixed, confirm_assumed_fixed, admin=True)
    router.on(KeepAssumed, keep_assumed, admin=True)


async def show_signups(ctx: Ctx) -> None:
    """List the Schau-rein sign-ups."""
    prog = current(ctx)
    found = await queries.signups(ctx.s, programme=prog.key)
    if not found:
        ctx.say(t.LIST_EMPTY)
        return
    # The days companies chose lie in a week the catalogue may only have assumed.
    lines = [t.LIST_HEAD.format(count=len(found))
             + date_mark(await queries.assumed(ctx.s, prog), "days")]
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
    """Confirm the week's assumed values; preview first when companies hear the week stands."""
    prog = current(ctx)
    fields = await queries.assumed(ctx.s, prog)
    if not fields:
        raise DomainError("schaurein_not_provisional", title=prog.title)
    told = await notices.fixed_audience(ctx, prog) if fixes_when(fields) else 0
    if not told:  # nobody is messaged: nothing to preview
        await confirm_assumed_fixed(ctx, ConfirmAssumedFixed())
        return
    ctx.say(t.CONFIRM_PREVIEW.format(title=esc(prog.title), week=week_text(prog, fields),
                                     fields=names(fields, t.PROVISIONAL_FIELDS),
                                     told=t.fixed_told_text(told)),
            [[ctx.button(t.CONFIRM_YES, ConfirmAssumedFixed()),
              ctx.button(t.CONFIRM_NO, KeepAssumed())]], edit=True)


async def confirm_assumed_fixed(ctx: Ctx, a: ConfirmAssumedFixed) -> None:
    """Confirm the week's assumed values (audited); companies signed up hear the week stands."""
    prog = current(ctx)
    fields = await queries.confirm(ctx.s, prog, now=ctx.now)
    told = await notices.fixed(ctx, prog) if fixes_when(fields) else 0
    ctx.audit("schaurein_provisional_confirm", programme=prog.key, title=prog.title,
              fields=fields, informed=told)
    text = t.CONFIRMED.format(title=esc(prog.title))
    ctx.say(text + (t.CONFIRMED_TOLD.format(n=told) if told else ""), edit=True)


async def keep_assumed(ctx: Ctx, a: KeepAssumed) -> None:
    """"Nein" under the preview: nothing changes."""
    ctx.say(t.CONFIRM_KEPT.format(title=esc(current(ctx).title)), edit=True)
