"""Idea rules on SQLite and PostgreSQL: +1 once, never one's own; status once per change."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from storage import ideas
from storage.db import Database
from storage.errors import DomainError
from storage.members.models import Person

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
THEMES = {"netzwerken": "Netzwerken"}


async def _people(db: Database, n: int) -> list[Person]:
    async with db.unit() as s:
        found = [Person(platform="console", external_id=f"p{i}", display_name=f"P{i}",
                        chat_id=f"p{i}") for i in range(n)]
        s.add_all(found)
        await s.flush()
        return found


async def test_plus_one_once_and_not_own(db: Database) -> None:
    people = await _people(db, 6)
    async with db.unit() as s:
        idea = await ideas.submit(s, person_id=people[0].id, company_id=None,
                                  theme="netzwerken", text="Idee", themes=THEMES, now=NOW)
    with pytest.raises(DomainError) as err:
        async with db.unit() as s:
            await ideas.plus_one(s, idea_id=idea.id, person_id=people[0].id, now=NOW)
    assert err.value.code == "idea_own"

    async def plus(p: Person) -> object:
        async with db.unit() as s:
            return await ideas.plus_one(s, idea_id=idea.id, person_id=p.id, now=NOW)

    # Everybody twice at the same moment: each +1 counts once.
    outcomes = await asyncio.gather(*[plus(p) for p in people[1:] * 2], return_exceptions=True)
    assert sum(isinstance(o, DomainError) and o.code == "idea_voted" for o in outcomes) == 5
    async with db.unit() as s:
        assert await ideas.count(s, idea_id=idea.id) == 5
        listed = await ideas.listing(s, person_id=people[1].id)
    assert [(r.votes, r.voted, r.mine) for r in listed] == [(5, True, False)]


async def test_unknown_theme_and_status_changes(db: Database) -> None:
    [p] = await _people(db, 1)
    async with db.unit() as s:
        with pytest.raises(DomainError):
            await ideas.submit(s, person_id=p.id, company_id=None, theme="gibtsnicht",
                               text="Idee", themes=THEMES, now=NOW)
        idea = await ideas.submit(s, person_id=p.id, company_id=None, theme="netzwerken",
                                  text="Idee", themes=THEMES, now=NOW)
        _, changed = await ideas.set_status(s, idea_id=idea.id, status="aufgegriffen",
                                            note="Mai", now=NOW)
        assert changed
        row, changed = await ideas.set_status(s, idea_id=idea.id, status="aufgegriffen",
                                              note="Juni", now=NOW)
        assert not changed and row.note == "Juni"


async def test_idea_of_a_person_who_left_stays_without_a_name(db: Database) -> None:
    author, reader = await _people(db, 2)
    async with db.unit() as s:
        await ideas.submit(s, person_id=author.id, company_id=None, theme="netzwerken",
                           text="Bleibt", themes=THEMES, now=NOW)
    async with db.unit() as s:
        gone = await s.get(Person, author.id)
        await s.delete(gone)
    async with db.unit() as s:
        [row] = await ideas.listing(s, person_id=reader.id)
    assert (row.idea.text, row.idea.person_id, row.author) == ("Bleibt", None, "")
