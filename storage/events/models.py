"""Events (network meetings, fairs, info days) and the registrations for them.

Capacity counts people. `Event.booked` is the number of people with status "registered";
it changes only in the transaction that changes a registration, and a CHECK constraint makes
overbooking impossible even if a service had a bug. A person has at most one active
(registered or waitlisted) registration per event (partial unique index); a cancelled row
stays as history, so signing up again after a cancellation simply adds a new row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Column, Index, text
from sqlmodel import Field, SQLModel

from storage.types import JSONText, UTCDateTime

KINDS = ("intern", "extern", "info")
STATUSES = ("registered", "waitlist", "cancelled")
MAX_PEOPLE = 5


class Event(SQLModel, table=True):
    """One date of the cluster's year; `kind` says how people register (bot, link, not at all)."""

    __table_args__ = (
        CheckConstraint("booked >= 0", name="ck_event_booked_positive"),
        CheckConstraint("capacity IS NULL OR booked <= capacity", name="ck_event_not_overbooked"),
        CheckConstraint("kind IN ('intern', 'extern', 'info')", name="ck_event_kind"),
    )

    id: int = Field(default=None, primary_key=True)
    key: str | None = Field(default=None, unique=True, max_length=80)  # catalogue key
    title: str = Field(max_length=200)
    start: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    end: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    date_note: str | None = Field(default=None, max_length=200)  # "September 2026, ... folgt"
    place: str | None = Field(default=None, max_length=200)
    city: str | None = Field(default=None, max_length=120)
    topic: str | None = Field(default=None, max_length=500)
    kind: str = Field(default="intern", max_length=10)
    capacity: int | None = None  # people; None = unlimited (or not registered through us)
    booked: int = 0
    per_company: int | None = None  # places one company may take; None = no limit
    deadline: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    link: str | None = Field(default=None, max_length=500)
    directions: str | None = Field(default=None, max_length=500)
    reminder_days: list[int] = Field(default_factory=lambda: [7, 1], sa_column=Column(JSONText()))
    # Fields still assumed ("start", "capacity", "deadline"): shown "vorläufig" until confirmed.
    provisional: list[str] = Field(default_factory=list, sa_column=Column(JSONText()))
    sequence: int = 0  # iCalendar SEQUENCE: grows with every change people must see
    cancelled_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    edited_in_chat: bool = False
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class Registration(SQLModel, table=True):
    """One person's sign-up (for 1-5 people of their company), on the list or waiting."""

    __tablename__ = "event_registration"
    __table_args__ = (
        CheckConstraint("people BETWEEN 1 AND 5", name="ck_registration_people"),
        CheckConstraint(
            "status IN ('registered', 'waitlist', 'cancelled')", name="ck_registration_status"
        ),
        Index(
            "ux_registration_active", "event_id", "person_id", unique=True,
            sqlite_where=text("status != 'cancelled'"),
            postgresql_where=text("status != 'cancelled'"),
        ),
        Index("ix_registration_event_status", "event_id", "status", "created_at", "id"),
    )

    id: int = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id")
    person_id: int = Field(foreign_key="person.id", index=True)
    company_id: int | None = Field(default=None, foreign_key="company.id", index=True)
    people: int = 1
    # Who comes (for name badges), as the person gave them; at most `people` names.
    names: list[str] = Field(default_factory=list, sa_column=Column(JSONText()))
    status: str = Field(default="registered", max_length=12)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    promoted_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    cancelled_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
