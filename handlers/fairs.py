"""`/messe`: a member company asks for space at the cluster's joint fair booth (or changes it)."""

from __future__ import annotations

from handlers import fairs_admin, fairs_exports, schau_rein
from handlers import fairs_notify as notify
from handlers import fairs_steps as steps
from handlers.context import Ctx, UsageError
from handlers.dialogs import END, Data, Dialog, Step, cancel_button, choice
from handlers.fairs_summary import (
    data_summary,
    deadline_refusal,
    overview,
    request_summary,
    too_late,
)
from handlers.router import Router
from handlers.texts import fairs as t
from handlers.texts.common import esc
from storage import fairs, fairs_read
from storage.errors import DomainError
from storage.fairs import BoothWish, Outcome
from storage.models import BoothRequest, Fair


def register(router: Router) -> None:
    """Register /messe (dialog, /meine, reminders, errors), /schaurein and the team commands."""
    router.command("messe", lambda ctx: start(ctx, router), linked=True, personal=True,
                   help=t.HELP_MESSE)
    router.dialog(Dialog("messe", t.DIALOG_TITLE, "fair", {
        "fair": Step(ask_fair, on_press=on_fair),
        "existing": Step(ask_existing, on_press=on_existing),
        **steps.STEPS,
        "confirm": Step(ask_confirm, on_press=on_confirm),
    }))
    router.overview.add(overview)
    router.reminder_kinds["fair.deadline"] = t.LABEL_DEADLINE
    router.reminder_kinds["fair.exhibitor"] = t.LABEL_EXHIBITOR
    router.planners.append(notify.DeadlinePlanner(router.services.db, router.services.catalogue))
    contact = router.services.catalogue.contact("messe")
    tz = router.services.tz
    router.domain_errors({
        "fair_deadline": lambda e: t.DEADLINE_PASSED.format(
            title=esc(e.info["title"]), deadline=t.deadline_text(e.info["deadline"], tz),  # type: ignore[arg-type]
            contact=esc(f"{contact.name} ({contact.email})" if contact.email else contact.name)),
        "fair_change_no_room": lambda e: t.CHANGE_NO_ROOM.format(title=esc(e.info["title"]),
                                                                 free=e.info["free"]),
        "fair_no_request": lambda e: t.NO_REQUEST.format(title=esc(e.info["title"])),
        "fair_not_open": lambda e: t.NOT_OPEN.format(status=t.STATUS.get(str(e.info["status"]))),
        "fair_full": lambda e: t.FULL.format(title=esc(e.info["title"]), free=e.info["free"],
                                             area=e.info["area"]),
        "fair_bad_days": lambda e: t.BAD_DAYS,
        "fair_unknown": lambda e: t.UNKNOWN_FAIR,
    })
    schau_rein.register(router)
    fairs_admin.register(router)
    fairs_exports.register(router)


async def start(ctx: Ctx, router: Router) -> None:
    """Open the booth request dialog."""
    if ctx.company is None:
        raise UsageError(t.NO_COMPANY)
    await router.dialogs.start(ctx, "messe", {})


async def upcoming(ctx: Ctx) -> list[Fair]:
    """Return the fairs that have not ended yet."""
    today = ctx.now.astimezone(ctx.tz).date()
    return [f for f in await fairs_read.list_fairs(ctx.db) if fairs.fair_dates(f)[-1] >= today]


async def ask_fair(ctx: Ctx, data: Data) -> None:
    """Offer the upcoming fairs."""
    found = await upcoming(ctx)
    if not found:
        ctx.say(t.NO_FAIRS, [[cancel_button(ctx)]])
        return
    lines = [t.PICK_FAIR] + [
        t.fair_line(f.title, fairs.fair_dates(f), f.place, t.deadline_text(f.deadline, ctx.tz),
                    f.note, closed=ctx.now > f.deadline) for f in found
    ]
    rows = [[choice(ctx, f.title, f.key)] for f in found]
    ctx.say("\n".join(lines), [*rows, [cancel_button(ctx)]])


async def on_fair(ctx: Ctx, data: Data, key: str) -> str:
    """Remember the fair; refuse after its deadline; offer change/withdraw if already asked."""
    fair = await fairs_read.get_fair(ctx.db, key=key)
    if fair is None:
        raise UsageError(t.UNKNOWN_FAIR)
    if ctx.now > fair.deadline:
        await too_late(ctx, fair)
        return END
    data.clear()
    data.update(fair=key, title=fair.title, fair_days=fair.days, capacity=fair.capacity_m2)
    req = await fairs_read.request_of(ctx.db, fair_id=fair.id, company_id=_cid(ctx))  # type: ignore[arg-type]
    if req is not None and req.status in ("requested", "waiting", "confirmed"):
        return "existing"
    return _after_fair(data)


def _after_fair(data: Data) -> str:
    if len(data["fair_days"]) > 1:
        return "days"
    data["days"] = list(data["fair_days"])
    return "staff"


async def ask_existing(ctx: Ctx, data: Data) -> None:
    """Show the company's request and offer change or withdrawal."""
    fair = await fairs_read.get_fair(ctx.db, key=data["fair"])
    assert fair is not None
    req = await fairs_read.request_of(ctx.db, fair_id=fair.id, company_id=_cid(ctx))  # type: ignore[arg-type]
    assert req is not None
    text = t.EXISTING.format(title=esc(fair.title), summary=request_summary(req),
                             deadline=t.deadline_text(fair.deadline, ctx.tz))
    ctx.say(text, [[choice(ctx, t.CHANGE_LABEL, "change"), choice(ctx, t.WITHDRAW_LABEL, "off")],
                   [cancel_button(ctx)]])


async def on_existing(ctx: Ctx, data: Data, value: str) -> str:
    """Start the change, or withdraw the request."""
    if value == "change":
        return _after_fair(data)
    fair = await fairs_read.get_fair(ctx.db, key=data["fair"])
    assert fair is not None
    old = await fairs_read.request_of(ctx.db, fair_id=fair.id, company_id=_cid(ctx))  # type: ignore[arg-type]
    if ctx.now > fair.deadline:
        await too_late(ctx, fair)
        return END
    if old is None or old.status not in ("requested", "waiting", "confirmed"):
        ctx.say(t.NO_REQUEST.format(title=esc(fair.title)))  # a colleague was quicker
        return END
    out = await fairs.withdraw(ctx.db, fair_key=data["fair"], company_id=_cid(ctx), now=ctx.now)
    await _after_change(ctx, out)
    # The team plans the floor: tell them at once.
    text = t.TEAM_WITHDRAWN.format(company=esc(_name(ctx)), title=esc(fair.title),
                                   status=t.STATUS[old.status], area=old.area_m2)
    await notify.tell_team(ctx, contact="messe", kind="fair.team", text=text)
    ctx.say(t.WITHDRAWN.format(title=esc(out.fair.title)))
    return END


async def ask_confirm(ctx: Ctx, data: Data) -> None:
    """Show the summary and offer to send."""
    text = t.CONFIRM.format(title=esc(data["title"]), summary=data_summary(data))
    ctx.say(text, [[choice(ctx, t.SEND_LABEL, "send")], [cancel_button(ctx)]])


async def on_confirm(ctx: Ctx, data: Data, value: str) -> str:
    """Send the request: angefragt, or onto the waiting list when the space is taken."""
    before = await fairs_read.get_fair(ctx.db, key=data["fair"])
    assert before is not None
    old = await fairs_read.request_of(ctx.db, fair_id=before.id, company_id=_cid(ctx))  # type: ignore[arg-type]
    wish = BoothWish(
        days=data["days"], staff=data["staff"], area_m2=data["area"],
        needs_table="needs_table" in data.get("equipment", []),
        needs_wall="needs_wall" in data.get("equipment", []),
        needs_power="needs_power" in data.get("equipment", []),
        professions=data["professions"], activity=data.get("activity", ""),
    )
    try:
        out = await fairs.submit(ctx.db, fair_key=data["fair"], company_id=_cid(ctx),
                                 person_id=ctx.person.id, wish=wish, now=ctx.now)
    except DomainError as err:
        if err.code == "fair_deadline":  # passed mid-dialog: close it and say whom to ask
            ctx.say(deadline_refusal(ctx, before))
            return END
        if err.code != "fair_change_no_room":
            raise
        # Keep every other answer and ask only for less space.
        ctx.say(t.CHANGE_NO_ROOM.format(title=esc(data["title"]), free=err.info["free"]))
        data["fix_area"] = True
        return "area"
    await _after_change(ctx, out)
    await _reply(ctx, old, out)
    return END


async def _reply(ctx: Ctx, old: BoothRequest | None, out: Outcome) -> None:
    """Answer the sender; tell the team when a confirmed request was changed."""
    title = esc(out.fair.title)
    if out.request.status == "waiting":
        ctx.say(t.WAITING.format(title=title, position=out.position, free=out.free_m2))
    elif out.request.status == "confirmed":
        ctx.say(t.SENT_UNCHANGED.format(title=title))
    elif old is not None and old.status in ("requested", "confirmed"):
        ctx.say(t.SENT_CHANGED.format(title=title))
        if old.status == "confirmed":  # the team had planned with it: ask them to look again
            text = t.TEAM_CHANGED.format(company=esc(_name(ctx)), title=title,
                                         summary=request_summary(out.request))
            await notify.tell_team(ctx, contact="messe", kind="fair.team", text=text)
    else:
        ctx.say(t.SENT.format(title=title))


async def _after_change(ctx: Ctx, out: Outcome) -> None:
    """Tell who moved up, re-plan the exhibitor reminder, and deliver what is due now."""
    cat = ctx.services.catalogue
    await notify.tell_promoted(ctx.db, out.promoted, out.fair, ctx.now)
    await notify.exhibitor_reminders(ctx.db, cat, out.fair, out.request, ctx.now)
    await ctx.services.planned()  # the DeadlinePlanner runs first and re-syncs the nudges


def _name(ctx: Ctx) -> str:
    assert ctx.company is not None
    return ctx.company.name


def _cid(ctx: Ctx) -> int:
    assert ctx.company is not None and ctx.company.id is not None
    return ctx.company.id
