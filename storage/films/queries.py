"""Read side of the film series: every interest with its company, one company's interest."""

from __future__ import annotations

from sqlmodel import col, func, select

from storage.db import Session
from storage.films.models import FilmInterest
from storage.members.models import Company


async def interests(s: Session) -> list[tuple[FilmInterest, Company]]:
    """Return every interest with its company, by company name."""
    rows = await s.exec(
        select(FilmInterest, Company)
        .join(Company, col(Company.id) == col(FilmInterest.company_id))
        .order_by(func.lower(Company.name))
    )
    return [(f, c) for f, c in rows]


async def get(s: Session, *, interest_id: int) -> FilmInterest | None:
    """Return an interest by id."""
    return await s.get(FilmInterest, interest_id)


async def of_company(s: Session, *, company_id: int) -> FilmInterest | None:
    """Return the company's interest, if any."""
    return (await s.exec(
        select(FilmInterest).where(FilmInterest.company_id == company_id)
    )).first()


async def holding(s: Session, *, interest_id: int, group_key: str,
                  company_id: int | None = None) -> Company | None:
    """Return the company whose interest `interest_id` still holds `group_key` (else None)."""
    row = (await s.exec(
        select(Company).join(FilmInterest, col(FilmInterest.company_id) == col(Company.id))
        .where(FilmInterest.id == interest_id, FilmInterest.group_key == group_key)
    )).first()
    if row is None or (company_id is not None and row.id != company_id):
        return None
    return row
