"""Sign-up rules on SQLite and PostgreSQL: capacity in people, waiting list, deadline, cancel."""

from __future__ import annotations

from datetime import timedelta

import pytest

from storage.db import Database
from storage.errors import DomainError
from storage.events import manage, queries, signup
from tests.events.helpers import NOW, company, in_unit, meeting, people


async def test_sign_up_counts_people_and_refuses_twice(db: Database) -> None:
    ev = await meeting(db, capacity=5)
    a, b = await people(db, 2, await company(db))
    out = await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=3, now=NOW)
    assert out.registration.status == "registered" and out.event.booked == 3
    with pytest.raises(DomainError) as err:
        await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=1, now=NOW)
    assert err.value.code == "already_registered"
    out = await in_unit(db, signup.register, event_id=ev.id, person_id=b, people=3, now=NOW)
    assert out.registration.status == "waitlist" and out.event.booked == 3


async def test_cancel_promotes_head_of_waiting_list_strict_fifo(db: Database) -> None:
    ev = await meeting(db, capacity=4)
    a, b, c, d = await people(db, 4)
    await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=3, now=NOW)
    await in_unit(db, signup.register, event_id=ev.id, person_id=b, people=2, now=NOW)  # waits
    later = NOW + timedelta(minutes=1)
    out = await in_unit(db, signup.register, event_id=ev.id, person_id=c, people=1, now=later)
    assert out.registration.status == "waitlist"  # never overtakes b, though 1 place is free
    out = await in_unit(db, signup.cancel, event_id=ev.id, person_id=a, now=later)
    promoted = [reg.person_id for reg in out.promoted]
    assert promoted == [b, c] and out.event.booked == 3
    await in_unit(db, signup.register, event_id=ev.id, person_id=d, people=1, now=later)
    assert (await in_unit(db, queries.get, event_id=ev.id)).booked == 4  # type: ignore[union-attr]


async def test_re_register_after_cancel(db: Database) -> None:
    ev = await meeting(db)
    (a,) = await people(db, 1)
    await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=2, now=NOW)
    await in_unit(db, signup.cancel, event_id=ev.id, person_id=a, now=NOW)
    out = await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=1, now=NOW)
    assert out.event.booked == 1
    rows = await in_unit(db, queries.entries, event_id=ev.id)
    assert [e.registration.status for e in rows] == ["cancelled", "registered"]


async def test_deadline_past_and_external_refused(db: Database) -> None:
    ev = await meeting(db)
    ext = await meeting(db, capacity=None, kind="extern", link="https://example.org")
    (a,) = await people(db, 1)
    late = NOW + timedelta(days=30)
    for event_id, now, code in ((ev.id, late, "deadline_passed"), (ext.id, NOW, "not_in_bot")):
        with pytest.raises(DomainError) as err:
            await in_unit(db, signup.register, event_id=event_id, person_id=a, people=1, now=now)
        assert err.value.code == code
    await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=1, now=NOW)
    with pytest.raises(DomainError) as err:
        await in_unit(db, signup.cancel, event_id=ev.id, person_id=a, now=late)
    assert err.value.code == "deadline_passed"


async def test_company_sees_registrations_of_colleagues(db: Database) -> None:
    ev = await meeting(db)
    firm = await company(db)
    a, b = await people(db, 2, firm)
    (other,) = await people(db, 1, await company(db, "Andere GmbH"), prefix="o")
    await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=2, now=NOW)
    await in_unit(db, signup.register, event_id=ev.id, person_id=other, people=1, now=NOW)
    seen = await in_unit(db, queries.entries, person_id=b, company_id=firm, active_only=True)
    assert [e.person.id for e in seen] == [a]


async def test_larger_capacity_promotes_and_smaller_than_booked_is_refused(db: Database) -> None:
    ev = await meeting(db, capacity=2)
    a, b = await people(db, 2)
    await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=2, now=NOW)
    await in_unit(db, signup.register, event_id=ev.id, person_id=b, people=2, now=NOW)
    with pytest.raises(DomainError):
        await in_unit(db, manage.update, event_id=ev.id, changes={"capacity": 1}, now=NOW)
    out = await in_unit(db, manage.update, event_id=ev.id, changes={"capacity": 4}, now=NOW)
    assert [reg.person_id for reg in out.promoted] == [b] and out.event.booked == 4


async def test_time_change_bumps_sequence_and_cancel_event_informs_all(db: Database) -> None:
    ev = await meeting(db, capacity=1)
    a, b = await people(db, 2)
    await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=1, now=NOW)
    await in_unit(db, signup.register, event_id=ev.id, person_id=b, people=1, now=NOW)
    out = await in_unit(db, manage.update, event_id=ev.id, now=NOW,
                              changes={"start": ev.start + timedelta(hours=1)})
    assert out.event.sequence == 1 and out.told and [r.person_id for r in out.people] == [a]
    out = await in_unit(db, manage.cancel_event, event_id=ev.id, now=NOW)
    assert out.event.sequence == 2 and len(out.people) == 2
    assert await in_unit(db, queries.upcoming, now=NOW) == []


async def test_more_people_than_places_at_all_is_refused(db: Database) -> None:
    ev = await meeting(db, capacity=2)
    (a,) = await people(db, 1)
    with pytest.raises(DomainError) as err:
        await in_unit(db, signup.register, event_id=ev.id, person_id=a, people=3, now=NOW)
    assert err.value.code == "too_many_people" and err.value.info["capacity"] == 2
