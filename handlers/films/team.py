"""`/filme` for the team: every interest, assign or confirm a group, remove a company, export."""

from __future__ import annotations

from handlers.core import Ctx, Table, UsageError
from handlers.core.exports import Cell
from handlers.core.format import esc
from handlers.films import notices
from handlers.films import texts as t
from handlers.films.actions import Assign, Choose, Keep, Remove, RemoveAsk
from handlers.films.member import config
from storage.films import queries, service


async def admin_list(ctx: Ctx) -> None:
    """List every interest; unassigned ones get buttons to confirm or assign a group."""
    cfg = config(ctx)
    rows = await queries.interests(ctx.s)
    taken = sum(1 for f, _ in rows if f.group_key)
    ctx.say(t.ADMIN_HEAD.format(title=esc(cfg.title), films=taken, max=cfg.max_films))
    for f, c in rows:
        group = esc(cfg.label(f.group_key)) if f.group_key else t.NO_GROUP
        desc = f"\n{esc(f.description)}" if f.description else ""
        text = t.ADMIN_LINE.format(company=esc(c.name), group=group, desc=desc,
                                   state=t.STATE_ASSIGNED if f.assigned else "")
        buttons = []
        if not f.assigned:
            if f.group_key:
                buttons.append(ctx.button(t.BTN_CONFIRM, Assign(f.id, f.group_key)))
            buttons.append(ctx.button(t.BTN_PICK, Choose(f.id)))
        if f.group_key:
            buttons.append(ctx.button(t.BTN_REMOVE.format(company=c.name),
                                      RemoveAsk(f.id, f.group_key)))
        ctx.say(text, [buttons])


async def pick_group(ctx: Ctx, a: Choose) -> None:
    """Offer the free groups for one interest."""
    cfg = config(ctx)
    rows = await queries.interests(ctx.s)
    found = next(((f, c) for f, c in rows if f.id == a.interest_id), None)
    if found is None:
        raise UsageError(t.NOT_FOUND)
    interest, company = found
    taken = {f.group_key for f, _ in rows if f.group_key and f.id != interest.id}
    ctx.say(t.PICK.format(company=esc(company.name)),
            [[ctx.button(label, Assign(interest.id, key))]
             for key, label in cfg.groups.items() if key not in taken])


async def assign(ctx: Ctx, a: Assign) -> None:
    """Assign a group to an interested company and tell the company (once per assignment)."""
    cfg = config(ctx)
    before = await queries.get(ctx.s, interest_id=a.interest_id)
    again = before is not None and before.assigned and before.group_key == a.group
    row, company = await service.assign(ctx.s, interest_id=a.interest_id, group_key=a.group,
                                        now=ctx.now, cfg=cfg)
    ctx.audit("film_assign", company=company.name, group=a.group)
    if not again:  # an old "Bestätigen" pressed twice tells the company nothing new
        await notices.tell_assigned(ctx.notify, company_id=company.id, interest_id=row.id,
                                    group=a.group)
    ctx.say(t.ASSIGNED.format(company=esc(company.name), group=esc(cfg.label(a.group))))


async def ask_remove(ctx: Ctx, a: RemoveAsk) -> None:
    """Ask the team to confirm removing a company from its film."""
    label = config(ctx).label(a.group)
    company = await queries.holding(ctx.s, interest_id=a.interest_id, group_key=a.group)
    if company is None:
        raise UsageError(t.not_held(label))
    ctx.say(t.ASK_REMOVE.format(company=esc(company.name), group=esc(label)),
            [[ctx.button(t.BTN_REMOVE_YES, Remove(a.interest_id, a.group)),
              ctx.button(t.BTN_NO, Keep())]])


async def remove(ctx: Ctx, a: Remove) -> None:
    """Remove the company from its film, audit it and tell the company once."""
    cfg = config(ctx)
    row, company = await service.release(ctx.s, interest_id=a.interest_id, group_key=a.group,
                                         now=ctx.now, cfg=cfg)
    ctx.audit("film_remove", company=company.name, group=a.group)
    await notices.tell_removed(ctx.notify, company_id=company.id, interest_id=row.id,
                               group=a.group)
    ctx.say(t.REMOVED.format(company=esc(company.name), group=esc(cfg.label(a.group))))


async def export(ctx: Ctx, filter_text: str) -> Table:
    """Export the film series interests."""
    cfg = config(ctx)
    rows: list[list[Cell]] = [
        [c.name, cfg.label(f.group_key) if f.group_key else "", f.description,
         t.STATUS_ASSIGNED if f.assigned else t.STATUS_INTEREST,
         t.SOURCE_PLAN if f.from_plan else t.SOURCE_BOT,
         None if f.from_plan else f.created_at.astimezone(ctx.tz)]  # no fake import time
        for f, c in await queries.interests(ctx.s)
    ]
    return Table("Filmserie", t.EXPORT_COLUMNS, rows)
