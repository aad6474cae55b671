"""A person's role in their company, as they said it: the audience "one company role"."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, func
from sqlmodel import col, select

from storage.db import Session
from storage.errors import DomainError
from storage.members.models import Person
from storage.polls.models import CompanyRole

# The roles the plan speaks of: HR staff ("Austausch unter Personalern"), trainers ("praxisnah
# für Ausbilder"), marketing/social media ("Marketing Azubi Social Media") and management.
ROLES = ("personal", "ausbildung", "marketing", "leitung")
PREFIX = "role:"


def role_audience(role: str) -> str:
    """Return the audience code of the people with one company role."""
    if role not in ROLES:
        raise DomainError("role_unknown", role=role)
    return f"{PREFIX}{role}"


def role_of(audience: str) -> str | None:
    """Return the role of a role audience, else None."""
    if not audience.startswith(PREFIX):
        return None
    role = audience.removeprefix(PREFIX)
    return role if role in ROLES else None


async def people_by_company(s: Session) -> dict[int, list[tuple[Person, str | None]]]:
    """Return the people linked to each company, by name, each with the role they stated for
    it (None: none), in one query."""
    rows = await s.exec(
        select(Person, col(CompanyRole.role))
        .outerjoin(CompanyRole, and_(col(CompanyRole.person_id) == col(Person.id),
                                     col(CompanyRole.company_id) == col(Person.company_id)))
        .where(col(Person.company_id).is_not(None))
        .order_by(col(Person.display_name), col(Person.id)))
    found: dict[int, list[tuple[Person, str | None]]] = {}
    for person, role in rows:
        if person.company_id is not None:
            found.setdefault(person.company_id, []).append((person, role))
    return found


async def get(s: Session, *, person: Person) -> str | None:
    """Return the role a person stated for their current company, if any."""
    row = await s.get(CompanyRole, person.id)
    if row is None or row.company_id != person.company_id:
        return None
    return row.role


async def set_role(s: Session, *, person: Person, role: str | None, now: datetime) -> None:
    """Keep (or, with None, forget) a person's role in their current company."""
    if role is not None and role not in ROLES:
        raise DomainError("role_unknown", role=role)
    if person.company_id is None:
        raise DomainError("role_needs_company")
    row = await s.get(CompanyRole, person.id)
    if role is None:
        if row is not None:
            await s.delete(row)
        return
    if row is None:
        s.add(CompanyRole(person_id=person.id, company_id=person.company_id, role=role,
                          set_at=now))
        return
    row.company_id, row.role, row.set_at = person.company_id, role, now


def with_role(role: str) -> ColumnElement[bool]:
    """Return the condition "the person's stated role in their current company is `role`"."""
    return col(Person.id).in_(select(CompanyRole.person_id).where(
        col(CompanyRole.role) == role, col(CompanyRole.company_id) == col(Person.company_id)))


async def counts(s: Session) -> dict[str, int]:
    """Return how many reachable, linked people stated each role (for the audience buttons)."""
    q = (select(CompanyRole.role, func.count())
         .join(Person, col(Person.id) == col(CompanyRole.person_id))
         .where(col(Person.company_id) == col(CompanyRole.company_id),
                col(Person.unreachable_at).is_(None))
         .group_by(col(CompanyRole.role)))
    return {role: n for role, n in await s.exec(q)}
