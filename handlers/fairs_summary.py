"""What a company sees of its booth requests: summaries, /meine, the after-deadline answers."""

from __future__ import annotations

from datetime import date

from handlers.context import Ctx
from handlers.dialogs import Data
from handlers.texts import fairs as t
from handlers.texts.common import esc
from storage import fairs, fairs_read
from storage.models import BoothRequest, Fair


async def overview(ctx: Ctx) -> list[str]:
    """List the company's booth requests for /meine."""
    if ctx.company is None:
        return []
    found = await fairs_read.company_requests(ctx.db, company_id=ctx.company.id)  # type: ignore[arg-type]
    lines = [t.overview_line(f.title, fairs.fair_dates(f), r.status, r.area_m2,
                             _open_until(ctx, f, r)) for f, r in found]
    return [t.OVERVIEW_HEAD, *lines] if lines else []


def request_summary(req: BoothRequest) -> str:
    """Summarise a stored booth request with its status."""
    kit = [label for attr, label in t.EQUIPMENT.items() if getattr(req, attr)]
    days = [date.fromisoformat(d) for d in req.days]
    text = t.summary(days, req.staff, kit, req.area_m2, req.professions, req.activity)
    return f"{text}\n• Status: {t.STATUS[req.status]}"


def data_summary(data: Data) -> str:
    """Summarise the answers of the running /messe dialog."""
    kit = [label for attr, label in t.EQUIPMENT.items() if attr in data.get("equipment", [])]
    days = [date.fromisoformat(d) for d in data["days"]]
    return t.summary(days, data["staff"], kit, data["area"], data["professions"],
                     data.get("activity", ""))


def _open_until(ctx: Ctx, fair: Fair, req: BoothRequest) -> str | None:
    """Return the deadline text while the request can still be changed, else None."""
    if ctx.now > fair.deadline or req.status not in ("requested", "waiting", "confirmed"):
        return None
    return t.deadline_text(fair.deadline, ctx.tz)


async def too_late(ctx: Ctx, fair: Fair) -> None:
    """Refuse after the deadline with the contact; show the company's request if it has one."""
    assert ctx.company is not None and ctx.company.id is not None and fair.id is not None
    req = await fairs_read.request_of(ctx.db, fair_id=fair.id, company_id=ctx.company.id)
    if req is None or req.status not in ("requested", "waiting", "confirmed"):
        ctx.say(deadline_refusal(ctx, fair))
        return
    ctx.say(t.LATE_EXISTING.format(title=esc(fair.title), summary=request_summary(req),
                                   deadline=t.deadline_text(fair.deadline, ctx.tz),
                                   contact=contact_text(ctx)))


def deadline_refusal(ctx: Ctx, fair: Fair) -> str:
    """Say that the fair's deadline has passed and whom to ask instead."""
    return t.DEADLINE_PASSED.format(title=esc(fair.title), contact=contact_text(ctx),
                                    deadline=t.deadline_text(fair.deadline, ctx.tz))


def contact_text(ctx: Ctx) -> str:
    """Return the escaped name and e-mail of the cluster's fair contact."""
    contact = ctx.services.catalogue.contact("messe")
    return esc(f"{contact.name} ({contact.email})" if contact.email else contact.name)
