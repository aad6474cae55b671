"""handlers.core.format: dates and times as members read them, in Europe/Berlin."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.core.format import fmt_day, fmt_dt, fmt_span


def test_a_day_is_the_local_day_not_the_utc_one() -> None:
    late = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)  # already Thursday in Berlin (CET)
    assert fmt_day(late) == "Do, 5. März 2026"
    assert fmt_day(late, long=True) == "Donnerstag, 5. März 2026"
    summer = datetime(2026, 7, 31, 22, 15, tzinfo=UTC)  # CEST: 00:15 on 1 August
    assert fmt_day(summer) == "Sa, 1. August 2026"


def test_date_and_time_follow_the_season() -> None:
    assert fmt_dt(datetime(2026, 3, 5, 9, 0, tzinfo=UTC)) == "Do, 5. März 2026, 10:00 Uhr"
    assert fmt_dt(datetime(2026, 4, 2, 11, 0, tzinfo=UTC)) == "Do, 2. April 2026, 13:00 Uhr"
    assert fmt_span(datetime(2026, 3, 5, 9, 0, tzinfo=UTC),
                    datetime(2026, 3, 5, 14, 0, tzinfo=UTC)) == "Do, 5. März 2026, 10:00–15:00 Uhr"
