"""Give `Parts` a meaning relative to a Berlin-local `now`: a date, a time, an end time."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from types import MappingProxyType
from typing import Final

from handlers.dates.holidays import next_holiday
from handlers.dates.parts import Impossible, Parts, Spoken
from handlers.dates.positions import position, shift_month, weekend

DAYPART_TIMES: Final[Mapping[str, time]] = MappingProxyType(
    {
        "früh": time(8),
        "vormittag": time(10),
        "mittag": time(12),
        "nachmittag": time(15),
        "abend": time(18),
        "nacht": time(22),
        "mitternacht": time(0),
    }
)


def resolve(p: Parts, local_now: datetime) -> tuple[date, time | None, time | None] | None:
    """Return (date, time, end) for `p`, or None when it names no day (raises Impossible)."""
    p = _settle_pair(p, local_now.date())
    if p.delta is not None and p.delta[1] in ("h", "min", "q", "tq"):
        return _in_hours(p, p.delta, local_now)
    today = local_now.date()
    try:
        day = _day(p, today)
    except (ValueError, OverflowError) as exc:  # "in 9999 Jahren" leaves the calendar
        raise Impossible("out of range") from exc
    start, end = _times(p)
    if p.time is None and p.bare is not None and (day is not None or p.daypart):
        start = _clock(Spoken(p.bare, 0, p.bare), p.daypart)  # "morgen früh 7", "morgen 9"
    elif p.bare is not None:
        raise Impossible("number")
    if day is None:
        if start is None:
            return None
        # A bare time already past today means tomorrow.
        day = today if start > local_now.time() else today + timedelta(days=1)
    return day, start, end


def _settle_pair(p: Parts, today: date) -> Parts:
    """Read "Di 17.03" as a date when the weekday fits it (or a time was said), else a time."""
    if p.pair is None:
        return p
    d, m = p.pair
    said = bool(p.day_slots())
    as_date = not said and p.time is not None
    if not said and not as_date and p.weekday is not None and p.skip == 0 and not p.delta:
        try:
            as_date = _explicit((d, m, None), today).weekday() == p.weekday
        except Impossible:
            as_date = False
    if as_date:
        return replace(p, pair=None, date=(d, m, None))
    return replace(p, pair=None, time=Spoken(d, m, d, casual=False))


def _in_hours(
    p: Parts, delta: tuple[float, str], local_now: datetime
) -> tuple[date, time | None, time | None]:
    """Resolve "in 2 Stunden" on the aware instant, so a DST switch on the way counts."""
    if (p.day_slots() or p.weekday is not None or p.time is not None or p.daypart
            or p.bare is not None):
        raise Impossible("hours plus date")
    amount, unit = delta
    minutes = amount * {"h": 60, "min": 1, "q": 15, "tq": 45}[unit]
    step = timedelta(minutes=minutes)
    moment = (local_now.astimezone(UTC) + step).astimezone(local_now.tzinfo)
    return moment.date(), moment.time().replace(second=0, microsecond=0), None


def _day(p: Parts, today: date) -> date | None:
    """Return the day the calendar slots name, or None when they name none."""
    p = _with_next_month_or_year(p, today)
    said = p.day_slots()
    if len(said) > 1:
        raise Impossible("two days")
    if not said and p.weekday is not None and p.delta and p.delta[1] == "w":
        # "Montag in zwei Wochen": the Monday of the calendar week two weeks on
        return _week_day(today, int(p.delta[0]), p.weekday)
    day = _named_day(p, today)
    if p.weekday is not None and p.kw is None and p.week is None:
        day = _on_weekday(day, p, p.weekday, today)
    if p.delta is not None:
        day = _add(day or today, *p.delta)
    return day


def _with_next_month_or_year(p: Parts, today: date) -> Parts:
    """Let "nächsten Monat" / "nächstes Jahr" give the month or year of the day beside it."""
    if p.pos is None or p.pos[0] != "anfang" or isinstance(p.pos[2], tuple):
        return p
    unit, ahead = p.pos[1], p.pos[2]
    others = [slot for slot in p.day_slots() if slot != "pos"]
    if unit == "m" and others == ["day"] and p.day is not None:
        # "am 5. nächsten Monats": the day of the month that "nächsten Monat" names
        year, month = shift_month(today.year, today.month, ahead)
        return replace(p, date=(p.day, month, year), day=None, pos=None)
    if unit == "y" and len(others) == 1:
        # "Ostern nächstes Jahr", "5.3. nächstes Jahr": the year that "nächstes Jahr" names
        return _in_year(p, today.year + ahead)
    return p


def _in_year(p: Parts, year: int) -> Parts:
    """Give a date or holiday said without a year the `year` named beside it."""
    if p.date is not None and p.date[2] is None:
        return replace(p, date=(*p.date[:2], year), pos=None)
    if p.holiday is not None and p.holiday[1] is None:
        return replace(p, holiday=(p.holiday[0], year), pos=None)
    raise Impossible("two years")


def _named_day(p: Parts, today: date) -> date | None:
    """Return the day that the one filled day slot names, or None when none is filled."""
    if p.date is not None:
        return _explicit(p.date, today)
    if p.day is not None:
        return _day_of_month(p.day, today)
    if p.rel is not None:
        return today + timedelta(days=p.rel)
    if p.kw is not None:
        return _kw(p.kw, p.weekday, today)
    if p.week is not None:
        return _week(p.week, p.weekday, today)
    if p.pos is not None:
        return position(p.pos, today)
    if p.weekend is not None:
        return weekend(p.weekend, today)
    if p.holiday is not None:
        return next_holiday(*p.holiday, today)
    return None


def _on_weekday(day: date | None, p: Parts, weekday: int, today: date) -> date:
    """Return the day a weekday names ("Freitag", "letzten Fr"), or check it against `day`."""
    if day is None and p.skip < 0:
        return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
    if day is None:
        ahead = (weekday - today.weekday()) % 7 or (0 if p.this else 7)
        return today + timedelta(days=ahead + 7 * p.skip)
    if day.weekday() != weekday:
        raise Impossible("weekday does not match")
    return day


def _explicit(dmy: tuple[int, int, int | None], today: date) -> date:
    """Return the date of "5.3.", inferring the year: the next such day from today on."""
    d, m, y = dmy
    if not 1 <= m <= 12 or not 1 <= d <= calendar.monthrange(2000, m)[1]:
        raise Impossible("no such day")
    if y is not None:
        try:
            return date(y, m, d)
        except ValueError as exc:
            raise Impossible("no such day") from exc
    year = today.year + ((m, d) < (today.month, today.day))
    while (m, d) == (2, 29) and not calendar.isleap(year):
        year += 1
    return date(year, m, d)


def _day_of_month(day: int, today: date) -> date:
    """Return the next day numbered `day` ("am 15.") from today on."""
    year, month = today.year, today.month
    if day < today.day:
        year, month = shift_month(year, month, 1)
    while day > calendar.monthrange(year, month)[1]:
        year, month = shift_month(year, month, 1)
    return date(year, month, day)


def _kw(kw: tuple[int, int | None], weekday: int | None, today: date) -> date:
    """Return the Monday (or named weekday) of ISO week "KW n"; past weeks mean next year."""
    week, year = kw
    explicit = year is not None
    year = year or today.isocalendar().year
    try:
        day = date.fromisocalendar(year, week, (weekday or 0) + 1)
        if not explicit and day - timedelta(days=day.weekday()) + timedelta(days=6) < today:
            day = date.fromisocalendar(year + 1, week, (weekday or 0) + 1)
    except ValueError as exc:
        raise Impossible("no such week") from exc
    return day


def _week(weeks: int, weekday: int | None, today: date) -> date:
    """Return the (week)day of the calendar week `weeks` weeks after this one."""
    if weekday is None and not weeks:
        return today  # "diese Woche"
    return _week_day(today, weeks, weekday or 0)


def _week_day(today: date, weeks: int, weekday: int) -> date:
    """Return `weekday` of the calendar week `weeks` weeks after today's."""
    return today + timedelta(days=weekday - today.weekday(), weeks=weeks)


def _add(day: date, amount: float, unit: str) -> date:
    """Add whole days, weeks, months (clamped to the month's end) or years."""
    n = int(amount)
    if unit == "bd":
        return _add_business_days(day, n)
    if unit in ("d", "w"):
        return day + timedelta(days=n * (7 if unit == "w" else 1))
    year, month = shift_month(day.year, day.month, n * {"y": 12, "Q": 3}.get(unit, 1))
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _add_business_days(day: date, n: int) -> date:
    """Add `n` working days (Monday to Friday; public holidays are not known here)."""
    step = 1 if n >= 0 else -1
    for _ in range(abs(n)):
        day += timedelta(days=step)
        while day.weekday() >= 5:
            day += timedelta(days=step)
    return day


def _clock(s: Spoken, daypart: str | None) -> time:
    """Return the time meant by `s`, using am/pm, the daypart or business hours."""
    hour = s.hour
    if s.ampm is not None:
        if not 1 <= s.spoken <= 12:
            raise Impossible("am/pm hour")
        hour = hour % 12 + (12 if s.ampm == "pm" else 0)
    elif _afternoon(s, daypart):
        hour += 12
    elif daypart in ("nacht", "mitternacht") and hour == 12:
        hour = 0  # "12 Uhr nachts"
    if not (0 <= hour <= 23 and 0 <= s.minute <= 59 and s.spoken <= 24):
        raise Impossible("no such time")
    return time(hour, s.minute)


def _afternoon(s: Spoken, daypart: str | None) -> bool:
    """Tell whether a 12-hour reading of `s` belongs after noon."""
    if daypart in ("nachmittag", "abend"):
        return s.hour < 12
    if daypart == "nacht":
        return 6 < s.hour < 12
    if daypart == "mittag":
        return 1 <= s.spoken <= 5
    # "um 3" in business talk is 15:00; "3 Uhr" and "03:00" stay as written.
    return daypart is None and s.casual and 1 <= s.spoken <= 6


def _times(p: Parts) -> tuple[time | None, time | None]:
    """Return start and end time from the spoken times or the daypart."""
    if p.time is None:
        return (DAYPART_TIMES[p.daypart] if p.daypart else None), None
    start = _clock(p.time, p.daypart)
    if p.end is None:
        return start, None
    end = _clock(p.end, p.daypart)
    if end <= start and end.hour < 12 and end.hour + 12 > start.hour:
        end = end.replace(hour=end.hour + 12)  # "10-2 Uhr"
    if end <= start:
        raise Impossible("range ends before it starts")
    return start, end
