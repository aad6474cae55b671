"""A team action's change, its audit row and its notices commit together or not at all.

Driven through the real router (as the console does) on SQLite and PostgreSQL; a notice that
fails to plan must leave no half-done change behind (before core v2 the change committed
first and the notices were planned afterwards in a transaction of their own).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import pytest
from sqlmodel import select

from bot.chat import Address, Incoming, Person, Reply
from bot.clock import ManualClock
from handlers import build_router
from handlers.core import Action, Services
from handlers.core import texts as core_t
from handlers.core.actions import Signer
from handlers.core.router import Router
from handlers.films import notices as film_notices
from handlers.films.actions import Remove
from handlers.media_days import notices
from handlers.media_days.actions import Confirm
from storage import audit
from storage.catalogue import Catalogue
from storage.db import Database
from storage.films import queries as film_queries
from storage.films import service as films
from storage.films.rules import FilmConfig
from storage.media_days import queries
from storage.members import people
from storage.outbox import OutboxMessage
from tests.media_days.helpers import NOW, ask, call, company, in_unit

MON = date(2026, 2, 16)
CHEF = "console:chef"
Press = Callable[[Action], Awaitable[list[Reply]]]


@pytest.fixture
def router(db: Database, catalogue: Catalogue, clock: ManualClock) -> Router:
    services = Services(db=db, clock=clock, catalogue=catalogue, admin_keys=frozenset({CHEF}),
                        signer=Signer(b"test"))
    return build_router(services)


@pytest.fixture
def press(router: Router) -> Press:
    async def run(action: Action) -> list[Reply]:
        token = router.services.signer.sign(CHEF, action.encode())
        return await router.handle(Incoming(Person("console", "chef"),
                                            Address("console", "chef"), press=token))
    return run


async def member_of(db: Database, company_id: int) -> None:
    async def add(s: Any) -> None:
        p = people.new_person(platform="console", external_id="anna", display_name="anna",
                              chat_id="anna")
        p.company_id = company_id
        s.add(p)
    await in_unit(db, add)


async def outbox_kinds(db: Database) -> list[str]:
    return sorted(await in_unit(db, lambda s: _kinds(s)))


async def _kinds(s: Any) -> list[str]:
    return list(await s.exec(select(OutboxMessage.kind)))


async def audited(db: Database) -> list[str]:
    return [e.action for e in await in_unit(db, audit.recent)]


def boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("planning failed")


async def test_confirmation_and_its_notices_are_one_unit(
    db: Database, press: Press, monkeypatch: pytest.MonkeyPatch,
) -> None:
    cid = await company(db, "A")
    await member_of(db, cid)
    md = await ask(db, cid, MON)
    monkeypatch.setattr(notices, "plan_reminders", boom)
    replies = await press(Confirm(md.id, MON))
    assert [r.text for r in replies] == [core_t.ERROR]
    row = await call(db, queries.get, md_id=md.id)
    assert row.status == "requested" and row.day is None  # nothing half-done
    assert await audited(db) == [] and await outbox_kinds(db) == []
    monkeypatch.undo()
    replies = await press(Confirm(md.id, MON))
    assert "Bestätigt: <b>A</b>" in replies[0].text
    assert (await call(db, queries.get, md_id=md.id)).status == "confirmed"
    assert await audited(db) == ["media_day_confirm"]
    assert await outbox_kinds(db) == ["media_day.confirmed", "media_day.reminder",
                                      "media_day.reminder"]


async def test_film_removal_and_its_notice_are_one_unit(
    db: Database, press: Press, catalogue: Catalogue, monkeypatch: pytest.MonkeyPatch,
) -> None:
    cid = await company(db, "A")
    await member_of(db, cid)
    cfg = FilmConfig.from_catalogue(catalogue)
    row = await call(db, films.register_interest, company_id=cid, group_key="it",
                     description="", now=NOW, cfg=cfg)
    monkeypatch.setattr(film_notices, "tell_removed", boom)
    assert [r.text for r in await press(Remove(row.id, "it"))] == [core_t.ERROR]
    assert await call(db, film_queries.holding, interest_id=row.id, group_key="it")
    assert await audited(db) == []
    monkeypatch.undo()
    assert "Entfernt: A" in (await press(Remove(row.id, "it")))[0].text
    assert await audited(db) == ["film_remove"]
    assert await outbox_kinds(db) == ["film.removed"]
