"""Places per company, changing the number of people, names: rules on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from storage import privacy
from storage.db import Database
from storage.errors import DomainError
from storage.events import queries, signup
from tests.events.helpers import NOW, company, in_unit, meeting, people


async def _code(db: Database, service: Callable[..., Awaitable[Any]], **kwargs: Any) -> str:
    with pytest.raises(DomainError) as err:
        await in_unit(db, service, **kwargs)
    return err.value.code


async def test_a_company_takes_at_most_its_places_waiting_list_included(db: Database) -> None:
    ev = await meeting(db, capacity=4, per_company=3)
    firm = await company(db)
    a, b, c = await people(db, 3, firm)
    (other,) = await people(db, 1, await company(db, "Andere GmbH"), prefix="o")
    await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=2, now=NOW)
    with pytest.raises(DomainError) as err:
        await in_unit(db, signup.register, event_id=ev.id, person_id=b, people=2, now=NOW)
    assert err.value.code == "company_cap" and err.value.info["left"] == 1
    await in_unit(db, signup.register, event_id=ev.id, person_id=other, people=2, now=NOW)
    out = await in_unit(db, signup.register, event_id=ev.id, person_id=b, people=1, now=NOW)
    assert out.registration.status == "waitlist"  # full: the waiting place counts as well
    assert await _code(db, signup.register, event_id=ev.id, person_id=c, people=1,
                       now=NOW) == "company_cap"
    out = await in_unit(db, signup.cancel, event_id=ev.id, person_id=a, now=NOW)
    assert [r.person_id for r in out.promoted] == [b] and out.event.booked == 3
    out = await in_unit(db, signup.register, event_id=ev.id, person_id=c, people=2, now=NOW)
    assert out.registration.status == "waitlist"  # 1 + 2 of 3 for the company, 1 place free


async def test_parallel_sign_ups_of_one_company_never_pass_its_limit(db: Database) -> None:
    ev = await meeting(db, capacity=40, per_company=3)
    rush = await people(db, 8, await company(db), prefix="rush")
    results = await asyncio.gather(*(
        in_unit(db, signup.register, event_id=ev.id, person_id=pid, people=1, now=NOW)
        for pid in rush
    ), return_exceptions=True)
    ok = [r for r in results if not isinstance(r, BaseException)]
    assert len(ok) == 3
    assert all(getattr(r, "code", "") == "company_cap" for r in results if r not in ok)
    assert max(o.event.booked for o in ok) == 3


async def test_fewer_people_free_places_for_the_list_more_only_from_free_places(
    db: Database,
) -> None:
    ev = await meeting(db, capacity=4, per_company=None)
    a, b = await people(db, 2)
    await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=3, now=NOW)
    await in_unit(db, signup.register, event_id=ev.id, person_id=b, people=2, now=NOW)  # waits
    assert await _code(db, signup.change_people, event_id=ev.id, person_id=a, people=4,
                       now=NOW) == "no_room_for_more"  # someone waits: no jumping the list
    out = await in_unit(db, signup.change_people, event_id=ev.id, person_id=a, people=1,
                        now=NOW)
    assert [r.person_id for r in out.promoted] == [b] and out.event.booked == 3
    out = await in_unit(db, signup.change_people, event_id=ev.id, person_id=a, people=2,
                        now=NOW)
    assert out.event.booked == 4 and out.registration.people == 2
    assert await _code(db, signup.change_people, event_id=ev.id, person_id=a, people=3,
                       now=NOW) == "no_room_for_more"


async def test_a_waiting_sign_up_that_gets_smaller_moves_up_when_it_fits(db: Database) -> None:
    ev = await meeting(db, capacity=3, per_company=None)
    a, b = await people(db, 2)
    await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=2, now=NOW)
    await in_unit(db, signup.register, event_id=ev.id, person_id=b, people=2, now=NOW)
    out = await in_unit(db, signup.change_people, event_id=ev.id, person_id=b, people=1,
                        now=NOW)
    assert out.registration.status == "registered" and out.event.booked == 3


async def test_names_at_most_one_per_person_and_cut_when_fewer_come(db: Database) -> None:
    ev = await meeting(db, capacity=10, per_company=3)
    (a,) = await people(db, 1, await company(db))
    await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=2, now=NOW)
    assert await _code(db, signup.set_names, event_id=ev.id, person_id=a,
                       names=["A", "B", "C"], now=NOW) == "too_many_names"
    reg = await in_unit(db, signup.set_names, event_id=ev.id, person_id=a, names=["A", "B"],
                        now=NOW)
    assert reg.names == ["A", "B"]
    out = await in_unit(db, signup.change_people, event_id=ev.id, person_id=a, people=1,
                        now=NOW)
    assert out.registration.names == ["A"]


async def test_erasing_a_person_drops_the_badge_names_too(db: Database) -> None:
    ev = await meeting(db, capacity=10, per_company=3)
    (a,) = await people(db, 1, await company(db))
    await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=2, now=NOW)
    await in_unit(db, signup.set_names, event_id=ev.id, person_id=a, names=["A", "B"], now=NOW)
    await in_unit(db, privacy.erase, person_id=a, now=NOW)
    rows = await in_unit(db, queries.entries, event_id=ev.id)
    assert [e.registration.names for e in rows] == [[]]
