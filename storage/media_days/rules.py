"""Rules of media days: the catalogue's numbers, working days per state, lead time, caps.

The calendar rules are pure; the caps read the caller's session. A day counts as taken only
by confirmed media days: another company's wish blocks nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from sqlmodel import col, func, select

from storage.catalogue import Catalogue
from storage.db import Session
from storage.errors import DomainError
from storage.media_days.models import MediaDay, MediaDayOffer

STATES = ("BB", "SN")
ACTIVE = ("requested", "confirmed")
MAX_WISHES = 3
LOOK_AHEAD_DAYS = 120  # how far the next free days are searched (~4 months)


@dataclass(frozen=True)
class MediaDayConfig:
    """The rules' numbers from the catalogue's [media_days] section."""

    formats: dict[str, str]
    min_days_ahead: int = 7
    per_company_per_year: int = 1
    visits_per_day: int = 1
    reminder_days: tuple[int, ...] = (7, 1)
    nudge_hour: int = 9
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo("Europe/Berlin"))

    @classmethod
    def from_catalogue(cls, catalogue: Catalogue) -> MediaDayConfig:
        """Read the [media_days] section (defaults where it is silent)."""
        raw = catalogue.section("media_days")
        formats = {f["key"]: f["label"] for f in raw.get("formats", [])}
        return cls(
            formats=formats or {"podcast": "Podcast", "clips": "Social-Media-Clips",
                                "fotos": "Fotos"},
            min_days_ahead=int(raw.get("min_days_ahead", 7)),
            per_company_per_year=int(raw.get("per_company_per_year", 1)),
            visits_per_day=int(raw.get("visits_per_day", 1)),
            reminder_days=tuple(int(d) for d in raw.get("reminder_days", (7, 1))),
            nudge_hour=int(raw.get("nudge_hour", 9)),
            tz=catalogue.tz,
        )


# --- the calendar ----------------------------------------------------------------------------
@lru_cache(maxsize=64)
def _holidays(state: str, year: int) -> dict[date, str]:
    import holidays  # here: its country tables load only when a media day is checked

    found = holidays.country_holidays("DE", subdiv=state, years=year, language="de")
    return dict(found.items())


def holiday(day: date, state: str | None) -> str | None:
    """Return the public holiday's name on `day` in the state (unknown state: either state)."""
    candidates = (state,) if state is not None and state in STATES else STATES
    for st in candidates:
        name = _holidays(st, day.year).get(day)
        if name:
            return name
    return None


def is_working_day(day: date, state: str | None) -> bool:
    """Tell whether `day` is Monday to Friday and no public holiday in the state."""
    return day.weekday() < 5 and holiday(day, state) is None


def first_working_day(year: int, month: int, state: str | None) -> date:
    """Return the first working day of a month in the state."""
    day = date(year, month, 1)
    while not is_working_day(day, state):
        day += timedelta(days=1)
    return day


def check_calendar(day: date, *, state: str | None, today: date, min_days: int) -> None:
    """Refuse a day in the past, too soon, on a weekend or on a holiday of the state."""
    if day < today:
        raise DomainError("md_past", day=day)
    if day < today + timedelta(days=min_days):
        raise DomainError("md_too_soon", day=day, min_days=min_days,
                          earliest=today + timedelta(days=min_days))
    if day.weekday() >= 5:
        raise DomainError("md_weekend", day=day)
    name = holiday(day, state)
    if name:
        raise DomainError("md_holiday", day=day, state=state or "", name=name)


def check_shape(formats: list[str], wishes: list[date], cfg: MediaDayConfig) -> None:
    """Refuse a request without a known format or without one to three different days."""
    if not formats or any(f not in cfg.formats for f in formats):
        raise DomainError("md_no_format")
    if not wishes or len(wishes) > MAX_WISHES or len(set(wishes)) != len(wishes):
        raise DomainError("md_bad_wishes", max=MAX_WISHES)


# --- the caps --------------------------------------------------------------------------------
async def visits_on(s: Session, day: date, *, exclude_id: int | None = None) -> int:
    """Count confirmed media days on `day` (optionally without one row)."""
    q = select(func.count()).select_from(MediaDay).where(
        MediaDay.status == "confirmed", MediaDay.day == day
    )
    if exclude_id is not None:
        q = q.where(MediaDay.id != exclude_id)
    return (await s.exec(q)).one()


async def full_days(s: Session, *, since: date, cap: int) -> set[date]:
    """Return the days from `since` on whose visits are used up (one query)."""
    q = (
        select(col(MediaDay.day))
        .where(MediaDay.status == "confirmed", col(MediaDay.day) >= since)
        .group_by(col(MediaDay.day))
        .having(func.count() >= cap)
    )
    return {d for d in await s.exec(q) if d is not None}


async def active_in_year(
    s: Session, company_id: int, year: int, *, exclude_id: int | None = None
) -> list[MediaDay]:
    """Return the company's requested or confirmed media days of a year."""
    q = select(MediaDay).where(
        MediaDay.company_id == company_id, MediaDay.year == year,
        col(MediaDay.status).in_(ACTIVE),
    )
    if exclude_id is not None:
        q = q.where(MediaDay.id != exclude_id)
    return list(await s.exec(q))


async def free_year_slot(
    s: Session, company_id: int, year: int, cap: int, *, exclude_id: int | None = None
) -> int:
    """Return a free year slot for the company or refuse with "md_year_taken"."""
    used = {m.year_slot for m in await active_in_year(s, company_id, year, exclude_id=exclude_id)}
    for slot in range(1, cap + 1):
        if slot not in used:
            return slot
    raise DomainError("md_year_taken", year=year)


async def free_day_slot(s: Session, day: date, cap: int, *, exclude_id: int) -> int | None:
    """Return a free visit slot on `day` (the row `exclude_id` not counted), None if full."""
    q = select(MediaDay.day_slot).where(
        MediaDay.status == "confirmed", MediaDay.day == day, MediaDay.id != exclude_id
    )
    used = set(await s.exec(q))
    return next((slot for slot in range(1, cap + 1) if slot not in used), None)


async def next_free_days(
    s: Session, *, state: str | None, today: date, cfg: MediaDayConfig,
    after: date | None = None, limit: int = 3,
) -> list[date]:
    """Return free working days from the earliest allowed one, offered days first."""
    start = max(today + timedelta(days=cfg.min_days_ahead), after or today)
    full = await full_days(s, since=start, cap=cfg.visits_per_day)
    offered = await s.exec(
        select(col(MediaDayOffer.day)).where(col(MediaDayOffer.day) >= start)
        .order_by(col(MediaDayOffer.day))
    )
    found = [d for d in offered if is_working_day(d, state) and d not in full][:limit]
    day = start
    for _ in range(LOOK_AHEAD_DAYS):
        if len(found) >= limit:
            break
        if day not in found and is_working_day(day, state) and day not in full:
            found.append(day)
        day += timedelta(days=1)
    return found
