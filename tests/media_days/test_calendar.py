"""Calendar rules of media days: weekends, holidays per state, lead time, first working days."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from handlers.media_days.texts import rule_text
from storage.errors import DomainError
from storage.media_days.nudges import next_nudge_at
from storage.media_days.rules import (
    MediaDayConfig,
    check_calendar,
    first_working_day,
    holiday,
    is_working_day,
)

TODAY = date(2026, 2, 2)
BERLIN = ZoneInfo("Europe/Berlin")


def refusal(day: date, state: str | None = "BB", today: date = TODAY) -> DomainError:
    with pytest.raises(DomainError) as caught:
        check_calendar(day, state=state, today=today, min_days=7)
    return caught.value


def test_reformation_day_is_a_holiday_in_both_states() -> None:
    reformation = date(2026, 10, 31)
    assert holiday(reformation, "BB") == holiday(reformation, "SN") == "Reformationstag"


def test_repentance_day_only_in_saxony() -> None:
    assert holiday(date(2026, 11, 18), "SN") == "Buß- und Bettag"
    assert holiday(date(2026, 11, 18), "BB") is None
    assert is_working_day(date(2026, 11, 18), "BB")
    assert not is_working_day(date(2026, 11, 18), "SN")


def test_corpus_christi_is_a_working_day_in_both_states() -> None:
    assert is_working_day(date(2026, 6, 4), "BB") and is_working_day(date(2026, 6, 4), "SN")


def test_unknown_state_counts_holidays_of_either_state() -> None:
    assert holiday(date(2026, 11, 18), None) == "Buß- und Bettag"


def test_weekend_refused_with_the_weekday() -> None:
    err = refusal(date(2026, 2, 21))
    assert err.code == "md_weekend"
    assert rule_text(err) == "Das ist ein Samstag – der Medientag geht nur an Werktagen."
    assert "Sonntag" in rule_text(refusal(date(2026, 2, 22)))


def test_past_refused() -> None:
    err = refusal(date(2026, 1, 30))
    assert err.code == "md_past" and "liegt in der Vergangenheit" in rule_text(err)


def test_less_than_seven_days_ahead_refused() -> None:
    err = refusal(date(2026, 2, 6))
    assert err.code == "md_too_soon"
    assert "mindestens 7 Tage Vorlauf" in rule_text(err)
    check_calendar(date(2026, 2, 9), state="BB", today=TODAY, min_days=7)  # exactly 7 days


def test_holiday_refused_with_state_and_name() -> None:
    err = refusal(date(2026, 4, 6), "SN")
    assert err.code == "md_holiday"
    assert "Feiertag in Sachsen (Ostermontag)" in rule_text(err)
    err = refusal(date(2026, 11, 18), "SN")
    assert "Buß- und Bettag" in rule_text(err)
    check_calendar(date(2026, 11, 18), state="BB", today=TODAY, min_days=7)


@pytest.mark.parametrize(("year", "month", "state", "expected"), [
    (2026, 1, "BB", date(2026, 1, 2)),     # New Year's Day
    (2026, 3, "SN", date(2026, 3, 2)),     # 1 March is a Sunday
    (2026, 5, "BB", date(2026, 5, 4)),     # 1 May is a Friday holiday
    (2026, 2, "SN", date(2026, 2, 2)),
])
def test_first_working_day(year: int, month: int, state: str, expected: date) -> None:
    assert first_working_day(year, month, state) == expected


def test_next_nudge_is_strictly_ahead() -> None:
    cfg = MediaDayConfig(formats={"podcast": "Podcast"})
    at_nine = datetime(2026, 2, 2, 9, 0, tzinfo=BERLIN)
    assert next_nudge_at(at_nine, "BB", cfg) == datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN)
    before = datetime(2026, 2, 2, 8, 0, tzinfo=BERLIN)
    assert next_nudge_at(before, "BB", cfg) == at_nine
    december = datetime(2026, 12, 10, 9, 0, tzinfo=BERLIN)
    assert next_nudge_at(december, "SN", cfg) == datetime(2027, 1, 4, 9, 0, tzinfo=BERLIN)
