"""The retention job through the console with a moved clock; the SQLite file is owner-only."""

from __future__ import annotations

import json
import stat
from datetime import timedelta
from pathlib import Path
from typing import Any

from scheduler.runner import HEARTBEAT_ID, JOB_ID, Runner
from storage.db import Database
from storage.members.models import Company
from tests.events.console_helpers import card, join
from tests.support.console import ConsoleBot, button


def _mine(console: ConsoleBot, who: str) -> dict[str, Any]:
    out = console.say(who, "/meinedaten")
    path = next(m["file"]["path"] for m in out if m.get("file", {}).get("name", "")
                .endswith(".json"))
    data: dict[str, Any] = json.loads(Path(path).read_text("utf-8"))
    return data


def _texts(data: dict[str, Any]) -> str:
    return json.dumps(data["rows"].get("outboxmessage", []), ensure_ascii=False)


def test_retention_runs_in_the_scheduler_round_as_the_clock_moves(console: ConsoleBot) -> None:
    join(console, "anna", "Zemmler")
    ev = card(console.say("anna", "/termine"), "Ausbildungs-Marketing")  # 5 March 2026
    console.press("anna", button(console.press("anna", button(ev, "Anmelden")), "1"))
    console.press("anna", button(console.say("anna", "/erinnerung morgen 9 Uhr Mappe"), "Ja"))
    console.say("gast", "/hilfe")  # a stranger who never redeems a code

    console.now("2026-02-20T10:00:00+01:00")
    anna, gast = _mine(console, "anna"), _mine(console, "gast")
    assert "Mappe" in _texts(anna) and anna["rows"]["event_registration"]
    assert gast["profile"]["created_at"].startswith("2026-02-02")

    console.now("2026-03-10T10:00:00+01:00")  # 30 days after the reminder, 36 after "gast"
    anna, gast = _mine(console, "anna"), _mine(console, "gast")
    assert "Mappe" not in _texts(anna)  # the sent text is gone, the registration is not
    assert anna["rows"]["event_registration"] and anna["company"] is not None
    assert gast["profile"]["created_at"].startswith("2026-03-10")  # a new contact now

    console.now("2027-03-06T10:00:00+01:00")  # 12 months after the meeting
    anna = _mine(console, "anna")
    assert "event_registration" not in anna["rows"] and anna["company"] is not None


async def test_the_app_runner_has_a_heartbeat_for_daily_jobs() -> None:
    runner = Runner(_nothing, heartbeat=timedelta(hours=6))
    runner.start()
    try:
        assert {j.id for j in runner.scheduler.get_jobs()} == {HEARTBEAT_ID}
        runner.wake_at(None)
        assert runner.next_wake() is None  # the heartbeat is not the delivery wake-up
        assert JOB_ID not in {j.id for j in runner.scheduler.get_jobs()}
    finally:
        await runner.stop()


async def _nothing() -> None:
    return None


async def test_sqlite_file_and_folder_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "neu" / "bot.db"
    db = Database(f"sqlite+aiosqlite:///{path}")
    await db.migrate()
    async with db.unit() as s:  # a write: the WAL file exists now
        s.add(Company(name="Pragma"))
    try:
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        for file in (path, path.with_name("bot.db-wal"), path.with_name("bot.db-shm")):
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    finally:
        await db.dispose()
    old = tmp_path / "alt.db"
    old.touch(mode=0o644)
    old.chmod(0o644)
    Database(f"sqlite+aiosqlite:///{old}")
    assert stat.S_IMODE(old.stat().st_mode) == 0o600
