"""`/schaurein`: Saxon member companies sign up for the open-company week and ask for support."""

from __future__ import annotations

from dataclasses import replace

from handlers.core import END, Ctx, Dialog, Router, Step, UsageError, cancel_button, choice
from handlers.core.dialogs import Data
from handlers.schau_rein import notices
from handlers.schau_rein import texts as t
from handlers.schau_rein.actions import Join
from handlers.schau_rein.days import DAY_STEPS
from handlers.schau_rein.views import closed_text, contact_name, current, dates, summary
from handlers.schau_rein.withdraw import STEPS as WITHDRAW_STEPS
from handlers.schau_rein.withdraw import on_days_press, withdraw_button
from storage.members import companies
from storage.schau_rein import service

DIALOG = "schaurein"
STATE_DIALOG = "schaurein_land"  # the same steps, asking the company's state first
MAX_TEXT = 500


def register(router: Router) -> None:
    """Register /schaurein and its dialogs."""

    async def start(ctx: Ctx) -> None:
        await start_signup(ctx, router)

    async def join(ctx: Ctx, a: Join) -> None:
        await start_signup(ctx, router)

    router.command("schaurein", start, linked=True, personal=True, help=t.HELP_SCHAUREIN)
    router.on(Join, join, linked=True)
    steps = {
        "state": Step(ask_state, on_press=on_state),
        **DAY_STEPS,
        "days": replace(DAY_STEPS["days"], on_press=on_days_press),  # "Anmeldung zurückziehen"
        **WITHDRAW_STEPS,
        "support": Step(ask_support, on_press=on_support),
        "description": Step(ask_description, on_text=on_description),
        "contact": Step(ask_contact, on_text=on_contact, expects="reach"),
        "confirm": Step(ask_confirm, on_press=on_confirm),
    }
    router.dialog(Dialog(DIALOG, t.DIALOG_TITLE, "days", steps))
    router.dialog(Dialog(STATE_DIALOG, t.DIALOG_TITLE, "state", steps))


async def start_signup(ctx: Ctx, router: Router) -> None:
    """Open the sign-up; ask the state once; companies elsewhere get a kind pointer instead."""
    if ctx.company is None:
        raise UsageError(t.NO_COMPANY)
    prog = current(ctx)
    if not prog.is_open(ctx.now):
        raise UsageError(await closed_text(ctx, prog))
    if ctx.company.state is None:
        await router.dialogs.start(ctx, STATE_DIALOG, {})
    elif ctx.company.state != prog.state:
        ctx.say(t.NOT_SAXON)
    else:
        await router.dialogs.start(ctx, DIALOG, {})


async def ask_state(ctx: Ctx, data: Data) -> None:
    """Ask once for the company's state."""
    ctx.say(t.ASK_STATE, [[choice(ctx, t.SAXONY, "SN"), choice(ctx, t.BRANDENBURG, "BB")],
                          [cancel_button(ctx)]])


async def on_state(ctx: Ctx, data: Data, value: str) -> str:
    """Store the state on the company; only companies of the programme's state go on."""
    ctx.company = await companies.set_state(ctx.s, company_id=_cid(ctx), state=value)
    if value != current(ctx).state:
        ctx.say(t.NOT_SAXON)
        return END
    return "days"


async def ask_support(ctx: Ctx, data: Data) -> None:
    """Offer the kinds of support as toggles."""
    chosen = data.get("support", [])
    rows = [[choice(ctx, f"{'✅ ' if s.key in chosen else ''}{s.label}", s.key)]
            for s in current(ctx).support]
    ctx.say(t.ASK_SUPPORT, [*rows, [choice(ctx, t.NEXT_LABEL, "next")], [cancel_button(ctx)]])


async def on_support(ctx: Ctx, data: Data, value: str) -> str:
    """Toggle one kind of support, or go on when at least one is chosen."""
    chosen = set(data.get("support", []))
    if value == "next":
        if not chosen:
            raise UsageError(t.NEED_SUPPORT)
        return "description"
    if value in {s.key for s in current(ctx).support}:
        chosen ^= {value}
    data["support"] = sorted(chosen)
    return "support"


async def ask_description(ctx: Ctx, data: Data) -> None:
    """Ask for a short description."""
    ctx.say(t.ASK_DESCRIPTION, [[cancel_button(ctx)]])


async def on_description(ctx: Ctx, data: Data, text: str) -> str:
    """Remember the description."""
    data["description"] = _short(text)
    return "contact"


async def ask_contact(ctx: Ctx, data: Data) -> None:
    """Ask for the contact person."""
    ctx.say(t.ASK_CONTACT, [[cancel_button(ctx)]])


async def on_contact(ctx: Ctx, data: Data, text: str) -> str:
    """Remember the contact."""
    data["contact"] = _short(text)
    return "confirm"


async def ask_confirm(ctx: Ctx, data: Data) -> None:
    """Show the summary and offer to sign up."""
    text = t.CONFIRM.format(summary=summary(current(ctx), data["days"], data["support"],
                                            data["description"], data["contact"]))
    ctx.say(text, [[choice(ctx, t.SEND_LABEL, "send")], [cancel_button(ctx)]])


async def on_confirm(ctx: Ctx, data: Data, value: str) -> str:
    """Sign up, confirm, and tell the cluster's Schau-rein contact at once."""
    prog = current(ctx)
    if not prog.is_open(ctx.now):  # closed mid-dialog: end it and say whom to ask
        ctx.say(await closed_text(ctx, prog))
        return END
    row, replaced = await service.sign_up(
        ctx.s, programme=prog, company_id=_cid(ctx), person_id=ctx.person_id,
        days=dates(data["days"]), support=data["support"], description=data["description"],
        contact=data["contact"], now=ctx.now,
    )
    await notices.signed_up(ctx, row, replaced=replaced)
    ctx.say(t.DONE.format(contact=contact_name(ctx.catalogue)), [withdraw_button(ctx)])
    return END


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_TEXT:
        raise UsageError(t.TOO_LONG.format(max=MAX_TEXT))
    return text


def _cid(ctx: Ctx) -> int:
    if ctx.company_id is None:
        raise UsageError(t.NO_COMPANY)
    return ctx.company_id
