"""`/messe`: a member company asks for space at the joint fair booth, changes or withdraws it."""

from __future__ import annotations

from handlers.core import END, Ctx, Dialog, Router, Step, UsageError, cancel_button, choice
from handlers.core.dialogs import Data
from handlers.core.format import esc
from handlers.fairs import notices, questions
from handlers.fairs import texts as t
from handlers.fairs.actions import AskBooth
from handlers.fairs.views import data_summary, deadline_refusal, request_summary, too_late
from storage.errors import DomainError
from storage.fairs import booths, queries
from storage.fairs.booths import BoothWish, Outcome

DIALOG = "messe"


def register(router: Router) -> None:
    """Register /messe and its dialog."""

    async def start(ctx: Ctx) -> None:
        if ctx.company is None:
            raise UsageError(t.NO_COMPANY)
        await router.dialogs.start(ctx, DIALOG, {})

    async def ask_booth(ctx: Ctx, a: AskBooth) -> None:
        if ctx.company is None:
            raise UsageError(t.NO_COMPANY)
        data: Data = {}
        step = await on_fair(ctx, data, a.fair_key)  # refuses unknown fairs and late requests
        if step != END:
            await router.dialogs.start(ctx, DIALOG, data, step=step, restart=True)

    router.command("messe", start, linked=True, personal=True, help=t.HELP_MESSE)
    router.on(AskBooth, ask_booth, linked=True)
    router.dialog(Dialog(DIALOG, t.DIALOG_TITLE, "fair", {
        "fair": Step(ask_fair, on_press=on_fair),
        "existing": Step(ask_existing, on_press=on_existing),
        **questions.STEPS,
        "confirm": Step(ask_confirm, on_press=on_confirm),
    }))


async def ask_fair(ctx: Ctx, data: Data) -> None:
    """Offer the fairs that have not ended yet."""
    found = await queries.upcoming(ctx.s, today=ctx.now.astimezone(ctx.tz).date())
    if not found:
        ctx.say(t.NO_FAIRS, [[cancel_button(ctx)]])
        return
    lines = [t.PICK_FAIR] + [
        t.fair_line(f.title, queries.fair_dates(f), f.place,
                    t.deadline_text(f.deadline, ctx.tz), f.note, closed=ctx.now > f.deadline,
                    provisional=f.provisional)  # fair_line marks an assumed deadline
        for f in found
    ]
    rows = [[choice(ctx, f.title, f.key)] for f in found]
    ctx.say("\n".join(lines), [*rows, [cancel_button(ctx)]])


async def on_fair(ctx: Ctx, data: Data, key: str) -> str:
    """Remember the fair; refuse after its deadline; offer change/withdraw if already asked."""
    fair = await queries.get_fair(ctx.s, key=key)
    if fair is None:
        raise UsageError(t.UNKNOWN_FAIR)
    if ctx.now > fair.deadline:
        await too_late(ctx, fair)
        return END
    data.clear()
    data.update(fair=key, title=fair.title, fair_days=fair.days, capacity=fair.capacity_m2)
    if await queries.active_request(ctx.s, fair_id=fair.id, company_id=_cid(ctx)) is not None:
        return "existing"
    return _after_fair(data)


def _after_fair(data: Data) -> str:
    if len(data["fair_days"]) > 1:
        return "days"
    data["days"] = list(data["fair_days"])
    return "staff"


async def ask_existing(ctx: Ctx, data: Data) -> None:
    """Show the company's request and offer change or withdrawal."""
    fair = await queries.get_fair(ctx.s, key=data["fair"])
    req = None if fair is None else await queries.active_request(
        ctx.s, fair_id=fair.id, company_id=_cid(ctx))
    if fair is None or req is None:  # withdrawn by a colleague meanwhile
        ctx.say(t.NO_REQUEST.format(title=esc(data["title"])), [[cancel_button(ctx)]])
        return
    text = t.EXISTING.format(title=esc(fair.title), summary=request_summary(req),
                             deadline=t.fair_deadline_text(fair.deadline, ctx.tz,
                                                           fair.provisional))
    ctx.say(text, [[choice(ctx, t.CHANGE_LABEL, "change"), choice(ctx, t.WITHDRAW_LABEL, "off")],
                   [cancel_button(ctx)]])


async def on_existing(ctx: Ctx, data: Data, value: str) -> str:
    """Start the change, or withdraw the request."""
    if value == "change":
        return _after_fair(data)
    fair = await queries.get_fair(ctx.s, key=data["fair"])
    if fair is None:
        raise UsageError(t.UNKNOWN_FAIR)
    if ctx.now > fair.deadline:
        await too_late(ctx, fair)
        return END
    if await queries.active_request(ctx.s, fair_id=fair.id, company_id=_cid(ctx)) is None:
        ctx.say(t.NO_REQUEST.format(title=esc(fair.title)))  # a colleague was quicker
        return END
    out = await booths.withdraw(ctx.s, fair_key=fair.key, company_id=_cid(ctx), now=ctx.now)
    await notices.after_member_change(ctx, out)
    ctx.say(t.WITHDRAWN.format(title=esc(out.fair.title)))
    return END


async def ask_confirm(ctx: Ctx, data: Data) -> None:
    """Show the summary and offer to send."""
    text = t.CONFIRM.format(title=esc(data["title"]), summary=data_summary(data))
    ctx.say(text, [[choice(ctx, t.SEND_LABEL, "send")], [cancel_button(ctx)]])


async def on_confirm(ctx: Ctx, data: Data, value: str) -> str:
    """Send the request: angefragt, or onto the waiting list when the space is taken."""
    equipment = data.get("equipment", [])
    wish = BoothWish(
        days=data["days"], staff=data["staff"], area_m2=data["area"],
        needs_table="needs_table" in equipment, needs_wall="needs_wall" in equipment,
        needs_power="needs_power" in equipment,
        professions=data["professions"], activity=data.get("activity", ""),
    )
    try:  # both refusals come before any write: nothing to undo when they are caught
        out = await booths.submit(ctx.s, fair_key=data["fair"], company_id=_cid(ctx),
                                  person_id=ctx.person_id, wish=wish, now=ctx.now)
    except DomainError as err:
        if err.code == "fair_deadline":  # passed mid-dialog: close it and say whom to ask
            fair = await queries.get_fair(ctx.s, key=data["fair"])
            if fair is not None:
                ctx.say(deadline_refusal(ctx.catalogue, fair))
            return END
        if err.code != "fair_change_no_room":
            raise
        # Keep every other answer and ask only for less space.
        ctx.say(t.CHANGE_NO_ROOM.format(title=esc(data["title"]), free=err.info["free"]))
        data["fix_area"] = True
        return "area"
    await notices.after_member_change(ctx, out)
    _reply(ctx, out)
    return END


def _reply(ctx: Ctx, out: Outcome) -> None:
    """Answer the sender: on the waiting list, unchanged, changed, or sent."""
    title = esc(out.fair.title)
    if out.request.status == "waiting":
        ctx.say(t.WAITING.format(title=title, position=out.position, free=out.free_m2))
    elif out.request.status == "confirmed":
        ctx.say(t.SENT_UNCHANGED.format(title=title))
    elif out.was in ("requested", "confirmed"):
        ctx.say(t.SENT_CHANGED.format(title=title))
    else:
        ctx.say(t.SENT.format(title=title))


def _cid(ctx: Ctx) -> int:
    if ctx.company_id is None:  # /messe is for linked people; an admin without company lands here
        raise UsageError(t.NO_COMPANY)
    return ctx.company_id
