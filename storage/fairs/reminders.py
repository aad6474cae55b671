"""Which fair reminders should be waiting in the outbox right now (planners reconcile to this).

Deadline reminders (`fair.deadline`, storage.outbox.deadlines) go to every linked, reachable
person of a company without a request (any state but withdrawn: a declined company gets no
more nudges), 3 weeks and 1 week before the deadline at 09:00. Set-up reminders
(`fair.exhibitor`) go to the people of a company whose request is confirmed, a week before its
first booked day at 09:00. People who switched a
kind off are left out. A scheduled job reconciles both with the outbox before every delivery,
so new colleagues, opt-outs, requests and catalogue changes are followed; a change of one
request reconciles that company's set-up reminder in its own unit of work.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from storage.db import Session
from storage.fairs import queries
from storage.fairs.models import BoothRequest, Fair
from storage.members import people
from storage.members.models import Person
from storage.outbox import Plan, deadlines

DEADLINE_KIND = "fair.deadline"
SETUP_KIND = "fair.exhibitor"
DEADLINE_STEPS = (("3w", timedelta(weeks=3)), ("1w", timedelta(weeks=1)))


def deadline_prefix() -> str:
    """Return the key prefix of every deadline reminder."""
    return deadlines.prefix(DEADLINE_KIND)


def setup_prefix(fair: Fair | None = None, company_id: int | None = None) -> str:
    """Return the key prefix of set-up reminders (all, or one company's at one fair)."""
    if fair is None or company_id is None:
        return f"{SETUP_KIND}:"
    return f"{SETUP_KIND}:{fair.key}:c{company_id}:"


async def deadline_plans(s: Session, *, now: datetime, tz: ZoneInfo) -> dict[str, Plan]:
    """Return every deadline reminder that should be planned now, by key."""
    fairs = [f for f in await queries.list_fairs(s) if f.deadline > now]
    if not fairs:
        return {}
    asked = set((await s.exec(
        select(BoothRequest.fair_id, BoothRequest.company_id)
        .where(col(BoothRequest.fair_id).in_([f.id for f in fairs]),
               BoothRequest.status != "withdrawn")
    )).all())
    offers = [deadlines.Offer(fair.key, fair.deadline, {"fair_id": fair.id},
                              frozenset(c for f, c in asked if f == fair.id)) for fair in fairs]
    return await deadlines.plans(s, kind=DEADLINE_KIND, offers=offers, steps=DEADLINE_STEPS,
                                 now=now, tz=tz)


async def setup_plans(s: Session, *, now: datetime, tz: ZoneInfo) -> dict[str, Plan]:
    """Return every set-up reminder that should be planned now, by key."""
    rows = (await s.exec(
        select(BoothRequest, Fair).join(Fair, col(Fair.id) == col(BoothRequest.fair_id))
        .where(BoothRequest.status == "confirmed", col(Fair.cancelled_at).is_(None))
    )).all()
    if not rows:
        return {}
    audience = await deadlines.wanting(s, await people.linked_people(s), SETUP_KIND)
    by_company: dict[int, list[Person]] = {}
    for p in audience:
        if p.company_id is not None:
            by_company.setdefault(p.company_id, []).append(p)
    wanted: dict[str, Plan] = {}
    for req, fair in rows:
        wanted.update(_setup(fair, req, by_company.get(req.company_id, []), now, tz))
    return wanted


async def setup_plans_for(s: Session, *, fair: Fair, req: BoothRequest, now: datetime,
                          tz: ZoneInfo) -> dict[str, Plan]:
    """Return the set-up reminders one request should have now (none unless confirmed)."""
    if req.status != "confirmed":
        return {}
    members = await people.reachable_members(s, company_id=req.company_id)
    return _setup(fair, req, await deadlines.wanting(s, members, SETUP_KIND), now, tz)


def _setup(fair: Fair, req: BoothRequest, members: Iterable[Person], now: datetime,
           tz: ZoneInfo) -> dict[str, Plan]:
    first = setup_start(fair, req, tz)
    due = deadlines.at_nine(first.date() - timedelta(weeks=1), tz)
    if due <= now - deadlines.GRACE or now >= first:
        return {}
    prefix = setup_prefix(fair, req.company_id)
    return {
        f"{prefix}p{p.id}": Plan(person_id=p.id, kind=SETUP_KIND, key=f"{prefix}p{p.id}",
                                 due_at=due, params={"request_id": req.id}, not_after=first)
        for p in members
    }


def setup_start(fair: Fair, req: BoothRequest, tz: ZoneInfo) -> datetime:
    """Return when set-up starts on the request's first booked day (the fair's first day)."""
    booked = queries.booked_dates(req) or queries.fair_dates(fair)
    return datetime.combine(min(booked), time.fromisoformat(fair.setup or "08:00"), tzinfo=tz)
