"""Injected clocks: the real one, and a settable one for the console's JSONL mode and tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


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
