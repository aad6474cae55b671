"""Tables of the team's web desk: one-time login links, browser sessions, the calendar feed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


class WebLogin(SQLModel, table=True):
    """A one-time login link sent to an admin in chat; only its hash is kept."""

    id: int = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, max_length=64)
    person_id: int = Field(foreign_key="person.id", index=True)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class WebSession(SQLModel, table=True):
    """A browser signed in with a login link; `csrf` guards its forms."""

    id: int = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, max_length=64)
    person_id: int = Field(foreign_key="person.id", index=True)
    csrf: str = Field(max_length=64)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class WebFeed(SQLModel, table=True):
    """The secret address of the cluster calendar feed (.ics); a new one revokes the old."""

    id: int = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, max_length=64)
    created_by: int = Field(foreign_key="person.id")
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class WebLoginTry(SQLModel, table=True):
    """Tries on the login routes per client address in the current window (all processes)."""

    client: str = Field(primary_key=True, max_length=64)
    window_start: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    tries: int = 0
