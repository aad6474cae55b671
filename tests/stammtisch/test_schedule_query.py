"""storage.stammtisch.queries.schedule: settings and per-meeting changes read in one statement."""

from __future__ import annotations

from datetime import UTC, time

from storage.catalogue import Catalogue
from storage.db import Database
from storage.stammtisch import queries, service
from tests.stammtisch.helpers import berlin


async def test_settings_and_changes_come_back_typed_on_both_databases(
    db: Database, catalogue: Catalogue
) -> None:
    now = berlin(2026, 2, 1, 9)
    moved = berlin(2026, 2, 20, 15)
    async with db.unit() as s:
        await service.change_setting(s, key="link", value="https://zoom.example/neu", now=now)
        await service.change_setting(s, key="time", value="14:30", now=now)
        await service.change_meeting(s, meeting="2026-02-05", cancelled=True, moved_to=None,
                                     now=now)
        await service.change_meeting(s, meeting="2026-02-19", cancelled=False, moved_to=moved,
                                     now=now)
    async with db.unit() as s:
        sched = await queries.schedule(s, catalogue)
    assert sched.series.link == "https://zoom.example/neu"
    assert sched.series.at == time(14, 30)
    assert sched.changes["2026-02-05"].cancelled is True
    assert sched.changes["2026-02-05"].moved_to is None
    assert sched.changes["2026-02-19"].cancelled is False
    assert sched.changes["2026-02-19"].moved_to == moved
    assert sched.changes["2026-02-19"].moved_to.tzinfo is not None
    [first, second] = sched.upcoming(after=now, count=2)
    assert (first.key, first.moved, first.start) == ("2026-02-19", True, moved.astimezone(UTC))
    assert second.key == "2026-03-05"


async def test_no_settings_and_no_changes_give_the_catalogue_series(
    db: Database, catalogue: Catalogue
) -> None:
    async with db.unit() as s:
        sched = await queries.schedule(s, catalogue)
    assert sched.changes == {}
    assert sched.series.at == time(13, 0)
