"""The Stammtisch series as calendar maths: 13:00 local across DST, skips, moves, chat time."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from storage.catalogue import Catalogue
from storage.stammtisch.series import LOOK_BACK, Change, Schedule, series_from
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


@settings(max_examples=300, deadline=None)
@given(
    after_days=st.integers(min_value=-30, max_value=400),
    after_minutes=st.integers(min_value=0, max_value=24 * 60 - 1),
    count=st.integers(min_value=1, max_value=6),
    with_cancelled=st.booleans(),
    changes=st.dictionaries(
        st.integers(min_value=0, max_value=40),  # the n-th series date
        st.tuples(st.booleans(), st.one_of(st.none(), st.integers(-20 * 24, 20 * 24))),
        max_size=6),
)
def test_upcoming_equals_every_meeting_worked_out_and_sorted(
    after_days: int, after_minutes: int, count: int, with_cancelled: bool,
    changes: dict[int, tuple[bool, int | None]],
) -> None:
    # The catalogue's series (first 5 Feb 2026, every 14 days, 13:00); series_from needs only
    # these values of [stammtisch].
    section = {"first": datetime(2026, 2, 5, 13, 0), "every_days": 14, "duration_minutes": 60}
    series = series_from(section, BERLIN, {})
    keyed: dict[str, Change] = {}
    for n, (cancelled, shift_hours) in changes.items():
        day = series.first + timedelta(days=14 * n)
        moved = (None if shift_hours is None
                 else series.occurrence(day) + timedelta(hours=shift_hours))
        keyed[day.isoformat()] = Change(cancelled, moved)
    sched = Schedule(series, keyed)
    after = berlin(2026, 2, 1) + timedelta(days=after_days, minutes=after_minutes)
    back = after.astimezone(BERLIN).date() - timedelta(days=LOOK_BACK * 14)
    every = [sched.meeting(day.isoformat()) for day in series.dates_from(back)]
    expected = sorted((m for m in every if m is not None and m.start > after
                       and (with_cancelled or not m.cancelled)), key=lambda m: m.start)[:count]
    found = sched.upcoming(after=after, count=count, with_cancelled=with_cancelled)
    assert [(m.key, m.start) for m in found] == [(m.key, m.start) for m in expected]
