"""Deadline reminders for events with sign-up in the bot: 7 and 2 days before the deadline.

They go to the people of every company that has not answered (nobody of it signed up, waits
or cancelled), through the shared machinery of storage.outbox.deadlines (as fairs do).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import col, select

from storage.db import Session
from storage.events.models import Event, Registration
from storage.outbox import Plan, deadlines

DEADLINE_KIND = "event.deadline"
DEADLINE_STEPS = (("7d", timedelta(days=7)), ("2d", timedelta(days=2)))


async def deadline_plans(s: Session, *, now: datetime, tz: ZoneInfo) -> dict[str, Plan]:
    """Return every event deadline reminder that should be planned now, by key."""
    events = list(await s.exec(select(Event).where(
        Event.kind == "intern", col(Event.cancelled_at).is_(None),
        col(Event.deadline).is_not(None), col(Event.deadline) > now, col(Event.start) > now,
    )))
    if not events:
        return {}
    answered = set((await s.exec(
        select(Registration.event_id, Registration.company_id)
        .where(col(Registration.event_id).in_([e.id for e in events]))
    )).all())
    offers = [
        deadlines.Offer(ev.key or f"id{ev.id}", ev.deadline, {"event_id": ev.id},
                        frozenset(c for e, c in answered if e == ev.id and c is not None))
        for ev in events if ev.deadline is not None
    ]
    return await deadlines.plans(s, kind=DEADLINE_KIND, offers=offers, steps=DEADLINE_STEPS,
                                 now=now, tz=tz)


async def company_answered(s: Session, *, event_id: int, company_id: int) -> bool:
    """Tell whether anyone of the company signed up for the event (also if cancelled since)."""
    row = (await s.exec(select(Registration.id).where(
        Registration.event_id == event_id, Registration.company_id == company_id,
    ).limit(1))).first()
    return row is not None
