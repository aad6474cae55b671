"""App wiring: the real APScheduler job follows the outbox (after planning and after delivery)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import build_app
from bot.clock import SystemClock
from bot.settings import Settings
from tests.scheduler.fakes import RecordingPort, person, plan
from tests.support.databases import sqlite_url


async def test_planning_reschedules_the_delivery_job(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_url(tmp_path))  # type: ignore[call-arg]
    app = await build_app(settings, clock=SystemClock())
    port = RecordingPort()
    app.add_port(port)
    runner = app.start_scheduler()
    assert runner is not None
    try:
        pid = await person(app.db)
        now = datetime.now(UTC)
        due = (now + timedelta(days=2)).replace(hour=10, minute=0, second=0, microsecond=0)
        await plan(app.db, pid, "später", due, urgent=True)
        # The router's wake after planning only wakes the scheduler: nobody waits for delivery.
        assert app.services.wake is not None
        await app.services.wake()
        woken = runner.next_wake()
        assert woken is not None and woken <= datetime.now(UTC)
        await app.deliver_due()  # what the woken job runs
        assert runner.next_wake() == due
        await plan(app.db, pid, "jetzt", now, urgent=True)
        await app.services.wake()
        assert port.texts == []
        await app.deliver_due()
        assert port.texts == ["jetzt"] and runner.next_wake() == due
    finally:
        await app.stop_scheduler()
        await app.stop()


async def test_quiet_hours_come_from_settings_in_the_cluster_zone(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_url(tmp_path), quiet_start=22,  # type: ignore[call-arg]
                        quiet_end=6)
    app = await build_app(settings, clock=SystemClock())
    try:
        quiet = app.deliverer.quiet
        assert (quiet.start, quiet.end, quiet.tz) == (22, 6, app.catalogue.tz)
        assert app.start_scheduler() is not None
    finally:
        await app.stop_scheduler()
        await app.stop()
