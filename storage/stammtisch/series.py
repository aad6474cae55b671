"""The Stammtisch series as calendar arithmetic in local time (13:00 stays 13:00 across DST).

A meeting is named by its series date ("2026-04-02", its key), even when the team moved it
to another day; changes (skip, move) are kept per key, so the calendar stays pure maths.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

CONFIRMED = "confirmed"  # the setting naming the assumptions the team confirmed ("duration")
AHEAD = 14  # series dates looked at from a starting day (half a year at 14 days)
LOOK_BACK = 3  # periods looked back: a meeting moved later may still lie ahead


@dataclass(frozen=True)
class Series:
    """The recurring online Stammtisch: first date, interval, local start time, link."""

    title: str
    first: date
    at: time
    every_days: int
    duration: timedelta
    link: str
    tz: ZoneInfo
    about: str = ""
    # The catalogue's assumptions ("duration") the team has not confirmed yet: "vorläufig".
    provisional: tuple[str, ...] = ()

    @property
    def minutes(self) -> int:
        """Return how long a meeting lasts, in minutes."""
        return int(self.duration.total_seconds() // 60)

    def occurrence(self, day: date) -> datetime:
        """Return the start of a meeting on local `day` (aware UTC)."""
        # Local date + local time, then localise: the UTC offset follows the season.
        return datetime.combine(day, self.at, tzinfo=self.tz).astimezone(UTC)

    def dates_from(self, day: date) -> list[date]:
        """Return the series dates from `day` on (covering the next half year)."""
        k = max(0, -(-(day - self.first).days // self.every_days))
        return [self.first + timedelta(days=self.every_days * (k + i)) for i in range(AHEAD)]

    def is_series_date(self, day: date) -> bool:
        """Tell whether `day` is a regular date of the series."""
        delta = (day - self.first).days
        return delta >= 0 and delta % self.every_days == 0


@dataclass(frozen=True)
class Meeting:
    """One meeting: its series date (the key, even when moved), start, end, and state."""

    key: str
    start: datetime
    end: datetime
    link: str
    cancelled: bool = False
    moved: bool = False


@dataclass(frozen=True)
class Change:
    """What the team changed about one meeting: skipped, or moved to another start."""

    cancelled: bool = False
    moved_to: datetime | None = None


@dataclass(frozen=True)
class Schedule:
    """The series with the team's per-meeting changes: which meetings there are, and when."""

    series: Series
    changes: Mapping[str, Change] = field(default_factory=dict)

    def at_time(self, at: time) -> Schedule:
        """Return the schedule as it would be with every meeting starting at local `at`."""
        return replace(self, series=replace(self.series, at=at))

    def meeting(self, key: str) -> Meeting | None:
        """Return the meeting of series date `key` with its change applied (None: no such)."""
        try:
            day = date.fromisoformat(key)
        except ValueError:
            return None
        if not self.series.is_series_date(day):
            return None
        return self._on(day)

    def upcoming(self, *, after: datetime, count: int,
                 with_cancelled: bool = False) -> list[Meeting]:
        """Return the next `count` meetings starting after `after`, changes applied, by start."""
        back = after.astimezone(self.series.tz).date() - timedelta(
            days=LOOK_BACK * self.series.every_days)
        found: list[Meeting] = []
        plain = 0  # unchanged meetings found: they come in date order, `count` of them do
        for day in self.series.dates_from(back):
            if day.isoformat() in self.changes:
                m = self._on(day)
            elif plain < count:
                m = self._on(day)
                plain += m.start > after
            else:
                continue
            if m.start > after and (with_cancelled or not m.cancelled):
                found.append(m)
        return sorted(found, key=lambda m: m.start)[:count]

    def _on(self, day: date) -> Meeting:
        s = self.series
        start = s.occurrence(day)
        m = Meeting(day.isoformat(), start, start + s.duration, s.link)
        change = self.changes.get(m.key, Change())
        if change.moved_to is not None and change.moved_to != start:  # back home: not moved
            m = replace(m, start=change.moved_to, end=change.moved_to + s.duration, moved=True)
        return replace(m, cancelled=True) if change.cancelled else m


def series_from(section: Mapping[str, Any], tz: ZoneInfo, settings: Mapping[str, str]) -> Series:
    """Build the series from the catalogue's [stammtisch] section and chat-changed settings."""
    first: datetime = section["first"]
    at = first.time()
    if "time" in settings:
        at = parse_hhmm(settings["time"])
    return Series(
        title=section.get("title", "Stammtisch"), first=first.date(), at=at,
        every_days=int(section.get("every_days", 14)),
        duration=timedelta(minutes=int(section.get("duration_minutes", 60))),
        link=settings.get("link", section.get("link", "")), tz=tz,
        about=section.get("about", ""),
        provisional=tuple(f for f in section.get("provisional", [])
                          if f not in settings.get(CONFIRMED, "").split(",")),
    )


def parse_hhmm(value: str) -> time:
    """Read a stored "HH:MM" time setting."""
    hour, minute = value.split(":")
    return time(int(hour), int(minute))
