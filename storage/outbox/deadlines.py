"""Deadline reminders: nudges before a sign-up deadline to companies that have not answered.

One machinery for every offer with a deadline (fairs 3 and 1 weeks before; events and Schau
rein 7 and 2 days before): each reachable person of a company without an answer, who has not
switched the kind off, gets one row per step at 09:00 local time, valid until the deadline.
A scheduled job reconciles these plans with the outbox before every delivery, so answers,
new colleagues, opt-outs and catalogue changes are followed; the renderer checks again at
delivery and drops what no longer applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from storage.db import Session
from storage.members import people
from storage.members.models import Person
from storage.outbox import preferences
from storage.outbox.plan import Plan

REMIND_AT = time(9, 0)
# A reminder stays wanted for a day after its time: the planner runs right before delivery
# (at the due time itself), and a bot that was down for a few hours still sends it that day.
GRACE = timedelta(days=1)


@dataclass(frozen=True)
class Offer:
    """Something companies answer by a deadline: its key, the deadline, who answered.

    `params` go to the renderer; `only` limits the audience to some companies (None: all).
    """

    key: str
    deadline: datetime
    params: Mapping[str, Any]
    answered: frozenset[int]
    only: frozenset[int] | None = None


async def plans(s: Session, *, kind: str, offers: Sequence[Offer],
                steps: Sequence[tuple[str, timedelta]], now: datetime,
                tz: ZoneInfo) -> dict[str, Plan]:
    """Return every reminder of `kind` that should be planned now, by key.

    `steps` name each reminder and say how long before the deadline's day it comes
    (("7d", 7 days) -> key suffix ":7d").
    """
    offers = [o for o in offers if o.deadline > now]
    if not offers:
        return {}
    audience = await wanting(s, await people.linked_people(s), kind)
    wanted: dict[str, Plan] = {}
    for offer in offers:
        day = offer.deadline.astimezone(tz).date()
        for label, ahead in steps:
            due = at_nine(day - ahead, tz)
            if due <= now - GRACE:
                continue
            for p in audience:
                cid = p.company_id
                if cid is None or cid in offer.answered or (
                        offer.only is not None and cid not in offer.only):
                    continue
                key = f"{kind}:{offer.key}:c{cid}:p{p.id}:{label}"
                wanted[key] = Plan(person_id=p.id, kind=kind, key=key, due_at=due,
                                   params=dict(offer.params), not_after=offer.deadline)
    return wanted


def prefix(kind: str) -> str:
    """Return the key prefix of every reminder of `kind` (what the job reconciles)."""
    return f"{kind}:"


async def wanting(s: Session, found: Iterable[Person], kind: str) -> list[Person]:
    """Return the people who have not switched `kind` off."""
    found = list(found)
    off = await preferences.switched_off(s, person_ids=[p.id for p in found])
    return [p for p in found if (p.id, kind) not in off]


def at_nine(day: date, tz: ZoneInfo) -> datetime:
    """Return 09:00 local time on `day`."""
    return datetime.combine(day, REMIND_AT, tzinfo=tz)
