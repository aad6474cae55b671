"""Quiet hours: when a non-urgent push may go out, judged in the cluster's local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


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
