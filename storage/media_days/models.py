"""Media days (Medientage) and the days the media team offers for visits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import JSONText, UTCDateTime


class MediaDay(SQLModel, table=True):
    """A company's media day: requested with wishes, then confirmed for one day (or not).

    The two slot columns make the caps constraint-backed: an active request holds one of the
    company's `per_company_per_year` year slots, a confirmed day holds one of the team's
    `visits_per_day` day slots. Withdrawn or declined rows set their slots to NULL, which frees
    them (NULLs never collide in a unique constraint, on SQLite and PostgreSQL alike).
    """

    __table_args__ = (
        UniqueConstraint("company_id", "year", "year_slot", name="uq_mediaday_company_year"),
        UniqueConstraint("day", "day_slot", name="uq_mediaday_day_slot"),
    )

    id: int = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    status: str = Field(max_length=20)  # requested | confirmed | declined | withdrawn
    year: int
    year_slot: int | None = None
    day: date | None = None  # the confirmed day
    day_slot: int | None = None
    formats: list[str] = Field(default_factory=list, sa_column=Column(JSONText()))
    wishes: list[str] = Field(default_factory=list, sa_column=Column(JSONText()))  # ISO dates
    proposed: date | None = None  # a day the team proposed instead of the wishes
    move_wanted: bool = False  # a confirmed day the company asked to move (wishes = new days)
    contact_name: str = Field(default="", max_length=200)
    contact_reach: str = Field(default="", max_length=200)
    note: str = Field(default="", max_length=1000)
    decline_reason: str | None = Field(default=None, max_length=1000)
    requested_by: int | None = Field(default=None, foreign_key="person.id")
    revision: int = 0  # bumped on every change; part of notice dedupe keys
    requested_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    confirmed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))

    @property
    def wished_days(self) -> list[date]:
        """Return the wished days as dates."""
        return [date.fromisoformat(d) for d in self.wishes]

    @property
    def is_open(self) -> bool:
        """Tell whether the team still has to answer (a request, or a move wish)."""
        return self.status == "requested" or (self.status == "confirmed" and self.move_wanted)


class MediaDayOffer(SQLModel, table=True):
    """A day the media team offers for visits (`/medientag_tage`)."""

    day: date = Field(primary_key=True)
    created_by: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
