"""The film series "Berufe mit Zukunft": which company films which profession group."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime


class FilmInterest(SQLModel, table=True):
    """A company's interest in a film of the series; one company per profession group."""

    id: int = Field(default=None, primary_key=True)
    company_id: int = Field(foreign_key="company.id", unique=True)
    group_key: str | None = Field(default=None, unique=True, max_length=60)
    description: str = Field(default="", max_length=1000)
    assigned: bool = False  # the team confirmed the group; the company can no longer change it
    # Interest the annual plan named (seeded from the catalogue): nobody reported it in the
    # bot, so it has no "gemeldet am" until the company itself picks a group.
    from_plan: bool = False
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
