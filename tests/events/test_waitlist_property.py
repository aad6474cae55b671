"""Property: random sign-up/cancel sequences never overbook, never lose a place, keep FIFO.

The database is compared after every step with a tiny reference model of the rules
(strict FIFO: a later sign-up never overtakes the head of the waiting list).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from storage.db import Database
from storage.errors import DomainError
from storage.events import signup
from storage.events.models import Registration
from tests.events.helpers import NOW, in_unit, meeting, people

PEOPLE = 6
Op = tuple[str, int, int]  # ("reg" | "cancel", person index, people count)
ops = st.lists(
    st.tuples(st.sampled_from(["reg", "reg", "cancel"]), st.integers(0, PEOPLE - 1),
              st.integers(1, 5)),
    min_size=1, max_size=25,
)


@dataclass
class Model:
    """Reference model of the rules: registered and waiting (in order), by person index."""

    capacity: int
    registered: dict[int, int] = field(default_factory=dict)
    waiting: list[tuple[int, int]] = field(default_factory=list)

    def free(self) -> int:
        return self.capacity - sum(self.registered.values())

    def apply(self, op: str, who: int, n: int) -> None:
        active = who in self.registered or any(w == who for w, _ in self.waiting)
        if op == "reg" and not active and n > self.capacity:
            return  # refused: could never fit, would block the list forever
        if op == "reg" and not active:
            if not self.waiting and n <= self.free():
                self.registered[who] = n
            else:
                self.waiting.append((who, n))
        elif op == "cancel" and active:
            self.registered.pop(who, None)
            self.waiting = [(w, k) for w, k in self.waiting if w != who]
            while self.waiting and self.waiting[0][1] <= self.free():
                w, k = self.waiting.pop(0)
                self.registered[w] = k


async def _state(db: Database, event_id: int, ids: list[int]) -> tuple[dict[int, int], list]:
    async with db.unit() as s:
        rows = (await s.exec(
            select(Registration).where(Registration.event_id == event_id)
            .order_by(col(Registration.created_at), col(Registration.id))
        )).all()
    index = {pid: i for i, pid in enumerate(ids)}
    reg = {index[r.person_id]: r.people for r in rows if r.status == "registered"}
    wait = [(index[r.person_id], r.people) for r in rows if r.status == "waitlist"]
    return reg, wait


async def _scenario(url: str, capacity: int, steps: list[Op]) -> None:
    db = Database(url)
    try:
        ev = await meeting(db, capacity=capacity)
        ids = await people(db, PEOPLE, prefix=f"e{ev.id}-")
        model = Model(capacity)
        for i, (op, who, n) in enumerate(steps):
            now = NOW + timedelta(seconds=i)
            fn = signup.register if op == "reg" else signup.cancel
            kwargs = {"people": n} if op == "reg" else {}
            try:
                out = await in_unit(db, fn, event_id=ev.id, person_id=ids[who], now=now,
                                    **kwargs)
                assert out.event.booked <= capacity
            except DomainError as err:
                assert err.code in ("already_registered", "not_registered", "too_many_people")
            model.apply(op, who, n)
            assert await _state(db, ev.id, ids) == (model.registered, model.waiting)
    finally:
        await db.dispose()


def _check(url: str, max_examples: int) -> None:
    @settings(max_examples=max_examples, deadline=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(capacity=st.integers(1, 8), steps=ops)
    def run(capacity: int, steps: list[Op]) -> None:
        asyncio.run(_scenario(url, capacity, steps))

    run()


async def test_random_sign_ups_and_cancels_match_the_rules(db: Database) -> None:
    url = db.url.render_as_string(hide_password=False)
    await db.dispose()  # each example opens its own engine on its own event loop (thread)
    await asyncio.to_thread(_check, url, 50 if db.is_sqlite else 15)
