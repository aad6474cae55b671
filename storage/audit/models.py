"""The audit log table."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.types import JSONText, UTCDateTime


class AuditLog(SQLModel, table=True):
    """One admin action (or a refused attempt): who, when, what."""

    id: int = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    actor: str = Field(max_length=280)
    action: str = Field(max_length=80)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONText()))
