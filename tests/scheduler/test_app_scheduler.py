"""App wiring: the real APScheduler job follows the outbox (after planning and after delivery)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import build_app
from bot.clock import SystemClock
from bot.settings import Settings
from storage import outbox, people
from tests.scheduler.fakes import RecordingPort
from tests.support.databases import sqlite_url


async def test_planning_reschedules_the_delivery_job(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_url(tmp_path))  # type: ignore[call-arg]
    app = await build_app(settings, clock=SystemClock())
    port = RecordingPort()
    app.add_port(port)
    runner = app.start_scheduler()
    assert runner is not None
    try:
        p, _ = await people.touch(app.db, platform="console", external_id="anna",
                                  display_name="anna", chat_id="anna")
        now = datetime.now(UTC)
        due = (now + timedelta(days=2)).replace(hour=10, minute=0, second=0, microsecond=0)
        await outbox.plan(app.db, person_id=p.id, kind="t", text="später", due_at=due,  # type: ignore[arg-type]
                          dedupe_key="later", now=now, urgent=True)
        # A handler's planned() only wakes the scheduler: the person never waits for delivery.
        await app.services.planned()
        woken = runner.next_wake()
        assert woken is not None and woken <= datetime.now(UTC)
        await app.deliver_due()  # what the woken job runs
        assert runner.next_wake() == due
        await outbox.plan(app.db, person_id=p.id, kind="t", text="jetzt", due_at=now,  # type: ignore[arg-type]
                          dedupe_key="now", now=now, urgent=True)
        await app.services.planned()
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
