"""One update, one unit of work: a change, its audit row and its notices commit together or not
at all (faults injected between them, on SQLite and PostgreSQL); round trips per update."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import func, select

from bot.chat import Reply
from bot.clock import ManualClock
from handlers.core import Action, Ctx, Notice, Router, UsageError
from storage.audit import AuditLog
from storage.db import Database
from storage.errors import DomainError
from storage.members import companies, people
from storage.members.models import Company
from storage.outbox import OutboxMessage
from tests.core.conftest import ids, said


class Fault(RuntimeError):
    """The injected crash."""


def feature(router: Router, fault_at: str | None) -> None:
    """A toy feature: create a company, audit it, tell its creator; crash at `fault_at`."""

    async def change(ctx: Ctx) -> None:
        company = await companies.create(ctx.s, name=ctx.args, state=None, city=None,
                                         max_members=30)
        if fault_at == "after_change":
            raise Fault
        ctx.audit("toy", company=company.name)
        if fault_at == "after_audit":
            raise Fault
        await ctx.notify.person(ctx.person_id, Notice(kind="toy", key=f"toy:{company.id}",
                                                      text="Angelegt."))
        if fault_at == "after_notice":
            raise Fault
        if fault_at == "domain":
            raise DomainError("cluster_full", max=1)
        if fault_at == "usage":
            raise UsageError("Bitte anders.")
        ctx.say("Fertig.")

    router.command("anlegen", change, help="Test", public=True)
    router.domain_errors({"cluster_full": lambda e: "Voll."})


async def counts(db: Database) -> tuple[int, int, int]:
    """Return how many companies, audit rows and outbox rows exist."""
    async with db.unit() as s:
        found = [(await s.exec(select(func.count()).select_from(model))).one()
                 for model in (Company, AuditLog, OutboxMessage)]
    return found[0], found[1], found[2]


@pytest.mark.parametrize("fault_at", ["after_change", "after_audit", "after_notice",
                                      "domain", "usage"])
async def test_a_fault_leaves_nothing_half_done(
    fault_at: str, db: Database, make_router: Callable[[], Router]
) -> None:
    router = make_router()
    feature(router, fault_at)
    before = await counts(db)
    out = await router.handle(said("anna", "/anlegen Neue GmbH"))
    assert out, "the person always gets an answer"
    assert "Fertig" not in out[-1].text
    companies_, audits, rows = await counts(db)
    # The person row of the first contact may stay; nothing of the feature does.
    assert (companies_, audits, rows) == before


async def test_without_a_fault_all_three_commit_together(
    db: Database, make_router: Callable[[], Router]
) -> None:
    router = make_router()
    feature(router, None)
    before = await counts(db)
    out = await router.handle(said("anna", "/anlegen Neue GmbH"))
    assert out[-1].text == "Fertig."
    assert await counts(db) == (before[0] + 1, before[1] + 1, before[2] + 1)


async def test_a_failing_commit_plans_nothing_and_wakes_nobody(
    db: Database, make_router: Callable[[], Router], monkeypatch: pytest.MonkeyPatch
) -> None:
    router = make_router()
    feature(router, None)
    woken: list[int] = []

    async def wake() -> None:
        woken.append(1)

    router.services.wake = wake
    before = await counts(db)

    def refuse(*_: Any) -> None:
        raise Fault("disk full")

    monkeypatch.setattr(router.services.signer, "sign", refuse)  # fails after the handler ran
    router.command("knopf", _with_button, help="Test", public=True)
    out = await router.handle(said("anna", "/knopf"))
    assert "schiefgegangen" in out[0].text
    assert await counts(db) == before and woken == []


async def _with_button(ctx: Ctx) -> None:
    from handlers.core.dialogs import CancelDialog

    await companies.create(ctx.s, name="Knopf AG", state=None, city=None, max_members=30)
    await ctx.notify.person(ctx.person_id, Notice(kind="toy", key="knopf", text="Da."))
    ctx.say("Mit Knopf", [[ctx.button("x", CancelDialog("r"))]])


@dataclass
class Trips:
    """SQL statements and transactions seen on an engine."""

    statements: list[str] = field(default_factory=list)
    transactions: int = 0


@contextmanager
def trips(db: Database) -> Iterator[Trips]:
    """Count the statements (BEGIN/COMMIT/SAVEPOINT aside) and commits on `db`."""
    seen = Trips()
    engines = [e.sync_engine for e in db.engines]

    def on_execute(_c: Any, _cur: Any, statement: str, *_: Any) -> None:
        head = statement.lstrip().split(None, 1)[0].upper()
        if head not in ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"):
            seen.statements.append(statement)

    def on_commit(_c: Any) -> None:
        seen.transactions += 1

    for engine in engines:
        event.listen(engine, "before_cursor_execute", on_execute)
        event.listen(engine, "commit", on_commit)
    try:
        yield seen
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", on_execute)
            event.remove(engine, "commit", on_commit)


async def test_a_known_person_costs_one_query_and_one_transaction(
    db: Database, make_router: Callable[[], Router]
) -> None:
    router = make_router()

    async def hello(ctx: Ctx) -> None:
        ctx.say("Hallo.")

    router.command("hallo", hello, help="Test", public=True)
    await router.handle(said("anna", "/hallo"))  # first contact writes the person
    with trips(db) as seen:
        out = await router.handle(said("anna", "/hallo"))
    assert out[0].text == "Hallo."
    assert (len(seen.statements), seen.transactions) == (1, 1), seen.statements


async def test_last_activity_costs_one_small_write_per_quarter_hour(
    db: Database, clock: ManualClock, make_router: Callable[[], Router]
) -> None:
    router = make_router()

    async def hello(ctx: Ctx) -> None:
        ctx.say("Hallo.")

    router.command("hallo", hello, help="Test", public=True)
    await router.handle(said("anna", "/hallo"))  # first contact: active now
    first = clock.now()
    clock.set(first + timedelta(minutes=14))
    with trips(db) as quiet:
        await router.handle(said("anna", "/hallo"))
    assert len(quiet.statements) == 1, quiet.statements  # no write within the quarter hour
    clock.set(first + timedelta(minutes=15))
    with trips(db) as noted:
        await router.handle(said("anna", "/hallo"))
    writes = [st for st in noted.statements if st.lstrip().upper().startswith("UPDATE")]
    assert len(noted.statements) == 2 and len(writes) == 1 and "last_seen_at" in writes[0]
    async with db.read() as s:
        anna = await people.find(s, platform="console", external_id="anna")
    assert anna is not None and anna.last_seen_at == first + timedelta(minutes=15)


@dataclass(frozen=True)
class Tap(Action, name="test.tap"):
    """A toy button that always writes (like a poll vote)."""

    n: int


@dataclass(frozen=True)
class Look(Action, name="test.look"):
    """A toy button that only reads."""

    n: int


def texts(replies: list[Reply]) -> list[str]:
    """Return the texts of the replies."""
    return [r.text for r in replies]


async def test_a_button_that_always_writes_queues_for_the_lock_at_once_on_sqlite(
    db: Database, make_router: Callable[[], Router]
) -> None:
    router = make_router()
    # Which engine each transaction began on: SQLite's optimistic readers have their own
    # (DEFERRED, never waiting); PostgreSQL has no optimistic units, so both go to the one.
    reading = "optimistic" if db.is_sqlite else "queued"

    async def tap(ctx: Ctx, a: Tap) -> None:
        await companies.create(ctx.s, name=f"Firma {a.n}", state=None, city=None,
                               max_members=30)
        ctx.say("Gezählt.")

    async def look(ctx: Ctx, a: Look) -> None:
        ctx.say(f"Gesehen {a.n}.")

    async def menu(ctx: Ctx) -> None:
        ctx.say("Bitte tippen.", [[ctx.button("Zählen", Tap(1)), ctx.button("Sehen", Look(1))]])

    router.command("menu", menu, help="Test", public=True)
    router.on(Tap, tap, public=True, writes=True)
    router.on(Look, look, public=True)
    buttons = ids(await router.handle(said("anna", "/menu")))
    begins: list[str] = []
    listeners = [(engine.sync_engine,
                  lambda _conn, name=name: begins.append(name))
                 for engine, name in zip(db.engines, ("queued", "optimistic"), strict=False)]
    for engine, on_begin in listeners:
        event.listen(engine, "begin", on_begin)
    try:
        assert texts(await router.handle(said("anna", press=buttons["Zählen"]))) == ["Gezählt."]
        assert begins == ["queued"]  # no optimistic try first
        begins.clear()
        assert texts(await router.handle(said("anna", press=buttons["Sehen"]))) == ["Gesehen 1."]
        assert begins == [reading]
    finally:
        for engine, on_begin in listeners:
            event.remove(engine, "begin", on_begin)
    assert (await counts(db))[0] == 1
