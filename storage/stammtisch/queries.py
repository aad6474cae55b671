"""The read side of the Stammtisch: the schedule, who subscribed, the suggested topics."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import CompoundSelect, literal, null, union_all
from sqlalchemy import select as rows
from sqlmodel import col, select

from storage.catalogue import Catalogue
from storage.db import Session
from storage.members.models import Person
from storage.stammtisch.models import (
    StammtischOverride,
    StammtischSetting,
    StammtischSubscription,
    StammtischTopic,
)
from storage.stammtisch.series import Change, Schedule, series_from

# Built once: /termine reads the schedule on every call (see storage.chat._SEEN). The chat-
# changed settings and the per-meeting changes in one statement; plain rows, no objects.
_SCHEDULE: CompoundSelect[Any] = union_all(
    rows(literal("change").label("kind"), col(StammtischOverride.session).label("name"),
         null().label("value"), col(StammtischOverride.cancelled),
         col(StammtischOverride.moved_to)),
    rows(literal("setting"), col(StammtischSetting.key), col(StammtischSetting.value),
         null(), null()),
)


async def schedule(s: Session, catalogue: Catalogue) -> Schedule:
    """Return the series (catalogue values with link/time changed in chat) and its changes."""
    settings: dict[str, str] = {}
    changes: dict[str, Change] = {}
    found = await (await s.connection()).execute(_SCHEDULE)
    for kind, name, value, cancelled, moved_to in found:
        if kind == "setting":
            settings[name] = value
        else:
            changes[name] = Change(bool(cancelled), moved_to)
    series = series_from(catalogue.section("stammtisch"), catalogue.tz, settings)
    return Schedule(series, changes)


async def is_subscribed(s: Session, *, person_id: int) -> bool:
    """Tell whether the person gets Stammtisch reminders."""
    return await s.get(StammtischSubscription, person_id) is not None


async def subscribers(s: Session, *, person_id: int | None = None) -> list[Person]:
    """Return the reachable subscribers (only `person_id`, when given)."""
    q = (
        select(Person)
        .join(StammtischSubscription,
              col(StammtischSubscription.person_id) == col(Person.id))
        .where(col(Person.unreachable_at).is_(None))
        .order_by(col(Person.id))
    )
    if person_id is not None:
        q = q.where(col(Person.id) == person_id)
    return list(await s.exec(q))


async def topics(s: Session, *, meetings: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """Return (who, topic) suggestions per meeting key, oldest first."""
    out: dict[str, list[tuple[str, str]]] = {key: [] for key in meetings}
    q = (
        select(StammtischTopic.session, Person.display_name, StammtischTopic.text)
        .join(Person, col(Person.id) == col(StammtischTopic.person_id))
        .where(col(StammtischTopic.session).in_(list(meetings)))
        .order_by(col(StammtischTopic.id))
    )
    for key, who, text in await s.exec(q):
        out[key].append((who, text))
    return out
