"""`/schaurein`: Saxon member companies sign up for the open-company week and ask for support."""

from __future__ import annotations

from dataclasses import replace

from handlers import schau_rein_withdraw
from handlers.context import Ctx, UsageError
from handlers.dialogs import END, Data, Dialog, Step, cancel_button, choice
from handlers.fairs_notify import tell_team
from handlers.router import Router
from handlers.schau_rein_days import DAY_STEPS, dates, deadline_text, programme, week
from handlers.schau_rein_withdraw import STEPS as WITHDRAW_STEPS
from handlers.schau_rein_withdraw import on_days_press, withdraw_button
from handlers.texts import schau_rein as t
from handlers.texts.common import esc, fmt_date, fmt_dt
from storage import companies, schau_rein
from storage.models import SchauReinSignup

MAX_TEXT = 500


def register(router: Router) -> None:
    """Register /schaurein, its dialogs, the /meine section and error messages."""
    router.command("schaurein", lambda ctx: start(ctx, router), linked=True, personal=True,
                   help=t.HELP_SCHAUREIN)
    steps = {
        "state": Step(ask_state, on_press=on_state),
        **DAY_STEPS,
        "days": replace(DAY_STEPS["days"], on_press=on_days_press),  # "Anmeldung zurückziehen"
        **WITHDRAW_STEPS,
        "support": Step(ask_support, on_press=on_support),
        "description": Step(ask_description, on_text=on_description),
        "contact": Step(ask_contact, on_text=on_contact),
        "confirm": Step(ask_confirm, on_press=on_confirm),
    }
    router.dialog(Dialog("schaurein", t.DIALOG_TITLE, "days", steps))
    router.dialog(Dialog("schaurein_land", t.DIALOG_TITLE, "state", steps))
    router.overview.add(overview)
    schau_rein_withdraw.register(router)
    router.domain_errors({
        "schaurein_state": lambda e: t.STATE_REFUSED,
        "schaurein_bad_day": lambda e: t.BAD_DAY.format(first=fmt_date(e.info["first"]),  # type: ignore[arg-type]
                                                        last=fmt_date(e.info["last"])),  # type: ignore[arg-type]
        "schaurein_deadline": lambda e: deadline_text(router.services, e.info["deadline"]),  # type: ignore[arg-type]
    })


async def start(ctx: Ctx, router: Router) -> None:
    """Open the sign-up; ask the state once; Brandenburg companies get a kind pointer instead."""
    if ctx.company is None:
        raise UsageError(t.NO_COMPANY)
    deadline = ctx.services.catalogue.local(programme(ctx)["deadline"])
    if ctx.now > deadline:
        raise UsageError(deadline_text(ctx.services, deadline))
    if ctx.company.state is None:
        await router.dialogs.start(ctx, "schaurein_land", {})
    elif ctx.company.state != programme(ctx)["state"]:
        ctx.say(t.NOT_SAXON)
    else:
        await router.dialogs.start(ctx, "schaurein", {})


async def ask_state(ctx: Ctx, data: Data) -> None:
    """Ask once for the company's state."""
    ctx.say(t.ASK_STATE, [[choice(ctx, t.SAXONY, "SN"), choice(ctx, t.BRANDENBURG, "BB")],
                          [cancel_button(ctx)]])


async def on_state(ctx: Ctx, data: Data, value: str) -> str:
    """Store the state on the company; only Saxon companies go on."""
    assert ctx.company is not None
    ctx.company = await companies.set_state(ctx.db, company_id=ctx.company.id, state=value)  # type: ignore[arg-type]
    if value != programme(ctx)["state"]:
        ctx.say(t.NOT_SAXON)
        return END
    return "days"


async def ask_support(ctx: Ctx, data: Data) -> None:
    """Offer the kinds of support as toggles."""
    chosen = data.get("support", [])
    rows = [[choice(ctx, f"{'✅ ' if s['key'] in chosen else ''}{s['label']}", s["key"])]
            for s in programme(ctx)["support"]]
    ctx.say(t.ASK_SUPPORT, [*rows, [choice(ctx, t.NEXT_LABEL, "next")], [cancel_button(ctx)]])


async def on_support(ctx: Ctx, data: Data, value: str) -> str:
    """Toggle one kind of support, or go on when at least one is chosen."""
    chosen = set(data.get("support", []))
    if value == "next":
        if not chosen:
            raise UsageError(t.NEED_SUPPORT)
        return "description"
    if value in {s["key"] for s in programme(ctx)["support"]}:
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
    text = t.CONFIRM.format(summary=_summary(ctx, data["days"], data["support"],
                                             data["description"], data["contact"]))
    ctx.say(text, [[choice(ctx, t.SEND_LABEL, "send")], [cancel_button(ctx)]])


async def on_confirm(ctx: Ctx, data: Data, value: str) -> str:
    """Sign up, confirm, and notify the cluster's Schau-rein contact at once."""
    prog = programme(ctx)
    first, last = week(ctx)
    if ctx.now > ctx.services.catalogue.local(prog["deadline"]):  # closed mid-dialog: end it
        ctx.say(deadline_text(ctx.services, ctx.services.catalogue.local(prog["deadline"])))
        return END
    row, replaced = await schau_rein.sign_up(
        ctx.db, programme=prog["key"], state=prog["state"], first_day=first, last_day=last,
        deadline=ctx.services.catalogue.local(prog["deadline"]), company_id=_cid(ctx),
        person_id=ctx.person.id, days=dates(data["days"]), support=data["support"],
        description=data["description"], contact=data["contact"], now=ctx.now,
    )
    await notify_contact(ctx, row, replaced)
    contact = ctx.services.catalogue.contact("schau_rein")
    ctx.say(t.DONE.format(contact=esc(contact.name)), [withdraw_button(ctx)])
    return END


async def notify_contact(ctx: Ctx, row: SchauReinSignup, replaced: bool) -> None:
    """Tell the catalogue's Schau-rein admin (or every admin) at once, through the outbox."""
    assert ctx.company is not None
    text = t.NOTIFY.format(company=esc(ctx.company.name), replaced=t.REPLACED if replaced else "",
                           summary=_summary(ctx, row.days, row.support, row.description,
                                            row.contact))
    await tell_team(ctx, contact="schau_rein", kind="schaurein.notify", text=text)


async def overview(ctx: Ctx) -> list[str]:
    """Show the company's Schau-rein sign-up in /meine."""
    if ctx.company is None:
        return []
    row = await schau_rein.signup_of(ctx.db, programme=programme(ctx)["key"], company_id=_cid(ctx))
    if row is None:
        return []
    deadline = ctx.services.catalogue.local(programme(ctx)["deadline"])
    open_ = ctx.now <= deadline
    change = t.OVERVIEW_CHANGE.format(deadline=fmt_dt(deadline, ctx.tz)) if open_ else ""
    return [t.OVERVIEW_HEAD + change,
            _summary(ctx, row.days, row.support, row.description, row.contact)]


def support_labels(ctx: Ctx, keys: list[str]) -> list[str]:
    """Return the catalogue labels of support keys."""
    labels = {s["key"]: s["label"] for s in programme(ctx)["support"]}
    return [labels.get(k, k) for k in keys]


def _summary(ctx: Ctx, days: list[str], support: list[str], description: str,
             contact: str) -> str:
    return t.summary(dates(days), support_labels(ctx, support), description, contact)


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_TEXT:
        raise UsageError(t.TOO_LONG.format(max=MAX_TEXT))
    return text


def _cid(ctx: Ctx) -> int:
    assert ctx.company is not None and ctx.company.id is not None
    return ctx.company.id
