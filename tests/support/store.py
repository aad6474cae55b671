"""Direct database steps for transport tests: find a person, plan a literal message."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from storage import outbox
from storage.db import Database
from storage.members import people
from storage.members.models import Person
from storage.outbox import Plan


async def find_person(db: Database, *, platform: str, external_id: str) -> Person | None:
    """Return the person with this identity, if the bot knows them."""
    async with db.unit() as s:
        return await people.find(s, platform=platform, external_id=external_id)


async def plan_text(db: Database, *, person_id: int, text: str, due_at: datetime, key: str,
                    now: datetime, buttons: Sequence[Sequence[tuple[str, str]]] = ()) -> None:
    """Plan one message with literal text (kind "test"), as a feature's notice would be."""
    async with db.unit() as s:
        await outbox.plan(s, Plan(person_id=person_id, kind="test", key=key, due_at=due_at,
                                  text=text, buttons=buttons), now=now)
