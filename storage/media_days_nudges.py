"""Who gets the monthly media day nudge, and the person's switch to stop it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from storage.db import Database
from storage.media_days_queries import NUDGE_KIND, without_media_day
from storage.models import Company, Person, ReminderPreference
from storage.outbox import unplan_in
from storage.reminders import set_enabled_in


def nudge_prefix(company_id: int, person_id: int | None = None) -> str:
    """Return the dedupe key prefix of a company's (or one person's) nudges."""
    base = f"{NUDGE_KIND}:c{company_id}:"
    return base if person_id is None else f"{base}p{person_id}:"


async def targets(db: Database, *, today: date) -> list[tuple[Company, list[Person]]]:
    """Return companies without a media day with their reachable people who did not opt out."""
    companies = await without_media_day(db, today=today)
    async with db.read() as s:
        off = select(ReminderPreference.person_id).where(
            ReminderPreference.kind == NUDGE_KIND, ReminderPreference.enabled.is_(False))
        rows = (await s.execute(select(Person).where(
            Person.company_id.in_([c.id for c in companies]), Person.unreachable_at.is_(None),
            Person.id.not_in(off)).order_by(Person.id))).scalars().all()
    by_company: dict[int, list[Person]] = {}
    for p in rows:
        by_company.setdefault(p.company_id, []).append(p)  # type: ignore[arg-type]
    return [(c, by_company[c.id]) for c in companies if c.id in by_company]  # type: ignore[index]


async def opt_out(db: Database, *, person_id: int, company_id: int | None, now: datetime) -> None:
    """Switch the person's nudges off and drop the ones already planned."""
    async with db.transaction() as s:
        await set_enabled_in(s, person_id=person_id, kind=NUDGE_KIND, enabled=False)
        if company_id is not None:
            await unplan_in(s, key_prefix=nudge_prefix(company_id, person_id), now=now,
                            reason="opted out")


async def opted_out(db: Database, *, person_id: int) -> bool:
    """Tell whether the person switched the nudges off."""
    async with db.read() as s:
        pref = await s.get(ReminderPreference, (person_id, NUDGE_KIND))
        return pref is not None and not pref.enabled
