"""QA: /erinnerungen never shows an internal kind name for rows other features planned."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.app import build_app
from bot.clock import ManualClock
from bot.settings import Settings
from bot.transports.console import incoming
from storage import outbox, people
from tests.scheduler.fakes import berlin
from tests.support.databases import sqlite_url


async def test_a_row_of_an_unlabelled_kind_is_listed_as_a_notice(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_url(tmp_path))  # type: ignore[call-arg]
    now = berlin(2026, 3, 2, 21)  # quiet hours: a notice waits until 07:00 and is listed
    app = await build_app(settings, clock=ManualClock(now))
    try:
        p, _ = await people.touch(app.db, platform="console", external_id="anna",
                                  display_name="anna", chat_id="anna")
        await outbox.plan(app.db, person_id=p.id, kind="fair.team", text="x",  # type: ignore[arg-type]
                          due_at=now + timedelta(hours=1), dedupe_key="t", now=now)
        replies = await app.handle(incoming("anna", text="/erinnerungen"))
        text = "\n".join(r.text for r in replies)
        assert "Mitteilung" in text and "fair.team" not in text
    finally:
        await app.stop()
