"""Schau-rein notices to the team: planned with the sign-up or withdrawal, rendered at delivery.

The catalogue's "schau_rein" contact (else every admin) hears at once of every sign-up and
withdrawal, in the fairs' format, with a button that opens the sign-up (or the list).
Companies in the programme's state that have not signed up get a deadline reminder 7 and 2
days before the deadline (switchable; storage.schau_rein.reminders).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from handlers.core import Ctx, JobCtx, Notice, RenderCtx, Rendered, Router
from handlers.core.format import esc
from handlers.schau_rein import texts as t
from handlers.schau_rein.actions import Join, OpenSignup, ShowSignups
from handlers.schau_rein.views import CONTACT, dates, deadline_shown, row_summary, week_text
from storage.members import people
from storage.outbox import deadlines
from storage.schau_rein import Programme, SchauReinSignup, programme, queries, reminders

SIGNED_UP = "schaurein.signup"
WITHDRAWN = "schaurein.withdrawn"
FIXED = "schaurein.fixed"  # company: the team confirmed the assumed week ("steht jetzt fest")


def register(router: Router) -> None:
    """Register the Schau-rein notice kinds."""
    router.notices.add(SIGNED_UP, render_signed_up)
    router.notices.add(WITHDRAWN, render_withdrawn)
    router.notices.add(FIXED, render_fixed)
    router.notices.add(reminders.DEADLINE_KIND, render_deadline, switch=t.LABEL_DEADLINE)
    router.jobs.append(plan_deadline_reminders)


async def plan_deadline_reminders(j: JobCtx) -> None:
    """Job: keep the deadline reminders in line with sign-ups, people and switches."""
    wanted = await reminders.deadline_plans(j.s, j.services.catalogue, now=j.now,
                                            tz=j.services.tz)
    await j.notify.reconcile(deadlines.prefix(reminders.DEADLINE_KIND), wanted)


async def render_deadline(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Company: the deadline is near and you have not signed up (None once signed up)."""
    prog = programme(rc.catalogue)
    company_id = rc.person.company_id
    if prog is None or prog.key != p.get("programme") or company_id is None:
        return None
    if not prog.is_open(rc.now) or await queries.signup_of(
            rc.s, programme=prog.key, company_id=company_id) is not None:
        return None
    assumed = await queries.assumed(rc.s, prog)
    text = t.REMIND_DEADLINE.format(title=esc(prog.title), days=week_text(prog, assumed),
                                    deadline=deadline_shown(prog.deadline, rc.catalogue,
                                                            assumed))
    return Rendered(text, [[RenderCtx.button(t.JOIN_LABEL, Join())]])


async def signed_up(ctx: Ctx, row: SchauReinSignup, *, replaced: bool) -> None:
    """Tell the Schau-rein contact of a new (or replacing) sign-up."""
    await ctx.notify.team(Notice(kind=SIGNED_UP, key=_once(SIGNED_UP, row.id),
                                 params={"signup_id": row.id, "replaced": replaced}),
                          contact=CONTACT)


async def withdrawn(ctx: Ctx, row: SchauReinSignup) -> None:
    """Tell the Schau-rein contact of a withdrawal (the row is gone: its facts go along)."""
    company = ctx.company.name if ctx.company is not None else ""
    await ctx.notify.team(Notice(kind=WITHDRAWN, key=_once(WITHDRAWN, row.id),
                                 params={"company": company, "days": list(row.days)}),
                          contact=CONTACT)


def _once(kind: str, signup_id: int) -> str:
    # Every notice is its own message: a second one on the same clock must not dedupe into
    # the first (already sent) one.
    return f"{kind}:{signup_id}:{secrets.token_hex(4)}"


async def render_signed_up(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Team: a company signed up (None once withdrawn again)."""
    found = await queries.signup_with_company(rc.s, signup_id=int(p.get("signup_id", 0)))
    if found is None:
        return None
    row, company = found
    extra = t.REPLACED if p.get("replaced") else ""
    text = t.team_notice(t.TEAM_NEW, company.name, row_summary(programme(rc.catalogue), row),
                         extra)
    return Rendered(text, [[rc.button(t.OPEN_LABEL, OpenSignup(row.id))]])


async def render_withdrawn(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered:
    """Team: a company withdrew its sign-up."""
    days = t.TEAM_WITHDRAWN_DAYS.format(days=t.days_text(dates(list(p.get("days", [])))))
    text = t.team_notice(t.TEAM_WITHDRAWN, str(p.get("company", "")), days)
    return Rendered(text, [[rc.button(t.LIST_LABEL, ShowSignups())]])


async def fixed(ctx: Ctx, prog: Programme) -> int:
    """Tell the companies signed up that the assumed week now stands; return how many people."""
    told = 0
    for row, _ in await queries.signups(ctx.s, programme=prog.key):
        told += await ctx.notify.company(row.company_id, Notice(
            kind=FIXED, key=_once(FIXED, row.id), params={"signup_id": row.id}))
    return told


async def fixed_audience(ctx: Ctx, prog: Programme) -> int:
    """Return how many people `fixed` would tell (reachable people of companies signed up)."""
    found = [p for row, _ in await queries.signups(ctx.s, programme=prog.key)
             for p in await people.members_of(ctx.s, company_id=row.company_id)]
    return sum(1 for p in found if p.unreachable_at is None)


async def render_fixed(rc: RenderCtx, p: Mapping[str, Any]) -> Rendered | None:
    """Company: the Schau-rein week stands (None once the sign-up is withdrawn)."""
    found = await queries.signup_with_company(rc.s, signup_id=int(p.get("signup_id", 0)))
    prog = programme(rc.catalogue)
    if found is None or prog is None or found[0].programme != prog.key:
        return None
    row = found[0]
    return Rendered(t.FIXED.format(title=esc(prog.title),
                                   week=week_text(prog, await queries.assumed(rc.s, prog)),
                                   days=t.days_text(dates(row.days))))
