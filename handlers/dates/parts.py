"""What a date phrase said, slot by slot, before it is given a meaning."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Impossible(Exception):
    """The phrase was understood but contradicts itself or names no real date or time."""


class Spoken(NamedTuple):
    """A time of day as written: `spoken` is the hour word said ("halb 3" -> 3)."""

    hour: int
    minute: int
    spoken: int
    casual: bool = True  # spoken style: "um 3" may mean 15:00, "3 Uhr" or "03:00" may not
    ampm: str | None = None


DAY_SLOTS = ("date", "day", "rel", "kw", "week", "pos", "weekend", "holiday")

# "Anfang/Mitte/Ende" of something: (where, unit, what). `what` is the offset in weeks ("w"),
# months ("m"), years ("y") or quarters ("Q"), a year as written ("Y"), or (month, year) for a
# named month ("month").
Position = tuple[str, str, int | tuple[int, int | None]]


@dataclass
class Parts:
    """Everything a phrase said about a date and time; each slot may be said only once."""

    date: tuple[int, int, int | None] | None = None
    day: int | None = None
    rel: int | None = None
    weekday: int | None = None
    skip: int = 0
    this: bool = False
    week: int | None = None
    kw: tuple[int, int | None] | None = None
    pos: Position | None = None
    weekend: int | None = None
    holiday: tuple[str, int | None] | None = None  # a movable feast: ("ostermontag", year)
    delta: tuple[float, str] | None = None
    time: Spoken | None = None
    end: Spoken | None = None
    daypart: str | None = None
    bare: int | None = None
    pair: tuple[int, int] | None = None  # "Di 17.03": a date or a time, said after a weekday

    def day_slots(self) -> list[str]:
        """Return the filled slots that name a day, in the order of DAY_SLOTS."""
        return [slot for slot in DAY_SLOTS if getattr(self, slot) is not None]

    def has_day(self) -> bool:
        """Tell whether some slot already names a day."""
        return any(getattr(self, slot) is not None for slot in DAY_SLOTS) or (
            self.weekday is not None
        )

    def put(self, slot: str, value: object) -> None:
        """Fill `slot`, refusing a second, different value ("morgen übermorgen")."""
        old = getattr(self, slot)
        if old is not None and old != value:
            raise Impossible(slot)
        setattr(self, slot, value)
