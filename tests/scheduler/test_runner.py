"""The APScheduler runner: one "deliver" job at the next due time, rescheduled after each run."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.clock import QuietHours
from scheduler.runner import JOB_ID, Runner
from tests.scheduler.fakes import berlin


async def test_runner_schedules_one_job_and_runs_it_when_due() -> None:
    ran = asyncio.Event()
    runner = Runner(lambda: _set(ran))
    runner.start()
    try:
        later = datetime.now(UTC) + timedelta(days=3)
        runner.wake_at(later)
        runner.wake_at(later + timedelta(hours=1))  # replaces, never a second job
        assert [j.id for j in runner.scheduler.get_jobs()] == [JOB_ID]
        assert runner.next_wake() == later + timedelta(hours=1)
        runner.wake_at(None)
        assert runner.next_wake() is None
        runner.wake_at(datetime.now(UTC))  # due now: runs at once, no real waiting
        await asyncio.wait_for(ran.wait(), 5)
    finally:
        await runner.stop()


async def test_failed_run_is_retried_a_minute_later() -> None:
    failed = asyncio.Event()

    async def broken() -> None:
        failed.set()
        raise RuntimeError("database gone")

    runner = Runner(broken)
    runner.start()
    try:
        runner.wake_at(datetime.now(UTC))
        await asyncio.wait_for(failed.wait(), 5)
        await asyncio.sleep(0.01)
        wake = runner.next_wake()
        assert wake is not None and wake > datetime.now(UTC) + timedelta(seconds=50)
    finally:
        await runner.stop()


async def test_stop_lets_a_running_delivery_finish_instead_of_cancelling_it() -> None:
    started, release, finished = asyncio.Event(), asyncio.Event(), asyncio.Event()

    async def deliver() -> None:
        started.set()
        await release.wait()  # e.g. inside a transport's send
        finished.set()

    runner = Runner(deliver)
    runner.start()
    runner.wake_at(datetime.now(UTC))
    await asyncio.wait_for(started.wait(), 5)
    stopping = asyncio.create_task(runner.stop())
    await asyncio.sleep(0.01)
    assert not stopping.done()
    release.set()
    await asyncio.wait_for(stopping, 5)
    assert finished.is_set() and not runner.scheduler.running
    runner.wake_at(datetime.now(UTC))  # after stop: ignored, no error
    assert runner.next_wake() is None


def test_quiet_hours_release_keeps_local_seven_across_dst() -> None:
    q = QuietHours(20, 7)
    assert q.release(berlin(2026, 10, 24, 22)) == berlin(2026, 10, 25, 7)
    assert q.release(berlin(2026, 3, 29, 3)) == berlin(2026, 3, 29, 7)
    assert q.release(berlin(2026, 3, 29, 12)) == berlin(2026, 3, 29, 12)
    assert not QuietHours(0, 0).is_quiet(berlin(2026, 3, 29, 3))


async def _set(event: asyncio.Event) -> None:
    event.set()
