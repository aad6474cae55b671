"""Invite codes: issue for a company, redeem to link a person."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from storage.db import Session
from storage.errors import DomainError
from storage.members.models import Company, InviteCode, Person

VALID_FOR = timedelta(days=30)
# No 0/O/1/I/L: codes are read aloud and typed by hand.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_code() -> str:
    """Return a fresh random 8-character code."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(8))


async def issue(s: Session, *, company_id: int, created_by: int, now: datetime) -> InviteCode:
    """Create an invite code for a company, valid for 30 days."""
    invite = InviteCode(
        code=new_code(), company_id=company_id, created_by=created_by,
        created_at=now, expires_at=now + VALID_FOR,
    )
    s.add(invite)
    return invite


async def redeem(s: Session, *, code: str, person: Person, now: datetime) -> Company:
    """Link the person to the code's company; refuse unknown and expired codes."""
    code = code.strip().upper()
    invite = await s.get(InviteCode, code)
    if invite is None:
        raise DomainError("code_unknown", code=code)
    if invite.expires_at <= now:
        raise DomainError("code_expired", code=code)
    company = await s.get(Company, invite.company_id)
    if company is None:
        raise DomainError("code_unknown", code=code)
    if person.company_id not in (None, company.id):
        raise DomainError("already_linked_elsewhere", company_id=person.company_id)
    person.company_id = company.id
    invite.uses += 1
    return company
