"""Film series writes: seed the plan's interest, register, assign, release a group.

Every write holds the series lock (one writer at a time decides who holds which group); the
unique group column backs it up, refused like the rule inside a savepoint.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from storage.catalogue import Catalogue, seed_companies
from storage.db import Session
from storage.errors import DomainError
from storage.films.models import FilmInterest
from storage.films.queries import of_company
from storage.films.rules import FilmConfig, check_group
from storage.locks import advisory_lock
from storage.members.models import Company
from storage.types import utcnow

LOCK = "films"


async def seed_films(s: Session, catalogue: Catalogue) -> int:
    """Insert the interest the plan names (group unassigned) where missing; return how many."""
    cfg = FilmConfig.from_catalogue(catalogue)
    if not cfg.interested:
        return 0
    # The plan names companies by catalogue key; seeders run in feature order and the
    # companies' own seeder may come later, so make sure they exist (it inserts only missing).
    await seed_companies(s, catalogue)
    now = utcnow()  # seeding runs at start, before any clock-driven work: only a stamp
    companies = await s.exec(
        select(Company).where(col(Company.catalogue_key).in_(cfg.interested)))
    added = 0
    for company in companies:
        if await of_company(s, company_id=company.id) is None:
            s.add(FilmInterest(company_id=company.id, created_at=now, updated_at=now,
                               from_plan=True))
            added += 1
    return added


async def register_interest(
    s: Session, *, company_id: int, group_key: str, description: str, now: datetime,
    cfg: FilmConfig,
) -> FilmInterest:
    """Register (or change, until assigned) the company's interest in one profession group."""
    await advisory_lock(s, LOCK)
    row = await of_company(s, company_id=company_id)
    if row is not None and row.assigned:
        raise DomainError("film_assigned", group=cfg.label(row.group_key))
    await check_group(s, group_key, row.id if row else None, cfg)
    async with _guarded(s, group_key, cfg):
        if row is None:
            row = FilmInterest(company_id=company_id, created_at=now, updated_at=now)
            s.add(row)
        elif row.from_plan:  # the company reports it now: from here on it has a date
            row.from_plan, row.created_at = False, now
        row.group_key, row.description, row.updated_at = group_key, description, now
    return row


async def check_pick(s: Session, *, company_id: int, group_key: str, cfg: FilmConfig) -> None:
    """Refuse a group the company cannot take (taken, full, assigned) before asking more."""
    row = await of_company(s, company_id=company_id)
    if row is not None and row.assigned:
        raise DomainError("film_assigned", group=cfg.label(row.group_key))
    await check_group(s, group_key, row.id if row else None, cfg)


async def assign(
    s: Session, *, interest_id: int, group_key: str, now: datetime, cfg: FilmConfig
) -> tuple[FilmInterest, Company]:
    """Let the team assign (or confirm) a group for an interested company."""
    await advisory_lock(s, LOCK)
    row, company = await _with_company(s, interest_id)
    if row is None or company is None:
        raise DomainError("film_not_found")
    await check_group(s, group_key, row.id, cfg)
    async with _guarded(s, group_key, cfg):
        row.group_key, row.assigned, row.updated_at = group_key, True, now
    return row, company


async def release(
    s: Session, *, interest_id: int, group_key: str, now: datetime, cfg: FilmConfig,
    company_id: int | None = None,
) -> tuple[FilmInterest, Company]:
    """Take a company out of its film, freeing the group; `company_id` limits it to that company.

    The interest row stays (group and description cleared) so the seeder does not re-add it
    and the team can give the company another group later.
    """
    await advisory_lock(s, LOCK)
    row, company = await _with_company(s, interest_id)
    # a stale button: already removed, or the group was given to someone else meanwhile
    if row is None or company is None or row.group_key != group_key or (
        company_id is not None and row.company_id != company_id
    ):
        raise DomainError("film_not_held", group=cfg.label(group_key))
    row.group_key, row.assigned, row.description, row.updated_at = None, False, "", now
    return row, company


async def _with_company(
    s: Session, interest_id: int
) -> tuple[FilmInterest | None, Company | None]:
    row = await s.get(FilmInterest, interest_id)
    return row, None if row is None else await s.get(Company, row.company_id)


@asynccontextmanager
async def _guarded(s: Session, group_key: str, cfg: FilmConfig) -> AsyncIterator[None]:
    """Write in a savepoint; the unique group column firing means the group is taken."""
    try:
        async with s.begin_nested():
            yield
    except IntegrityError:
        raise DomainError("film_group_taken", group=cfg.label(group_key)) from None
