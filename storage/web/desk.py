"""Read side of the web desk: what needs the team now, one row per company, the audit log.

Each function is a handful of queries over the features' own tables (no copies): the desk and
the chat read the same rows.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Text, and_, cast
from sqlmodel import col, func, select

from storage.audit.models import AuditLog
from storage.db import Session
from storage.events.models import Event, Registration
from storage.fairs.models import BoothRequest, Fair
from storage.films.models import FilmInterest
from storage.ideas.models import Idea
from storage.media_days.models import MediaDay
from storage.members.models import Company, Person
from storage.outbox.models import OutboxMessage
from storage.polls.models import CompanyRole, Poll, PollBallot, PollRecipient
from storage.polls.queries import ASKED
from storage.schau_rein.models import SchauReinSignup

AUDIT_PAGE = 50


@dataclass(frozen=True)
class Deadline:
    """Something due within the look-ahead: the registration deadline of an event, a fair or
    the Schau-rein week."""

    at: datetime
    title: str
    what: str  # "event" | "fair" | "schau"
    assumed: bool = False  # the catalogue only assumed this deadline ("vorläufig")


@dataclass(frozen=True)
class Undelivered:
    """A message that could not be delivered (dropped after failures, or still retrying)."""

    row: OutboxMessage
    person: Person
    company: Company | None


@dataclass(frozen=True)
class Waiting:
    """An event with people on its waiting list."""

    event: Event
    waiting: int  # people (a sign-up counts its people)


@dataclass(frozen=True)
class Today:
    """What the Heute page shows."""

    booths: list[tuple[BoothRequest, Fair, Company]]
    deadlines: list[Deadline]
    waiting: list[Waiting]
    booth_waiting: list[tuple[BoothRequest, Fair, Company]]
    undelivered: list[Undelivered]
    films: list[tuple[FilmInterest, Company]]
    schau_rein: list[tuple[SchauReinSignup, Company]]
    ideas: list[tuple[Idea, Company | None]] = field(default_factory=list)
    polls: list[tuple[Poll, int, int]] = field(default_factory=list)  # poll, answered, asked


async def today(s: Session, *, now: datetime, days: int = 14, recent: int = 14) -> Today:
    """Collect new requests, deadlines in the next `days`, waiting lists, undelivered messages."""
    until, since = now + timedelta(days=days), now - timedelta(days=recent)
    booths = [(r, f, c) for r, f, c in await s.exec(
        select(BoothRequest, Fair, Company).join(Fair, col(Fair.id) == col(BoothRequest.fair_id))
        .join(Company, col(Company.id) == col(BoothRequest.company_id))
        .where(col(BoothRequest.status).in_(("requested", "waiting")),
               col(Fair.cancelled_at).is_(None))
        .order_by(col(BoothRequest.queued_at)))]
    deadlines = [Deadline(e.deadline, e.title, "event", "deadline" in (e.provisional or []))
                 for e in await s.exec(
        select(Event).where(col(Event.deadline) >= now, col(Event.deadline) <= until,
                            col(Event.cancelled_at).is_(None)))
        if e.deadline is not None]
    deadlines += [Deadline(f.deadline, f.title, "fair", "deadline" in (f.provisional or []))
                  for f in await s.exec(
        select(Fair).where(col(Fair.deadline) >= now, col(Fair.deadline) <= until,
                           col(Fair.cancelled_at).is_(None)))]
    # People, not sign-ups (one sign-up may be for 3 people), as Termine and Zahlen count.
    waiting = [Waiting(e, int(n or 0)) for e, n in await s.exec(
        select(Event, func.sum(col(Registration.people)))
        .join(Registration, col(Registration.event_id) == col(Event.id))
        .where(Registration.status == "waitlist", col(Event.start) >= now)
        .group_by(col(Event.id)).order_by(col(Event.start)))]
    films = [(f, c) for f, c in await s.exec(
        select(FilmInterest, Company)
        .join(Company, col(Company.id) == col(FilmInterest.company_id))
        # A group chosen in chat and not yet confirmed by the team (seeded rows have none).
        .where(col(FilmInterest.group_key).is_not(None), col(FilmInterest.assigned).is_(False))
        .order_by(col(FilmInterest.updated_at)))]
    schau = [(r, c) for r, c in await s.exec(
        select(SchauReinSignup, Company)
        .join(Company, col(Company.id) == col(SchauReinSignup.company_id))
        .where(col(SchauReinSignup.updated_at) >= since)
        .order_by(col(SchauReinSignup.updated_at)))]
    ideas: list[tuple[Idea, Company | None]] = [(i, c) for i, c in await s.exec(
        select(Idea, Company).outerjoin(Company, col(Company.id) == col(Idea.company_id))
        .where(Idea.status == "neu").order_by(col(Idea.created_at)))]
    closing = list(await s.exec(
        select(Poll).where(col(Poll.closed_at).is_(None), col(Poll.closes_at) > now,
                           col(Poll.closes_at) <= until).order_by(col(Poll.closes_at))))
    turnout = await participation(s, poll_ids=[p.id for p in closing])
    return Today(
        ideas=ideas,
        polls=[(p, *turnout.get(p.id, (0, 0))) for p in closing],
        booths=[b for b in booths if b[0].status == "requested"],
        deadlines=sorted(deadlines, key=lambda d: d.at), waiting=waiting,
        booth_waiting=[b for b in booths if b[0].status == "waiting"],
        undelivered=await undelivered(s, since=since), films=films, schau_rein=schau,
    )


async def undelivered(s: Session, *, since: datetime) -> list[Undelivered]:
    """Return messages since `since` that failed for good or are waiting for a retry."""
    rows = await s.exec(
        select(OutboxMessage, Person, Company)
        .join(Person, col(Person.id) == col(OutboxMessage.person_id))
        .outerjoin(Company, col(Company.id) == col(Person.company_id))
        .where(col(OutboxMessage.last_error).is_not(None), col(OutboxMessage.sent_at).is_(None),
               col(OutboxMessage.created_at) >= since)
        .order_by(col(OutboxMessage.created_at).desc()).limit(100))
    return [Undelivered(r, p, c) for r, p, c in rows]


async def participation(s: Session, *, poll_ids: list[int] | None = None
                        ) -> dict[int, tuple[int, int]]:
    """Return poll id -> (ballots cast, asked), for the given polls or all.

    Counted as `/umfragen` counts them (storage.polls.queries.tally): in one-vote-per-company
    polls the companies were asked (a person without one counts alone), and a ballot whose
    choices were all taken back again is no vote.
    """
    def only(column: Any) -> Any:
        return True if poll_ids is None else col(column).in_(poll_ids)

    found: dict[int, tuple[int, int]] = {}
    for pid, n in await s.exec(select(PollRecipient.poll_id, func.count(func.distinct(ASKED)))
                               .join(Poll, col(Poll.id) == col(PollRecipient.poll_id))
                               .where(only(PollRecipient.poll_id))
                               .group_by(col(PollRecipient.poll_id))):
        found[pid] = (0, int(n))
    cast_ = Counter(pid for pid, choices in await s.exec(
        select(PollBallot.poll_id, PollBallot.choices).where(only(PollBallot.poll_id)))
        if choices)
    for pid, n in cast_.items():
        found[pid] = (n, found.get(pid, (0, 0))[1])
    return found


async def polls(s: Session) -> list[Poll]:
    """Return every poll, oldest first."""
    return list(await s.exec(select(Poll).order_by(col(Poll.created_at), col(Poll.id))))


async def polls_with_turnout(s: Session) -> list[tuple[Poll, int, int]]:
    """Return every poll (oldest first) with its ballots cast and people asked."""
    turnout = await participation(s)
    return [(p, *turnout.get(p.id, (0, 0))) for p in await polls(s)]


@dataclass
class CompanyRow:
    """One company on the Firmen page."""

    company: Company
    people: list[Person] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)  # person id -> company role (/rolle)
    events: int = 0
    media_day: MediaDay | None = None
    film: bool = False
    booths: int = 0
    schau_rein: bool = False
    # Named polls only: whether a company answered an anonymous poll is not shown anywhere.
    polls_asked: int = 0  # named polls sent to someone of the company
    polls_voted: int = 0  # ... of which the company answered (any of its people)


async def companies(s: Session, *, company_id: int | None = None) -> list[CompanyRow]:
    """Return every company (or one) with its people, registrations, media day, film, booths,
    Schau rein and poll participation, in a fixed handful of queries."""
    def only(column: Any) -> Any:
        return True if company_id is None else col(column) == company_id

    rows = {c.id: CompanyRow(c) for c in await s.exec(
        select(Company).where(only(Company.id)).order_by(col(Company.name)))}
    for p, role in await s.exec(
            select(Person, col(CompanyRole.role))
            # A role counts only for the company it was stated for (see storage.polls.roles).
            .outerjoin(CompanyRole, and_(col(CompanyRole.person_id) == col(Person.id),
                                         col(CompanyRole.company_id) == col(Person.company_id)))
            .where(col(Person.company_id).is_not(None), only(Person.company_id))
            .order_by(col(Person.id))):
        if p.company_id in rows:
            rows[p.company_id].people.append(p)
            if role is not None:
                rows[p.company_id].roles[p.id] = role
    for cid, n in await s.exec(
            select(Registration.company_id, func.count(col(Registration.id)))
            .where(Registration.status != "cancelled", only(Registration.company_id))
            .group_by(col(Registration.company_id))):
        if cid in rows:
            rows[cid].events = int(n)
    for md in await s.exec(select(MediaDay).where(only(MediaDay.company_id))
                           .order_by(col(MediaDay.id))):
        row = rows.get(md.company_id)
        if row is not None and (row.media_day is None or md.status in ("requested", "confirmed")):
            row.media_day = md  # the newest that counts: open or confirmed beats an old decline
    for cid in await s.exec(select(FilmInterest.company_id)
                            .where(only(FilmInterest.company_id))):
        if cid in rows:
            rows[cid].film = True
    booth_counts = Counter(cid for cid in await s.exec(
        select(BoothRequest.company_id)
        .where(col(BoothRequest.status).in_(("requested", "waiting", "confirmed")),
               only(BoothRequest.company_id))))
    for cid, n in booth_counts.items():
        if cid in rows:
            rows[cid].booths = n
    for cid in await s.exec(select(SchauReinSignup.company_id)
                            .where(only(SchauReinSignup.company_id))):
        if cid in rows:
            rows[cid].schau_rein = True
    for cid, n in await s.exec(
            select(PollRecipient.company_id, func.count(func.distinct(PollRecipient.poll_id)))
            .join(Poll, col(Poll.id) == col(PollRecipient.poll_id))
            .where(col(PollRecipient.company_id).is_not(None), only(PollRecipient.company_id),
                   col(Poll.anonymous).is_(False))
            .group_by(col(PollRecipient.company_id))):
        if cid in rows:
            rows[cid].polls_asked = int(n)
    for cid, n in await s.exec(
            select(PollBallot.company_id, func.count(func.distinct(PollBallot.poll_id)))
            .join(Poll, col(Poll.id) == col(PollBallot.poll_id))
            .where(col(PollBallot.company_id).is_not(None), only(PollBallot.company_id),
                   col(Poll.anonymous).is_(False))
            .group_by(col(PollBallot.company_id))):
        if cid in rows:
            rows[cid].polls_voted = int(n)
    return list(rows.values())


async def audit_page(s: Session, *, page: int = 1, action: str = "", actor: str = "",
                     size: int = AUDIT_PAGE) -> tuple[list[AuditLog], int, int]:
    """Return one page of the audit log (newest first), how many entries match and the page
    shown: a page beyond the last is the last page (a huge number would overflow the OFFSET).
    """
    q = select(AuditLog)
    n = select(func.count(col(AuditLog.id)))
    if action:
        q, n = q.where(AuditLog.action == action), n.where(AuditLog.action == action)
    if actor:
        like = f"%{actor.lower()}%"
        q = q.where(func.lower(col(AuditLog.actor)).like(like))
        n = n.where(func.lower(col(AuditLog.actor)).like(like))
    total = int((await s.exec(n)).one())
    page = max(1, min(page, -(-total // size)))
    rows = await s.exec(q.order_by(col(AuditLog.id).desc()).offset((page - 1) * size).limit(size))
    return list(rows), total, page


async def audit_actions(s: Session) -> list[str]:
    """Return the audit actions that occur, for the filter."""
    return sorted(a for a in await s.exec(select(AuditLog.action).distinct()))


async def event_counts(s: Session) -> list[tuple[Event, int, int]]:
    """Return every event (by start) with its registered and waiting people."""
    waiting: defaultdict[int, int] = defaultdict(int)
    for eid, n in await s.exec(
            select(Registration.event_id, func.sum(col(Registration.people)))
            .where(Registration.status == "waitlist").group_by(col(Registration.event_id))):
        waiting[eid] = int(n or 0)
    events = await s.exec(select(Event).where(col(Event.cancelled_at).is_(None))
                          .order_by(col(Event.start)))
    return [(e, e.booked, waiting[e.id]) for e in events]


async def company_history(s: Session, *, name: str, limit: int = 200) -> list[AuditLog]:
    """Return the newest audit entries about a company (its name in the entry's detail)."""
    # The detail is JSON text with sorted keys: match its "company" pair in SQL, then exactly.
    needle = '"company": ' + json.dumps(name, ensure_ascii=False)
    rows = await s.exec(
        select(AuditLog).where(cast(col(AuditLog.detail), Text).contains(needle, autoescape=True))
        .order_by(col(AuditLog.id).desc()).limit(limit))
    return [r for r in rows if r.detail.get("company") == name]


async def media_day_months(s: Session, *, tz: ZoneInfo) -> list[tuple[date, int]]:
    """Return (first of month, companies whose media day was confirmed then), oldest first.

    The month is the cluster's (`tz`): a confirmation at 00:30 on the 1st is that month's.
    """
    found: Counter[date] = Counter()
    for at in await s.exec(select(MediaDay.confirmed_at).where(MediaDay.status == "confirmed")):
        if at is not None:
            found[at.astimezone(tz).date().replace(day=1)] += 1
    return sorted(found.items())
