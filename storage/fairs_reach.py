"""Who hears about fairs and Schau rein: reachable people of companies, opt-outs, bulk planning."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select

from storage.db import Database
from storage.models import BoothRequest, Company, Person, ReminderPreference
from storage.outbox import plan_in, unplan_in


async def reachable(db: Database, *, company_id: int, kind: str | None = None) -> list[Person]:
    """Return the company's linked, reachable people (minus those who switched `kind` off)."""
    async with db.read() as s:
        rows = await s.execute(
            select(Person)
            .where(Person.company_id == company_id, Person.unreachable_at.is_(None))
            .order_by(Person.id)
        )
        people = list(rows.scalars())
        if kind is None or not people:
            return people
        off = set((await s.execute(select(ReminderPreference.person_id).where(
            ReminderPreference.kind == kind, ReminderPreference.enabled.is_(False),
            ReminderPreference.person_id.in_([p.id for p in people]),
        ))).scalars())
        return [p for p in people if p.id not in off]


async def deadline_audience(
    db: Database, *, fair_id: int, kind: str
) -> list[tuple[int, bool, tuple[int, ...], tuple[int, ...]]]:
    """Return per company: (id, has a request, reachable people wanting `kind`, the others).

    "Has a request" is any state but withdrawn: a declined company gets no more nudges.
    """
    async with db.read() as s:
        companies = list((await s.execute(select(Company.id).order_by(Company.id))).scalars())
        asked = set((await s.execute(select(BoothRequest.company_id).where(
            BoothRequest.fair_id == fair_id, BoothRequest.status != "withdrawn",
        ))).scalars())
        rows = (await s.execute(
            select(Person.id, Person.company_id)
            .where(Person.company_id.is_not(None), Person.unreachable_at.is_(None))
            .order_by(Person.id)
        )).all()
        off = set((await s.execute(select(ReminderPreference.person_id).where(
            ReminderPreference.kind == kind, ReminderPreference.enabled.is_(False),
        ))).scalars())
    out = []
    for cid in companies:
        ids = [pid for pid, c in rows if c == cid]
        out.append((cid, cid in asked, tuple(p for p in ids if p not in off),
                    tuple(p for p in ids if p in off)))
    return out


async def replan(
    db: Database, *, plans: Sequence[dict[str, Any]], drops: Sequence[str], now: datetime,
    reason: str,
) -> None:
    """Plan outbox rows (plan_in keyword dicts) and drop key prefixes in one transaction."""
    async with db.transaction() as s:
        for prefix in drops:
            await unplan_in(s, key_prefix=prefix, now=now, reason=reason)
        for row in plans:
            await plan_in(s, now=now, **row)
