"""Schau-rein sign-ups: one per company and programme, only for companies of its state.

A withdrawn sign-up is deleted: lists, exports and /meine then simply no longer see it, and a
later sign-up starts afresh.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from storage.db import Database
from storage.errors import DomainError
from storage.models import Company, SchauReinSignup


async def sign_up(
    db: Database, *, programme: str, state: str, first_day: date, last_day: date,
    deadline: datetime, company_id: int, person_id: int | None, days: list[date],
    support: list[str], description: str, contact: str, now: datetime,
) -> tuple[SchauReinSignup, bool]:
    """Create or replace the company's sign-up; return it and whether it replaced one."""
    if now > deadline:
        raise DomainError("schaurein_deadline", deadline=deadline)
    if not days or any(not first_day <= d <= last_day for d in days):
        raise DomainError("schaurein_bad_day", first=first_day, last=last_day)
    async with db.transaction() as s:
        company = await s.get(Company, company_id, with_for_update=True)
        if company is None or company.state != state:
            raise DomainError("schaurein_state", state=None if company is None else company.state)
        row = (await s.execute(select(SchauReinSignup).where(
            SchauReinSignup.programme == programme, SchauReinSignup.company_id == company_id,
        ))).scalar_one_or_none()
        replaced = row is not None
        if row is None:
            row = SchauReinSignup(programme=programme, company_id=company_id, created_at=now,
                                  updated_at=now)
            s.add(row)
        row.person_id, row.updated_at = person_id, now
        row.days = sorted({d.isoformat() for d in days})
        row.support, row.description, row.contact = list(support), description, contact
        await s.flush()
        return row, replaced


async def signup_of(db: Database, *, programme: str, company_id: int) -> SchauReinSignup | None:
    """Return the company's sign-up for a programme, if any."""
    async with db.read() as s:
        return (await s.execute(select(SchauReinSignup).where(
            SchauReinSignup.programme == programme, SchauReinSignup.company_id == company_id,
        ))).scalar_one_or_none()


async def signups(db: Database, *, programme: str) -> list[tuple[SchauReinSignup, Company]]:
    """Return every sign-up of a programme with its company, by company name."""
    async with db.read() as s:
        rows = await s.execute(
            select(SchauReinSignup, Company)
            .join(Company, Company.id == SchauReinSignup.company_id)
            .where(SchauReinSignup.programme == programme)
            .order_by(Company.name)
        )
        return [(r, c) for r, c in rows.all()]


async def withdraw(db: Database, *, programme: str, company_id: int, deadline: datetime,
                   now: datetime) -> SchauReinSignup | None:
    """Delete the company's sign-up and return it; None when there is none (any more)."""
    if now > deadline:
        raise DomainError("schaurein_deadline", deadline=deadline)
    async with db.transaction() as s:
        # Lock the company like sign_up does, so a withdrawal and a new sign-up serialise.
        await s.get(Company, company_id, with_for_update=True)
        row = (await s.execute(select(SchauReinSignup).where(
            SchauReinSignup.programme == programme, SchauReinSignup.company_id == company_id,
        ))).scalar_one_or_none()
        if row is None:
            return None
        await s.delete(row)
        await s.flush()
        return row
