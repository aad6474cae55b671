"""Fairs with a joint booth and the companies' booth requests (table names unchanged)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import JSONText, UTCDateTime

# Requests in these states hold floor space; "waiting" is the waiting list.
HOLDING = ("requested", "confirmed")
ACTIVE = ("requested", "confirmed", "waiting")


class Fair(SQLModel, table=True):
    """A fair where the cluster runs a joint booth (seeded from the catalogue by key)."""

    id: int = Field(default=None, primary_key=True)
    key: str = Field(unique=True, max_length=80)
    title: str = Field(max_length=200)
    days: list[str] = Field(default_factory=list, sa_column=Column(JSONText()))  # ISO dates
    place: str = Field(default="", max_length=200)
    city: str = Field(default="", max_length=120)
    setup: str = Field(default="", max_length=5)  # "08:00" local, on each fair day
    deadline: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    capacity_m2: int
    note: str = Field(default="", max_length=1000)
    # Fields still assumed ("days", "setup", "deadline", "capacity_m2"): "vorläufig" until
    # the team confirms them.
    provisional: list[str] = Field(default_factory=list, sa_column=Column(JSONText()))
    # Set when a new catalogue no longer has the fair: it is closed, its requests kept.
    cancelled_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class BoothRequest(SQLModel, table=True):
    """One company's request for space at a fair's joint booth (one row per company and fair)."""

    __table_args__ = (UniqueConstraint("fair_id", "company_id", name="uq_booth_fair_company"),)

    id: int = Field(default=None, primary_key=True)
    fair_id: int = Field(foreign_key="fair.id", index=True)
    company_id: int = Field(foreign_key="company.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id")
    status: str = Field(max_length=20)  # requested | waiting | confirmed | declined | withdrawn
    days: list[str] = Field(default_factory=list, sa_column=Column(JSONText()))  # ISO dates
    staff: int
    needs_table: bool = False
    needs_wall: bool = False
    needs_power: bool = False
    area_m2: int
    professions: str = Field(default="", max_length=500)
    activity: str = Field(default="", max_length=1000)
    admin_note: str = Field(default="", max_length=1000)
    queued_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))  # FIFO order
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
