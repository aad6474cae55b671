"""Catalogue versions: every file the team sent in chat, and which one is in force."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from storage.types import UTCDateTime

STATUSES = ("pending", "applied", "superseded", "discarded")


class CatalogueVersion(SQLModel, table=True):
    """One catalogue text sent to the bot: previewed (pending), in force, replaced or dropped.

    The newest `applied` row is the catalogue every process runs on (the CATALOGUE file only
    while none was applied). `base_sha` is the catalogue the preview compared with: applying
    is refused when another one came into force in between.
    """

    __tablename__ = "catalogue_version"

    id: int = Field(default=None, primary_key=True)
    status: str = Field(default="pending", max_length=12, index=True)
    name: str = Field(default="", max_length=200)  # the file name as sent
    source: str = Field(sa_column=Column(Text(), nullable=False))  # the TOML text
    sha256: str = Field(max_length=64)
    base_sha: str = Field(max_length=64)
    uploaded_by: str = Field(max_length=300)  # person key
    uploaded_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    applied_by: str | None = Field(default=None, max_length=300)
    applied_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
