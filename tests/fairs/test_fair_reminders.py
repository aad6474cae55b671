"""Fair reminders: a job keeps deadline and set-up reminders in line; stale ones are dropped."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from bot.chat import Reply
from bot.clock import ManualClock
from handlers import build_router
from handlers.core import Router, Services
from handlers.core.actions import Signer
from storage.catalogue import Catalogue
from storage.db import Database
from storage.fairs import reminders
from storage.members import Person
from storage.outbox import OutboxMessage, preferences
from tests.fairs.helpers import BERLIN, INSIDER, NOW, ask, company, decide, setup, withdraw


def router(db: Database, catalogue: Catalogue) -> Router:
    """The real router (every feature registered) on this database."""
    return build_router(Services(db=db, clock=ManualClock(NOW), catalogue=catalogue,
                                 admin_keys=frozenset({"console:chef"}),
                                 signer=Signer(b"0" * 32)))


async def pending(db: Database, kind: str, fair: str = INSIDER) -> list[OutboxMessage]:
    """Return the unsent, undropped rows of a kind for one fair, by due time."""
    async with db.unit() as s:
        rows = await s.exec(select(OutboxMessage).where(
            OutboxMessage.kind == kind, col(OutboxMessage.sent_at).is_(None),
            col(OutboxMessage.dropped_at).is_(None),
            col(OutboxMessage.dedupe_key).contains(fair),
        ).order_by(col(OutboxMessage.due_at), col(OutboxMessage.id)))
        return list(rows)


async def render(db: Database, r: Router, row: OutboxMessage, now: datetime) -> Reply | None:
    """Render a row for its recipient as delivery would."""
    async with db.unit() as s:
        person = await s.get(Person, row.person_id)
        assert person is not None
        return await r.compose(s, row, person, now=now, numbered=False, memo={})


async def test_deadline_reminders_three_and_one_week_before_until_the_company_asks(
    db: Database, catalogue: Catalogue
) -> None:
    r = router(db, catalogue)
    await setup(db, catalogue)
    a = await company(db, "A", people=2)
    await r.run_jobs(NOW)
    rows = await pending(db, reminders.DEADLINE_KIND)
    assert len(rows) == 4  # 2 people x (3 weeks, 1 week)
    assert {row.due_at for row in rows} == {datetime(2026, 3, 20, 9, tzinfo=BERLIN),
                                            datetime(2026, 4, 3, 9, tzinfo=BERLIN)}
    assert all(row.not_after == datetime(2026, 4, 10, 23, 59, tzinfo=BERLIN) for row in rows)
    text = await render(db, r, rows[0], rows[0].due_at)
    assert text is not None and "/messe" in text.text and "Insidertreff" in text.text
    assert await r.run_jobs(NOW) == 0  # unchanged: nothing written
    await ask(db, a, 10)
    assert await render(db, r, rows[0], rows[0].due_at) is None  # asked meanwhile: obsolete
    await r.run_jobs(NOW)
    assert await pending(db, reminders.DEADLINE_KIND) == []
    await withdraw(db, a)
    await r.run_jobs(NOW)
    assert len(await pending(db, reminders.DEADLINE_KIND)) == 4


async def test_opted_out_person_gets_no_deadline_reminder_and_late_ones_are_skipped(
    db: Database, catalogue: Catalogue
) -> None:
    r = router(db, catalogue)
    await setup(db, catalogue)
    await company(db, "A", people=2)
    async with db.unit() as s:
        first = (await s.exec(select(Person).order_by(col(Person.id)))).first()
        assert first is not None
        await preferences.switch(s, person_id=first.id, kind=reminders.DEADLINE_KIND,
                                 enabled=False)
    await r.run_jobs(datetime(2026, 3, 25, 9, tzinfo=BERLIN))
    rows = await pending(db, reminders.DEADLINE_KIND)
    assert len(rows) == 1 and rows[0].due_at == datetime(2026, 4, 3, 9, tzinfo=BERLIN)
    assert rows[0].person_id != first.id


async def test_a_reminder_due_now_stays_planned_for_the_delivery_right_after_the_job(
    db: Database, catalogue: Catalogue
) -> None:
    r = router(db, catalogue)
    await setup(db, catalogue)
    await company(db, "A")
    await r.run_jobs(NOW)
    due = datetime(2026, 3, 20, 9, tzinfo=BERLIN)
    await r.run_jobs(due)  # the job runs at the due time, right before that delivery
    assert next(row.due_at for row in await pending(db, reminders.DEADLINE_KIND)) == due


async def test_set_up_reminder_a_week_before_with_set_up_time_only_while_confirmed(
    db: Database, catalogue: Catalogue
) -> None:
    r = router(db, catalogue)
    await setup(db, catalogue)
    a = await company(db, "A", people=2)
    out = await ask(db, a, 12)
    await r.run_jobs(NOW)
    assert await pending(db, reminders.SETUP_KIND) == []  # only once confirmed
    await decide(db, out.request.id, confirm=True)
    await r.run_jobs(NOW)
    rows = await pending(db, reminders.SETUP_KIND)
    assert len(rows) == 2 and rows[0].due_at == datetime(2026, 5, 2, 9, tzinfo=BERLIN)
    assert rows[0].not_after == datetime(2026, 5, 9, 8, tzinfo=BERLIN)
    text = await render(db, r, rows[0], rows[0].due_at)
    assert text is not None and "Aufbau ab 08:00 Uhr" in text.text and "12 m²" in text.text
    await withdraw(db, a)
    assert await render(db, r, rows[0], rows[0].due_at) is None
    await r.run_jobs(NOW)
    assert await pending(db, reminders.SETUP_KIND) == []


async def test_new_colleague_gets_the_set_up_reminder_too(
    db: Database, catalogue: Catalogue
) -> None:
    r = router(db, catalogue)
    await setup(db, catalogue)
    a = await company(db, "A")
    out = await ask(db, a, 12)
    await decide(db, out.request.id, confirm=True)
    await r.run_jobs(NOW)
    async with db.unit() as s:
        s.add(Person(platform="console", external_id="neu", chat_id="neu", company_id=a))
    await r.run_jobs(NOW)
    assert len(await pending(db, reminders.SETUP_KIND)) == 2


def test_both_reminders_can_be_switched_off_under_their_german_labels(
    catalogue: Catalogue,
) -> None:
    r = router(Database("sqlite+aiosqlite://"), catalogue)  # registration only: never connects
    switches = r.notices.switchable()
    assert switches[reminders.DEADLINE_KIND] == "Messe: Erinnerung an die Anmeldefrist"
    assert switches[reminders.SETUP_KIND] == "Messe: Hinweis eine Woche vorher (Aufbau)"
