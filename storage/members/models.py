"""Companies, the people who talk to the bot, and the invite codes that link the two."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime, utcnow


class Company(SQLModel, table=True):
    """A member company of the cluster."""

    id: int = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)
    state: str | None = Field(default=None, max_length=2)  # "BB" | "SN" | None (unknown)
    city: str | None = Field(default=None, max_length=120)
    catalogue_key: str | None = Field(default=None, unique=True, max_length=80)
    edited_in_chat: bool = False
    unreachable_note: str | None = None
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime()))


class Person(SQLModel, table=True):
    """A chat identity, optionally linked to one company."""

    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: int = Field(default=None, primary_key=True)
    platform: str = Field(max_length=20)
    external_id: str = Field(max_length=255)
    display_name: str = Field(default="", max_length=200)
    chat_id: str = Field(max_length=255)  # where direct messages go (DM chat/room)
    company_id: int | None = Field(default=None, foreign_key="company.id", index=True)
    role: str = Field(default="member", max_length=20)  # "member" | "admin"
    unreachable_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime()))
    # The person's own last update to the bot (message or button), to SEEN_EVERY precision.
    last_seen_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))

    @property
    def key(self) -> str:
        """Return `platform:external_id`."""
        return f"{self.platform}:{self.external_id}"


class InviteCode(SQLModel, table=True):
    """A code that links people to a company: open until used up, expired or revoked."""

    code: str = Field(primary_key=True, max_length=16)
    company_id: int = Field(foreign_key="company.id", index=True)
    created_by: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    uses: int = 0
    max_uses: int = 1
    revoked_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class InviteAttempt(SQLModel, table=True):
    """A code someone tried that did not work (counted to limit guessing)."""

    __tablename__ = "invite_attempt"

    id: int = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
