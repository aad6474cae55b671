"""Messages a new catalogue causes, planned with the apply and rendered at delivery.

Events reuse the events feature's notices (changed with a new .ics, cancelled, moved up; the
reminders follow the new time). Fairs: "catalogue.fair" to every company with an open booth
request (closed, or days/place changed), read from the fair row at delivery. The Schau-rein
week and the Stammtisch live in the catalogue alone, so their notices carry the facts of the
version that was applied ("catalogue.schau_rein", "catalogue.stammtisch").
Keys name the version: applying another catalogue later tells people again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from handlers.catalogue import texts as t
from handlers.core import Ctx, Notice, RenderCtx, Rendered, Router
from handlers.core.format import esc, fmt_date, fmt_dt
from handlers.events import notices as event_notices
from handlers.events.view import contact
from storage.catalogue import Catalogue
from storage.catalogue.changes import Applied, Plan
from storage.fairs import queries as fair_queries
from storage.fairs.models import Fair
from storage.schau_rein import queries as schau_rein
from storage.stammtisch import queries as stammtisch

FAIR = "catalogue.fair"
SCHAU_REIN = "catalogue.schau_rein"
STAMMTISCH = "catalogue.stammtisch"


def register(router: Router) -> None:
    """Register the three kinds and their renderers."""
    router.notices.add(FAIR, render_fair)
    router.notices.add(SCHAU_REIN, render_schau_rein)
    router.notices.add(STAMMTISCH, render_stammtisch)


async def tell(ctx: Ctx, plan: Plan, done: Applied, *, old: Catalogue, new: Catalogue,
               version: int) -> None:
    """Plan every message the applied plan causes, in the apply's unit of work."""
    await _events(ctx, done)
    for fair, reqs in done.fairs.cancelled:
        for req in reqs:
            await _fair(ctx, version, fair, req.company_id, "cancelled")
    for fair, reqs in done.fairs.changed:
        for req in reqs:
            await _fair(ctx, version, fair, req.company_id, "changed")
    await _schau_rein(ctx, plan, old, new, version)
    if plan.stammtisch is not None and plan.stammtisch.told:
        starts = [m.start.isoformat() for m in plan.stammtisch.after[:3]]
        title = new.data.stammtisch.title if new.data.stammtisch else "Stammtisch"
        await ctx.notify.people(await stammtisch.subscribers(ctx.s), Notice(
            kind=STAMMTISCH, key=f"catalogue:{version}:stammtisch",
            params={"title": title, "starts": starts}))


async def _events(ctx: Ctx, done: Applied) -> None:
    for ev, regs, told in done.events.changed:
        for reg in regs:  # reminders follow the new time (or the new days before it)
            await event_notices.plan_reminders(ctx.notify, ev, reg.person_id, ctx.tz)
        if told:
            await event_notices.changed(ctx.notify, ev, regs)
    for ev, promoted in done.events.promoted:
        await event_notices.moved_up(ctx.notify, ev, promoted, ctx.tz)
    for ev, regs in done.events.cancelled:
        await event_notices.cancelled(ctx.notify, ev, regs)


async def _fair(ctx: Ctx, version: int, fair: Fair, company_id: int, what: str) -> None:
    await ctx.notify.company(company_id, Notice(
        kind=FAIR, key=f"catalogue:{version}:fair:{fair.id}:{what}",
        params={"fair_id": fair.id, "what": what}))


async def _schau_rein(ctx: Ctx, plan: Plan, old: Catalogue, new: Catalogue,
                      version: int) -> None:
    weeks = {w.key: w for w in (old.data.schau_rein, new.data.schau_rein) if w is not None}
    for change in plan.of("schau_rein", "removed", "changed"):
        week = weeks.get(change.key)
        if week is None or not change.told:
            continue
        params = {"what": change.what, "title": week.title,
                  "first": week.first_day.isoformat(), "last": week.last_day.isoformat()}
        for row, _company in await schau_rein.signups(ctx.s, programme=week.key):
            await ctx.notify.company(row.company_id, Notice(
                kind=SCHAU_REIN, key=f"catalogue:{version}:schau_rein:{week.key}",
                params=params))


# -- rendering (at delivery) ---------------------------------------------------------------
async def render_fair(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Render a fair's closing or change from the fair row as it is now."""
    fair = await rc.s.get(Fair, p.get("fair_id"))
    if fair is None:
        return None
    days = ", ".join(fmt_date(d) for d in fair_queries.fair_dates(fair))
    if p.get("what") == "cancelled":
        return Rendered(t.NOTICE_FAIR_CANCELLED.format(
            title=esc(fair.title), days=days, contact=esc(contact(rc.catalogue))))
    if fair.cancelled_at is not None:
        return None  # closed since: that notice is on its way instead
    place = ", ".join(x for x in (fair.place, fair.city)
                      if x and (x == fair.place or x not in fair.place))
    setup = t.NOTICE_SETUP.format(setup=esc(fair.setup)) if fair.setup else ""
    return Rendered(t.NOTICE_FAIR_CHANGED.format(title=esc(fair.title), days=days,
                                                 place=esc(place), setup=setup))


async def render_schau_rein(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Render the Schau-rein week's change from the facts of the applied version."""
    first, last = _day(p.get("first")), _day(p.get("last"))
    if first is None or last is None:
        return None
    template = (t.NOTICE_SCHAU_REIN_REMOVED if p.get("what") == "removed"
                else t.NOTICE_SCHAU_REIN_CHANGED)
    return Rendered(template.format(title=esc(p.get("title", "")), first=fmt_date(first),
                                    last=fmt_date(last), contact=esc(contact(rc.catalogue))))


async def render_stammtisch(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Render the Stammtisch's new dates (those still ahead at delivery)."""
    starts = [datetime.fromisoformat(s) for s in p.get("starts", [])]
    ahead = [s for s in starts if s > rc.now]
    if not ahead:
        return None
    lines = "\n".join(f"• {fmt_dt(s, rc.tz)}" for s in ahead)
    return Rendered(t.NOTICE_STAMMTISCH.format(title=esc(p.get("title", "Stammtisch")),
                                               lines=lines))


def _day(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
