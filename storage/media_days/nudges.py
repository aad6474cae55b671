"""The monthly nudge to companies without a media day: who, when, the opt-out, who was nudged.

Nudges are a recurring plan: a job computes the wanted outbox rows (`wanted`) before every
delivery round and the outbox reconciles them, so a company that books is dropped, a newly
linked person is added and the next month follows the last one. A person's opt-out is the
per-kind switch of NUDGE_KIND, which /erinnerungen shows as well.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlmodel import col, select

from storage.db import Session
from storage.media_days.queries import without_media_day
from storage.media_days.rules import MediaDayConfig, first_working_day
from storage.members.models import Company, Person
from storage.outbox import Plan, preferences
from storage.outbox.models import OutboxMessage, ReminderPreference

NUDGE_KIND = "media_day.nudge"
NUDGE_PREFIX = f"{NUDGE_KIND}:"
VALID_FOR = timedelta(days=3)  # a nudge held back longer than this is no longer sent


def nudge_prefix(company_id: int, person_id: int | None = None) -> str:
    """Return the dedupe key prefix of a company's (or one person's) nudges."""
    base = f"{NUDGE_PREFIX}c{company_id}:"
    return base if person_id is None else f"{base}p{person_id}:"


def next_nudge_at(now: datetime, state: str | None, cfg: MediaDayConfig) -> datetime:
    """Return the nudge hour of the next first working day of a month still ahead of `now`."""
    local = now.astimezone(cfg.tz)
    year, month = local.year, local.month
    while True:
        day = first_working_day(year, month, state)
        at = datetime.combine(day, time(cfg.nudge_hour), tzinfo=cfg.tz)
        if at > now:
            return at
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


async def targets(s: Session, *, now: datetime, cfg: MediaDayConfig
                  ) -> list[tuple[Company, list[Person]]]:
    """Return companies without a media day with their reachable people who did not opt out."""
    companies = await without_media_day(s, today=now.astimezone(cfg.tz).date())
    off = select(ReminderPreference.person_id).where(
        ReminderPreference.kind == NUDGE_KIND, col(ReminderPreference.enabled).is_(False))
    rows = await s.exec(select(Person).where(
        col(Person.company_id).in_([c.id for c in companies]),
        col(Person.unreachable_at).is_(None), col(Person.id).not_in(off),
    ).order_by(col(Person.id)))
    by_company: dict[int, list[Person]] = {}
    for p in rows:
        if p.company_id is not None:
            by_company.setdefault(p.company_id, []).append(p)
    return [(c, by_company[c.id]) for c in companies if c.id in by_company]


async def wanted(s: Session, *, now: datetime, cfg: MediaDayConfig) -> dict[str, Plan]:
    """Return the nudges every target person should have, by dedupe key (outbox.reconcile).

    That is the next one ahead of `now` (planned early, so the scheduler wakes for it) and,
    while it is being delivered, one already due and still valid; a nudge that was never
    planned in time (a person linked later) is not sent late.
    """
    pending = await _pending_due(s, now=now)
    plans: dict[str, Plan] = {}
    for company, persons in await targets(s, now=now, cfg=cfg):
        times = {next_nudge_at(now - VALID_FOR, company.state, cfg),
                 next_nudge_at(now, company.state, cfg)}
        for p in persons:
            for at in sorted(times):
                key = f"{nudge_prefix(company.id, p.id)}{at:%Y-%m}"
                if at > now or key in pending:
                    plans[key] = Plan(person_id=p.id, kind=NUDGE_KIND, key=key, due_at=at,
                                      params={"company": company.id},
                                      not_after=at + VALID_FOR)
    return plans


async def _pending_due(s: Session, *, now: datetime) -> set[str]:
    """Return the keys of nudges due by `now`, still valid and neither sent nor dropped."""
    rows = await s.exec(select(OutboxMessage.dedupe_key).where(
        col(OutboxMessage.dedupe_key).startswith(NUDGE_PREFIX, autoescape=True),
        col(OutboxMessage.sent_at).is_(None), col(OutboxMessage.dropped_at).is_(None),
        col(OutboxMessage.due_at) <= now, col(OutboxMessage.not_after) > now,
    ))
    return set(rows)


async def opt_out(s: Session, *, person_id: int) -> None:
    """Switch the person's nudges off (the caller drops the ones already planned)."""
    await preferences.switch(s, person_id=person_id, kind=NUDGE_KIND, enabled=False)


async def recent(s: Session, *, since: datetime) -> list[tuple[datetime, Person, Company | None]]:
    """Return the nudges sent since `since`, newest first: when, to whom, which company."""
    rows = await s.exec(
        select(OutboxMessage.sent_at, Person, Company)
        .join(Person, col(Person.id) == col(OutboxMessage.person_id))
        .outerjoin(Company, col(Company.id) == col(Person.company_id))
        .where(OutboxMessage.kind == NUDGE_KIND, col(OutboxMessage.sent_at) >= since)
        .order_by(col(OutboxMessage.sent_at).desc())
    )
    return [(at, p, c) for at, p, c in rows if at is not None]
