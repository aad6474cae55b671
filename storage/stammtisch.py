"""Stammtisch services: the series with its changes, subscriptions, topics, change notices."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime, time

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import outbox
from storage.catalogue import Catalogue
from storage.db import Database
from storage.models import (
    Person,
    StammtischOverride,
    StammtischSetting,
    StammtischSubscription,
    StammtischTopic,
)
from storage.stammtisch_series import Series, Session, series_from, sessions

NOTICE_KIND = "stammtisch.change"


async def load_series(db: Database, catalogue: Catalogue) -> Series:
    """Return the series: catalogue values with the link/time changed in chat."""
    async with db.read() as s:
        rows = (await s.execute(select(StammtischSetting))).scalars()
        settings = {r.key: r.value for r in rows}
    return series_from(catalogue.section("stammtisch"), catalogue.tz, settings)


async def upcoming(
    db: Database, catalogue: Catalogue, *, after: datetime, count: int = 3,
    with_cancelled: bool = False, at: time | None = None,
) -> list[Session]:
    """Return the next sessions after `after` with skips and moves applied (`at`: other time)."""
    series = await load_series(db, catalogue)
    if at is not None:
        series = replace(series, at=at)
    async with db.read() as s:
        rows = (await s.execute(select(StammtischOverride))).scalars()
        overrides = {r.session: (r.cancelled, r.moved_to) for r in rows}
    return sessions(series, overrides, after=after, count=count, with_cancelled=with_cancelled)


async def is_subscribed(db: Database, *, person_id: int) -> bool:
    """Tell whether the person gets Stammtisch reminders."""
    async with db.read() as s:
        return await s.get(StammtischSubscription, person_id) is not None


async def set_subscribed(db: Database, *, person_id: int, on: bool, now: datetime) -> None:
    """Switch the person's Stammtisch reminders on or off (off drops what is planned)."""
    async with db.transaction() as s:
        row = await s.get(StammtischSubscription, person_id)
        if on and row is None:
            s.add(StammtischSubscription(person_id=person_id, created_at=now))
        elif not on and row is not None:
            await s.delete(row)
            await outbox.unplan_in(s, key_prefix=f"stammtisch:{person_id}:", now=now,
                                   reason="unplanned")


async def subscribers(db: Database) -> list[Person]:
    """Return the reachable subscribers."""
    async with db.read() as s:
        q = (
            select(Person)
            .join(StammtischSubscription, StammtischSubscription.person_id == Person.id)
            .where(Person.unreachable_at.is_(None))
            .order_by(Person.id)
        )
        return list((await s.execute(q)).scalars())


async def change_session(
    db: Database, *, session: str, cancelled: bool, moved_to: datetime | None, now: datetime,
    notice: str, not_after: datetime | None,
) -> int:
    """Skip or move one session and tell every subscriber once; return how many were told."""
    async with db.transaction() as s:
        row = await s.get(StammtischOverride, session)
        if row is None:
            row = StammtischOverride(session=session, changed_at=now)
            s.add(row)
        row.cancelled, row.moved_to, row.changed_at = cancelled, moved_to, now
        return await _notify(s, now=now, notice=notice, not_after=not_after)


async def change_setting(db: Database, *, key: str, value: str, now: datetime,
                         notice: str) -> int:
    """Change the series link or time ("HH:MM") and tell every subscriber once."""
    async with db.transaction() as s:
        await s.execute(delete(StammtischSetting).where(StammtischSetting.key == key))
        s.add(StammtischSetting(key=key, value=value, changed_at=now))
        return await _notify(s, now=now, notice=notice, not_after=None)


async def _notify(s: AsyncSession, *, now: datetime, notice: str,
                  not_after: datetime | None) -> int:
    q = (
        select(Person.id)
        .join(StammtischSubscription, StammtischSubscription.person_id == Person.id)
        .where(Person.unreachable_at.is_(None))
    )
    ids = list((await s.execute(q)).scalars())
    change = uuid.uuid4().hex[:12]  # one key per change: each subscriber is told exactly once
    for pid in ids:
        await outbox.plan_in(
            s, person_id=pid, kind=NOTICE_KIND, text=notice, due_at=now, now=now,
            dedupe_key=f"stammtisch.change:{change}:{pid}", not_after=not_after,
        )
    return len(ids)


async def add_topic(db: Database, *, session: str, person_id: int, text: str,
                    now: datetime) -> None:
    """Store a topic suggestion for a session."""
    async with db.transaction() as s:
        s.add(StammtischTopic(session=session, person_id=person_id, text=text[:500],
                              created_at=now))


async def topics(db: Database, *, sessions_: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Return (who, topic) suggestions per session key, oldest first."""
    out: dict[str, list[tuple[str, str]]] = {key: [] for key in sessions_}
    async with db.read() as s:
        q = (
            select(StammtischTopic.session, Person.display_name, StammtischTopic.text)
            .join(Person, Person.id == StammtischTopic.person_id)
            .where(StammtischTopic.session.in_(sessions_))
            .order_by(StammtischTopic.id)
        )
        for key, who, text in (await s.execute(q)).all():
            out[key].append((who, text))
    return out
