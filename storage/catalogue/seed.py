"""Seeding: insert catalogue entries that are missing in the database, never overwrite."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlmodel import SQLModel, select

from storage.catalogue.model import Catalogue
from storage.db import Session
from storage.members.models import Company


async def seed_companies(s: Session, catalogue: Catalogue) -> int:
    """Insert catalogue companies that are missing (by key or name); return how many."""
    rows = (await s.exec(select(Company.catalogue_key, Company.name))).all()
    keys = {k for k, _ in rows if k}
    names = {n.lower() for _, n in rows}
    fresh = [
        Company(name=e.name, state=e.state, city=e.city, catalogue_key=e.key)
        for e in catalogue.data.companies
        if e.key not in keys and e.name.lower() not in names
    ]
    s.add_all(fresh)
    return len(fresh)


async def seed_missing(
    s: Session, *, entries: list[dict[str, Any]], key_column: Any,
    build: Callable[[dict[str, Any]], SQLModel],
) -> int:
    """Insert the entries whose `key` is not in `key_column` yet; never overwrite; count them."""
    known = set(await s.exec(select(key_column)))
    fresh = [build(e) for e in entries if e["key"] not in known]
    s.add_all(fresh)
    return len(fresh)
