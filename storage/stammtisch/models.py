"""Tables of the Stammtisch series: subscriptions, per-date changes, series settings, topics."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


class StammtischSubscription(SQLModel, table=True):
    """A person who wants Stammtisch reminders."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class StammtischOverride(SQLModel, table=True):
    """A change to one meeting of the series, keyed by its calendar date (YYYY-MM-DD)."""

    session: str = Field(primary_key=True, max_length=10)  # the meeting's key
    cancelled: bool = False
    moved_to: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    changed_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class StammtischSetting(SQLModel, table=True):
    """A series value changed in chat ("link", "time" as HH:MM); absent = catalogue value."""

    key: str = Field(primary_key=True, max_length=20)
    value: str = Field(max_length=500)
    changed_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class StammtischTopic(SQLModel, table=True):
    """A topic someone suggested for a meeting."""

    id: int = Field(default=None, primary_key=True)
    session: str = Field(index=True, max_length=10)  # the meeting's key
    person_id: int = Field(foreign_key="person.id")
    text: str = Field(max_length=500)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
