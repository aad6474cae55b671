"""Deadline reminders for Schau rein: 7 and 2 days before the sign-up deadline.

They go to the people of companies in the programme's state (or whose state is not known yet)
that have not signed up, through the shared machinery of storage.outbox.deadlines.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, or_, select

from storage.catalogue import Catalogue
from storage.db import Session
from storage.members.models import Company
from storage.outbox import Plan, deadlines
from storage.schau_rein.models import SchauReinSignup
from storage.schau_rein.programme import programme

DEADLINE_KIND = "schaurein.deadline"
DEADLINE_STEPS = (("7d", timedelta(days=7)), ("2d", timedelta(days=2)))


async def deadline_plans(s: Session, catalogue: Catalogue, *, now: datetime,
                         tz: ZoneInfo) -> dict[str, Plan]:
    """Return every Schau-rein deadline reminder that should be planned now, by key."""
    prog = programme(catalogue)
    if prog is None or prog.deadline <= now:
        return {}
    answered = frozenset(await s.exec(
        select(SchauReinSignup.company_id).where(SchauReinSignup.programme == prog.key)))
    only = frozenset(await s.exec(select(Company.id).where(
        or_(col(Company.state) == prog.state, col(Company.state).is_(None)))))
    offer = deadlines.Offer(prog.key, prog.deadline, {"programme": prog.key}, answered, only)
    return await deadlines.plans(s, kind=DEADLINE_KIND, offers=[offer], steps=DEADLINE_STEPS,
                                 now=now, tz=tz)
