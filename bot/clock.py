"""Injected clocks (the real one, a settable one for the console's JSONL mode and tests) and the
quiet hours, judged in the cluster's local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


class Clock(Protocol):
    """Anything that tells the current time as an aware UTC datetime."""

    def now(self) -> datetime:
        """Return the current time (aware, UTC)."""
        ...


class SystemClock:
    """The wall clock."""

    def now(self) -> datetime:
        """Return the current wall-clock time in UTC."""
        return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to (tests, `console --jsonl --now`)."""

    def __init__(self, start: datetime) -> None:
        self._now = _utc(start)

    def now(self) -> datetime:
        """Return the clock's current time."""
        return self._now

    def set(self, when: datetime) -> None:
        """Move the clock to `when` (never backwards)."""
        when = _utc(when)
        if when < self._now:
            raise ValueError("Die Uhr kann nicht zurückgestellt werden.")
        self._now = when


def _utc(when: datetime) -> datetime:
    if when.tzinfo is None:
        raise ValueError("Zeitangabe ohne Zeitzone")
    return when.astimezone(UTC)


@dataclass(frozen=True)
class QuietHours:
    """Local hours [start, end) in which non-urgent pushes wait (start > end spans midnight)."""

    start: int = 20
    end: int = 7
    tz: ZoneInfo = BERLIN

    def is_quiet(self, when: datetime) -> bool:
        """Tell whether `when` falls into the quiet hours."""
        hour = when.astimezone(self.tz).hour
        if self.start == self.end:
            return False
        if self.start > self.end:
            return hour >= self.start or hour < self.end
        return self.start <= hour < self.end

    def release(self, when: datetime) -> datetime:
        """Return `when`, or the end of the quiet hours it falls into (aware UTC)."""
        if not self.is_quiet(when):
            return when
        loc = when.astimezone(self.tz)
        day = loc.date()
        if self.start > self.end and loc.hour >= self.start:
            day += timedelta(days=1)
        # Combine on the local date so 07:00 stays 07:00 across daylight-saving changes.
        return datetime.combine(day, time(self.end), tzinfo=self.tz).astimezone(UTC)
