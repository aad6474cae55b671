"""Erasure also forgets when the person was last active (the desk's "zuletzt aktiv")."""

from __future__ import annotations

from bot.clock import ManualClock
from storage import chat, privacy
from storage.db import Database
from storage.members.models import Person


async def test_erasure_forgets_the_last_activity(db: Database, clock: ManualClock) -> None:
    now = clock.now()
    async with db.unit() as s:
        seen = await chat.seen(s, platform="console", external_id="anna", display_name="Anna",
                               chat_id="anna", now=now)
        assert seen.person.last_seen_at == now  # first contact is activity
        person_id = seen.person.id
    async with db.unit() as s:
        await privacy.erase(s, person_id=person_id, now=now)
    async with db.read() as s:
        row = await s.get(Person, person_id)
    assert row is not None and row.last_seen_at is None and row.display_name != "Anna"
