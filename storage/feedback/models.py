"""Feedback after events: 1-5 stars and a comment per person, and which events were asked."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


class EventFeedback(SQLModel, table=True):
    """One person's rating of one event (given once)."""

    __tablename__ = "event_feedback"
    __table_args__ = (CheckConstraint("stars BETWEEN 1 AND 5", name="ck_feedback_stars"),)

    event_id: int = Field(foreign_key="event.id", primary_key=True)
    person_id: int = Field(sa_column=Column(
        Integer, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True))
    stars: int
    comment: str = Field(default="", max_length=1000)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class FeedbackRound(SQLModel, table=True):
    """An event whose people were asked for feedback (asked once, by the job)."""

    __tablename__ = "feedback_round"

    event_id: int = Field(foreign_key="event.id", primary_key=True)
    planned_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
