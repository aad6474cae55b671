"""Poll rules on SQLite and PostgreSQL: audiences, votes, one ballot per voter, closing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from storage.db import Database
from storage.errors import DomainError
from storage.members import companies
from storage.members.models import Person
from storage.polls import audience, queries, service
from storage.polls.models import Poll
from storage.polls.service import CHOSEN, OptionIn, PollIn

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CLOSES = NOW + timedelta(days=3)


async def _people(db: Database, n: int, *, state: str = "BB", firm: str = "Firma"
                  ) -> list[Person]:
    async with db.unit() as s:
        company = await companies.create(s, name=firm, state=state, city=None, max_members=500)
        found = [Person(platform="console", external_id=f"{firm}-{i}", display_name=f"P{i}",
                        chat_id=f"{firm}-{i}", company_id=company.id) for i in range(n)]
        s.add_all(found)
        await s.flush()
        return found


async def _poll(db: Database, people: list[Person], *, kind: str = "poll",
                multiple: bool = False, per_company: bool = False,
                aud: str = "all") -> tuple[Poll, list[int]]:
    options = [OptionIn("A"), OptionIn("B"), OptionIn("C")]
    async with db.unit() as s:
        poll = await service.create(s, PollIn(
            kind=kind, question="Q?", options=options, multiple=multiple, anonymous=False,
            per_company=per_company, audience=aud, closes_at=CLOSES), recipients=people,
            created_by=people[0].id, now=NOW)
        ids = [o.id for o in await queries.options(s, poll_id=poll.id)]
        return poll, ids


async def _vote(db: Database, poll: Poll, option: int, person: Person, answer: str = CHOSEN,
                now: datetime = NOW) -> None:
    async with db.unit() as s:
        await service.vote(s, poll_id=poll.id, option_id=option, answer=answer,
                           person_id=person.id, now=now)


async def test_audiences_by_state(db: Database) -> None:
    bb = await _people(db, 2, state="BB", firm="Brand")
    sn = await _people(db, 3, state="SN", firm="Sachs")
    async with db.unit() as s:
        assert [p.id for p in await audience.people(s, audience="BB")] == [p.id for p in bb]
        assert [p.id for p in await audience.people(s, audience="SN")] == [p.id for p in sn]
        assert len(await audience.people(s, audience="all")) == 5
        with pytest.raises(DomainError):
            await audience.people(s, audience="nirgends")


async def test_single_choice_changes_and_multiple_toggles(db: Database) -> None:
    people = await _people(db, 2)
    single, (a, b, _) = await _poll(db, people)
    await _vote(db, single, a, people[0])
    await _vote(db, single, b, people[0])
    multi, (x, y, _) = await _poll(db, people, multiple=True)
    await _vote(db, multi, x, people[0])
    await _vote(db, multi, y, people[0])
    await _vote(db, multi, x, people[0])  # a second tap takes it back
    async with db.unit() as s:
        t1 = await queries.tally(s, poll_id=single.id)
        t2 = await queries.tally(s, poll_id=multi.id)
    assert t1 is not None and t2 is not None
    assert (t1.count(a, CHOSEN), t1.count(b, CHOSEN), t1.answered, t1.asked) == (0, 1, 1, 2)
    assert (t2.count(x, CHOSEN), t2.count(y, CHOSEN)) == (0, 1)


async def test_late_foreign_and_company_votes_are_refused(db: Database) -> None:
    people = await _people(db, 3)
    poll, (a, b, _) = await _poll(db, people[:2], per_company=True)
    await _vote(db, poll, a, people[0])
    with pytest.raises(DomainError) as err:
        await _vote(db, poll, b, people[1])
    assert err.value.code == "poll_company_voted"
    with pytest.raises(DomainError) as err:
        await _vote(db, poll, a, people[2])
    assert err.value.code == "poll_not_asked"
    with pytest.raises(DomainError) as err:
        await _vote(db, poll, b, people[0], now=CLOSES)
    assert err.value.code == "poll_closed"


async def test_dates_rank_ja_then_vielleicht(db: Database) -> None:
    people = await _people(db, 3)
    poll, (a, b, c) = await _poll(db, people, kind="dates")
    await _vote(db, poll, a, people[0], "vielleicht")
    await _vote(db, poll, b, people[0], "ja")
    await _vote(db, poll, c, people[1], "ja")
    await _vote(db, poll, c, people[2], "vielleicht")
    async with db.unit() as s:
        tally = await queries.tally(s, poll_id=poll.id)
    assert tally is not None and [o.id for o in tally.ranked()] == [c, b, a]


async def test_closing_once_and_reminding_only_non_voters(db: Database) -> None:
    people = await _people(db, 3)
    poll, (a, _, _) = await _poll(db, people)
    await _vote(db, poll, a, people[1])
    async with db.unit() as s:
        assert await service.due_reminders(s, now=NOW) == []
    async with db.unit() as s:
        due = await service.due_reminders(s, now=CLOSES - timedelta(hours=23))
        assert [(p.id, ids) for p, ids in due] == [(poll.id, [people[0].id, people[2].id])]
    async with db.unit() as s:
        assert await service.due_reminders(s, now=CLOSES - timedelta(hours=22)) == []
    async with db.unit() as s:
        assert [p.id for p in await service.close_due(s, now=CLOSES)] == [poll.id]
    async with db.unit() as s:
        assert await service.close_due(s, now=CLOSES + timedelta(minutes=1)) == []


async def test_simultaneous_votes_are_counted_once(db: Database) -> None:
    people = await _people(db, 30)
    poll, (a, b, _) = await _poll(db, people)
    # Everybody taps at once, and the first ten tap twice (a double tap on a slow network).
    taps = [_vote(db, poll, a if i % 2 else b, p) for i, p in enumerate(people)]
    taps += [_vote(db, poll, a if i % 2 else b, p) for i, p in enumerate(people[:10])]
    await asyncio.gather(*taps)
    async with db.unit() as s:
        tally = await queries.tally(s, poll_id=poll.id)
    assert tally is not None
    assert (tally.count(a, CHOSEN), tally.count(b, CHOSEN), tally.answered) == (15, 15, 30)


async def test_simultaneous_colleagues_leave_one_company_ballot(db: Database) -> None:
    people = await _people(db, 8)
    poll, (a, _, _) = await _poll(db, people, per_company=True)
    outcomes = await asyncio.gather(*[_vote(db, poll, a, p) for p in people],
                                    return_exceptions=True)
    refused = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(refused) == 7 and all(r.code == "poll_company_voted" for r in refused)
    async with db.unit() as s:
        tally = await queries.tally(s, poll_id=poll.id)
    assert tally is not None and (tally.count(a, CHOSEN), tally.answered) == (1, 1)
