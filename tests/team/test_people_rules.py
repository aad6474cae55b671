"""People and company rules on SQLite and PostgreSQL: search, admin roles, move, merge, delete."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import select

from storage import chat
from storage.db import Database
from storage.errors import DomainError
from storage.films.models import FilmInterest
from storage.members import companies, invites, people, removal
from storage.members.invites import InvitePolicy
from storage.members.models import Company, InviteCode, Person
from storage.schau_rein.models import SchauReinSignup

NOW = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)


async def person(db: Database, name: str, display: str = "") -> int:
    """Return the id of console person `name` (created on first sight)."""
    async with db.unit() as s:
        seen = await chat.seen(s, platform="console", external_id=name,
                               display_name=display or name, chat_id=name)
        return seen.person.id


async def company(db: Database, name: str, key: str | None = None) -> int:
    """Create a company; return its id."""
    async with db.unit() as s:
        row = await companies.create(s, name=name, state="SN", city=None, max_members=30)
        row.catalogue_key = key
        return row.id


async def link(db: Database, person_id: int, company_id: int | None) -> None:
    """Link a person to a company."""
    async with db.unit() as s:
        await people.move(s, person_id=person_id, company_id=company_id)


def signup(company_id: int, programme: str = "schau-rein-2026") -> SchauReinSignup:
    """A Schau rein sign-up of a company."""
    return SchauReinSignup(programme=programme, company_id=company_id, created_at=NOW,
                           updated_at=NOW)


async def test_search_finds_by_part_of_name_casefolded_and_by_key(db: Database) -> None:
    await person(db, "aenne", "Änne Müller")
    await person(db, "bob", "Bob")
    async with db.unit() as s:
        assert [p.key for p, _ in await people.search(s, query="änNE")] == ["console:aenne"]
        assert [p.key for p, _ in await people.search(s, query="console:bob")] == ["console:bob"]
        assert await people.search(s, query="  ") == []


async def test_admin_roles_settings_and_last_admin_stay(db: Database) -> None:
    anna, bob = await person(db, "anna"), await person(db, "bob")
    async with db.unit() as s:
        await people.grant_admin(s, person_id=anna)
    with pytest.raises(DomainError) as last:
        async with db.unit() as s:
            await people.revoke_admin(s, person_id=anna, admin_keys=frozenset())
    assert last.value.code == "last_admin"
    with pytest.raises(DomainError) as configured:
        async with db.unit() as s:
            await people.revoke_admin(s, person_id=anna, admin_keys=frozenset({"console:anna"}))
    assert configured.value.code == "admin_from_settings"
    with pytest.raises(DomainError) as not_admin:
        async with db.unit() as s:
            await people.revoke_admin(s, person_id=bob, admin_keys=frozenset({"console:chef"}))
    assert not_admin.value.code == "not_admin"
    async with db.unit() as s:
        await people.grant_admin(s, person_id=bob)
    chef = await person(db, "chef")
    # Once granted in chat, or named in ADMINS: admin already (no second notice or audit row).
    for who, keys in ((bob, frozenset[str]()), (chef, frozenset({"console:chef"}))):
        with pytest.raises(DomainError) as again:
            async with db.unit() as s:
                await people.grant_admin(s, person_id=who, admin_keys=keys)
        assert again.value.code == "already_admin"
    async with db.unit() as s:
        await people.revoke_admin(s, person_id=anna, admin_keys=frozenset())
    async with db.unit() as s:
        row = await s.get(Person, anna)
        assert row is not None and row.role == "member"


async def test_rename_keeps_names_unique(db: Database) -> None:
    a, _ = await company(db, "Alpha"), await company(db, "Beta")
    with pytest.raises(DomainError) as taken:
        async with db.unit() as s:
            await companies.rename(s, company_id=a, name=" beta ")
    assert taken.value.code == "company_exists"
    async with db.unit() as s:
        old, row = await companies.rename(s, company_id=a, name="Alpha  Neu")
    assert (old, row.name, row.edited_in_chat) == ("Alpha", "Alpha Neu", True)


async def test_merge_moves_everything_and_refuses_clashes(db: Database) -> None:
    source, target = await company(db, "Pragma GmbH", key="pragma"), await company(db, "Pragma")
    anna = await person(db, "anna")
    await link(db, anna, source)
    async with db.unit() as s:
        await invites.issue(s, company_id=source, created_by=anna, now=NOW,
                            policy=InvitePolicy())
        s.add(signup(source))
        s.add(signup(target))
    async with db.unit() as s:
        held = await removal.holdings(s, company_id=source, target_id=target)
    assert [(h.table, h.count, h.optional, h.clashes) for h in held] == [
        ("schaureinsignup", 1, False, 1)]
    with pytest.raises(DomainError) as clash:
        async with db.unit() as s:
            await removal.merge(s, source_id=source, target_id=target)
    assert clash.value.code == "merge_clash"
    async with db.unit() as s:
        row = (await s.exec(select(SchauReinSignup).where(SchauReinSignup.company_id == target)
                            )).one()
        row.programme = "schau-rein-2025"  # no longer the same programme: no clash
    async with db.unit() as s:
        await removal.merge(s, source_id=source, target_id=target)
    async with db.unit() as s:
        assert await s.get(Company, source) is None
        moved = await s.get(Company, target)
        assert moved is not None and moved.catalogue_key == "pragma"
        assert [p.id for p in await people.members_of(s, company_id=target)] == [anna]
        assert {c.company_id for c in await s.exec(select(InviteCode))} == {target}
        assert len(list(await s.exec(select(SchauReinSignup)
                                     .where(SchauReinSignup.company_id == target)))) == 2


async def test_delete_unlinks_people_and_refuses_catalogue_and_requests(db: Database) -> None:
    listed, doomed = await company(db, "Im Katalog", key="kat"), await company(db, "Weg")
    anna = await person(db, "anna")
    await link(db, anna, doomed)
    with pytest.raises(DomainError) as in_catalogue:
        async with db.unit() as s:
            await removal.remove(s, company_id=listed, catalogue_keys=frozenset({"kat"}))
    assert in_catalogue.value.code == "company_in_catalogue"
    async with db.unit() as s:
        s.add(signup(doomed))
        await invites.issue(s, company_id=doomed, created_by=anna, now=NOW,
                            policy=InvitePolicy())
    with pytest.raises(DomainError) as held:
        async with db.unit() as s:
            await removal.remove(s, company_id=doomed, catalogue_keys=frozenset())
    assert held.value.code == "company_has_requests"
    async with db.unit() as s:
        for row in await s.exec(select(SchauReinSignup)):
            await s.delete(row)
    async with db.unit() as s:
        await removal.remove(s, company_id=doomed, catalogue_keys=frozenset())
    async with db.unit() as s:
        assert await s.get(Company, doomed) is None
        row = await s.get(Person, anna)
        assert row is not None and row.company_id is None
        assert list(await s.exec(select(InviteCode))) == []


async def test_a_unique_company_column_is_one_clash_not_two(db: Database) -> None:
    source, target = await company(db, "Film A"), await company(db, "Film B")
    async with db.unit() as s:
        for company_id, group in ((source, "metall"), (target, "pflege")):
            s.add(FilmInterest(company_id=company_id, group_key=group, created_at=NOW,
                               updated_at=NOW))
    async with db.unit() as s:
        held = await removal.holdings(s, company_id=source, target_id=target)
    assert [(h.table, h.count, h.clashes) for h in held] == [("filminterest", 1, 1)]
