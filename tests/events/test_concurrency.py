"""No overbooking under concurrency: 50 simultaneous sign-ups for the last 10 places."""

from __future__ import annotations

import asyncio

from sqlmodel import col, func, select

from handlers.events.actions import SignUp
from storage.db import Database
from storage.events import signup
from storage.events.models import Registration
from tests.events.conftest import Chat
from tests.events.helpers import NOW, company, in_unit, meeting, people


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


async def test_fifty_sign_ups_through_the_router_fill_exactly_the_last_ten(
    db: Database, chat: Chat
) -> None:
    # Through Router.handle: on SQLite each update first runs optimistically (side by side)
    # and a lost race for the write lock runs it again, queued; nothing is lost or doubled.
    ev = await meeting(db, capacity=40)
    early = await people(db, 30, prefix="early")
    for pid in early:
        await in_unit(db, signup.register, event_id=ev.id, person_id=pid, people=1, now=NOW)
    await people(db, 50, await company(db), prefix="rush")
    answers = await asyncio.gather(*(chat.press(f"rush{i}", SignUp(ev.id, 1)) for i in range(50)))
    texts = [a[0].text for a in answers]
    assert not [t for t in texts if "schiefgegangen" in t]
    assert sum("Angemeldet" in t for t in texts) == 10
    assert sum("Warteliste" in t for t in texts) == 40
    async with db.unit() as s:
        counts = dict((await s.exec(
            select(Registration.status, func.sum(Registration.people))
            .where(Registration.event_id == ev.id).group_by(col(Registration.status))
        )).all())
    assert counts == {"registered": 40, "waitlist": 40}
