"""The read side of Schau rein: a company's sign-up, all sign-ups of a programme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam
from sqlmodel import col, select

from storage.db import Session
from storage.errors import DomainError
from storage.members.models import Company
from storage.schau_rein.models import SchauReinConfirmation, SchauReinSignup
from storage.schau_rein.programme import Programme


async def assumed(s: Session, prog: Programme) -> list[str]:
    """Return the programme's values still assumed (marked, not confirmed by the team)."""
    row = await s.get(SchauReinConfirmation, prog.key)
    done = set(row.fields) if row is not None else set()
    return [f for f in prog.provisional if f not in done]


# /termine's look at a programme in one statement, built once (see storage.chat._SEEN).
_CONFIRMED_FIELDS = (select(SchauReinConfirmation.fields)
                     .where(col(SchauReinConfirmation.programme) == bindparam("programme"))
                     .scalar_subquery())
_CONFIRMED = select(_CONFIRMED_FIELDS)
_OUTLOOK = select(
    _CONFIRMED_FIELDS,
    select(SchauReinSignup.days)
    .where(col(SchauReinSignup.programme) == bindparam("programme"),
           col(SchauReinSignup.company_id) == bindparam("company_id"))
    .scalar_subquery(),
)


@dataclass(frozen=True)
class Outlook:
    """What /termine shows of a programme: values still assumed, the company's signed-up days."""

    assumed: list[str]
    days: list[str] | None  # None: the company has not signed up


async def outlook(s: Session, prog: Programme, *, company_id: int | None) -> Outlook:
    """Return the programme's assumed values and the company's sign-up days in one statement."""
    if company_id is None:
        # One column: the result holds the values themselves, not rows.
        fields, days = (await s.exec(_CONFIRMED, params={"programme": prog.key})).one(), None
    else:
        fields, days = (await s.exec(_OUTLOOK, params={"programme": prog.key,
                                                       "company_id": company_id})).one()
    done = set(fields or ())
    return Outlook([f for f in prog.provisional if f not in done], days)


async def confirm(s: Session, prog: Programme, *, now: datetime) -> list[str]:
    """Confirm the programme's assumed values; return them (a domain error when none are left)."""
    fields = await assumed(s, prog)
    if not fields:
        raise DomainError("schaurein_not_provisional", title=prog.title)
    row = await s.get(SchauReinConfirmation, prog.key, with_for_update=True)
    if row is None:
        s.add(SchauReinConfirmation(programme=prog.key, fields=fields, confirmed_at=now))
    else:
        row.fields, row.confirmed_at = sorted({*row.fields, *fields}), now
    return fields


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
