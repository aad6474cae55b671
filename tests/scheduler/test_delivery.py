"""Delivery core: restart, crash between claim and send, not_after, retries, unreachable."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlmodel import select

from bot.chat import Address, Reply
from bot.clock import ManualClock
from scheduler.delivery import Deliverer
from scheduler.replay import replay_until
from storage import chat
from storage.db import Database
from storage.members import people
from storage.outbox import OutboxMessage, ReminderPreference
from tests.scheduler import fakes
from tests.scheduler.fakes import RecordingPort, berlin, literal, person, plan

BlockedPort, CrashingPort = fakes.BlockedPort, fakes.CrashingPort
FlakyPort, HangingPort = fakes.FlakyPort, fakes.HangingPort


def deliverer(db: Database, clock: ManualClock, port: RecordingPort) -> Deliverer:
    d = Deliverer(db, clock, compose=literal)
    d.ports[port.platform] = port
    return d


async def rows(db: Database) -> dict[str, OutboxMessage]:
    async with db.read() as s:
        return {r.dedupe_key: r for r in await s.exec(select(OutboxMessage))}


async def test_restart_between_planning_and_due_time_loses_nothing(db: Database) -> None:
    pid = await person(db)
    clock = ManualClock(berlin(2026, 3, 2, 9))
    await plan(db, pid, "a", berlin(2026, 3, 2, 10))
    first = RecordingPort()
    assert await deliverer(db, clock, first).deliver_due() == 0
    # "Restart": a new deliverer on the same database, the clock past the due time.
    clock.set(berlin(2026, 3, 2, 10, 5))
    second = RecordingPort()
    again = deliverer(db, clock, second)
    assert await again.recover() == 0
    await again.deliver_due()
    await again.deliver_due()
    assert first.texts == [] and second.texts == ["a"]
    assert (await rows(db))["a"].sent_at == berlin(2026, 3, 2, 10, 5)


async def test_crash_between_claim_and_send_never_sends_twice(db: Database) -> None:
    pid = await person(db)
    clock = ManualClock(berlin(2026, 3, 2, 10))
    await plan(db, pid, "a", berlin(2026, 3, 2, 10))
    hanging = HangingPort()
    task = asyncio.create_task(deliverer(db, clock, hanging).deliver_due())
    await asyncio.wait_for(hanging.entered.wait(), 5)
    task.cancel()  # the process dies after the claim, before the transport returned
    with pytest.raises(asyncio.CancelledError):
        await task
    restarted = deliverer(db, clock, after := RecordingPort())
    assert await restarted.recover() == 1  # logged as possibly lost
    clock.set(berlin(2026, 3, 2, 11))
    await restarted.deliver_due()
    assert after.texts == []  # at-most-once: lost, never duplicated
    row = (await rows(db))["a"]
    assert row.sent_at is not None and "maybe not delivered" in (row.last_error or "")
    assert await restarted.next_due() is None


async def test_unexpected_transport_error_is_not_retried(db: Database) -> None:
    pid = await person(db)
    clock = ManualClock(berlin(2026, 3, 2, 10))
    await plan(db, pid, "a", berlin(2026, 3, 2, 10))
    port = CrashingPort()
    d = deliverer(db, clock, port)
    await d.deliver_due()
    clock.set(berlin(2026, 3, 2, 12))
    await d.deliver_due()
    assert len(port.sent) == 1
    assert "unknown" in ((await rows(db))["a"].last_error or "")


async def test_downtime_over_due_time_follows_not_after(db: Database) -> None:
    pid = await person(db)
    meeting = berlin(2026, 3, 2, 13)
    await plan(db, pid, "late-ok", berlin(2026, 3, 2, 12, 45), not_after=meeting)
    await plan(db, pid, "too-late", berlin(2026, 3, 2, 12, 50), not_after=meeting)
    await plan(db, pid, "no-limit", berlin(2026, 3, 2, 8))
    clock = ManualClock(berlin(2026, 3, 2, 12, 55))  # the bot comes back at 12:55
    port = RecordingPort()
    d = deliverer(db, clock, port)
    await d.deliver_due()
    assert port.texts == ["no-limit", "late-ok", "too-late"]
    # Back only at 13:05: everything limited by the meeting is dropped, not sent.
    await plan(db, pid, "after-start", berlin(2026, 3, 2, 12, 58), not_after=meeting)
    clock.set(berlin(2026, 3, 2, 13, 5))
    await d.deliver_due()
    assert port.texts[-1] == "too-late"
    assert (await rows(db))["after-start"].drop_reason == "too_late"


async def test_temporary_failures_back_off_and_honour_retry_after(db: Database) -> None:
    pid = await person(db)
    start = berlin(2026, 3, 2, 10)
    clock = ManualClock(start)
    await plan(db, pid, "a", start)
    port = FlakyPort(failures=2)
    d = deliverer(db, clock, port)
    await d.deliver_due()
    assert await d.next_due() == start + timedelta(seconds=30)
    await replay_until(clock, start + timedelta(minutes=5), d.deliver_due, d.next_due)
    assert port.texts == ["a"] and port.tries == 3
    row = (await rows(db))["a"]
    assert row.attempts == 3 and row.sent_at == start + timedelta(seconds=90)

    await plan(db, pid, "b", clock.now())
    port.failures, port.tries, port.retry_after = 1, 0, 600
    await d.deliver_due()
    assert await d.next_due() == clock.now() + timedelta(seconds=600)


async def test_gives_up_after_five_attempts(db: Database) -> None:
    pid = await person(db)
    start = berlin(2026, 3, 2, 10)
    clock = ManualClock(start)
    await plan(db, pid, "a", start)
    port = FlakyPort(failures=99)
    d = deliverer(db, clock, port)
    await replay_until(clock, start + timedelta(hours=2), d.deliver_due, d.next_due)
    row = (await rows(db))["a"]
    assert port.tries == 5 and row.drop_reason == "gave_up" and row.sent_at is None


async def test_permanent_failure_marks_person_unreachable(db: Database) -> None:
    pid = await person(db)
    clock = ManualClock(berlin(2026, 3, 2, 10))
    await plan(db, pid, "a", berlin(2026, 3, 2, 10))
    await plan(db, pid, "b", berlin(2026, 3, 2, 11))
    d = deliverer(db, clock, BlockedPort())
    await d.deliver_due()
    async with db.read() as s:
        found_person = await people.get(s, person_id=pid)
    assert found_person is not None and found_person.unreachable_at == clock.now()
    clock.set(berlin(2026, 3, 2, 11))
    port = RecordingPort()
    d.ports["console"] = port
    await d.deliver_due()
    found = await rows(db)
    assert found["a"].drop_reason == "unreachable" and found["b"].drop_reason == "unreachable"
    assert port.texts == []


async def test_quiet_hours_hold_non_urgent_until_seven(db: Database) -> None:
    pid = await person(db)
    clock = ManualClock(berlin(2026, 3, 28, 21))
    await plan(db, pid, "normal", berlin(2026, 3, 28, 21))
    await plan(db, pid, "urgent", berlin(2026, 3, 28, 21), urgent=True)
    port = RecordingPort()
    d = deliverer(db, clock, port)
    await d.deliver_due()
    assert port.texts == ["urgent"]
    # The night of the switch to summer time: still 07:00 local.
    assert await d.next_due() == berlin(2026, 3, 29, 7)
    await replay_until(clock, berlin(2026, 3, 29, 9), d.deliver_due, d.next_due)
    assert port.texts == ["urgent", "normal"]
    assert (await rows(db))["normal"].sent_at == berlin(2026, 3, 29, 7)


async def test_switched_off_kind_is_dropped_and_other_platforms_wait(db: Database) -> None:
    pid = await person(db)
    clock = ManualClock(berlin(2026, 3, 2, 10))
    async with db.unit() as s:
        s.add(ReminderPreference(person_id=pid, kind="fair.deadline", enabled=False))
    await plan(db, pid, "off", berlin(2026, 3, 2, 10), kind="fair.deadline")
    async with db.unit() as s:
        tg = (await chat.seen(s, platform="telegram", external_id="7", display_name="t",
                              chat_id="7")).person
    await plan(db, tg.id, "tg", berlin(2026, 3, 2, 10))
    port = RecordingPort()
    d = deliverer(db, clock, port)
    await d.deliver_due()
    found = await rows(db)
    assert port.texts == [] and found["off"].drop_reason == "switched_off"
    assert found["tg"].sent_at is None and found["tg"].dropped_at is None


async def test_replay_delivers_in_order_at_each_due_time(db: Database) -> None:
    pid = await person(db)
    clock = ManualClock(berlin(2026, 3, 2, 8))
    for key, hour in (("c", 12), ("a", 9), ("b", 10)):
        await plan(db, pid, key, berlin(2026, 3, 2, hour), not_after=berlin(2026, 3, 2, hour, 1))
    port = RecordingPort()
    d = deliverer(db, clock, port)
    await replay_until(clock, berlin(2026, 3, 3, 8), d.deliver_due, d.next_due)
    assert port.texts == ["a", "b", "c"]
    assert clock.now() == berlin(2026, 3, 3, 8)


async def test_someone_only_seen_in_a_group_is_reached_by_their_platform_id(db: Database) -> None:
    async with db.unit() as s:
        p = (await chat.seen(s, platform="console", external_id="gruppenmensch",
                             display_name="G", chat_id="")).person
    clock = ManualClock(berlin(2026, 3, 2, 10))
    await plan(db, p.id, "a", berlin(2026, 3, 2, 10))
    port = RecordingPort()
    await deliverer(db, clock, port).deliver_due()
    assert [(a.chat_id, r.text) for a, r in port.sent] == [("gruppenmensch", "a")]


async def test_retry_after_zero_waits_a_second_instead_of_spinning(db: Database) -> None:
    pid = await person(db)
    clock = ManualClock(berlin(2026, 3, 2, 10))
    await plan(db, pid, "a", berlin(2026, 3, 2, 10))
    port = FlakyPort(failures=3, retry_after=0)
    d = deliverer(db, clock, port)
    await d.deliver_due()
    assert port.texts == [] and await d.next_due() == berlin(2026, 3, 2, 10) + timedelta(seconds=1)


class HalfSendingPort(RecordingPort):
    """Sends the text, then fails on the attachment (as a transport reports it)."""

    async def send(self, address: Address, reply: Reply) -> None:
        """Record the text part, then fail."""
        self.sent.append((address, reply))
        from bot.chat import PartlySent

        raise PartlySent("text sent, file failed")


async def test_a_partly_sent_message_is_never_sent_again(db: Database) -> None:
    pid = await person(db)
    clock = ManualClock(berlin(2026, 3, 2, 10))
    await plan(db, pid, "a", berlin(2026, 3, 2, 10))
    port = HalfSendingPort()
    d = deliverer(db, clock, port)
    await d.deliver_due()
    clock.set(berlin(2026, 3, 2, 12))
    await d.deliver_due()
    assert port.texts == ["a"] and await d.next_due() is None
    assert (await rows(db))["a"].sent_at is not None
