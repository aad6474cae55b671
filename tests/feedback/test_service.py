"""Feedback rules on SQLite and PostgreSQL: each event asked once, one rating per person."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from storage import feedback
from storage.db import Database
from storage.errors import DomainError
from storage.events.models import Event, Registration
from storage.members.models import Person

START = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)


async def _event(db: Database, n: int) -> tuple[Event, list[Person]]:
    async with db.unit() as s:
        people = [Person(platform="console", external_id=f"p{i}", chat_id=f"p{i}")
                  for i in range(n + 1)]
        ev = Event(title="Treffen", start=START, end=START + timedelta(hours=5),
                   created_at=START - timedelta(days=30))
        s.add_all([*people, ev])
        await s.flush()
        s.add_all([Registration(event_id=ev.id, person_id=p.id, created_at=START)
                   for p in people[:n]])
        return ev, people


async def test_each_event_is_asked_once_after_it_ended(db: Database) -> None:
    ev, people = await _event(db, 2)
    async with db.unit() as s:
        assert await feedback.due_rounds(s, now=START + timedelta(hours=1)) == []
    later = START + timedelta(hours=6)

    async def run() -> list[tuple[int, list[int]]]:
        async with db.unit() as s:
            return [(e.id, ids) for e, ids in await feedback.due_rounds(s, now=later)]

    found = await asyncio.gather(run(), run(), run())
    assert sorted(found) == [[], [], [(ev.id, [people[0].id, people[1].id])]]
    async with db.unit() as s:
        assert await feedback.due_rounds(s, now=START + timedelta(days=5)) == []


async def test_one_rating_per_person_and_the_average(db: Database) -> None:
    ev, people = await _event(db, 2)
    async with db.unit() as s:
        await feedback.rate(s, event_id=ev.id, person_id=people[0].id, stars=5, now=START)
        await feedback.comment(s, event_id=ev.id, person_id=people[0].id, text=" Super ")
        await feedback.rate(s, event_id=ev.id, person_id=people[1].id, stars=2, now=START)
    for person, stars, code in ((people[0], 1, "feedback_given"),
                                (people[2], 3, "feedback_not_registered"),
                                (people[1], 6, "feedback_stars")):
        with pytest.raises(DomainError) as err:
            async with db.unit() as s:
                await feedback.rate(s, event_id=ev.id, person_id=person.id, stars=stars,
                                    now=START)
        assert err.value.code == code
    async with db.unit() as s:
        [summary] = await feedback.summaries(s, since=START - timedelta(days=1))
    assert (summary.count, summary.average, summary.comments) == (2, 3.5, ["Super"])
