"""Send what the booking dialogs collected, and what follows a confirmation."""

from __future__ import annotations

from datetime import date

from handlers import media_days_notify as notify
from handlers.context import Ctx, UsageError
from handlers.dialogs import Data
from handlers.texts import media_days as t
from handlers.texts.common import esc, fmt_date
from storage import media_days
from storage.errors import DomainError
from storage.models import Company, MediaDay


async def submit_request(ctx: Ctx, data: Data) -> MediaDay:
    """Create or change the request from the dialog's answers; tell the team."""
    company = ctx.company
    assert company is not None and company.id is not None
    fields = dict(
        formats=data["formats"], wishes=[date.fromisoformat(d) for d in data["wishes"]],
        contact_name=data.get("contact", ""), contact_reach=data.get("reach", ""),
        note=data.get("note", ""), now=ctx.now, today=notify.today(ctx), cfg=notify.config(ctx),
    )
    try:
        if data.get("md_id"):
            md = await media_days.change(ctx.db, md_id=data["md_id"], company_id=company.id,
                                         **fields)  # type: ignore[arg-type]
        else:
            md = await media_days.request(ctx.db, company_id=company.id,
                                          person_id=ctx.person.id, **fields)  # type: ignore[arg-type]
    except DomainError as err:
        raise UsageError(t.rule_text(err)) from None
    summary = t.summary(md.formats, fields["wishes"], md.contact_name, md.contact_reach,  # type: ignore[arg-type]
                        md.note, notify.config(ctx).formats)
    head = t.ADMIN_CHANGED if data.get("md_id") else t.ADMIN_NEW
    await notify.drop_nudges(ctx, company.id)
    await notify.tell_team(ctx, md, head.format(company=esc(company.name), summary=summary))
    ctx.say(t.SENT)
    return md


async def submit_move(ctx: Ctx, data: Data) -> MediaDay:
    """Ask to move a confirmed day; tell the team."""
    company = ctx.company
    assert company is not None and company.id is not None
    wishes = [date.fromisoformat(d) for d in data["wishes"]]
    try:
        md = await media_days.request_move(
            ctx.db, md_id=data["md_id"], company_id=company.id, wishes=wishes, now=ctx.now,
            today=notify.today(ctx), cfg=notify.config(ctx),
        )
    except DomainError as err:
        raise UsageError(t.rule_text(err)) from None
    await notify.tell_team(ctx, md, t.ADMIN_MOVE.format(
        company=esc(company.name), day=fmt_date(md.day), wishes=t.days_text(wishes)))  # type: ignore[arg-type]
    ctx.say(t.MOVE_SENT)
    return md


async def after_confirm(ctx: Ctx, md: MediaDay, company: Company) -> None:
    """Tell the company, plan its reminders and stop nudging it."""
    text = t.NOTICE_CONFIRMED.format(
        day=fmt_date(md.day, long=True), company=esc(company.name),  # type: ignore[arg-type]
        formats=t.formats_text(md.formats, notify.config(ctx).formats),
    )
    await notify.plan_reminders(ctx, md, company)
    await notify.drop_nudges(ctx, company.id)  # type: ignore[arg-type]
    await notify.tell_company(ctx, md, text)
