"""Give `Parts` a meaning relative to a Berlin-local `now`: a date, a time, an end time."""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from handlers.dates.holidays import next_holiday
from handlers.dates.parts import DAY_SLOTS, Impossible, Parts, Spoken
from handlers.dates.positions import position, shift_month, weekend

DAYPART_TIMES = {
    "früh": time(8),
    "vormittag": time(10),
    "mittag": time(12),
    "nachmittag": time(15),
    "abend": time(18),
    "nacht": time(22),
    "mitternacht": time(0),
}


def resolve(p: Parts, local_now: datetime) -> tuple[date, time | None, time | None] | None:
    """Return (date, time, end) for `p`, or None when it names no day (raises Impossible)."""
    if p.pair is not None:
        p = _settle_pair(p, local_now.date())
    if p.delta is not None and p.delta[1] in ("h", "min", "q", "tq"):
        return _in_hours(p, local_now)
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
    d, m = p.pair
    said = any(getattr(p, slot) is not None for slot in DAY_SLOTS)
    as_date = not said and p.time is not None
    if not said and not as_date and p.weekday is not None and p.skip == 0 and not p.delta:
        try:
            as_date = _explicit(replace(p, date=(d, m, None)), today).weekday() == p.weekday
        except Impossible:
            as_date = False
    if as_date:
        return replace(p, pair=None, date=(d, m, None))
    return replace(p, pair=None, time=Spoken(d, m, d, casual=False))


def _in_hours(p: Parts, local_now: datetime) -> tuple[date, time | None, time | None]:
    """Resolve "in 2 Stunden" on the aware instant, so a DST switch on the way counts."""
    said = [s for s in DAY_SLOTS if getattr(p, s) is not None]
    if said or p.weekday is not None or p.time is not None or p.daypart or p.bare is not None:
        raise Impossible("hours plus date")
    amount, unit = p.delta
    minutes = amount * {"h": 60, "min": 1, "q": 15, "tq": 45}[unit]
    step = timedelta(minutes=minutes)
    moment = (local_now.astimezone(UTC) + step).astimezone(local_now.tzinfo)
    return moment.date(), moment.time().replace(second=0, microsecond=0), None


def _day(p: Parts, today: date) -> date | None:
    """Return the day the calendar slots name, or None when they name none."""
    said = [s for s in DAY_SLOTS if getattr(p, s) is not None]
    if said == ["day", "pos"] and p.pos[:2] == ("anfang", "m"):
        # "am 5. nächsten Monats": the day of the month that "nächsten Monat" names
        year, month = shift_month(today.year, today.month, int(p.pos[2]))
        said, p = ["date"], replace(p, date=(p.day, month, year), day=None, pos=None)
    elif len(said) == 2 and "pos" in said and p.pos[:2] == ("anfang", "y"):
        # "Ostern nächstes Jahr", "5.3. nächstes Jahr": the year that "nächstes Jahr" names
        said, p = [s for s in said if s != "pos"], _in_year(p, today.year + int(p.pos[2]))
    if len(said) > 1:
        raise Impossible("two days")
    source = said[0] if said else None
    if source is None and p.weekday is not None and p.delta and p.delta[1] == "w":
        # "Montag in zwei Wochen": the Monday of the calendar week two weeks on
        return _week_day(today, int(p.delta[0]), p.weekday)
    day = _SOURCE_DAY[source](p, today) if source else None
    if p.weekday is not None and source not in ("kw", "week"):
        if day is None and p.skip < 0:
            day = today - timedelta(days=(today.weekday() - p.weekday) % 7 or 7)
        elif day is None:
            ahead = (p.weekday - today.weekday()) % 7 or (0 if p.this else 7)
            day = today + timedelta(days=ahead + 7 * p.skip)
        elif day.weekday() != p.weekday:
            raise Impossible("weekday does not match")
    if p.delta is not None:
        day = _add(day or today, *p.delta)
    return day


def _in_year(p: Parts, year: int) -> Parts:
    """Give a date or holiday said without a year the `year` named beside it."""
    if p.date is not None and p.date[2] is None:
        return replace(p, date=(*p.date[:2], year), pos=None)
    if p.holiday is not None and p.holiday[1] is None:
        return replace(p, holiday=(p.holiday[0], year), pos=None)
    raise Impossible("two years")


def _explicit(p: Parts, today: date) -> date:
    """Return the date of "5.3.", inferring the year: the next such day from today on."""
    d, m, y = p.date
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


def _day_of_month(p: Parts, today: date) -> date:
    """Return the next day numbered `p.day` ("am 15.") from today on."""
    year, month = today.year, today.month
    if p.day < today.day:
        year, month = shift_month(year, month, 1)
    while p.day > calendar.monthrange(year, month)[1]:
        year, month = shift_month(year, month, 1)
    return date(year, month, p.day)


def _kw(p: Parts, today: date) -> date:
    """Return the Monday (or named weekday) of ISO week "KW n"; past weeks mean next year."""
    week, year = p.kw
    explicit = year is not None
    year = year or today.isocalendar().year
    try:
        day = date.fromisocalendar(year, week, (p.weekday or 0) + 1)
        if not explicit and day - timedelta(days=day.weekday()) + timedelta(days=6) < today:
            day = date.fromisocalendar(year + 1, week, (p.weekday or 0) + 1)
    except ValueError as exc:
        raise Impossible("no such week") from exc
    return day


def _week(p: Parts, today: date) -> date:
    """Return the (week)day of the calendar week `p.week` weeks after this one."""
    if p.weekday is None and not p.week:
        return today  # "diese Woche"
    return _week_day(today, p.week or 0, p.weekday or 0)


def _week_day(today: date, weeks: int, weekday: int) -> date:
    """Return `weekday` of the calendar week `weeks` weeks after today's."""
    return today + timedelta(days=weekday - today.weekday(), weeks=weeks)


def _relative(p: Parts, today: date) -> date:
    return today + timedelta(days=p.rel or 0)


def _holiday(p: Parts, today: date) -> date:
    return next_holiday(*p.holiday, today)


_SOURCE_DAY = {
    "date": _explicit,
    "day": _day_of_month,
    "rel": _relative,
    "kw": _kw,
    "week": _week,
    "pos": position,
    "weekend": weekend,
    "holiday": _holiday,
}


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
