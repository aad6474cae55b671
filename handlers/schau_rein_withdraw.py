"""Withdrawing a company's Schau-rein sign-up: a Ja/Nein question, then the team is told once."""

from __future__ import annotations

import logging

from bot.chat import Button
from handlers.context import Ctx, UsageError
from handlers.dialogs import END, Data, Dialog, Step, cancel_button, choice
from handlers.fairs_notify import tell_team
from handlers.router import Router
from handlers.schau_rein_days import dates, deadline_text, programme
from handlers.texts import schau_rein as t
from handlers.texts.common import esc
from storage import schau_rein

log = logging.getLogger(__name__)
DIALOG = "schaurein_withdraw"
ACTION = "schaurein.withdraw"
BACK = "back"  # step to return to on "Nein" (set when asked from inside the sign-up dialog)


def register(router: Router) -> None:
    """Register the withdrawal button's action and its own short dialog."""
    router.action(ACTION, lambda ctx: start(ctx, router), linked=True)
    router.dialog(Dialog(DIALOG, t.DIALOG_TITLE, "withdraw_ok", STEPS))


def withdraw_button(ctx: Ctx) -> list[Button]:
    """Return a button row "Anmeldung zurückziehen" usable outside the sign-up dialog."""
    return [ctx.button(t.WITHDRAW_LABEL, ACTION)]


async def start(ctx: Ctx, router: Router) -> None:
    """Ask whether to withdraw; a company without a sign-up (any more) is told so."""
    if ctx.company is None or ctx.company.id is None:
        raise UsageError(t.NO_COMPANY)
    row = await schau_rein.signup_of(ctx.db, programme=programme(ctx)["key"],
                                     company_id=ctx.company.id)
    if row is None:  # e.g. an old button after the withdrawal
        ctx.say(t.NO_SIGNUP)
        return
    await router.dialogs.start(ctx, DIALOG, {})


async def on_days_press(ctx: Ctx, data: Data, value: str) -> str:
    """Handle the withdrawal button shown with the sign-up dialog's first question."""
    if value != "withdraw":
        raise UsageError(t.DAYS_NOT_UNDERSTOOD)
    data[BACK] = "days"
    return "withdraw_ok"


async def ask_withdraw(ctx: Ctx, data: Data) -> None:
    """Show the current days and ask "Ja, zurückziehen" / "Nein"."""
    assert ctx.company is not None and ctx.company.id is not None
    row = await schau_rein.signup_of(ctx.db, programme=programme(ctx)["key"],
                                     company_id=ctx.company.id)
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
    assert ctx.company is not None and ctx.company.id is not None
    prog = programme(ctx)
    deadline = ctx.services.catalogue.local(prog["deadline"])
    if ctx.now > deadline:  # after the deadline the team is asked directly, as for changes
        ctx.say(deadline_text(ctx.services, deadline))
        return END
    row = await schau_rein.withdraw(ctx.db, programme=prog["key"], company_id=ctx.company.id,
                                    deadline=deadline, now=ctx.now)
    if row is None:  # a colleague was quicker
        ctx.say(t.NO_SIGNUP)
        return END
    log.info("company %s withdrew its Schau-rein sign-up", ctx.company.id)
    text = t.NOTIFY_WITHDRAWN.format(company=esc(ctx.company.name),
                                     days=t.days_text(dates(row.days)))
    await tell_team(ctx, contact="schau_rein", kind="schaurein.notify", text=text)
    contact = ctx.services.catalogue.contact("schau_rein")
    ctx.say(t.WITHDRAWN.format(contact=esc(contact.name)))
    return END


STEPS = {"withdraw_ok": Step(ask_withdraw, on_press=on_withdraw)}
