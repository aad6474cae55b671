"""Member companies: create (capped), list, find by name, federal state."""

from __future__ import annotations

from sqlmodel import func, select

from storage.db import Session
from storage.errors import DomainError
from storage.members.models import Company

STATES = ("BB", "SN")


async def create(
    s: Session, *, name: str, state: str | None, city: str | None, max_members: int
) -> Company:
    """Add a member company; refuse duplicates and a cluster that is full."""
    name = " ".join(name.split())
    if state is not None and state not in STATES:
        raise DomainError("bad_state", state=state)
    count = (await s.exec(select(func.count()).select_from(Company))).one()
    if count >= max_members:
        raise DomainError("cluster_full", max=max_members)
    if await _by_name(s, name) is not None:
        raise DomainError("company_exists", name=name)
    company = Company(name=name, state=state, city=city, edited_in_chat=True)
    s.add(company)
    await s.flush()
    return company


async def all_companies(s: Session) -> list[Company]:
    """Return every company, by name."""
    rows = await s.exec(select(Company).order_by(func.lower(Company.name)))
    return list(rows)


async def get(s: Session, *, company_id: int) -> Company | None:
    """Return a company by id."""
    return await s.get(Company, company_id)


async def find(s: Session, *, query: str) -> list[Company]:
    """Find companies by exact name, else by a case-insensitive part of the name."""
    q = " ".join(query.split()).lower()
    if not q:
        return []
    companies = await all_companies(s)
    exact = [c for c in companies if c.name.lower() == q]
    return exact or [c for c in companies if q in c.name.lower()]


async def _by_name(s: Session, name: str) -> Company | None:
    rows = await s.exec(select(Company).where(func.lower(Company.name) == name.lower()))
    return rows.first()


async def set_state(s: Session, *, company_id: int, state: str) -> Company:
    """Record a company's federal state (BB or SN), e.g. when its own staff tells us."""
    if state not in STATES:
        raise DomainError("bad_state", state=state)
    company = await s.get(Company, company_id, with_for_update=True)
    if company is None:
        raise DomainError("company_unknown", company_id=company_id)
    company.state, company.edited_in_chat = state, True
    await s.flush()
    return company


async def rename(s: Session, *, company_id: int, name: str) -> tuple[str, Company]:
    """Rename a company (names stay unique); return the old name and the company."""
    name = " ".join(name.split())
    if not name:
        raise DomainError("company_name_empty")
    company = await s.get(Company, company_id, with_for_update=True)
    if company is None:
        raise DomainError("company_unknown", company_id=company_id)
    other = await _by_name(s, name)
    if other is not None and other.id != company.id:
        raise DomainError("company_exists", name=other.name)
    old, company.name, company.edited_in_chat = company.name, name, True
    await s.flush()
    return old, company
