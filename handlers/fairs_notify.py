"""Fair messages in the outbox: deadline reminders, exhibitor reminders, answers to companies.

Deadline reminders ("fair.deadline") go to every linked, reachable person of a company without a
request, 3 weeks and 1 week before the deadline at 09:00; they are re-synced at start and after
every change of a request (a company that asks drops its rows; one that withdraws gets them
back). Exhibitor reminders ("fair.exhibitor") go to confirmed companies a week before the fair.
People who switched a kind off get no row (and the deliverer checks the switch again).
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, time, timedelta
from typing import Any

from handlers.context import Ctx
from handlers.texts import fairs as t
from handlers.texts.common import esc
from storage import fairs, fairs_reach, fairs_read, people
from storage.catalogue import Catalogue
from storage.db import Database
from storage.models import BoothRequest, Fair

log = logging.getLogger(__name__)
DEADLINE_WEEKS = (3, 1)
REMIND_AT = time(9, 0)
ANSWER_KIND = "fair.answer"


class DeadlinePlanner:
    """Router planner: keep every fair's deadline reminders in line with requests and people.

    It runs before each delivery (router.planners), so newly linked people and opt-outs are
    picked up; a fingerprint per fair skips the writes when nothing changed since last time.
    """

    def __init__(self, db: Database, catalogue: Catalogue) -> None:
        self.db = db
        self.catalogue = catalogue
        self._seen: dict[str, object] = {}

    async def __call__(self, now: datetime, *, only: Fair | None = None) -> None:
        """Plan or drop the reminders of every (or one) fair whose deadline is ahead."""
        for fair in [only] if only is not None else await fairs_read.list_fairs(self.db):
            if fair.deadline <= now:
                continue
            audience = await fairs_reach.deadline_audience(
                self.db, fair_id=fair.id, kind="fair.deadline"  # type: ignore[arg-type]
            )
            fingerprint = (fair.deadline, fair.title, fair.place, tuple(audience))
            if only is None and self._seen.get(fair.key) == fingerprint:
                continue
            await self._sync(fair, audience, now)
            self._seen[fair.key] = fingerprint

    async def _sync(self, fair: Fair, audience: list[tuple[int, bool, tuple[int, ...],
                    tuple[int, ...]]], now: datetime) -> None:
        plans: list[dict[str, Any]] = []
        drops: list[str] = []
        for company_id, has_request, wanted, off in audience:
            prefix = f"fair.deadline:{fair.key}:c{company_id}:"
            if has_request:
                drops.append(prefix)
                continue
            drops += [f"{prefix}p{pid}:" for pid in off]
            plans += _deadline_rows(fair, self.catalogue, prefix, list(wanted), now)
        await fairs_reach.replan(self.db, plans=plans, drops=drops, now=now,
                                 reason="fair: request or opt-out")


def _deadline_rows(fair: Fair, catalogue: Catalogue, prefix: str, person_ids: list[int],
                   now: datetime) -> list[dict[str, Any]]:
    tz = catalogue.tz
    text = t.REMIND_DEADLINE.format(
        title=esc(fair.title), days=t.days_text(fairs.fair_dates(fair)), place=esc(fair.place),
        deadline=t.deadline_text(fair.deadline, tz),
    )
    rows = []
    for weeks in DEADLINE_WEEKS:
        day = fair.deadline.astimezone(tz).date() - timedelta(weeks=weeks)
        due = datetime.combine(day, REMIND_AT, tzinfo=tz)
        if due <= now:
            continue
        rows += [dict(person_id=pid, kind="fair.deadline", text=text, due_at=due,
                      dedupe_key=f"{prefix}p{pid}:{weeks}w", not_after=fair.deadline)
                 for pid in person_ids]
    return rows


async def exhibitor_reminders(db: Database, catalogue: Catalogue, fair: Fair,
                              req: BoothRequest, now: datetime) -> None:
    """Plan the week-before reminder for a confirmed request, or drop it otherwise."""
    tz = catalogue.tz
    prefix = f"fair.exhibitor:{fair.key}:c{req.company_id}:"
    days = fairs.fair_dates(fair)
    first = [d for d in days if d.isoformat() in req.days] or days
    setup = time.fromisoformat(fair.setup or "08:00")
    starts = datetime.combine(first[0], setup, tzinfo=tz)
    due = datetime.combine(first[0] - timedelta(weeks=1), REMIND_AT, tzinfo=tz)
    plans: list[dict[str, Any]] = []
    if req.status == "confirmed" and due > now:
        kit = ", ".join(label for attr, label in t.EQUIPMENT.items() if getattr(req, attr))
        text = t.REMIND_EXHIBITOR.format(
            title=esc(fair.title), days=t.days_text(first), place=esc(fair.place),
            setup=fair.setup, area=req.area_m2, equipment=f", {kit}" if kit else "",
        )
        people = await fairs_reach.reachable(db, company_id=req.company_id, kind="fair.exhibitor")
        plans = [dict(person_id=p.id, kind="fair.exhibitor", text=text, due_at=due,
                      not_after=starts, dedupe_key=f"{prefix}p{p.id}")
                 for p in people]
    await fairs_reach.replan(db, plans=plans, drops=[prefix], now=now, reason="fair: changed")


async def tell_company(db: Database, *, company_id: int, text: str, key: str,
                       now: datetime) -> None:
    """Plan an urgent message, due now, to every reachable person of a company."""
    people = await fairs_reach.reachable(db, company_id=company_id)
    # One key per message: a second answer within the same second (or on a fixed test clock)
    # must not collide with the first, which is already sent.
    stamp = uuid.uuid4().hex[:12]
    plans = [dict(person_id=p.id, kind=ANSWER_KIND, text=text, due_at=now, urgent=True,
                  dedupe_key=f"{key}:{stamp}:p{p.id}") for p in people]
    if not people:
        log.warning("company %s has nobody reachable for %s", company_id, key)
    await fairs_reach.replan(db, plans=plans, drops=[], now=now, reason="")


async def tell_promoted(db: Database, promoted: list[BoothRequest], fair: Fair,
                        now: datetime) -> None:
    """Tell companies that moved up from the waiting list."""
    text = t.PROMOTED.format(title=esc(fair.title))
    for req in promoted:
        await tell_company(db, company_id=req.company_id, text=text,
                           key=f"fair.promoted:{req.id}", now=now)


async def tell_team(ctx: Ctx, *, contact: str, kind: str, text: str) -> None:
    """Tell the catalogue contact's admin (or, when none is named, every admin) at once."""
    key = ctx.services.catalogue.contact(contact).admin
    admins = await people.contact_or_admins(ctx.db, contact_key=key,
                                            admin_keys=ctx.services.admin_keys)
    stamp = uuid.uuid4().hex[:12]  # one key per notice: a later one must not dedupe into it
    plans = [dict(person_id=p.id, kind=kind, text=text, due_at=ctx.now, urgent=True,
                  dedupe_key=f"{kind}:{stamp}:p{p.id}") for p in admins]
    await fairs_reach.replan(ctx.db, plans=plans, drops=[], now=ctx.now, reason="")
    await ctx.services.planned()
