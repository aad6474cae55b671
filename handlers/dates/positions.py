"""Days named by a position in a week, month or year ("Ende März", "Wochenende")."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final

from handlers.dates.parts import Position

_POSITION_DAY: Final[Mapping[str, int]] = MappingProxyType({"anfang": 1, "mitte": 15})
_POSITION_WEEKDAY: Final[Mapping[str, int]] = MappingProxyType(
    {"anfang": 0, "mitte": 2, "ende": 4}
)


def position(pos: Position, today: date) -> date:
    """Return the day of "Anfang/Mitte/Ende" of a month, week, quarter or year."""
    where, unit, what = pos
    if isinstance(what, tuple):  # a named month: "Ende März", "Mitte Mai 2027"
        month, year = what
        if year is None:
            year = today.year + (_month_day(where, today.year, month) < today)
        return _month_day(where, year, month)
    if unit == "w":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=what)
        day = monday + timedelta(days=_POSITION_WEEKDAY[where])
        # "Ende der Woche" said on a Sunday means the coming Friday, not the one just gone.
        return day + timedelta(weeks=1) if what == 0 and day < today else day
    if unit == "Y":
        return _year_day(where, what)  # "Ende 2026": the year as written
    if unit == "y":
        day = _year_day(where, today.year + what)
        return _year_day(where, today.year + 1) if what == 0 and day < today else day
    if unit == "Q":
        return _quarter_day(where, today, what)
    year, month = shift_month(today.year, today.month, what)
    if what == 0 and _month_day(where, year, month) < today:
        year, month = shift_month(year, month, 1)  # "Anfang des Monats" on the 2nd
    return _month_day(where, year, month)


def _quarter_day(where: str, today: date, ahead: int) -> date:
    """Return the first day, the 15th of the middle month or the last day of a quarter."""
    year, first = shift_month(today.year, (today.month - 1) // 3 * 3 + 1, 3 * ahead)
    where_month = {"anfang": first, "mitte": first + 1}.get(where, first + 2)
    day = _month_day(where, year, where_month)
    # "Ende des Quartals" said after it is over means the next one.
    return _quarter_day(where, today, 1) if ahead == 0 and day < today else day


def _year_day(where: str, year: int) -> date:
    """Return 1 January, 1 July or 31 December of `year`."""
    return {"anfang": date(year, 1, 1), "mitte": date(year, 7, 1)}.get(where, date(year, 12, 31))


def _month_day(where: str, year: int, month: int) -> date:
    """Return the 1st, the 15th or the last day of a month."""
    return date(year, month, _POSITION_DAY.get(where, calendar.monthrange(year, month)[1]))


def weekend(ahead: int, today: date) -> date:
    """Return the Saturday of the weekend `ahead` on (0: the coming one, -1: the last one)."""
    if ahead < 0:
        return today - timedelta(days=(today.weekday() - 5) % 7 or 7)
    days = (5 - today.weekday()) % 7
    if ahead and days == 0:
        days = 7
    return today + timedelta(days=days + 7 * max(ahead - 1, 0))


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """Return (year, month) moved by `by` months."""
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1
