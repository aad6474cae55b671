"""Core storage rules on SQLite and PostgreSQL: companies, invites, people, buttons, outbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage import chat_state, companies, invites, outbox, people
from storage.db import Database
from storage.errors import DomainError

NOW = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)


async def person(db: Database, name: str) -> int:
    p, _ = await people.touch(db, platform="console", external_id=name, display_name=name,
                              chat_id=name)
    assert p.id is not None
    return p.id


async def test_company_cap_and_duplicates(db: Database) -> None:
    await companies.create(db, name="A GmbH", state="SN", city=None, max_members=2)
    with pytest.raises(DomainError) as dup:
        await companies.create(db, name="a  gmbh", state=None, city=None, max_members=2)
    assert dup.value.code == "company_exists"
    await companies.create(db, name="B GmbH", state="BB", city="Cottbus", max_members=2)
    with pytest.raises(DomainError) as full:
        await companies.create(db, name="C GmbH", state=None, city=None, max_members=2)
    assert full.value.code == "cluster_full"
    with pytest.raises(DomainError):
        await companies.create(db, name="D", state="XX", city=None, max_members=9)


async def test_invite_links_person_and_expires(db: Database) -> None:
    company = await companies.create(db, name="Zemmler", state="BB", city=None, max_members=30)
    admin, anna, bob = [await person(db, n) for n in ("chef", "anna", "bob")]
    code = await invites.issue(db, company_id=company.id, created_by=admin, now=NOW)  # type: ignore[arg-type]
    linked = await invites.redeem(db, code=code.code.lower(), person_id=anna, now=NOW)
    assert linked.name == "Zemmler"
    _, company_of_anna = await people.touch(
        db, platform="console", external_id="anna", display_name="Anna", chat_id="anna"
    )
    assert company_of_anna is not None and company_of_anna.id == company.id
    later = NOW + timedelta(days=30)
    with pytest.raises(DomainError) as expired:
        await invites.redeem(db, code=code.code, person_id=bob, now=later)
    assert expired.value.code == "code_expired"
    with pytest.raises(DomainError) as unknown:
        await invites.redeem(db, code="NOPE", person_id=bob, now=NOW)
    assert unknown.value.code == "code_unknown"


async def test_button_tokens_are_person_bound_and_options_resolve(db: Database) -> None:
    anna, bob = await person(db, "anna"), await person(db, "bob")
    (first,) = await chat_state.issue_tokens(
        db, person_id=anna, chat_id="anna", batches=[["ev.reg 1", "ev.info 1"]], now=NOW
    )
    assert await chat_state.resolve_token(db, token=first[0], person_id=anna) == "ev.reg 1"
    assert await chat_state.resolve_token(db, token=first[0], person_id=bob) is None
    await chat_state.issue_tokens(db, person_id=bob, chat_id="bob", batches=[["x 1"]], now=NOW)
    assert await chat_state.resolve_option(db, person_id=anna, chat_id="anna", option=2) == (
        "ev.info 1"
    )
    assert await chat_state.resolve_option(db, person_id=anna, chat_id="anna", option=3) is None
    assert await chat_state.purge_tokens(db, now=NOW + timedelta(days=61)) == 3


async def test_dialog_state_survives_and_clears(db: Database) -> None:
    anna = await person(db, "anna")
    await chat_state.save_dialog(db, person_id=anna, dialog="d", step="s1", data={"a": [1]},
                                 now=NOW)
    await chat_state.save_dialog(db, person_id=anna, dialog="d", step="s2", data={"a": [1, 2]},
                                 now=NOW)
    state = await chat_state.load_dialog(db, person_id=anna)
    assert state is not None and state.step == "s2" and state.data == {"a": [1, 2]}
    await chat_state.clear_dialog(db, person_id=anna)
    assert await chat_state.load_dialog(db, person_id=anna) is None


async def test_outbox_plan_is_idempotent_and_never_resends(db: Database) -> None:
    anna = await person(db, "anna")
    due = NOW + timedelta(days=1)
    kw = dict(person_id=anna, kind="k", dedupe_key="x:1", now=NOW)
    assert await outbox.plan(db, text="eins", due_at=due, **kw)  # type: ignore[arg-type]
    assert await outbox.plan(db, text="zwei", due_at=due + timedelta(hours=1), **kw)  # type: ignore[arg-type]
    (row,) = await outbox.pending_for(db, person_id=anna)
    assert row.text == "zwei" and row.due_at == due + timedelta(hours=1)
    assert await outbox.unplan(db, key_prefix="x:", now=NOW, reason="abgesagt") == 1
    assert await outbox.pending_for(db, person_id=anna) == []
    assert await outbox.plan(db, text="drei", due_at=due, **kw)  # type: ignore[arg-type]
    assert [r.text for r in await outbox.pending_for(db, person_id=anna)] == ["drei"]


async def test_times_come_back_aware_utc(db: Database) -> None:
    anna = await person(db, "anna")
    await outbox.plan(db, person_id=anna, kind="k", text="t", dedupe_key="tz",
                      due_at=datetime(2026, 3, 29, 1, 30, tzinfo=UTC), now=NOW)
    (row,) = await outbox.pending_for(db, person_id=anna)
    assert row.due_at.tzinfo is not None and row.due_at == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)


async def test_first_contacts_at_once_make_one_person(db: Database) -> None:
    import asyncio

    results = await asyncio.gather(*(
        people.touch(db, platform="telegram", external_id="77", display_name="Eva",
                     chat_id=str(i)) for i in range(8)
    ))
    assert len({p.id for p, _ in results}) == 1


async def test_overlong_display_name_is_cut_not_refused(db: Database) -> None:
    p, _ = await people.touch(db, platform="matrix", external_id="@x:example.org",
                              display_name="N" * 500, chat_id="!room")
    assert len(p.display_name) == 200


async def test_admins_by_settings_or_role(db: Database) -> None:
    chef, anna = await person(db, "chef"), await person(db, "anna")
    await people.set_role(db, person_id=anna, role="admin")
    await person(db, "bob")
    found = await people.admins(db, admin_keys=frozenset({"console:chef", "telegram:9"}))
    assert {p.id for p in found} == {chef, anna}


async def test_replanning_keeps_retry_state_and_respects_given_up(db: Database) -> None:
    from sqlalchemy import update

    from storage.models import OutboxMessage

    anna = await person(db, "anna")
    due = NOW + timedelta(days=1)
    kw = dict(person_id=anna, kind="k", text="t", dedupe_key="r:1", now=NOW)
    await outbox.plan(db, due_at=due, **kw)  # type: ignore[arg-type]
    async with db.transaction() as s:
        await s.execute(update(OutboxMessage).values(attempts=3))
    assert not await outbox.plan(db, due_at=due, **kw)  # type: ignore[arg-type]
    (row,) = await outbox.pending_for(db, person_id=anna)
    assert row.attempts == 3
    async with db.transaction() as s:
        await s.execute(update(OutboxMessage).values(dropped_at=NOW, drop_reason="gave_up"))
    assert not await outbox.plan(db, due_at=due, **kw)  # type: ignore[arg-type]
    assert await outbox.plan(db, due_at=due + timedelta(hours=1), **kw)  # type: ignore[arg-type]
    (row,) = await outbox.pending_for(db, person_id=anna)
    assert row.attempts == 0
