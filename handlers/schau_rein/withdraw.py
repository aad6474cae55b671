"""Withdrawing a company's Schau-rein sign-up: a Ja/Nein question, then the team is told once."""

from __future__ import annotations

from bot.chat import Button
from handlers.core import END, Ctx, Dialog, Router, Step, UsageError, cancel_button, choice
from handlers.core.dialogs import Data
from handlers.schau_rein import notices
from handlers.schau_rein import texts as t
from handlers.schau_rein.actions import Withdraw
from handlers.schau_rein.views import closed_text, contact_name, current, dates
from storage.schau_rein import queries, service

DIALOG = "schaurein_withdraw"
BACK = "back"  # step to return to on "Nein" (set when asked from inside the sign-up dialog)


def register(router: Router) -> None:
    """Register the withdrawal button's action and its own short dialog."""

    async def start(ctx: Ctx, a: Withdraw) -> None:
        if ctx.company_id is None:
            raise UsageError(t.NO_COMPANY)
        row = await queries.signup_of(ctx.s, programme=current(ctx).key,
                                      company_id=ctx.company_id)
        if row is None:  # e.g. an old button after the withdrawal
            ctx.say(t.NO_SIGNUP)
            return
        await router.dialogs.start(ctx, DIALOG, {})

    router.on(Withdraw, start, linked=True)
    router.dialog(Dialog(DIALOG, t.DIALOG_TITLE, "withdraw_ok", STEPS))


def withdraw_button(ctx: Ctx) -> list[Button]:
    """Return a button row "Anmeldung zurückziehen" usable outside the sign-up dialog."""
    return [ctx.button(t.WITHDRAW_LABEL, Withdraw())]


async def on_days_press(ctx: Ctx, data: Data, value: str) -> str:
    """Handle the withdrawal button shown with the sign-up dialog's first question."""
    if value != "withdraw":
        raise UsageError(t.DAYS_NOT_UNDERSTOOD)
    data[BACK] = "days"
    return "withdraw_ok"


async def ask_withdraw(ctx: Ctx, data: Data) -> None:
    """Show the current days and ask "Ja, zurückziehen" / "Nein"."""
    row = None
    if ctx.company_id is not None:
        row = await queries.signup_of(ctx.s, programme=current(ctx).key,
                                      company_id=ctx.company_id)
    days = t.days_text(dates(row.days)) if row is not None else "–"
    ctx.say(t.ASK_WITHDRAW.format(days=days),
            [[choice(ctx, t.WITHDRAW_YES, "yes"), choice(ctx, t.WITHDRAW_NO, "no")],
             [cancel_button(ctx)]])


async def on_withdraw(ctx: Ctx, data: Data, value: str) -> str:
    """Withdraw on "yes" and tell the Schau-rein contact once; on "no" keep everything."""
    if value != "yes":
        if data.get(BACK):
            return str(data.pop(BACK))
        ctx.say(t.KEPT)
        return END
    prog = current(ctx)
    if not prog.is_open(ctx.now):  # after the deadline the team is asked directly
        ctx.say(await closed_text(ctx, prog))
        return END
    if ctx.company_id is None:
        raise UsageError(t.NO_COMPANY)
    row = await service.withdraw(ctx.s, programme=prog, company_id=ctx.company_id, now=ctx.now)
    if row is None:  # a colleague was quicker
        ctx.say(t.NO_SIGNUP)
        return END
    await notices.withdrawn(ctx, row)
    ctx.say(t.WITHDRAWN.format(contact=contact_name(ctx.catalogue)))
    return END


STEPS = {"withdraw_ok": Step(ask_withdraw, on_press=on_withdraw)}
