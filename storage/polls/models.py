"""Polls and date findings: the question, its options, who was asked and the ballots.

A ballot belongs to a voter: a person (`p<id>`), or the company (`c<id>`) when the poll takes
one vote per company. `(poll_id, voter)` is unique, so two taps arriving at the same moment
leave one ballot; the ballot keeps who cast it even for anonymous polls ("one vote per
person"), which is never shown or exported.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import JSONText, UTCDateTime

KINDS = ("poll", "dates")
ANSWERS = ("ja", "vielleicht", "nein")  # date finding: one answer per option


class Poll(SQLModel, table=True):
    """A question to an audience, open until `closes_at`."""

    id: int = Field(default=None, primary_key=True)
    kind: str = Field(default="poll", max_length=10)  # "poll" | "dates"
    question: str = Field(max_length=300)
    multiple: bool = False  # several options may be chosen
    anonymous: bool = False
    per_company: bool = False  # one ballot per company
    audience: str = Field(max_length=40)  # "all" | "BB" | "SN" | "event:<id>" | "role:<key>"
    remind: bool = True  # remind non-voters one day before closing
    closes_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    created_by: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    reminded_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    closed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class PollOption(SQLModel, table=True):
    """One answer of a poll (a date and time for date findings)."""

    __tablename__ = "poll_option"

    id: int = Field(default=None, primary_key=True)
    poll_id: int = Field(foreign_key="poll.id", index=True)
    position: int
    label: str = Field(max_length=120)
    start: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    has_time: bool = True  # a date finding option said its time ("Di 14.4. 16 Uhr")


class PollRecipient(SQLModel, table=True):
    """A person the poll was sent to (they get the reminder and the result)."""

    __tablename__ = "poll_recipient"

    poll_id: int = Field(foreign_key="poll.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True)
    company_id: int | None = Field(default=None, foreign_key="company.id")


class PollBallot(SQLModel, table=True):
    """A voter's current answer: option ids (poll) or {option id: answer} (date finding)."""

    __tablename__ = "poll_ballot"
    __table_args__ = (UniqueConstraint("poll_id", "voter", name="uq_poll_ballot_voter"),)

    id: int = Field(default=None, primary_key=True)
    poll_id: int = Field(foreign_key="poll.id", index=True)
    voter: str = Field(max_length=20)  # "p<person id>" or "c<company id>"
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    company_id: int | None = Field(default=None, foreign_key="company.id")
    choices: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONText()))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class CompanyRole(SQLModel, table=True):
    """What a person does in their company (HR, training, ...), as they said with /rolle.

    The role counts only while the person is with the company they named it for (a move to
    another company leaves it unstated); it is one of `storage.polls.roles.ROLES`.
    """

    __tablename__ = "company_role"

    person_id: int = Field(sa_column=Column(
        Integer, ForeignKey("person.id", ondelete="CASCADE"), primary_key=True))
    company_id: int = Field(sa_column=Column(
        Integer, ForeignKey("company.id", ondelete="CASCADE"), nullable=False, index=True))
    role: str = Field(max_length=20)
    set_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
