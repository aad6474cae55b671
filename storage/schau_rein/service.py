"""Schau-rein sign-ups: one per company and programme, only for companies of its state.

A withdrawn sign-up is deleted: lists, exports and /meine then simply no longer see it, and a
later sign-up starts afresh. Both changes lock the company row, so a sign-up and a withdrawal
of the same company never interleave.
"""

from __future__ import annotations

from datetime import date, datetime

from storage.db import Session
from storage.errors import DomainError
from storage.members.models import Company
from storage.schau_rein.models import SchauReinSignup
from storage.schau_rein.programme import Programme
from storage.schau_rein.queries import assumed, signup_of


async def sign_up(
    s: Session, *, programme: Programme, company_id: int, person_id: int | None,
    days: list[date], support: list[str], description: str, contact: str, now: datetime,
) -> tuple[SchauReinSignup, bool]:
    """Create or replace the company's sign-up; return it and whether it replaced one."""
    await _open(s, programme, now)
    if not days or any(not programme.first_day <= d <= programme.last_day for d in days):
        raise DomainError("schaurein_bad_day", first=programme.first_day,
                          last=programme.last_day)
    company = await s.get(Company, company_id, with_for_update=True, populate_existing=True)
    if company is None or company.state != programme.state:
        raise DomainError("schaurein_state", state=None if company is None else company.state)
    row = await signup_of(s, programme=programme.key, company_id=company_id)
    replaced = row is not None
    if row is None:
        row = SchauReinSignup(programme=programme.key, company_id=company_id, created_at=now,
                              updated_at=now)
        s.add(row)
    row.person_id, row.updated_at = person_id, now
    row.days = sorted({d.isoformat() for d in days})
    row.support, row.description, row.contact = list(support), description, contact
    await s.flush()
    return row, replaced


async def withdraw(s: Session, *, programme: Programme, company_id: int,
                   now: datetime) -> SchauReinSignup | None:
    """Delete the company's sign-up and return it; None when there is none (any more)."""
    await _open(s, programme, now)
    await s.get(Company, company_id, with_for_update=True)
    row = await signup_of(s, programme=programme.key, company_id=company_id)
    if row is None:
        return None
    await s.delete(row)
    await s.flush()
    return row


async def _open(s: Session, programme: Programme, now: datetime) -> None:
    if not programme.is_open(now):
        raise DomainError("schaurein_deadline", deadline=programme.deadline,
                          provisional=await assumed(s, programme))
