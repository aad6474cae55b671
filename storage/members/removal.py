"""Merging a member company into another and deleting one: what it holds and where that goes.

Every table with a reference to `company.id` is found in the schema, so a feature added later
is covered without touching this module: rows whose reference may be empty (event
registrations) stay and lose their company on delete; rows that must have a company (booth
requests, media days, film interests, Schau rein sign-ups) move on merge, and stop a delete.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Column, Table, UniqueConstraint, and_, delete, exists, update
from sqlmodel import SQLModel, func, select

import storage.schema  # noqa: F401  (every table registered: every reference is found)
from storage.db import Session
from storage.errors import DomainError
from storage.members.models import Company

HANDLED = ("person", "invitecode")  # people are unlinked, codes dropped: said separately


@dataclass(frozen=True)
class Holding:
    """How many rows of one table belong to a company, and what a merge would do to them."""

    table: str
    count: int
    optional: bool  # the reference may be empty: rows stay, without company, on delete
    clashes: int = 0  # rows the target company already has the like of (merge refused)


def _references() -> list[tuple[Table, Column[int]]]:
    """Return every (table, column) that refers to company.id."""
    found = []
    for table in SQLModel.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table.name == "company" and fk.column.name == "id":
                found.append((table, fk.parent))
    return found


def _unique_with(table: Table, column: Column[int]) -> list[list[Column[object]]]:
    """Return, per unique rule including `column`, the other columns of that rule (once each:
    a unique column also shows up as a unique index)."""
    rules: dict[tuple[str, ...], list[Column[object]]] = {(): []} if column.unique else {}
    for c in table.constraints:
        if isinstance(c, UniqueConstraint) and column.name in c.columns:
            others = [x for x in c.columns if x.name != column.name]
            rules[tuple(x.name for x in others)] = others
    for index in table.indexes:
        partial = index.dialect_options["sqlite"].get("where") is not None
        if index.unique and not partial and column.name in index.columns:
            others = [x for x in index.columns if isinstance(x, Column) and x.name != column.name]
            rules[tuple(x.name for x in others)] = others
    return list(rules.values())


async def _clashes(s: Session, table: Table, column: Column[int], source: int,
                   target: int) -> int:
    """Count the source's rows that a unique rule forbids next to the target's."""
    total = 0
    for others in _unique_with(table, column):
        a, b = table.alias("a"), table.alias("b")
        same = [b.c[o.name] == a.c[o.name] for o in others]
        query = select(func.count()).select_from(a).where(
            a.c[column.name] == source,
            exists().where(and_(b.c[column.name] == target, *same)),
        )
        total += (await s.exec(query)).one()
    return total


async def holdings(s: Session, *, company_id: int,
                   target_id: int | None = None) -> list[Holding]:
    """Return what the company holds besides its people and codes (clashes with a target)."""
    out = []
    for table, column in _references():
        if table.name in HANDLED:
            continue
        count = (await s.exec(select(func.count()).select_from(table)
                              .where(column == company_id))).one()
        if count:
            clashes = 0 if target_id is None else await _clashes(s, table, column, company_id,
                                                                 target_id)
            out.append(Holding(table.name, count, bool(column.nullable), clashes))
    return out


async def _company(s: Session, company_id: int) -> Company:
    company = await s.get(Company, company_id, with_for_update=True)
    if company is None:
        raise DomainError("company_unknown", company_id=company_id)
    return company


async def merge(s: Session, *, source_id: int, target_id: int) -> tuple[Company, Company]:
    """Move everything of `source` to `target` (people, codes, sign-ups), then delete source."""
    if source_id == target_id:
        raise DomainError("merge_same")
    source, target = await _company(s, source_id), await _company(s, target_id)
    clashing = [h.table for h in await holdings(s, company_id=source_id, target_id=target_id)
                if h.clashes]
    if clashing:
        raise DomainError("merge_clash", tables=clashing, source=source.name,
                          target=target.name)
    if source.catalogue_key and target.catalogue_key:
        raise DomainError("merge_both_catalogue", source=source.name, target=target.name)
    for table, column in _references():
        await s.exec(update(table).where(column == source_id).values({column.name: target_id})
                     .execution_options(synchronize_session=False))
    key, source.catalogue_key = source.catalogue_key, None
    await s.flush()  # the key is unique: free it before the target takes it
    if key:
        target.catalogue_key = key  # the catalogue's seeder must not bring the source back
        target.edited_in_chat = True
    await s.delete(source)
    await s.flush()
    return source, target


async def remove(s: Session, *, company_id: int,
                 catalogue_keys: frozenset[str]) -> Company:
    """Delete a company: people unlinked, codes dropped, registrations kept without company.

    Refused while the catalogue in force names it (the seeder would bring it back) and while
    it holds requests that need a company (they can move with a merge instead).
    """
    company = await _company(s, company_id)
    if company.catalogue_key and company.catalogue_key in catalogue_keys:
        raise DomainError("company_in_catalogue", name=company.name)
    blocking = [h.table for h in await holdings(s, company_id=company_id) if not h.optional]
    if blocking:
        raise DomainError("company_has_requests", name=company.name, tables=blocking)
    for table, column in _references():
        change = (update(table).where(column == company_id).values({column.name: None})
                  if column.nullable else delete(table).where(column == company_id))
        await s.exec(change.execution_options(synchronize_session=False))
    await s.delete(company)
    await s.flush()
    return company
