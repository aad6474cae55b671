"""Invite code rules on SQLite and PostgreSQL: uses, lifetime, revoking, limits on guessing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from handlers.onboarding import CODE_LIKE
from storage import chat
from storage.db import Database
from storage.errors import DomainError
from storage.members import companies, invites
from storage.members.invites import InvitePolicy
from storage.members.models import Person

NOW = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)
POLICY = InvitePolicy()


async def person(db: Database, name: str) -> Person:
    """Return console person `name` (created on first sight)."""
    async with db.unit() as s:
        seen = await chat.seen(s, platform="console", external_id=name, display_name=name,
                               chat_id=name)
        return seen.person


async def company_and_code(db: Database, name: str = "Pragma", *, uses: int | None = None,
                           now: datetime = NOW) -> tuple[int, str]:
    """Create a company and one code for it; return (company id, code)."""
    chef = await person(db, "chef")
    async with db.unit() as s:
        found = await companies.find(s, query=name)
        company = found[0] if found else await companies.create(
            s, name=name, state="BB", city=None, max_members=30)
        code = await invites.issue(s, company_id=company.id, created_by=chef.id, now=now,
                                   policy=POLICY, uses=uses)
        return company.id, code.code


async def redeem(db: Database, who: str, code: str, now: datetime = NOW) -> int | None:
    """Let `who` try `code`; return the company id they were linked to, or None."""
    someone = await person(db, who)
    async with db.unit() as s:
        row = await s.get(Person, someone.id)
        assert row is not None
        company = await invites.redeem(s, code=code, person=row, now=now, policy=POLICY)
        return None if company is None else company.id


def test_codes_have_at_least_60_bits_read_case_insensitively() -> None:
    assert invites.BITS >= 60
    code = invites.new_code()
    assert len(code) == invites.LENGTH and code == code.upper()
    assert set(code) <= set(invites.ALPHABET)
    assert invites.normalise(f" „{code.lower()}“. ") == code


def test_every_code_has_a_digit_so_a_bare_code_is_recognised() -> None:
    # Without one (one draw in fifty) a code sent without /start read as ordinary text.
    codes = [invites.new_code() for _ in range(2000)]
    assert all(any(ch.isdigit() for ch in code) for code in codes)
    assert all(CODE_LIKE.fullmatch(code) for code in codes)


async def test_a_single_use_code_works_once(db: Database) -> None:
    company_id, code = await company_and_code(db)
    assert await redeem(db, "anna", code) == company_id
    assert await redeem(db, "anna", code) == company_id  # sent again: no second use spent
    assert await redeem(db, "bob", code) is None


async def test_a_code_for_three_links_three(db: Database) -> None:
    company_id, code = await company_and_code(db, uses=3)
    assert [await redeem(db, who, code) for who in ("a", "b", "c", "d")] == [
        company_id, company_id, company_id, None]


async def test_expired_and_revoked_codes_stop_working(db: Database) -> None:
    _, old = await company_and_code(db)
    assert await redeem(db, "anna", old, NOW + timedelta(days=14)) is None
    company_id, code = await company_and_code(db)
    async with db.unit() as s:
        done = await invites.revoke(s, code=code.lower(), now=NOW)
        assert done is not None and done[1].id == company_id
    async with db.unit() as s:
        assert await invites.revoke(s, code=code, now=NOW) is None  # not open any more
    assert await redeem(db, "bob", code) is None


async def test_revoke_all_spares_codes_made_after_the_list_was_shown(db: Database) -> None:
    company_id, first = await company_and_code(db)
    _, other = await company_and_code(db, "Zemmler")
    _, later = await company_and_code(db, now=NOW + timedelta(minutes=5))
    async with db.unit() as s:
        shown = await invites.open_codes(s, now=NOW + timedelta(minutes=6),
                                         company_id=company_id)
        assert [c.code for c, _ in shown] == [first, later]
        done = await invites.revoke_all(s, now=NOW + timedelta(minutes=6), created_until=NOW,
                                        company_id=company_id)
    assert [c.code for c, _ in done] == [first]
    async with db.unit() as s:
        open_ = await invites.open_codes(s, now=NOW + timedelta(minutes=7))
    assert sorted(c.code for c, _ in open_) == sorted([other, later])


async def test_wrong_codes_are_limited_per_person_per_hour(db: Database) -> None:
    _, code = await company_and_code(db)
    for i in range(POLICY.attempts):
        assert await redeem(db, "mallory", f"WRONG{i}", NOW + timedelta(minutes=i)) is None
    with pytest.raises(DomainError) as limited:
        await redeem(db, "mallory", code, NOW + timedelta(minutes=10))
    assert limited.value.code == "code_limit"
    assert limited.value.info["until"] == NOW + timedelta(hours=1)
    assert await redeem(db, "anna", code, NOW + timedelta(minutes=10)) is not None  # others may
    _, fresh = await company_and_code(db)
    assert await redeem(db, "mallory", fresh, NOW + timedelta(hours=1)) is not None
