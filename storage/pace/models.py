"""The shared send budgets: one row per budget (e.g. a Telegram bot's overall 30 msg/s)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column
from sqlmodel import Field, SQLModel


class SendPace(SQLModel, table=True):
    """When the next call of one budget may go (microseconds since the epoch, database time)."""

    name: str = Field(primary_key=True, max_length=80)
    next_at: int = Field(sa_column=Column(BigInteger, nullable=False))
