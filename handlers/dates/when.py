"""What the parser answers: `When` (a day, maybe a time and a range end) and its datetime."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass(frozen=True)
class When:
    """An understood date, with the time of day and a range end when they were said."""

    # The module, not its classes: the field named `time` would hide the class `time` here.
    date: dt.date
    time: dt.time | None = None
    end: dt.time | None = None


def to_datetime(w: When, *, default_time: dt.time, tz: dt.tzinfo = BERLIN) -> dt.datetime:
    """Return `w` as an aware datetime in `tz`, using `default_time` when no time was said."""
    naive = dt.datetime.combine(w.date, w.time if w.time is not None else default_time)
    # The UTC round trip moves a time that does not exist (spring forward) to a real one.
    return naive.replace(tzinfo=tz).astimezone(dt.UTC).astimezone(tz)
