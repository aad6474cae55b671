"""The Stammtisch series as calendar maths: 13:00 local across DST, skips, moves, chat time."""

from __future__ import annotations

from datetime import UTC, datetime, time

from storage.catalogue import Catalogue
from storage.stammtisch.series import Change, Schedule, series_from
from tests.stammtisch.helpers import BERLIN, berlin


def _schedule(catalogue: Catalogue, changes: dict[str, Change] | None = None,
              **settings: str) -> Schedule:
    return Schedule(series_from(catalogue.section("stammtisch"), BERLIN, settings),
                    changes or {})


def test_series_stays_at_1300_local_across_both_dst_switches(catalogue: Catalogue) -> None:
    sched = _schedule(catalogue)
    spring = sched.upcoming(after=berlin(2026, 3, 20), count=2)
    autumn = sched.upcoming(after=berlin(2026, 10, 20), count=1)
    assert [m.key for m in spring] == ["2026-04-02", "2026-04-16"]
    assert [m.start.astimezone(BERLIN).hour for m in spring + autumn] == [13, 13, 13]
    assert spring[0].start == datetime(2026, 4, 2, 11, tzinfo=UTC)  # CEST
    assert autumn[0].key == "2026-10-29"
    assert autumn[0].start == datetime(2026, 10, 29, 12, tzinfo=UTC)  # CET again


def test_moves_and_skips_apply_and_a_chat_time_wins(catalogue: Catalogue) -> None:
    moved = berlin(2026, 4, 9, 10)
    changes = {"2026-04-02": Change(moved_to=moved), "2026-04-16": Change(cancelled=True)}
    sched = _schedule(catalogue, changes, time="14:30")
    found = sched.upcoming(after=berlin(2026, 3, 20), count=2)
    assert [(m.key, m.start, m.moved) for m in found] == [
        ("2026-04-02", moved, True), ("2026-04-30", berlin(2026, 4, 30, 14, 30), False),
    ]
    assert [m.key for m in sched.upcoming(after=berlin(2026, 3, 20), count=3,
                                          with_cancelled=True)][1] == "2026-04-16"


def test_a_meeting_moved_later_is_still_ahead_after_its_series_date(catalogue: Catalogue) -> None:
    later = berlin(2026, 4, 10, 13)  # 2 April moved a week on; 3 April it still lies ahead
    sched = _schedule(catalogue, {"2026-04-02": Change(moved_to=later)})
    assert sched.upcoming(after=berlin(2026, 4, 3), count=1)[0].start == later


def test_a_meeting_is_found_by_its_key_only_on_series_dates(catalogue: Catalogue) -> None:
    sched = _schedule(catalogue, {"2026-04-16": Change(cancelled=True)})
    found = sched.meeting("2026-04-02")
    assert found is not None and found.start == berlin(2026, 4, 2, 13)
    cancelled = sched.meeting("2026-04-16")
    assert cancelled is not None and cancelled.cancelled
    assert sched.meeting("2026-04-03") is None and sched.meeting("kaputt") is None
    earlier = sched.at_time(time(9)).meeting("2026-04-02")
    assert earlier is not None and earlier.start == berlin(2026, 4, 2, 9)
