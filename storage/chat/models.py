"""Conversation state that survives restarts: open dialogs, numbered menus, installation keys."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from storage.types import JSONText, UTCDateTime


class DialogState(SQLModel, table=True):
    """The one open multi-step dialog of a person; `run` tells one run of it from the next."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    dialog: str = Field(max_length=60)
    step: str = Field(max_length=60)
    run: str = Field(default="", max_length=12)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSONText()))
    updated_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class ChatMenu(SQLModel, table=True):
    """The buttons last offered to a person in a chat, for answers by number (Matrix, console)."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    chat_id: str = Field(primary_key=True, max_length=255)
    actions: list[str] = Field(default_factory=list, sa_column=Column(JSONText()))
    offered_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))


class InstallationKey(SQLModel, table=True):
    """A value this installation keeps for good, shared by all its processes (button secret)."""

    name: str = Field(primary_key=True, max_length=40)
    value: str = Field(max_length=200)
