"""Fair reminders: deadline nudges for companies without a request, opt-out, exhibitor note."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from handlers.fairs_notify import DeadlinePlanner, exhibitor_reminders, tell_company
from storage import fairs
from storage.catalogue import Catalogue
from storage.db import Database
from storage.models import OutboxMessage, Person, ReminderPreference
from tests.fairs.helpers import BERLIN, INSIDER, NOW, ask, company, setup


async def pending(db: Database, kind: str) -> list[OutboxMessage]:
    async with db.read() as s:
        rows = await s.execute(select(OutboxMessage).where(
            OutboxMessage.kind == kind, OutboxMessage.sent_at.is_(None),
            OutboxMessage.dropped_at.is_(None)).order_by(OutboxMessage.due_at))
        return list(rows.scalars())


async def test_deadline_nudges_three_and_one_week_before_until_the_company_asks(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    a = await company(db, "A", people=2)
    planner = DeadlinePlanner(db, catalogue)
    await planner(NOW)
    rows = [r for r in await pending(db, "fair.deadline") if INSIDER in r.dedupe_key]
    assert len(rows) == 4  # 2 people x (3 weeks, 1 week)
    assert {r.due_at for r in rows} == {datetime(2026, 3, 20, 9, tzinfo=BERLIN),
                                       datetime(2026, 4, 3, 9, tzinfo=BERLIN)}
    assert all(r.not_after == datetime(2026, 4, 10, 23, 59, tzinfo=BERLIN) for r in rows)
    assert "/messe" in rows[0].text and "Insidertreff" in rows[0].text
    await planner(NOW)  # unchanged: nothing new
    assert len([r for r in await pending(db, "fair.deadline") if INSIDER in r.dedupe_key]) == 4
    await ask(db, a, 10)
    await planner(NOW)
    assert [r for r in await pending(db, "fair.deadline") if INSIDER in r.dedupe_key] == []
    await fairs.withdraw(db, fair_key=INSIDER, company_id=a, now=NOW)
    await planner(NOW)
    assert len([r for r in await pending(db, "fair.deadline") if INSIDER in r.dedupe_key]) == 4


async def test_opted_out_person_gets_no_deadline_nudge_and_late_ones_are_skipped(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    await company(db, "A", people=2)
    async with db.transaction() as s:
        first = (await s.execute(select(Person).order_by(Person.id))).scalars().first()
        s.add(ReminderPreference(person_id=first.id, kind="fair.deadline", enabled=False))  # type: ignore[union-attr]
    await DeadlinePlanner(db, catalogue)(datetime(2026, 3, 25, 9, tzinfo=BERLIN))
    rows = [r for r in await pending(db, "fair.deadline") if INSIDER in r.dedupe_key]
    assert len(rows) == 1 and rows[0].due_at == datetime(2026, 4, 3, 9, tzinfo=BERLIN)
    assert rows[0].person_id != first.id  # type: ignore[union-attr]


async def test_exhibitor_reminder_a_week_before_with_setup_time_only_when_confirmed(
    db: Database, catalogue: Catalogue
) -> None:
    await setup(db, catalogue)
    a = await company(db, "A")
    out = await ask(db, a, 12)
    decided = await fairs.decide(db, request_id=out.request.id, confirm=True, note="", now=NOW)  # type: ignore[arg-type]
    await exhibitor_reminders(db, catalogue, decided.fair, decided.request, NOW)
    rows = await pending(db, "fair.exhibitor")
    assert len(rows) == 1 and rows[0].due_at == datetime(2026, 5, 2, 9, tzinfo=BERLIN)
    assert "Aufbau ab 08:00 Uhr" in rows[0].text and "12 m²" in rows[0].text
    assert rows[0].not_after == datetime(2026, 5, 9, 8, tzinfo=BERLIN)
    gone = await fairs.withdraw(db, fair_key=INSIDER, company_id=a, now=NOW)
    await exhibitor_reminders(db, catalogue, gone.fair, gone.request, NOW)
    assert await pending(db, "fair.exhibitor") == []


async def test_answers_go_to_every_reachable_person_at_once(
    db: Database, catalogue: Catalogue
) -> None:
    a = await company(db, "A", people=3)
    async with db.transaction() as s:
        last = (await s.execute(select(Person).order_by(Person.id.desc()))).scalars().first()
        last.unreachable_at = NOW  # type: ignore[union-attr]
    await tell_company(db, company_id=a, text="bestätigt", key="fair.answer:1:confirm", now=NOW)
    rows = await pending(db, "fair.answer")
    assert len(rows) == 2 and all(r.urgent and r.due_at == NOW for r in rows)
