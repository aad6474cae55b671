"""Event deadline reminders planned by the job, on SQLite and PostgreSQL (shared machinery)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from storage.db import Database
from storage.events import reminders, signup
from storage.outbox import OutboxMessage
from tests.events.conftest import Chat
from tests.events.helpers import BERLIN, NOW, company, in_unit, meeting, people


async def _pending(db: Database) -> list[OutboxMessage]:
    async with db.unit() as s:
        return list(await s.exec(select(OutboxMessage).where(
            OutboxMessage.kind == reminders.DEADLINE_KIND, col(OutboxMessage.sent_at).is_(None),
            col(OutboxMessage.dropped_at).is_(None)).order_by(col(OutboxMessage.due_at))))


async def test_seven_and_two_days_before_to_companies_that_have_not_answered(
    db: Database, chat: Chat
) -> None:
    ev = await meeting(db, capacity=10, key="treffen")
    quiet = await people(db, 2, await company(db, "Still GmbH"), prefix="q")
    (busy,) = await people(db, 1, await company(db, "Fix GmbH"), prefix="b")
    await in_unit(db, signup.register, event_id=ev.id, person_id=busy, people=1, now=NOW)
    await chat.router.run_jobs(NOW)
    rows = await _pending(db)
    assert {r.person_id for r in rows} == set(quiet) and len(rows) == 4
    assert {r.due_at for r in rows} == {datetime(2026, 2, 19, 9, tzinfo=BERLIN),
                                        datetime(2026, 2, 24, 9, tzinfo=BERLIN)}
    assert all(r.not_after == ev.deadline for r in rows)
    # A cancellation is an answer too: nobody of that company is nudged any more.
    await in_unit(db, signup.register, event_id=ev.id, person_id=quiet[0], people=1, now=NOW)
    await in_unit(db, signup.cancel, event_id=ev.id, person_id=quiet[0], now=NOW)
    await chat.router.run_jobs(NOW)
    assert await _pending(db) == []
