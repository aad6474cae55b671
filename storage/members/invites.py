"""Invite codes: issue for a company, redeem to link a person, list and revoke open codes.

A code is open while it is neither expired, revoked nor used up. Whoever tries a code that is
not open learns nothing more than for a code that never existed, and each such try is counted:
more than `InvitePolicy.attempts` within `window` and the person must wait.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import col, func, select

from storage.db import Session
from storage.errors import DomainError
from storage.members.models import Company, InviteAttempt, InviteCode, Person

# No 0/O/1/I/L: codes are read aloud and typed by hand. Upper case only, so reading a code
# case-insensitively costs no entropy.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
LENGTH = 13
BITS = LENGTH * math.log2(len(ALPHABET))  # 64.4: guessing stays hopeless at 5 tries an hour
assert BITS >= 60, BITS


@dataclass(frozen=True)
class InvitePolicy:
    """How codes are issued and how many wrong ones a person may try (from Settings)."""

    uses: int = 1
    lifetime: timedelta = timedelta(days=14)
    attempts: int = 5
    window: timedelta = timedelta(hours=1)


def new_code() -> str:
    """Return a fresh random code of LENGTH characters (>= 60 bits) with at least one digit."""
    # A code sent without /start is recognised by its digit (a word like "DANKESCHOEN" is
    # not a code); one in fifty draws has none and is drawn again (64.0 bits remain).
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
        if any(ch.isdigit() for ch in code):
            return code


def normalise(code: str) -> str:
    """Return a typed code as stored: letters and digits, upper case."""
    return "".join(ch for ch in code if ch.isalnum()).upper()


def is_open(invite: InviteCode, now: datetime) -> bool:
    """Tell whether the code still links people (not expired, revoked or used up)."""
    return (invite.revoked_at is None and invite.expires_at > now
            and invite.uses < invite.max_uses)


async def issue(s: Session, *, company_id: int, created_by: int, now: datetime,
                policy: InvitePolicy, uses: int | None = None) -> InviteCode:
    """Create an invite code for a company (uses and lifetime from the policy)."""
    max_uses = policy.uses if uses is None else uses
    if not 1 <= max_uses <= 500:
        raise DomainError("invite_bad_uses", uses=max_uses)
    invite = InviteCode(
        code=new_code(), company_id=company_id, created_by=created_by,
        created_at=now, expires_at=now + policy.lifetime, max_uses=max_uses,
    )
    s.add(invite)
    await s.flush()
    return invite


async def retry_at(s: Session, *, person_id: int, now: datetime,
                   policy: InvitePolicy) -> datetime | None:
    """Return when the person may try a code again, or None if they may now."""
    since = now - policy.window
    rows = await s.exec(
        select(InviteAttempt.at)
        .where(InviteAttempt.person_id == person_id, col(InviteAttempt.at) > since)
        .order_by(col(InviteAttempt.at).desc())
        .limit(policy.attempts)
    )
    recent = list(rows)
    if len(recent) < policy.attempts:
        return None
    return recent[-1] + policy.window


async def redeem(s: Session, *, code: str, person: Person, now: datetime,
                 policy: InvitePolicy) -> Company | None:
    """Link the person to the code's company; None (and the try counted) if it is not open.

    Raises `code_limit` when the person tried too many wrong codes lately.
    """
    until = await retry_at(s, person_id=person.id, now=now, policy=policy)
    if until is not None:
        raise DomainError("code_limit", until=until)
    invite = await s.get(InviteCode, normalise(code), with_for_update=True)
    company = None if invite is None else await s.get(Company, invite.company_id)
    if company is not None and person.company_id == company.id:
        return company  # their own code sent again: nothing changes, no use spent
    if invite is None or company is None or not is_open(invite, now):
        s.add(InviteAttempt(person_id=person.id, at=now))
        return None
    if person.company_id is not None:
        raise DomainError("already_linked_elsewhere", company_id=person.company_id)
    person.company_id = company.id
    invite.uses += 1
    return company


async def open_codes(s: Session, *, now: datetime,
                     company_id: int | None = None) -> list[tuple[InviteCode, Company]]:
    """Return the open codes with their company, by company name then age."""
    query = (
        select(InviteCode, Company)
        .join(Company, col(Company.id) == col(InviteCode.company_id))
        .where(col(InviteCode.revoked_at).is_(None), col(InviteCode.expires_at) > now,
               col(InviteCode.uses) < col(InviteCode.max_uses))
        .order_by(func.lower(Company.name), col(InviteCode.created_at))
    )
    if company_id is not None:
        query = query.where(InviteCode.company_id == company_id)
    return [(code, company) for code, company in await s.exec(query)]


async def revoke(s: Session, *, code: str, now: datetime) -> tuple[InviteCode, Company] | None:
    """Revoke one open code; None if it is not open (any more)."""
    invite = await s.get(InviteCode, normalise(code), with_for_update=True)
    if invite is None or not is_open(invite, now):
        return None
    company = await s.get(Company, invite.company_id)
    if company is None:
        return None
    invite.revoked_at = now
    return invite, company


async def revoke_all(s: Session, *, now: datetime, created_until: datetime,
                     company_id: int | None = None) -> list[tuple[InviteCode, Company]]:
    """Revoke every open code created up to `created_until` (those the team was shown)."""
    found = [(c, co) for c, co in await open_codes(s, now=now, company_id=company_id)
             if c.created_at <= created_until]
    for invite, _ in found:
        invite.revoked_at = now
    return found
