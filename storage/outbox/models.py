"""The outbox: every planned message, the record of what is due and what was sent."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, Index
from sqlmodel import Field, SQLModel

from storage.types import JSONText, UTCDateTime


class OutboxMessage(SQLModel, table=True):
    """One message to one person, due at a time; sent at most once (see README).

    A row names its `kind` and the `params` that kind's renderer needs; the German text is
    rendered at delivery from the committed data (handlers.core.notify). `payload` keeps the
    buttons (rows of [label, action]) and files planned with it.
    """

    __table_args__ = (Index("ix_outbox_pending", "sent_at", "dropped_at", "due_at"),)

    id: int = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    kind: str = Field(max_length=60)  # what it is: picks the renderer and the on/off switch
    text: str = ""  # literal text, for kinds without a renderer (retried replies, broadcasts)
    params: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONText()))
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONText()))
    due_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    not_after: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    urgent: bool = False  # urgent rows ignore quiet hours
    dedupe_key: str = Field(unique=True, max_length=200)
    attempts: int = 0
    next_attempt_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    last_error: str | None = None
    sent_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    dropped_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    drop_reason: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class ReminderPreference(SQLModel, table=True):
    """A person's switch for one kind of reminder (absent row = on)."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    kind: str = Field(primary_key=True, max_length=60)
    enabled: bool = True
