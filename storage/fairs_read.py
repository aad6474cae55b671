"""Reading fairs and booth requests (the rules that change them live in storage.fairs)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Database
from storage.models import BoothRequest, Company, Fair


async def list_fairs(db: Database) -> list[Fair]:
    """Return every fair, earliest first."""
    async with db.read() as s:
        fairs = list((await s.execute(select(Fair))).scalars())
    return sorted(fairs, key=lambda f: (f.days[0] if f.days else "", f.key))


async def get_fair(db: Database, *, key: str) -> Fair | None:
    """Return a fair by catalogue key."""
    async with db.read() as s:
        return (await s.execute(select(Fair).where(Fair.key == key))).scalar_one_or_none()


async def request_of(db: Database, *, fair_id: int, company_id: int) -> BoothRequest | None:
    """Return the company's request for a fair (any state), if one exists."""
    async with db.read() as s:
        return await request_in(s, fair_id, company_id)


async def company_requests(db: Database, *, company_id: int) -> list[tuple[Fair, BoothRequest]]:
    """Return a company's requests that are not withdrawn, with their fairs."""
    async with db.read() as s:
        rows = await s.execute(
            select(Fair, BoothRequest).join(BoothRequest, BoothRequest.fair_id == Fair.id)
            .where(BoothRequest.company_id == company_id, BoothRequest.status != "withdrawn")
        )
        return [(f, r) for f, r in rows.all()]


async def fair_requests(db: Database, *, fair_id: int) -> list[tuple[BoothRequest, Company]]:
    """Return every request for a fair with its company, in FIFO order."""
    async with db.read() as s:
        rows = await s.execute(
            select(BoothRequest, Company).join(Company, Company.id == BoothRequest.company_id)
            .where(BoothRequest.fair_id == fair_id)
            .order_by(BoothRequest.queued_at, BoothRequest.id)
        )
        return [(r, c) for r, c in rows.all()]


async def get_request(db: Database, *, request_id: int) -> tuple[BoothRequest, Fair] | None:
    """Return a request and its fair by id."""
    async with db.read() as s:
        req = await s.get(BoothRequest, request_id)
        return None if req is None else (req, await s.get(Fair, req.fair_id))  # type: ignore[return-value]


async def request_in(s: AsyncSession, fair_id: int, company_id: int) -> BoothRequest | None:
    """Return the company's request for a fair inside an open session."""
    return (await s.execute(select(BoothRequest).where(
        BoothRequest.fair_id == fair_id, BoothRequest.company_id == company_id,
    ))).scalar_one_or_none()
