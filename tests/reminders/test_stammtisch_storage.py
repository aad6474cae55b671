"""Stammtisch series and planning: 13:00 local across DST, changes, reconciliation of rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.clock import ManualClock
from handlers.context import Services
from handlers.stammtisch import plan_sessions
from scheduler.delivery import Deliverer
from scheduler.replay import replay_until
from storage import people, reminders, stammtisch
from storage.catalogue import Catalogue
from storage.db import Database
from storage.models import OutboxMessage
from storage.reminders import Planned
from storage.stammtisch_series import series_from, sessions
from tests.scheduler.fakes import BERLIN, RecordingPort, berlin, person


def test_series_stays_at_1300_local_across_both_dst_switches(catalogue: Catalogue) -> None:
    series = series_from(catalogue.section("stammtisch"), BERLIN, {})
    spring = sessions(series, {}, after=berlin(2026, 3, 20), count=2)
    autumn = sessions(series, {}, after=berlin(2026, 10, 20), count=1)
    assert [s.key for s in spring] == ["2026-04-02", "2026-04-16"]
    assert [s.start.astimezone(BERLIN).hour for s in spring + autumn] == [13, 13, 13]
    assert spring[0].start == datetime(2026, 4, 2, 11, tzinfo=UTC)  # CEST
    assert autumn[0].key == "2026-10-29"
    assert autumn[0].start == datetime(2026, 10, 29, 12, tzinfo=UTC)  # CET again


def test_moves_and_skips_apply_and_a_chat_time_wins(catalogue: Catalogue) -> None:
    series = series_from(catalogue.section("stammtisch"), BERLIN, {"time": "14:30"})
    moved = berlin(2026, 4, 9, 10)
    changes = {"2026-04-02": (False, moved), "2026-04-16": (True, None)}
    found = sessions(series, changes, after=berlin(2026, 3, 20), count=2)
    assert [(s.key, s.start, s.moved) for s in found] == [
        ("2026-04-02", moved, True), ("2026-04-30", berlin(2026, 4, 30, 14, 30), False),
    ]


def services(db: Database, catalogue: Catalogue, clock: ManualClock) -> Services:
    return Services(db=db, clock=clock, catalogue=catalogue, admin_keys=frozenset())


async def test_dst_switches_keep_reminders_at_local_times(
    db: Database, catalogue: Catalogue
) -> None:
    pid = await person(db)
    await stammtisch.set_subscribed(db, person_id=pid, on=True, now=berlin(2026, 3, 20))
    for start, end, day in ((berlin(2026, 3, 20), berlin(2026, 4, 3), 2),
                            (berlin(2026, 10, 20), berlin(2026, 10, 30), 29)):
        clock = ManualClock(start)
        svc = services(db, catalogue, clock)
        d = Deliverer(db, clock, planners=[lambda now, svc=svc: plan_sessions(svc, now)])
        d.ports["console"] = port = RecordingPort()
        await replay_until(clock, end, d.deliver_due, d.next_due)
        async with db.read() as s:
            q = select(OutboxMessage.sent_at).where(OutboxMessage.sent_at.is_not(None),
                                                    OutboxMessage.sent_at > start)
            sent = sorted(t.astimezone(BERLIN) for t in (await s.execute(q)).scalars())
        assert [(t.day, t.hour, t.minute) for t in sent][-2:] == [(day, 9, 0), (day, 12, 45)]
        assert all("13:00 Uhr" in text for text in port.texts) and len(port.texts) >= 2


async def test_sync_keeps_matching_rows_and_drops_unwanted(db: Database) -> None:
    pid = await person(db)
    now = berlin(2026, 3, 1)
    want = {"x:1": Planned(pid, "k", "a", now + timedelta(days=1)),
            "x:2": Planned(pid, "k", "b", now + timedelta(days=2))}
    assert await reminders.sync(db, prefix="x:", wanted=want, now=now) == 2
    assert await reminders.sync(db, prefix="x:", wanted=want, now=now) == 0
    async with db.transaction() as s:
        row = (await s.execute(select(OutboxMessage).where(OutboxMessage.dedupe_key == "x:1"))
               ).scalar_one()
        row.attempts = 2  # a retry in progress survives re-planning of an unchanged row
    del want["x:2"]
    assert await reminders.sync(db, prefix="x:", wanted=want, now=now) == 1
    async with db.read() as s:
        rows = {r.dedupe_key: r for r in (await s.execute(select(OutboxMessage))).scalars()}
    assert rows["x:1"].attempts == 2 and rows["x:2"].drop_reason == "unplanned"
    want["x:2"] = Planned(pid, "k", "b", now + timedelta(days=2))
    assert await reminders.sync(db, prefix="x:", wanted=want, now=now) == 1  # comes back


async def test_changes_tell_each_subscriber_once(db: Database) -> None:
    anna, bert = await person(db, "anna"), await person(db, "bert")
    now = berlin(2026, 3, 20)
    for pid in (anna, bert):
        await stammtisch.set_subscribed(db, person_id=pid, on=True, now=now)
    await stammtisch.set_subscribed(db, person_id=bert, on=False, now=now)
    told = await stammtisch.change_setting(db, key="link", value="https://x", now=now,
                                           notice="neu")
    assert told == 1
    rows = await reminders.planned_for(db, person_id=anna)
    assert [(r.kind, r.text) for r in rows] == [("stammtisch.change", "neu")]
    assert await reminders.planned_for(db, person_id=bert) == []


async def test_personal_reminders_are_only_deleted_by_their_owner(db: Database) -> None:
    anna, bert = await person(db, "anna"), await person(db, "bert")
    now = berlin(2026, 3, 20)
    await reminders.plan_personal(db, person_id=anna, text="t", due_at=now + timedelta(hours=1),
                                  now=now)
    (row,) = await reminders.planned_for(db, person_id=anna)
    assert row.urgent  # the person chose the time: quiet hours do not delay it
    assert not await reminders.delete_personal(db, person_id=bert, row_id=row.id, now=now)  # type: ignore[arg-type]
    assert await reminders.delete_personal(db, person_id=anna, row_id=row.id, now=now)  # type: ignore[arg-type]
    assert await reminders.planned_for(db, person_id=anna) == []


async def test_unreachable_subscriber_is_planned_again_when_back(
    db: Database, catalogue: Catalogue
) -> None:
    pid = await person(db)
    now = berlin(2026, 3, 20)
    svc = services(db, catalogue, ManualClock(now))
    await stammtisch.set_subscribed(db, person_id=pid, on=True, now=now)
    await plan_sessions(svc, now)
    assert len(await reminders.planned_for(db, person_id=pid)) == 6  # 3 sessions x 2
    await people.mark_unreachable(db, person_id=pid, now=now)
    await plan_sessions(svc, now)
    assert await reminders.planned_for(db, person_id=pid) == []
    await person(db)  # writes again: reachable
    await plan_sessions(svc, now)
    assert len(await reminders.planned_for(db, person_id=pid)) == 6
