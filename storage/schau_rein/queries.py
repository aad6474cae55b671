"""The read side of Schau rein: a company's sign-up, all sign-ups of a programme."""

from __future__ import annotations

from sqlmodel import col, select

from storage.db import Session
from storage.members.models import Company
from storage.schau_rein.models import SchauReinSignup


async def signup_of(s: Session, *, programme: str, company_id: int) -> SchauReinSignup | None:
    """Return the company's sign-up for a programme, if any."""
    rows = await s.exec(select(SchauReinSignup).where(
        SchauReinSignup.programme == programme, SchauReinSignup.company_id == company_id,
    ))
    return rows.first()


async def signup_with_company(
    s: Session, *, signup_id: int
) -> tuple[SchauReinSignup, Company] | None:
    """Return a sign-up with its company by id (None once withdrawn)."""
    row = (await s.exec(
        select(SchauReinSignup, Company)
        .join(Company, col(Company.id) == col(SchauReinSignup.company_id))
        .where(SchauReinSignup.id == signup_id)
    )).first()
    return None if row is None else (row[0], row[1])


async def signups(s: Session, *, programme: str) -> list[tuple[SchauReinSignup, Company]]:
    """Return every sign-up of a programme with its company, by company name."""
    rows = await s.exec(
        select(SchauReinSignup, Company)
        .join(Company, col(Company.id) == col(SchauReinSignup.company_id))
        .where(SchauReinSignup.programme == programme)
        .order_by(col(Company.name))
    )
    return list(rows.all())
