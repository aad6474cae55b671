"""Team broadcasts (`/rundschreiben`): the text, to whom, and when it was sent."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, LargeBinary, Text
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


class Broadcast(SQLModel, table=True):
    """One broadcast; its messages are outbox rows keyed `news:<id>:<person>`."""

    id: int = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    audience: str = Field(max_length=40)  # as for polls: "all", "BB", "event:<id>", "role:<key>"
    urgent: bool = False  # urgent ones ignore quiet hours
    recipients: int = 0
    created_by: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    file_id: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("broadcast_file.id", ondelete="SET NULL")))


class BroadcastFile(SQLModel, table=True):
    """A document or picture the team sent with a broadcast (kept while its dialog is open,
    then with the broadcast; the bytes go to every recipient with the text)."""

    __tablename__ = "broadcast_file"

    id: int = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    mime: str = Field(max_length=100)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
