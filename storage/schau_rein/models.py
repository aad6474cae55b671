"""Schau-rein sign-ups: a company's open-company event in the week (table name unchanged)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.types import JSONText, UTCDateTime


class SchauReinSignup(SQLModel, table=True):
    """A company's open-company event in the Schau-rein week and the support it wants."""

    __table_args__ = (
        UniqueConstraint("programme", "company_id", name="uq_schaurein_programme_company"),
    )

    id: int = Field(default=None, primary_key=True)
    programme: str = Field(max_length=80)  # catalogue key, e.g. "schau-rein-2026"
    company_id: int = Field(foreign_key="company.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id")
    days: list[str] = Field(default_factory=list, sa_column=Column(JSONText()))  # ISO dates
    support: list[str] = Field(default_factory=list, sa_column=Column(JSONText()))  # keys
    description: str = Field(default="", max_length=1000)
    contact: str = Field(default="", max_length=300)
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class SchauReinConfirmation(SQLModel, table=True):
    """The team confirmed a programme's assumed catalogue values: no longer "vorläufig"."""

    programme: str = Field(primary_key=True, max_length=80)  # catalogue key
    fields: list[str] = Field(default_factory=list, sa_column=Column(JSONText()))
    confirmed_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
