"""QA: Schau-rein day phrases people really type (ranges, bare days, weekdays, time ranges)."""

from __future__ import annotations

from datetime import date, timedelta

from handlers.schau_rein.days import parse_days
from tests.fairs.helpers import NOW

ANCHOR = date(2026, 3, 8)  # the day before the Schau-rein week


def week(*days: int) -> list[date]:
    """Return March 2026 dates."""
    return [date(2026, 3, d) for d in days]


def test_day_ranges_keep_every_day() -> None:
    for text in ("9.-11.3.", "9. bis 11.3.", "Mo 9.3. bis Mi 11.3.", "9.3. - 11.3.",
                 "vom 9. bis 11. März", "Mo-Mi"):
        assert parse_days(text, now=NOW, anchor=ANCHOR) == week(9, 10, 11), text


def test_bare_days_and_weekdays_mean_the_week() -> None:
    assert parse_days("9., 10. und 11.3.", now=NOW, anchor=ANCHOR) == week(9, 10, 11)
    assert parse_days("9. und 11. März", now=NOW, anchor=ANCHOR) == week(9, 11)
    assert parse_days("Montag und Mittwoch", now=NOW, anchor=ANCHOR) == week(9, 11)
    assert parse_days("9.3 + 11.3", now=NOW, anchor=ANCHOR) == week(9, 11)


def test_time_ranges_are_not_day_ranges() -> None:
    assert parse_days("Dienstag 10.3. 9-12 Uhr", now=NOW, anchor=ANCHOR) == week(10)
    assert parse_days("9.3. 10-14 Uhr und 11.3. 9-12 Uhr", now=NOW, anchor=ANCHOR) == week(9, 11)


def test_days_outside_stay_outside_so_the_dialog_can_refuse_them() -> None:
    assert parse_days("9.-16.3.", now=NOW, anchor=ANCHOR)[-1] == date(2026, 3, 16)
    assert parse_days("8.3.", now=NOW, anchor=ANCHOR) == [date(2026, 3, 8)]
    assert parse_days("morgen", now=NOW, anchor=ANCHOR) == [NOW.date() + timedelta(days=1)]
    assert parse_days("31.-2.4.", now=NOW, anchor=ANCHOR) == []
