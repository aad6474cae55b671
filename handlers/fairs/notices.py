"""Fair notices: planned in the unit of the change, rendered at delivery from committed data.

The team (the catalogue's "messe" contact, else every admin) hears at once of every new
request, of changes to a confirmed one, of withdrawals and of another admin's decisions, all
in one format with a button that opens the request. Companies hear of decisions, of moving up
from the waiting list, of the deadline (3 and 1 weeks before, while they have not asked) and of
the set-up time a week before the fair; the last two can be switched off in /erinnerungen and
are kept in line with requests, people and opt-outs by a job before every delivery.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from handlers.core import Ctx, JobCtx, Notice, RenderCtx, Rendered, Router
from handlers.core.format import esc
from handlers.fairs import texts as t
from handlers.fairs.actions import OpenRequest
from handlers.fairs.views import CONTACT, request_summary
from storage.fairs import ACTIVE, HOLDING, BoothRequest, Fair, queries, reminders
from storage.fairs.booths import Outcome
from storage.members import Company, people

NEW = "fair.request"  # team: a new request (also onto the waiting list)
CHANGED = "fair.changed"  # team: a confirmed request was changed
WITHDRAWN = "fair.withdrawn"  # team: a request was withdrawn
DECIDED = "fair.decided"  # team: another admin confirmed or declined
DECISION = "fair.decision"  # company: confirmed or declined, with the team's note
PROMOTED = "fair.promoted"  # company: moved up from the waiting list
FIXED = "fair.fixed"  # company: the team confirmed the fair's assumed date ("steht jetzt fest")


def register(router: Router) -> None:
    """Register the fair notice kinds and the reminder job."""
    router.notices.add(NEW, render_new)
    router.notices.add(CHANGED, render_changed)
    router.notices.add(WITHDRAWN, render_withdrawn)
    router.notices.add(DECIDED, render_decided)
    router.notices.add(DECISION, render_decision)
    router.notices.add(PROMOTED, render_promoted)
    router.notices.add(FIXED, render_fixed)
    router.notices.add(reminders.DEADLINE_KIND, render_deadline, switch=t.LABEL_DEADLINE)
    router.notices.add(reminders.SETUP_KIND, render_setup, switch=t.LABEL_EXHIBITOR)
    router.jobs.append(plan_reminders)


# -- planning, in the unit of work of the change ------------------------------------------
async def after_member_change(ctx: Ctx, out: Outcome) -> None:
    """Plan what a company's request, change or withdrawal means for the team and others."""
    req = out.request
    if out.is_new:
        await _tell_team(ctx, NEW, req)
    elif req.status == "withdrawn":
        await _tell_team(ctx, WITHDRAWN, req, was=out.was)
    elif out.was == "confirmed" and req.status == "requested":
        await _tell_team(ctx, CHANGED, req)
    await _after(ctx, out)


async def after_decision(ctx: Ctx, out: Outcome) -> None:
    """Plan the company's answer, tell the rest of the team, and follow up the change."""
    req = out.request
    await ctx.notify.company(req.company_id, Notice(
        kind=DECISION, key=_once(DECISION, req.id),
        params={"request_id": req.id, "status": req.status}))
    await _tell_team(ctx, DECIDED, req, exclude=ctx.person_id,
                     by=ctx.person.display_name or ctx.person.key)
    await _after(ctx, out)


async def _after(ctx: Ctx, out: Outcome) -> None:
    """Tell who moved up; keep the company's set-up reminder in line with its request."""
    for moved in out.promoted:
        await ctx.notify.company(moved.company_id, Notice(
            kind=PROMOTED, key=_once(PROMOTED, moved.id), params={"request_id": moved.id}))
    wanted = await reminders.setup_plans_for(ctx.s, fair=out.fair, req=out.request, now=ctx.now,
                                             tz=ctx.tz)
    await ctx.notify.reconcile(reminders.setup_prefix(out.fair, out.request.company_id), wanted)


async def _tell_team(ctx: Ctx, kind: str, req: BoothRequest, *, exclude: int | None = None,
                     **params: Any) -> None:
    await ctx.notify.team(Notice(kind=kind, key=_once(kind, req.id),
                                 params={"request_id": req.id, **params}),
                          contact=CONTACT, exclude=exclude)


def _once(kind: str, request_id: int) -> str:
    # Every notice is its own message: a second one on the same clock must not dedupe into
    # the first (already sent) one.
    return f"{kind}:{request_id}:{secrets.token_hex(4)}"


async def plan_reminders(j: JobCtx) -> None:
    """Job: keep deadline and set-up reminders in line with fairs, requests and people."""
    tz = j.services.tz
    await j.notify.reconcile(reminders.deadline_prefix(),
                             await reminders.deadline_plans(j.s, now=j.now, tz=tz))
    await j.notify.reconcile(reminders.setup_prefix(),
                             await reminders.setup_plans(j.s, now=j.now, tz=tz))


# -- renderers, at delivery ---------------------------------------------------------------
Found = tuple[BoothRequest, Fair, Company]


async def _request(rc: RenderCtx, p: Mapping[str, Any]) -> Found | None:
    return await queries.request_with_fair(rc.s, request_id=int(p.get("request_id", 0)))


def _team(what: str, found: Found, extra: str = "", *,
          prep: str = "von") -> Rendered:
    req, fair, company = found
    text = t.team_notice(what, company.name, fair.title, t.STATUS[req.status],
                         request_summary(req, status=False), extra, prep=prep)
    return Rendered(text, [[RenderCtx.button(t.OPEN_LABEL, OpenRequest(req.id))]])


async def render_new(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Team: a new booth request."""
    found = await _request(rc, p)
    return None if found is None else _team(t.TEAM_NEW, found)


async def render_changed(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Team: a confirmed request was changed and needs confirming again."""
    found = await _request(rc, p)
    return None if found is None else _team(t.TEAM_CHANGED, found, t.TEAM_CHANGED_NOTE)


async def render_withdrawn(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Team: a request was withdrawn (what it was, how much space is free again)."""
    found = await _request(rc, p)
    if found is None:
        return None
    was = str(p.get("was"))
    note = t.TEAM_WITHDRAWN_FREED if was in HOLDING else t.TEAM_WITHDRAWN_NOTE
    return _team(t.TEAM_WITHDRAWN, found,
                 note.format(status=t.STATUS.get(was, "offen"), area=found[0].area_m2))


async def render_decided(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Team: another admin confirmed or declined a request."""
    found = await _request(rc, p)
    if found is None:
        return None
    req = found[0]
    extra = t.TEAM_DECIDED_BY.format(name=esc(p.get("by", "")))
    if req.admin_note:
        extra += t.TEAM_NOTE.format(note=esc(req.admin_note))
    return _team(t.TEAM_DECIDED[req.status == "confirmed"], found, extra, prep="für")


async def render_decision(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Company: the team confirmed or declined the request (None once decided otherwise)."""
    found = await _request(rc, p)
    if found is None or found[0].status != p.get("status"):
        return None
    req, fair, _ = found
    if req.status == "confirmed":
        text = t.CONFIRMED.format(title=esc(fair.title),
                                  days=t.fair_days_text(queries.booked_dates(req),
                                                        fair.provisional),
                                  setup=t.setup_text(fair.setup, fair.provisional))
    else:
        text = t.DECLINED.format(title=esc(fair.title))
    return Rendered(text + (t.NOTE.format(note=esc(req.admin_note)) if req.admin_note else ""))


async def render_promoted(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Company: the request moved up from the waiting list (None once withdrawn)."""
    found = await _request(rc, p)
    if found is None or found[0].status not in HOLDING:
        return None
    return Rendered(t.PROMOTED.format(title=esc(found[1].title)))


async def render_deadline(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Company: the deadline is near and you have not asked (None once asked or passed)."""
    fair = await rc.s.get(Fair, int(p.get("fair_id", 0)))
    company_id = rc.person.company_id
    if fair is None or company_id is None or rc.now > fair.deadline:
        return None
    asked = await queries.request_of(rc.s, fair_id=fair.id, company_id=company_id)
    if asked is not None and asked.status != "withdrawn":
        return None
    return Rendered(t.REMIND_DEADLINE.format(
        title=esc(fair.title), days=t.fair_days_text(queries.fair_dates(fair), fair.provisional),
        place=esc(fair.place),
        deadline=t.fair_deadline_text(fair.deadline, rc.tz, fair.provisional)))


async def render_setup(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Company: a week before the fair, with the set-up time (None unless confirmed)."""
    found = await _request(rc, p)
    if found is None or found[0].status != "confirmed":
        return None
    req, fair, _ = found
    kit = ", ".join(label for attr, label in t.EQUIPMENT.items() if getattr(req, attr))
    return Rendered(t.REMIND_EXHIBITOR.format(
        title=esc(fair.title), days=t.fair_days_text(queries.booked_dates(req), fair.provisional),
        place=esc(fair.place), setup=t.setup_text(fair.setup, fair.provisional),
        area=req.area_m2, equipment=f", {kit}" if kit else ""))


async def fixed(ctx: Ctx, fair: Fair) -> int:
    """Tell the companies asking for space that the fair's assumed date now stands."""
    told = 0
    for req, _ in await queries.fair_requests(ctx.s, fair_id=fair.id):
        if req.status in ACTIVE:
            told += await ctx.notify.company(req.company_id, Notice(
                kind=FIXED, key=_once(FIXED, req.id), params={"request_id": req.id}))
    return told


async def fixed_audience(ctx: Ctx, fair: Fair) -> int:
    """Return how many people `fixed` would tell (reachable people of asking companies)."""
    ids = {req.company_id for req, _ in await queries.fair_requests(ctx.s, fair_id=fair.id)
           if req.status in ACTIVE}
    found = [p for cid in sorted(ids) for p in await people.members_of(ctx.s, company_id=cid)]
    return sum(1 for p in found if p.unreachable_at is None)


async def render_fixed(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Company: the fair's date stands (None once the request is withdrawn or declined)."""
    found = await _request(rc, p)
    if found is None or found[0].status not in ACTIVE or found[1].cancelled_at is not None:
        return None
    req, fair, _ = found
    return Rendered(t.FIXED.format(
        title=esc(fair.title), days=t.fair_days_text(queries.fair_dates(fair), fair.provisional),
        place=esc(fair.place), setup=t.setup_text(fair.setup, fair.provisional),
        status=t.STATUS[req.status]))
