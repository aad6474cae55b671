"""Member companies: create (capped), list, find by name."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database
from storage.errors import DomainError
from storage.models import Company

STATES = ("BB", "SN")


async def create(
    db: Database, *, name: str, state: str | None, city: str | None, max_members: int
) -> Company:
    """Add a member company; refuse duplicates and a cluster that is full."""
    name = " ".join(name.split())
    if state is not None and state not in STATES:
        raise DomainError("bad_state", state=state)
    async with db.transaction() as s:
        count = (await s.execute(select(func.count()).select_from(Company))).scalar_one()
        if count >= max_members:
            raise DomainError("cluster_full", max=max_members)
        if await _by_name(s, name) is not None:
            raise DomainError("company_exists", name=name)
        company = Company(name=name, state=state, city=city, edited_in_chat=True)
        s.add(company)
        await s.flush()
        return company


async def all_companies(db: Database) -> list[Company]:
    """Return every company, by name."""
    async with db.read() as s:
        rows = await s.execute(select(Company).order_by(func.lower(Company.name)))
        return list(rows.scalars())


async def get(db: Database, *, company_id: int) -> Company | None:
    """Return a company by id."""
    async with db.read() as s:
        return await s.get(Company, company_id)


async def find(db: Database, *, query: str) -> list[Company]:
    """Find companies by exact name, else by a case-insensitive part of the name."""
    q = " ".join(query.split()).lower()
    if not q:
        return []
    companies = await all_companies(db)
    exact = [c for c in companies if c.name.lower() == q]
    return exact or [c for c in companies if q in c.name.lower()]


async def _by_name(s: AsyncSession, name: str) -> Company | None:
    rows = await s.execute(select(Company).where(func.lower(Company.name) == name.lower()))
    return rows.scalar_one_or_none()


async def set_state(db: Database, *, company_id: int, state: str) -> Company:
    """Record a company's federal state (BB or SN), e.g. when its own staff tells us."""
    if state not in STATES:
        raise DomainError("bad_state", state=state)
    async with db.transaction() as s:
        company = await s.get(Company, company_id, with_for_update=True)
        if company is None:
            raise DomainError("company_unknown", company_id=company_id)
        company.state = state
        await s.flush()
        return company
