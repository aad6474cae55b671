"""The stored caps as rules (SQLite and PostgreSQL): unsent reminders and own topics count."""

from __future__ import annotations

from datetime import timedelta

import pytest

from storage.db import Database
from storage.errors import DomainError
from storage.outbox import Plan, plan
from storage.reminders import PERSONAL, check_room, delete_personal, planned_for
from storage.stammtisch import service
from tests.stammtisch.helpers import berlin, person


async def test_open_reminders_count_only_unsent_personal_rows(db: Database) -> None:
    anna, bert = await person(db, "anna"), await person(db, "bert")
    now = berlin(2026, 3, 20)
    async with db.unit() as s:
        for n, kind in enumerate((PERSONAL, PERSONAL, "stammtisch.soon")):
            await plan(s, Plan(anna, kind, f"p:{n}", now + timedelta(hours=1 + n),
                               params={"text": "t"}, urgent=True), now=now)
    async with db.unit() as s:
        await check_room(s, person_id=anna, limit=3)
        await check_room(s, person_id=bert, limit=1)
        with pytest.raises(DomainError) as refused:
            await check_room(s, person_id=anna, limit=2)
        assert refused.value.code == "too_many_reminders" and refused.value.info["max"] == 2
    async with db.unit() as s:
        first = next(r for r in await planned_for(s, person_id=anna) if r.kind == PERSONAL)
        assert await delete_personal(s, person_id=anna, row_id=first.id, now=now)
    async with db.unit() as s:
        await check_room(s, person_id=anna, limit=2)  # a deleted one makes room


async def test_topics_are_capped_per_person_and_meeting(db: Database) -> None:
    anna, bert = await person(db, "anna"), await person(db, "bert")
    now = berlin(2026, 2, 2)
    async with db.unit() as s:
        await service.add_topic(s, meeting="2026-02-05", person_id=anna, text="A", now=now,
                                limit=2)
        await service.add_topic(s, meeting="2026-02-05", person_id=anna, text="B", now=now,
                                limit=2)
        await service.add_topic(s, meeting="2026-02-05", person_id=bert, text="C", now=now,
                                limit=2)
        await service.add_topic(s, meeting="2026-02-19", person_id=anna, text="D", now=now,
                                limit=2)
    async with db.unit() as s:
        with pytest.raises(DomainError) as refused:
            await service.add_topic(s, meeting="2026-02-05", person_id=anna, text="E", now=now,
                                    limit=2)
        assert refused.value.code == "too_many_topics"
