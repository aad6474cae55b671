"""The series planner: the subscribers' reminders and the team's topic push, reconciled.

A router job runs it before every delivery round, in its own unit of work; subscribing and
suggesting a topic run it for what they changed, in their own unit (so delivery is woken
even when nothing else is planned). The rows carry only the meeting's key: the renderers
read the series and its changes as committed at delivery.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime, time, timedelta

from handlers.core import JobCtx, Notify
from storage.db import Session
from storage.members import people
from storage.outbox import Plan, preferences
from storage.stammtisch import queries
from storage.stammtisch.series import Meeting, Schedule, Series

MORNING = "stammtisch.morning"
SOON = "stammtisch.soon"
CHANGE = "stammtisch.change"
TOPICS = "stammtisch.topics"
PREFIX = "stammtisch:"  # + person:meeting:morning|soon
TOPICS_PREFIX = f"{TOPICS}:"  # + admin:meeting:count
MORNING_AT = time(9)
SOON_BEFORE = timedelta(minutes=15)
HORIZON = 3  # meetings ahead whose reminders are planned


async def job(j: JobCtx) -> None:
    """Reconcile every subscriber's reminders and the admins' topic push (a router job)."""
    sched = await queries.schedule(j.s, j.services.catalogue)
    await plan_reminders(j.s, j.notify, sched, now=j.now)
    await plan_topics(j.s, j.notify, sched, now=j.now, admin_keys=j.services.admin_keys)


async def plan_reminders(s: Session, notify: Notify, sched: Schedule, *, now: datetime,
                         person_id: int | None = None) -> None:
    """Reconcile the reminder rows of the next meetings (of one person, when given)."""
    subs = await queries.subscribers(s, person_id=person_id)
    off = await preferences.switched_off(s, person_ids=[p.id for p in subs])
    wanted: dict[str, Plan] = {}
    for m in sched.upcoming(after=now, count=HORIZON):
        for kind, due in reminder_times(m, sched.series):
            for p in subs:
                key = f"{PREFIX}{p.id}:{m.key}:{kind.rsplit('.', 1)[1]}"
                plan = Plan(p.id, kind, key, due, params={"meeting": m.key}, not_after=m.start)
                if _wanted(plan, off, now):
                    wanted[key] = plan
    await notify.reconcile(PREFIX if person_id is None else f"{PREFIX}{person_id}:", wanted)


async def plan_topics(s: Session, notify: Notify, sched: Schedule, *, now: datetime,
                      admin_keys: frozenset[str]) -> None:
    """Reconcile the push of topic suggestions to the admins, 09:00 on a meeting's day."""
    upcoming = sched.upcoming(after=now, count=HORIZON)
    found = await queries.topics(s, meetings=[m.key for m in upcoming])
    admins = [a for a in await people.admins(s, admin_keys=admin_keys)
              if a.unreachable_at is None]
    off = await preferences.switched_off(s, person_ids=[a.id for a in admins])
    wanted: dict[str, Plan] = {}
    for m in upcoming:
        count = len(found[m.key])
        for a in admins if count else ():
            # The count in the key: a topic sent in after the morning push is pushed too.
            key = f"{TOPICS_PREFIX}{a.id}:{m.key}:{count}"
            plan = Plan(a.id, TOPICS, key, morning_of(m, sched.series),
                        params={"meeting": m.key}, not_after=m.start)
            if _wanted(plan, off, now):
                wanted[key] = plan
    await notify.reconcile(TOPICS_PREFIX, wanted)


def _wanted(plan: Plan, off: Collection[tuple[int, str]], now: datetime) -> bool:
    # A switched-off kind stays planned while it lies ahead: switching it on again needs no
    # planner run, and delivery drops it if it is still off. Once due it is no longer wanted,
    # so a row delivery dropped as switched off is not brought back on every run.
    return (plan.person_id, plan.kind) not in off or plan.due_at > now


def morning_of(m: Meeting, series: Series) -> datetime:
    """Return 09:00 local on the meeting's day."""
    day = m.start.astimezone(series.tz).date()
    return datetime.combine(day, MORNING_AT, tzinfo=series.tz).astimezone(UTC)


def reminder_times(m: Meeting, series: Series) -> list[tuple[str, datetime]]:
    """Return the (kind, due) reminders of a meeting: at 09:00 (if earlier) and 15 min before."""
    soon = m.start - SOON_BEFORE
    morning = morning_of(m, series)
    return [(MORNING, morning), (SOON, soon)] if morning < soon else [(SOON, soon)]
