"""Conversation state that must survive restarts: open dialogs and issued buttons."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.models.base import JSONText, UTCDateTime


class DialogState(SQLModel, table=True):
    """The one open multi-step dialog of a person."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    dialog: str = Field(max_length=60)
    step: str = Field(max_length=60)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONText()))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class ButtonToken(SQLModel, table=True):
    """An opaque button id issued to one person, resolving to an action string."""

    token: str = Field(primary_key=True, max_length=16)
    person_id: int = Field(foreign_key="person.id", index=True)
    chat_id: str = Field(max_length=255)
    action: str = Field(max_length=400)
    batch: int = Field(index=True)  # one batch per reply with buttons: numbered options map here
    position: int  # 1-based within the batch
    created_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
