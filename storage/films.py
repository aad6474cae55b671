"""Film series "Berufe mit Zukunft": interest per company, one company per profession group."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.catalogue import Catalogue
from storage.db import Database
from storage.errors import DomainError
from storage.media_days_rules import lock
from storage.models import Company, FilmInterest


@dataclass(frozen=True)
class FilmConfig:
    """The catalogue's [film_series] section."""

    title: str
    max_films: int
    groups: dict[str, str]
    interested: tuple[str, ...]

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue) -> FilmConfig:
        """Read the [film_series] section."""
        raw = catalogue.section("film_series")
        return cls(
            title=raw.get("title", "Berufe mit Zukunft"),
            max_films=int(raw.get("max_films", 8)),
            groups={g["key"]: g["label"] for g in raw.get("groups", [])},
            interested=tuple(raw.get("interested", ())),
        )


async def seed_films(db: Database, catalogue: Catalogue) -> int:
    """Insert the interest the plan names (group unassigned) where missing; return how many."""
    cfg = FilmConfig.from_catalogue(catalogue)
    now = datetime.now(UTC)  # seeding runs before any clock-driven work; only a stamp
    added = 0
    async with db.transaction() as s:
        for key in cfg.interested:
            company = (await s.execute(
                select(Company).where(Company.catalogue_key == key)
            )).scalar_one_or_none()
            if company is None or await _of_company(s, company.id) is not None:  # type: ignore[arg-type]
                continue
            s.add(FilmInterest(company_id=company.id, created_at=now, updated_at=now))
            added += 1
    return added


async def interests(db: Database) -> list[tuple[FilmInterest, Company]]:
    """Return every interest with its company, by company name."""
    async with db.read() as s:
        rows = await s.execute(
            select(FilmInterest, Company).join(Company, Company.id == FilmInterest.company_id)
            .order_by(func.lower(Company.name))
        )
        return [(f, c) for f, c in rows.all()]


async def of_company(db: Database, *, company_id: int) -> FilmInterest | None:
    """Return the company's interest, if any."""
    async with db.read() as s:
        return await _of_company(s, company_id)


async def register_interest(
    db: Database, *, company_id: int, group_key: str, description: str, now: datetime,
    cfg: FilmConfig,
) -> FilmInterest:
    """Register (or change, until assigned) the company's interest in one profession group."""
    try:
        async with db.transaction() as s:
            await lock(s, "films")
            row = await _of_company(s, company_id)
            if row is not None and row.assigned:
                raise DomainError("film_assigned", group=cfg.groups.get(row.group_key or "", ""))
            await _check_group(s, group_key, row.id if row else None, cfg)
            if row is None:
                row = FilmInterest(company_id=company_id, created_at=now, updated_at=now)
                s.add(row)
            row.group_key, row.description, row.updated_at = group_key, description, now
            await s.flush()
            return row
    except IntegrityError:
        raise DomainError("film_group_taken", group=cfg.groups.get(group_key, group_key)) from None


async def check_pick(db: Database, *, company_id: int, group_key: str, cfg: FilmConfig) -> None:
    """Refuse a group the company cannot take (taken, full, assigned) before asking more."""
    async with db.read() as s:
        row = await _of_company(s, company_id)
        if row is not None and row.assigned:
            raise DomainError("film_assigned", group=cfg.groups.get(row.group_key or "", ""))
        await _check_group(s, group_key, row.id if row else None, cfg)


async def assign(
    db: Database, *, interest_id: int, group_key: str, now: datetime, cfg: FilmConfig
) -> tuple[FilmInterest, Company]:
    """Let the team assign (or confirm) a group for an interested company."""
    try:
        async with db.transaction() as s:
            await lock(s, "films")
            row = await s.get(FilmInterest, interest_id)
            if row is None:
                raise DomainError("film_not_found")
            await _check_group(s, group_key, row.id, cfg)
            row.group_key, row.assigned, row.updated_at = group_key, True, now
            await s.flush()
            company = await s.get(Company, row.company_id)
            assert company is not None
            return row, company
    except IntegrityError:
        raise DomainError("film_group_taken", group=cfg.groups.get(group_key, group_key)) from None


async def release(
    db: Database, *, interest_id: int, group_key: str, now: datetime, cfg: FilmConfig,
    company_id: int | None = None,
) -> tuple[FilmInterest, Company]:
    """Take a company out of its film, freeing the group; `company_id` limits it to that company.

    The interest row stays (group and description cleared) so the seeder does not re-add it
    and the team can give the company another group later.
    """
    async with db.transaction() as s:
        await lock(s, "films")
        row = await s.get(FilmInterest, interest_id)
        # a stale button: already removed, or the group was given to someone else meanwhile
        if row is None or row.group_key != group_key or (
            company_id is not None and row.company_id != company_id
        ):
            raise DomainError("film_not_held", group=cfg.groups.get(group_key, group_key))
        row.group_key, row.assigned, row.description, row.updated_at = None, False, "", now
        await s.flush()
        company = await s.get(Company, row.company_id)
        assert company is not None
        return row, company


async def _check_group(
    s: AsyncSession, group_key: str, own_id: int | None, cfg: FilmConfig
) -> None:
    if group_key not in cfg.groups:
        raise DomainError("film_bad_group", group=group_key)
    holder = (await s.execute(
        select(FilmInterest).where(FilmInterest.group_key == group_key)
    )).scalar_one_or_none()
    if holder is not None and holder.id != own_id:
        raise DomainError("film_group_taken", group=cfg.groups[group_key])
    q = select(func.count()).select_from(FilmInterest).where(FilmInterest.group_key.is_not(None))
    if own_id is not None:
        q = q.where(FilmInterest.id != own_id)
    if (await s.execute(q)).scalar_one() >= cfg.max_films:
        raise DomainError("film_full", max=cfg.max_films)


async def _of_company(s: AsyncSession, company_id: int) -> FilmInterest | None:
    return (await s.execute(
        select(FilmInterest).where(FilmInterest.company_id == company_id)
    )).scalar_one_or_none()
