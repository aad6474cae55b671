"""No overbooking under concurrency: 50 simultaneous sign-ups for the last 10 places."""

from __future__ import annotations

import asyncio

from sqlmodel import col, func, select

from storage.db import Database
from storage.events import signup
from storage.events.models import Registration
from tests.events.helpers import NOW, in_unit, meeting, people


async def test_fifty_sign_ups_for_last_ten_places(db: Database) -> None:
    ev = await meeting(db, capacity=40)
    early = await people(db, 30, prefix="early")
    for pid in early:
        await in_unit(db, signup.register, event_id=ev.id, person_id=pid, people=1, now=NOW)
    rush = await people(db, 50, prefix="rush")
    outcomes = await asyncio.gather(*(
        in_unit(db, signup.register, event_id=ev.id, person_id=pid, people=1, now=NOW)
        for pid in rush
    ))
    whats = [o.registration.status for o in outcomes]
    assert whats.count("registered") == 10 and whats.count("waitlist") == 40
    async with db.unit() as s:
        counts = dict((await s.exec(
            select(Registration.status, func.sum(Registration.people))
            .where(Registration.event_id == ev.id).group_by(col(Registration.status))
        )).all())
    assert counts == {"registered": 40, "waitlist": 40}
    assert max(o.event.booked for o in outcomes) == 40


async def test_same_person_twice_at_once_gets_one_registration(db: Database) -> None:
    ev = await meeting(db, capacity=40)
    (pid,) = await people(db, 1)
    results = await asyncio.gather(*(
        in_unit(db, signup.register, event_id=ev.id, person_id=pid, people=1, now=NOW)
        for _ in range(5)
    ), return_exceptions=True)
    ok = [r for r in results if not isinstance(r, BaseException)]
    assert len(ok) == 1
    assert all(getattr(r, "code", "") == "already_registered" for r in results if r not in ok)
