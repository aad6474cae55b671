"""Team broadcasts (`/rundschreiben`): the text, to whom, and when it was sent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


class Broadcast(SQLModel, table=True):
    """One broadcast; its messages are outbox rows keyed `news:<id>:<person>`."""

    id: int = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    audience: str = Field(max_length=40)  # as for polls: "all" | "BB" | "SN" | "event:<id>"
    urgent: bool = False  # urgent ones ignore quiet hours
    recipients: int = 0
    created_by: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
