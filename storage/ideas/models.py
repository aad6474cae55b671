"""Ideas of the members (`/idee`) and the +1 votes on them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime

STATUSES = ("neu", "aufgegriffen", "erledigt")


class Idea(SQLModel, table=True):
    """One idea under a catalogue theme; it stays (without a name) when its author leaves."""

    id: int = Field(default=None, primary_key=True)
    person_id: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("person.id", ondelete="SET NULL"), index=True))
    company_id: int | None = Field(default=None, sa_column=Column(
        Integer, ForeignKey("company.id", ondelete="SET NULL")))
    theme: str = Field(max_length=80)  # a key of the catalogue's [ideas] themes
    text: str = Field(max_length=1000)
    status: str = Field(default="neu", max_length=20)
    note: str = Field(default="", max_length=500)
    status_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class IdeaVote(SQLModel, table=True):
    """A +1 of one person for one idea (at most one each)."""

    __tablename__ = "idea_vote"

    idea_id: int = Field(foreign_key="idea.id", primary_key=True)
    person_id: int = Field(sa_column=Column(
        Integer, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True))
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
