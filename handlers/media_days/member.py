"""`/medientag`: a company's media day and what it can do with it (book, change, move, answer)."""

from __future__ import annotations

from bot.chat import Button
from handlers.core import Ctx, UsageError
from handlers.core.dialogs import Dialogs
from handlers.media_days import booking, notices
from handlers.media_days import texts as t
from handlers.media_days.actions import (
    Accept,
    Change,
    Move,
    NudgeOff,
    Reject,
    Request,
    SetState,
    Withdraw,
)
from handlers.media_days.view import company_of, config, is_done, status_text, today
from storage.media_days import nudges, queries, service
from storage.media_days.models import MediaDay
from storage.members import companies


async def show(ctx: Ctx) -> None:
    """Show the company's media day with the buttons that fit it."""
    md = await _current(ctx)
    ctx.say(status_text(md, config(ctx.catalogue), today(ctx.now, ctx.tz)), _buttons(ctx, md))


async def _current(ctx: Ctx) -> MediaDay | None:
    company = company_of(ctx)
    return await queries.current(ctx.s, company_id=company.id, today=today(ctx.now, ctx.tz))


def _buttons(ctx: Ctx, md: MediaDay | None) -> list[list[Button]]:
    b = ctx.button
    if md is None or is_done(md, today(ctx.now, ctx.tz)):
        return [[b(t.BTN_REQUEST, Request())]]
    rows = []
    if md.proposed is not None:
        rows.append([b(t.BTN_ACCEPT, Accept(md.id, md.proposed)),
                     b(t.BTN_REJECT, Reject(md.id, md.proposed))])
    if md.status == "requested":
        rows.append([b(t.BTN_CHANGE, Change(md.id)), b(t.BTN_WITHDRAW, Withdraw(md.id))])
    elif not md.move_wanted:
        rows.append([b(t.BTN_MOVE, Move(md.id))])
    return rows


async def start_request(ctx: Ctx, dialogs: Dialogs) -> None:
    """Start the booking dialog (asking the company's state first when it is unknown)."""
    company = company_of(ctx)
    md = await _current(ctx)
    if md is not None and not is_done(md, today(ctx.now, ctx.tz)):
        ctx.say(t.ALREADY_OPEN)  # e.g. a colleague asked meanwhile, or an old button
        await show(ctx)
        return
    if company.state not in t.STATE_LONG:
        ctx.say(t.ASK_STATE, [[ctx.button(name, SetState(key))
                               for key, name in t.STATE_LONG.items()]])
        return
    await dialogs.start(ctx, booking.BOOKING, {"formats": [], "wishes": []})


async def set_state(ctx: Ctx, a: SetState, dialogs: Dialogs) -> None:
    """Store the company's state, then go on with the booking."""
    ctx.company = await companies.set_state(ctx.s, company_id=company_of(ctx).id, state=a.state)
    await start_request(ctx, dialogs)


async def start_change(ctx: Ctx, a: Change, dialogs: Dialogs) -> None:
    """Open the booking dialog pre-filled with the open request."""
    md = await _own(ctx, a.md_id)
    if md.status != "requested":  # an old button: confirmed, declined or withdrawn since
        raise UsageError(t.NOT_OPEN)
    data = {"md_id": md.id, "formats": md.formats, "wishes": [], "old_wishes": md.wishes,
            "contact": md.contact_name, "reach": md.contact_reach, "note": md.note,
            "old_contact": md.contact_name, "old_note": md.note}
    await dialogs.start(ctx, booking.BOOKING, data)


async def start_move(ctx: Ctx, a: Move, dialogs: Dialogs) -> None:
    """Ask for new wished days for a confirmed media day."""
    md = await _own(ctx, a.md_id)
    if md.status != "confirmed" or is_done(md, today(ctx.now, ctx.tz)):  # an old button
        raise UsageError(t.NOT_OPEN)
    await dialogs.start(ctx, booking.MOVE, {"md_id": md.id, "wishes": []})


async def withdraw(ctx: Ctx, a: Withdraw) -> None:
    """Withdraw the open request; tell the team and the colleague who made it."""
    md = await service.withdraw(ctx.s, md_id=a.md_id, company_id=company_of(ctx).id,
                                now=ctx.now)
    await notices.tell_team(ctx.notify, md, notices.WITHDRAWN, exclude=ctx.person_id)
    if md.requested_by is not None and md.requested_by != ctx.person_id:
        await notices.tell_person(ctx.notify, md, md.requested_by, notices.WITHDRAWN_BY,
                                  by=ctx.person.display_name or ctx.person.key)
    ctx.say(t.WITHDRAWN)


async def accept(ctx: Ctx, a: Accept) -> None:
    """Accept the team's proposed day: the media day is confirmed, company and team told."""
    cfg = config(ctx.catalogue)
    md = await service.confirm(ctx.s, md_id=a.md_id, day=a.day, now=ctx.now,
                               today=today(ctx.now, ctx.tz), cfg=cfg,
                               company_id=company_of(ctx).id)
    await notices.after_confirm(ctx.notify, md, cfg)
    await notices.tell_team(ctx.notify, md, notices.ACCEPTED, exclude=ctx.person_id,
                            day=a.day.isoformat())


async def reject(ctx: Ctx, a: Reject) -> None:
    """Say no to the proposed day; the request stays open and the team is told."""
    md = await service.reject_proposal(ctx.s, md_id=a.md_id, company_id=company_of(ctx).id,
                                       day=a.day, now=ctx.now)
    await notices.tell_team(ctx.notify, md, notices.REJECTED, exclude=ctx.person_id,
                            day=a.day.isoformat())
    ctx.say(t.PROPOSAL_REJECTED)


async def nudge_off(ctx: Ctx, a: NudgeOff) -> None:
    """Switch the monthly nudge off for this person."""
    await nudges.opt_out(ctx.s, person_id=ctx.person_id)
    if ctx.company_id is not None:
        await notices.drop_nudges(ctx.notify, company_id=ctx.company_id,
                                  person_id=ctx.person_id)
    ctx.say(t.NUDGE_OFF)


async def _own(ctx: Ctx, md_id: int) -> MediaDay:
    md = await queries.get(ctx.s, md_id=md_id)
    if md is None or md.company_id != company_of(ctx).id:
        raise UsageError(t.NOT_FOUND)
    return md


async def overview_section(ctx: Ctx) -> list[str]:
    """Contribute the media day to /meine."""
    if ctx.company is None:
        return []
    md = await _current(ctx)
    return [t.MINE_NONE if md is None else status_text(md, config(ctx.catalogue),
                                                        today(ctx.now, ctx.tz))]
