"""Properties of parse_when, to_datetime and the German date texts."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.core.format import MONTHS
from handlers.dates import (
    EXAMPLES,
    When,
    confirm_text,
    format_when,
    not_understood_text,
    parse_when,
    past_text,
    to_datetime,
)

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 2, 2, 10, 0, tzinfo=BERLIN)
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))
times = st.times().map(lambda t: t.replace(second=0, microsecond=0))
nows = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
)


@given(dates)
def test_numeric_date_round_trips(day: date) -> None:
    assert parse_when(f"{day.day}.{day.month}.{day.year}", now=NOW) == When(day)
    assert parse_when(f"{day:%d.%m.%Y}", now=NOW) == When(day)


@given(dates, times)
def test_date_and_time_round_trip(day: date, at: time) -> None:
    text = f"{day.day}. {MONTHS[day.month - 1]} {day.year}, {at:%H:%M} Uhr"
    assert parse_when(text, now=NOW) == When(day, at)


@given(dates, st.none() | times, times)
def test_parse_reads_back_what_format_when_wrote(day: date, at: time | None, end: time) -> None:
    w = When(day, at, end if at is not None and end > at else None)
    assert parse_when(format_when(w), now=NOW) == w


@given(nows, dates.filter(lambda d: (d.month, d.day) != (2, 29)))
def test_date_without_year_is_the_next_such_day(now: datetime, day: date) -> None:
    today = now.astimezone(BERLIN).date()
    found = parse_when(f"{day.day}.{day.month}.", now=now)
    assert found is not None and found.time is None
    assert (found.date.month, found.date.day) == (day.month, day.day)
    assert timedelta(0) <= found.date - today <= timedelta(days=366)


@given(nows)
def test_relative_days_follow_berlin_calendar(now: datetime) -> None:
    today = now.astimezone(BERLIN).date()
    assert parse_when("morgen", now=now) == When(today + timedelta(days=1))
    assert parse_when("in 10 Tagen", now=now) == When(today + timedelta(days=10))
    found = parse_when("Mittwoch", now=now)
    assert found is not None
    assert found.date.weekday() == 2 and 1 <= (found.date - today).days <= 7


@settings(max_examples=300, deadline=None)  # the first dateparser fallback loads its data
@given(st.text(max_size=60))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    found = parse_when(text, now=NOW)
    assert found is None or isinstance(found, When)


@settings(deadline=None)
@given(st.lists(st.sampled_from(["morgen", "9", "Uhr", "KW", "halb", "-", "5.3.", "bis", "am",
                                 "Mo", "nächste", "Woche", "in", "2", "Tagen", ",", "um", "."]),
                max_size=8))
def test_never_raises_on_date_like_word_salad(words: list[str]) -> None:
    found = parse_when(" ".join(words), now=NOW)
    assert found is None or isinstance(found, When)


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        parse_when("morgen", now=datetime(2026, 2, 2, 10, 0))


def test_now_in_another_zone_counts_in_berlin() -> None:
    tokyo = datetime(2026, 2, 3, 7, 0, tzinfo=timezone(timedelta(hours=9)))  # 23:00 Berlin
    assert parse_when("heute", now=tokyo) == When(date(2026, 2, 2))


def test_to_datetime_uses_default_time_and_berlin() -> None:
    found = to_datetime(When(date(2026, 3, 5)), default_time=time(9))
    assert found == datetime(2026, 3, 5, 8, 0, tzinfo=UTC)


def test_to_datetime_moves_a_missing_spring_time_forward() -> None:
    found = to_datetime(When(date(2026, 3, 29), time(2, 30)), default_time=time(9), tz=BERLIN)
    assert found.utcoffset() == timedelta(hours=2)
    assert (found.hour, found.minute) == (3, 30)


def test_to_datetime_keeps_the_second_autumn_hour() -> None:
    now = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 02:30 CEST
    found = parse_when("in 1 Stunde", now=now)
    assert found is not None
    # PEP 495: a time in the repeated hour never equals one in another zone, so compare in UTC
    found_utc = to_datetime(found, default_time=time(9)).astimezone(UTC)
    assert found_utc == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


def test_format_when_in_full_german() -> None:
    assert format_when(When(date(2026, 3, 17), time(14))) == "Dienstag, 17. März 2026, 14:00 Uhr"
    ranged = When(date(2026, 3, 17), time(10), time(12))
    assert format_when(ranged) == "Dienstag, 17. März 2026, 10:00–12:00 Uhr"
    assert format_when(When(date(2026, 3, 17))) == "Dienstag, 17. März 2026"


def test_confirm_and_past_texts() -> None:
    w = When(date(2026, 3, 17), time(14))
    assert confirm_text(w) == "Verstanden: Dienstag, 17. März 2026, 14:00 Uhr – passt das?"
    assert "Vergangenheit" in past_text()
    assert "17. März 2026" in past_text(w)


def test_not_understood_names_three_examples_that_work() -> None:
    text = not_understood_text()
    assert len(EXAMPLES) == 3
    for example in EXAMPLES:
        assert example in text
        assert parse_when(example, now=NOW) is not None


def test_decomposed_umlauts_odd_dashes_and_hard_spaces() -> None:
    assert parse_when("5. Ma\u0308rz", now=NOW) == When(date(2026, 3, 5))
    assert parse_when("4.3. 10\u201112 Uhr", now=NOW) == When(date(2026, 3, 4), time(10), time(12))
    assert parse_when("morgen\xa09\xa0Uhr", now=NOW) == When(date(2026, 2, 3), time(9))
