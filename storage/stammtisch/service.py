"""Changes to the Stammtisch in the caller's unit of work: subscriptions, skips, moves, topics.

Telling people about a change is the caller's job (its notices commit with the change).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select

from storage.db import Session
from storage.errors import DomainError
from storage.stammtisch.models import (
    StammtischOverride,
    StammtischSetting,
    StammtischSubscription,
    StammtischTopic,
)
from storage.stammtisch.series import CONFIRMED

TOPIC_MAX = 500


async def set_subscribed(s: Session, *, person_id: int, on: bool, now: datetime) -> None:
    """Switch the person's Stammtisch reminders on or off."""
    row = await s.get(StammtischSubscription, person_id)
    if on and row is None:
        s.add(StammtischSubscription(person_id=person_id, created_at=now))
    elif not on and row is not None:
        await s.delete(row)


async def change_meeting(s: Session, *, meeting: str, cancelled: bool,
                         moved_to: datetime | None, now: datetime) -> None:
    """Skip one meeting, or move it to `moved_to` (which also takes back a skip)."""
    row = await s.get(StammtischOverride, meeting)
    if row is None:
        row = StammtischOverride(session=meeting, changed_at=now)
        s.add(row)
    row.cancelled, row.moved_to, row.changed_at = cancelled, moved_to, now


async def change_setting(s: Session, *, key: str, value: str, now: datetime) -> None:
    """Change the series link ("link") or start time ("time", "HH:MM") from now on."""
    row = await s.get(StammtischSetting, key)
    if row is None:
        s.add(StammtischSetting(key=key, value=value, changed_at=now))
    else:
        row.value, row.changed_at = value, now


async def confirm_assumed(s: Session, *, fields: Sequence[str], now: datetime) -> None:
    """Mark the catalogue's assumed series values (e.g. "duration") as confirmed by the team."""
    row = await s.get(StammtischSetting, CONFIRMED, with_for_update=True)
    done = set(row.value.split(",")) if row is not None and row.value else set()
    await change_setting(s, key=CONFIRMED, value=",".join(sorted(done | set(fields))), now=now)


async def forget_confirmed(s: Session) -> None:
    """Drop the team's confirmation of the series' assumptions (a new plan assumes anew)."""
    row = await s.get(StammtischSetting, CONFIRMED, with_for_update=True)
    if row is not None:
        await s.delete(row)


PROPOSED = "proposed_"  # key prefix of a change awaiting the team's confirmation


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:12]


async def propose_setting(s: Session, *, key: str, value: str, now: datetime) -> str:
    """Keep a previewed series change (too long for a button) and return its short digest."""
    await change_setting(s, key=PROPOSED + key, value=value, now=now)
    return _digest(value)


async def proposed_setting(s: Session, *, key: str, digest: str) -> str | None:
    """Return the previewed value `digest` names and forget it; None if it is stale."""
    row = await s.get(StammtischSetting, PROPOSED + key)
    if row is None or _digest(row.value) != digest:
        return None
    await s.delete(row)
    return row.value


async def add_topic(s: Session, *, meeting: str, person_id: int, text: str,
                    now: datetime, limit: int | None = None) -> None:
    """Store a topic suggestion for a meeting (at most `limit` per person and meeting)."""
    if limit is not None:
        await check_topic_room(s, meeting=meeting, person_id=person_id, limit=limit)
    s.add(StammtischTopic(session=meeting, person_id=person_id, text=text[:TOPIC_MAX],
                          created_at=now))


async def check_topic_room(s: Session, *, meeting: str, person_id: int, limit: int) -> None:
    """Refuse (DomainError "too_many_topics") a person's topic beyond `limit` for a meeting."""
    query = select(func.count()).select_from(StammtischTopic).where(
        col(StammtischTopic.session) == meeting, col(StammtischTopic.person_id) == person_id)
    if (await s.exec(query)).one() >= limit:
        raise DomainError("too_many_topics", max=limit)
