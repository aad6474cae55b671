"""The Stammtisch series as calendar arithmetic in local time (13:00 stays 13:00 across DST)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo


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

    def occurrence(self, day: date) -> datetime:
        """Return the start of a session on local `day` (aware UTC)."""
        # Local date + local time, then localise: the UTC offset follows the season.
        return datetime.combine(day, self.at, tzinfo=self.tz).astimezone(UTC)

    def dates_from(self, day: date) -> list[date]:
        """Return the series dates from `day` on (covering the next half year)."""
        k = max(0, -(-(day - self.first).days // self.every_days))
        return [self.first + timedelta(days=self.every_days * (k + i)) for i in range(14)]

    def is_series_date(self, day: date) -> bool:
        """Tell whether `day` is a regular date of the series."""
        delta = (day - self.first).days
        return delta >= 0 and delta % self.every_days == 0


@dataclass(frozen=True)
class Session:
    """One session: its series date (the key, even when moved), start, end, and state."""

    key: str
    start: datetime
    end: datetime
    link: str
    cancelled: bool = False
    moved: bool = False


def series_from(section: dict[str, Any], tz: ZoneInfo, settings: dict[str, str]) -> Series:
    """Build the series from the catalogue's [stammtisch] section and chat-changed settings."""
    first: datetime = section["first"]
    at = first.time()
    if "time" in settings:
        hour, minute = settings["time"].split(":")
        at = time(int(hour), int(minute))
    return Series(
        title=section.get("title", "Stammtisch"), first=first.date(), at=at,
        every_days=int(section.get("every_days", 14)),
        duration=timedelta(minutes=int(section.get("duration_minutes", 60))),
        link=settings.get("link", section.get("link", "")), tz=tz,
        about=section.get("about", ""),
    )


def sessions(
    series: Series, overrides: dict[str, tuple[bool, datetime | None]], *, after: datetime,
    count: int, with_cancelled: bool = False,
) -> list[Session]:
    """Return the next `count` sessions starting after `after`, changes applied, by start."""
    # Start a few periods back: a session moved later may still lie ahead.
    back = after.astimezone(series.tz).date() - timedelta(days=3 * series.every_days)
    found: list[Session] = []
    for day in series.dates_from(back):
        start = series.occurrence(day)
        s = Session(day.isoformat(), start, start + series.duration, series.link)
        cancelled, moved_to = overrides.get(s.key, (False, None))
        if moved_to is not None:
            s = replace(s, start=moved_to, end=moved_to + series.duration, moved=True)
        if cancelled:
            s = replace(s, cancelled=True)
        if s.start > after and (with_cancelled or not s.cancelled):
            found.append(s)
    return sorted(found, key=lambda s: s.start)[:count]
