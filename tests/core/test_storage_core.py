"""Core storage rules on SQLite and PostgreSQL: companies, invites, people, menus, outbox."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import update

from storage import chat, outbox
from storage.db import Database
from storage.errors import DomainError
from storage.members import companies, invites, people
from storage.members.models import Person
from storage.outbox import OutboxMessage, Plan

NOW = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)
POLICY = invites.InvitePolicy(uses=5)


async def person(db: Database, name: str) -> int:
    """Return the id of console person `name` (created on first sight)."""
    async with db.unit() as s:
        seen = await chat.seen(s, platform="console", external_id=name, display_name=name,
                               chat_id=name)
        return seen.person.id


async def test_company_cap_and_duplicates(db: Database) -> None:
    async with db.unit() as s:
        await companies.create(s, name="A GmbH", state="SN", city=None, max_members=2)
    with pytest.raises(DomainError) as dup:
        async with db.unit() as s:
            await companies.create(s, name="a  gmbh", state=None, city=None, max_members=2)
    assert dup.value.code == "company_exists"
    async with db.unit() as s:
        await companies.create(s, name="B GmbH", state="BB", city="Cottbus", max_members=2)
    with pytest.raises(DomainError) as full:
        async with db.unit() as s:
            await companies.create(s, name="C GmbH", state=None, city=None, max_members=2)
    assert full.value.code == "cluster_full"
    with pytest.raises(DomainError):
        async with db.unit() as s:
            await companies.create(s, name="D", state="XX", city=None, max_members=9)


async def test_invite_links_person_and_expires(db: Database) -> None:
    admin = await person(db, "chef")
    async with db.unit() as s:
        company = await companies.create(s, name="Zemmler", state="BB", city=None,
                                         max_members=30)
        code = await invites.issue(s, company_id=company.id, created_by=admin, now=NOW,
                                   policy=POLICY)
    async with db.unit() as s:
        anna = (await chat.seen(s, platform="console", external_id="anna", display_name="Anna",
                                chat_id="anna")).person
        linked = await invites.redeem(s, code=code.code.lower(), person=anna, now=NOW,
                                      policy=POLICY)
    assert linked is not None and linked.name == "Zemmler"
    async with db.unit() as s:
        seen = await chat.seen(s, platform="console", external_id="anna", display_name="Anna",
                               chat_id="anna")
    assert seen.company is not None and seen.company.id == company.id
    later = NOW + timedelta(days=14)
    async with db.unit() as s:
        bob = (await chat.seen(s, platform="console", external_id="bob", display_name="Bob",
                               chat_id="bob")).person
        assert await invites.redeem(s, code=code.code, person=bob, now=later,
                                    policy=POLICY) is None
        assert await invites.redeem(s, code="NOPE", person=bob, now=NOW, policy=POLICY) is None


async def test_menus_resolve_options_per_chat(db: Database) -> None:
    anna, bob = await person(db, "anna"), await person(db, "bob")
    async with db.unit() as s:
        await chat.offer_menu(s, person_id=anna, chat_id="anna", actions=["a:1", "b:1"], now=NOW)
        await chat.offer_menu(s, person_id=bob, chat_id="bob", actions=["x:1"], now=NOW)
    async with db.unit() as s:
        assert await chat.menu_option(s, person_id=anna, chat_id="anna", option=2) == "b:1"
        assert await chat.menu_option(s, person_id=anna, chat_id="anna", option=3) is None
        assert await chat.menu_option(s, person_id=anna, chat_id="bob", option=1) is None
        await chat.offer_menu(s, person_id=anna, chat_id="anna", actions=["c:2"], now=NOW)
    async with db.unit() as s:  # the newest menu of the chat counts
        assert await chat.menu_option(s, person_id=anna, chat_id="anna", option=1) == "c:2"
        assert await chat.menu_option(s, person_id=anna, chat_id="anna", option=2) is None


async def test_dialog_state_survives_and_clears(db: Database) -> None:
    anna = await person(db, "anna")
    async with db.unit() as s:
        await chat.save_dialog(s, person_id=anna, dialog="d", step="s1", run="r1",
                               data={"a": [1]}, now=NOW)
    async with db.unit() as s:
        await chat.save_dialog(s, person_id=anna, dialog="d", step="s2", run="r1",
                               data={"a": [1, 2]}, now=NOW)
    async with db.unit() as s:
        seen = await chat.seen(s, platform="console", external_id="anna", display_name="anna",
                               chat_id="anna")
        state = seen.dialog
        assert state is not None and state.step == "s2" and state.data == {"a": [1, 2]}
        await chat.clear_dialog(s, person_id=anna)
    async with db.unit() as s:
        seen = await chat.seen(s, platform="console", external_id="anna", display_name="anna",
                               chat_id="anna")
        assert seen.dialog is None


def plan(anna: int, text: str, due: datetime, key: str = "x:1") -> Plan:
    """Return a literal plan for anna."""
    return Plan(person_id=anna, kind="k", key=key, due_at=due, text=text)


async def test_outbox_plan_is_idempotent_and_never_resends(db: Database) -> None:
    anna = await person(db, "anna")
    due = NOW + timedelta(days=1)
    async with db.unit() as s:
        assert await outbox.plan(s, plan(anna, "eins", due), now=NOW)
        assert await outbox.plan(s, plan(anna, "zwei", due + timedelta(hours=1)), now=NOW)
        (row,) = await outbox.pending_for(s, person_id=anna)
        assert row.text == "zwei" and row.due_at == due + timedelta(hours=1)
        assert await outbox.unplan(s, key_prefix="x:", now=NOW, reason="abgesagt") == 1
        assert await outbox.pending_for(s, person_id=anna) == []
        assert await outbox.plan(s, plan(anna, "drei", due), now=NOW)
        assert [r.text for r in await outbox.pending_for(s, person_id=anna)] == ["drei"]
        await s.exec(update(OutboxMessage).values(sent_at=NOW))
        assert not await outbox.plan(s, plan(anna, "vier", due), now=NOW)


async def test_times_come_back_aware_utc(db: Database) -> None:
    anna = await person(db, "anna")
    async with db.unit() as s:
        await outbox.plan(s, plan(anna, "t", datetime(2026, 3, 29, 1, 30, tzinfo=UTC), "tz"),
                          now=NOW)
    async with db.unit() as s:
        (row,) = await outbox.pending_for(s, person_id=anna)
    assert row.due_at.tzinfo is not None and row.due_at == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


async def test_first_contacts_at_once_make_one_person(db: Database) -> None:
    async def first(i: int) -> int:
        async with db.unit() as s:
            seen = await chat.seen(s, platform="telegram", external_id="77", display_name="Eva",
                                   chat_id=str(i))
            return seen.person.id

    assert len(set(await asyncio.gather(*(first(i) for i in range(8))))) == 1


async def test_overlong_display_name_is_cut_not_refused(db: Database) -> None:
    async with db.unit() as s:
        seen = await chat.seen(s, platform="matrix", external_id="@x:example.org",
                               display_name="N" * 500, chat_id="!room")
    assert len(seen.person.display_name) == 200


async def test_admins_by_settings_or_role(db: Database) -> None:
    chef, anna = await person(db, "chef"), await person(db, "anna")
    await person(db, "bob")
    async with db.unit() as s:
        await people.set_role(s, person_id=anna, role="admin")
    async with db.unit() as s:
        found = await people.admins(s, admin_keys=frozenset({"console:chef", "telegram:9"}))
    assert {p.id for p in found} == {chef, anna}


async def test_replanning_keeps_retry_state_and_respects_given_up(db: Database) -> None:
    anna = await person(db, "anna")
    due = NOW + timedelta(days=1)
    async with db.unit() as s:
        await outbox.plan(s, plan(anna, "t", due, "r:1"), now=NOW)
    async with db.unit() as s:
        await s.exec(update(OutboxMessage).values(attempts=3))
        assert not await outbox.plan(s, plan(anna, "t", due, "r:1"), now=NOW)
        (row,) = await outbox.pending_for(s, person_id=anna)
        assert row.attempts == 3
        await s.exec(update(OutboxMessage).values(dropped_at=NOW, drop_reason="gave_up"))
        assert not await outbox.plan(s, plan(anna, "t", due, "r:1"), now=NOW)
        assert await outbox.plan(s, plan(anna, "t", due + timedelta(hours=1), "r:1"), now=NOW)
        (row,) = await outbox.pending_for(s, person_id=anna)
        assert row.attempts == 0


async def test_reconcile_drops_unwanted_and_keeps_matching(db: Database) -> None:
    anna = await person(db, "anna")
    due = NOW + timedelta(days=2)
    wanted = {f"s:{i}": plan(anna, f"t{i}", due, f"s:{i}") for i in range(3)}
    async with db.unit() as s:
        assert await outbox.reconcile(s, prefix="s:", wanted=wanted, now=NOW) == 3
    async with db.unit() as s:
        assert await outbox.reconcile(s, prefix="s:", wanted=wanted, now=NOW) == 0
        del wanted["s:1"]
        assert await outbox.reconcile(s, prefix="s:", wanted=wanted, now=NOW) == 1
        assert sorted(r.text for r in await outbox.pending_for(s, person_id=anna)) == ["t0", "t2"]


async def test_unreachable_person_stays_unreachable_until_they_write(db: Database) -> None:
    anna = await person(db, "anna")
    async with db.unit() as s:
        await people.mark_unreachable(s, person_id=anna, now=NOW)
    async with db.unit() as s:
        p = await s.get(Person, anna)
        assert p is not None and p.unreachable_at == NOW
    await person(db, "anna")  # writes again
    async with db.unit() as s:
        p = await s.get(Person, anna)
        assert p is not None and p.unreachable_at is None
