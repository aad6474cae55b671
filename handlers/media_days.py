"""`/medientag`: a company's media day status and what it can do with it."""

from __future__ import annotations

from datetime import date

from bot.chat import Button
from handlers import media_days_admin, media_days_dialog, media_days_submit
from handlers import media_days_notify as notify
from handlers.context import Ctx, UsageError
from handlers.router import Router
from handlers.texts import media_days as t
from handlers.texts.common import esc, fmt_date
from storage import companies, media_days, media_days_nudges
from storage.models import Company, MediaDay


def register(router: Router) -> None:
    """Register the media day commands, buttons, dialogs, texts and registries."""
    router.command("medientag", show, help=t.HELP_MEDIENTAG,
                   linked=True, personal=True)
    router.action("md.request", lambda ctx: start_request(ctx, router), linked=True)
    router.action("md.state", lambda ctx: set_state(ctx, router), linked=True)
    router.action("md.change", lambda ctx: start_change(ctx, router), linked=True)
    router.action("md.move", lambda ctx: start_move(ctx, router), linked=True)
    router.action("md.withdraw", withdraw, linked=True)
    router.action("md.accept", accept, linked=True)
    router.action("md.reject", reject, linked=True)
    router.action("md.nudge_off", nudge_off)
    router.domain_errors(t.RULES)
    router.reminder_kinds.update(t.KIND_LABELS)
    router.overview.add(overview_section)
    router.planners.append(notify.NudgePlanner(router.services.db, router.services.catalogue))
    media_days_dialog.register(router)
    media_days_admin.register(router)


def status_text(ctx: Ctx, md: MediaDay | None) -> str:
    """Describe the company's media day (none / angefragt / bestätigt / erledigt)."""
    labels = notify.config(ctx).formats
    if md is None:
        return t.STATUS_NONE
    if md.status == "confirmed" and md.day is not None:
        if md.day < notify.today(ctx):
            return t.STATUS_DONE.format(day=fmt_date(md.day))
        text = t.STATUS_CONFIRMED.format(day=fmt_date(md.day),
                                         formats=t.formats_text(md.formats, labels))
        if md.move_wanted:
            text += t.STATUS_MOVE.format(wishes=t.days_text(_wishes(md)))
    else:
        text = t.STATUS_REQUESTED.format(summary=t.summary(
            md.formats, _wishes(md), md.contact_name, md.contact_reach, md.note, labels))
    if md.proposed is not None:
        text += t.STATUS_PROPOSED.format(day=fmt_date(md.proposed))
    return text


def _wishes(md: MediaDay) -> list[date]:
    return [date.fromisoformat(d) for d in md.wishes]


async def show(ctx: Ctx) -> None:
    """Show the status with the buttons that fit it."""
    company = _company(ctx)
    md = await media_days.current(ctx.db, company_id=company.id, today=notify.today(ctx))  # type: ignore[arg-type]
    ctx.say(status_text(ctx, md), _buttons(ctx, md))


def _buttons(ctx: Ctx, md: MediaDay | None) -> list[list[Button]]:
    b = ctx.button
    if md is None or (md.status == "confirmed" and md.day and md.day < notify.today(ctx)):
        return [[b(t.BTN_REQUEST, "md.request")]]
    rows = []
    if md.proposed is not None:
        rows.append([b(t.BTN_ACCEPT, "md.accept", md.id), b(t.BTN_REJECT, "md.reject", md.id)])
    if md.status == "requested":
        rows.append([b(t.BTN_CHANGE, "md.change", md.id), b(t.BTN_WITHDRAW, "md.withdraw", md.id)])
    elif not md.move_wanted:
        rows.append([b(t.BTN_MOVE, "md.move", md.id)])
    return rows


def _company(ctx: Ctx) -> Company:
    if ctx.company is None:
        raise UsageError(t.MEMBERS_ONLY)
    return ctx.company


async def start_request(ctx: Ctx, router: Router) -> None:
    """Start the booking dialog (asking the company's state first when it is unknown)."""
    company = _company(ctx)
    md = await media_days.current(ctx.db, company_id=company.id, today=notify.today(ctx))  # type: ignore[arg-type]
    if md is not None and (md.status == "requested" or (md.day and md.day >= notify.today(ctx))):
        ctx.say(t.ALREADY_OPEN)  # e.g. a colleague asked meanwhile, or an old button
        await show(ctx)
        return
    if company.state not in t.STATE_LONG:
        ctx.say(t.ASK_STATE, [[ctx.button(name, "md.state", key)
                               for key, name in t.STATE_LONG.items()]])
        return
    await router.dialogs.start(ctx, media_days_dialog.BOOKING, {"formats": [], "wishes": []})


async def set_state(ctx: Ctx, router: Router) -> None:
    """Store the company's state, then go on with the booking."""
    company = await companies.set_state(ctx.db, company_id=_company(ctx).id, state=ctx.args)  # type: ignore[arg-type]
    ctx.company = company
    await start_request(ctx, router)


async def start_change(ctx: Ctx, router: Router) -> None:
    """Open the booking dialog pre-filled with the open request."""
    md = await _own(ctx)
    data = {"md_id": md.id, "formats": md.formats, "wishes": [], "old_wishes": md.wishes,
            "contact": md.contact_name,
            "reach": md.contact_reach, "note": md.note, "old_contact": md.contact_name,
            "old_note": md.note}
    await router.dialogs.start(ctx, media_days_dialog.BOOKING, data)


async def start_move(ctx: Ctx, router: Router) -> None:
    """Ask for new wished days for a confirmed media day."""
    md = await _own(ctx)
    await router.dialogs.start(ctx, media_days_dialog.MOVE, {"md_id": md.id, "wishes": []})


async def withdraw(ctx: Ctx) -> None:
    """Withdraw the open request and tell the team."""
    md = await media_days.withdraw(ctx.db, md_id=int(ctx.args), company_id=_company(ctx).id,  # type: ignore[arg-type]
                                   now=ctx.now)
    await notify.tell_team(ctx, md, t.ADMIN_WITHDRAWN.format(company=esc(_company(ctx).name)))
    ctx.say(t.WITHDRAWN)


async def accept(ctx: Ctx) -> None:
    """Accept the team's proposed day: the media day is confirmed."""
    company = _company(ctx)
    md = await _own(ctx)
    if md.proposed is None:
        raise UsageError(t.RULES["md_not_open"](None))  # type: ignore[arg-type]
    md = await media_days.confirm(ctx.db, md_id=md.id, day=md.proposed, now=ctx.now,  # type: ignore[arg-type]
                                  today=notify.today(ctx), cfg=notify.config(ctx),
                                  company_id=company.id)
    await media_days_submit.after_confirm(ctx, md, company)
    await notify.tell_team(ctx, md, t.ADMIN_ACCEPTED.format(company=esc(company.name),
                                                             day=fmt_date(md.day)))  # type: ignore[arg-type]


async def reject(ctx: Ctx) -> None:
    """Say no to the proposed day; the request stays open."""
    company = _company(ctx)
    old = await _own(ctx)
    md = await media_days.reject_proposal(ctx.db, md_id=old.id, company_id=company.id,  # type: ignore[arg-type]
                                          now=ctx.now)
    await notify.tell_team(ctx, md, t.ADMIN_REJECTED.format(
        company=esc(company.name), day=fmt_date(old.proposed) if old.proposed else "–"))
    ctx.say(t.PROPOSAL_REJECTED)


async def nudge_off(ctx: Ctx) -> None:
    """Switch the monthly nudge off for this person."""
    await media_days_nudges.opt_out(ctx.db, person_id=ctx.person.id,  # type: ignore[arg-type]
                                    company_id=ctx.person.company_id, now=ctx.now)
    ctx.say(t.NUDGE_OFF)


async def _own(ctx: Ctx) -> MediaDay:
    md = await media_days.get(ctx.db, md_id=int(ctx.args.split()[0]))
    if md is None or md.company_id != _company(ctx).id:
        raise UsageError(t.RULES["md_not_found"](None))  # type: ignore[arg-type]
    return md


async def overview_section(ctx: Ctx) -> list[str]:
    """Contribute the media day line to /meine."""
    if ctx.company is None:
        return []
    md = await media_days.current(ctx.db, company_id=ctx.company.id, today=notify.today(ctx))  # type: ignore[arg-type]
    return [t.MINE_NONE if md is None else status_text(ctx, md)]
