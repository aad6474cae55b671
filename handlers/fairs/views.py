"""How booth requests read: summaries, /meine lines, the team's view of one request."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.chat import Button
from handlers.core import Ctx
from handlers.core.format import esc
from handlers.core.provisional import is_provisional
from handlers.fairs import texts as t
from handlers.fairs.actions import Decide
from storage.catalogue import Catalogue
from storage.fairs import ACTIVE, BoothRequest, Fair, queries
from storage.members import Company

CONTACT = "messe"  # the catalogue contact told about booth requests


def request_summary(req: BoothRequest, *, status: bool = True) -> str:
    """Summarise a stored booth request (with its status line unless `status` is False)."""
    kit = [label for attr, label in t.EQUIPMENT.items() if getattr(req, attr)]
    text = t.summary(queries.booked_dates(req), req.staff, kit, req.area_m2, req.professions,
                     req.activity)
    return f"{text}\n• Status: {t.STATUS[req.status]}" if status else text


def data_summary(data: dict[str, Any]) -> str:
    """Summarise the answers of the running /messe dialog."""
    kit = [label for attr, label in t.EQUIPMENT.items() if attr in data.get("equipment", [])]
    days = [date.fromisoformat(d) for d in data["days"]]
    return t.summary(days, data["staff"], kit, data["area"], data["professions"],
                     data.get("activity", ""))


async def overview(ctx: Ctx) -> list[str]:
    """List the company's booth requests for /meine."""
    if ctx.company_id is None:
        return []
    found = await queries.company_requests(ctx.s, company_id=ctx.company_id)
    lines = [t.overview_line(f.title, queries.fair_dates(f), r.status, r.area_m2,
                             _open_until(ctx, f, r), f.provisional) for f, r in found]
    return [t.OVERVIEW_HEAD, *lines] if lines else []


def _open_until(ctx: Ctx, fair: Fair, req: BoothRequest) -> str | None:
    """Return the deadline text while the request can still be changed, else None."""
    if ctx.now > fair.deadline or req.status not in ACTIVE:
        return None
    return t.fair_deadline_text(fair.deadline, ctx.tz, fair.provisional)


async def too_late(ctx: Ctx, fair: Fair) -> None:
    """Refuse after the deadline with the contact; show the company's request if it has one."""
    req = None
    if ctx.company_id is not None:
        req = await queries.active_request(ctx.s, fair_id=fair.id, company_id=ctx.company_id)
    if req is None:
        ctx.say(deadline_refusal(ctx.catalogue, fair))
        return
    ctx.say(t.LATE_EXISTING.format(title=esc(fair.title), summary=request_summary(req),
                                   deadline=t.fair_deadline_text(fair.deadline, ctx.tz,
                                                                 fair.provisional),
                                   contact=contact_text(ctx.catalogue)))


def deadline_refusal(catalogue: Catalogue, fair: Fair) -> str:
    """Say that the fair's deadline has passed and whom to ask instead."""
    return deadline_passed(catalogue, fair.title, fair.deadline, fair.provisional)


def deadline_passed(catalogue: Catalogue, title: str, deadline: datetime,
                    provisional: list[str] | None = None) -> str:
    """Say that the deadline of fair `title` passed and whom to ask instead."""
    return t.DEADLINE_PASSED.format(
        title=esc(title), contact=contact_text(catalogue),
        deadline=t.fair_deadline_text(deadline, catalogue.tz, provisional))


def contact_text(catalogue: Catalogue) -> str:
    """Return the escaped name and e-mail of the cluster's fair contact."""
    contact = catalogue.contact(CONTACT)
    return esc(f"{contact.name} ({contact.email})" if contact.email else contact.name)


async def fair_head(ctx: Ctx, fair: Fair) -> str:
    """Return the team's head of a fair: days, place, deadline, space used, counts."""
    used, requested, confirmed, waiting = queries.space(
        await queries.fair_requests(ctx.s, fair_id=fair.id))
    return board_head(fair, used, requested, confirmed, waiting, ctx.tz)


def board_head(fair: Fair, used: int, requested: int, confirmed: int, waiting: int,
               tz: ZoneInfo) -> str:
    """Format the team's head of a fair from its counts."""
    area = t.AREA_PROVISIONAL if is_provisional(fair.provisional, "capacity_m2") else ""
    return t.ADMIN_HEAD.format(
        title=esc(fair.title), days=t.fair_days_text(queries.fair_dates(fair), fair.provisional),
        place=esc(fair.place), deadline=t.fair_deadline_text(fair.deadline, tz, fair.provisional),
        used=used, total=fair.capacity_m2, total_mark=area,
        requested=requested, confirmed=confirmed, waiting=waiting,
    )


def show_request(ctx: Ctx, req: BoothRequest, company: Company) -> None:
    """Show one request to the team, with Bestätigen/Ablehnen while it is open."""
    buttons: list[Button] = []
    if req.status in ACTIVE:
        buttons = [ctx.button(t.DECLINE_LABEL, Decide(req.id, confirm=False))]
        if req.status != "confirmed":
            buttons.insert(0, ctx.button(t.CONFIRM_LABEL, Decide(req.id, confirm=True)))
    ctx.say(t.ADMIN_ITEM.format(company=esc(company.name), status=t.STATUS[req.status],
                                summary=request_summary(req, status=False)), [buttons])
