"""Poll rules: create and send, vote (one ballot per voter), close, remind non-voters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import String, bindparam, case, cast, literal
from sqlmodel import col, select, update

from storage.db import Session, upsert_insert
from storage.errors import DomainError
from storage.members.models import Person
from storage.polls.models import ANSWERS, Poll, PollBallot, PollOption, PollRecipient
from storage.types import JSONText, UTCDateTime

MIN_OPTIONS, MAX_OPTIONS = 2, 10
MAX_LABEL = 120
REMIND_BEFORE = timedelta(days=1)
CHOSEN = "x"  # the answer of a chosen poll option


@dataclass(frozen=True)
class OptionIn:
    """An option as the team typed it (date findings: its start, and whether a time was said)."""

    label: str
    start: datetime | None = None
    has_time: bool = True


@dataclass(frozen=True)
class PollIn:
    """A poll as the team set it up in the dialog."""

    kind: str
    question: str
    options: Sequence[OptionIn]
    multiple: bool
    anonymous: bool
    per_company: bool
    audience: str
    closes_at: datetime
    remind: bool = True


def check_options(labels: Sequence[str]) -> None:
    """Refuse fewer than 2 or more than 10 options, empty, too long or repeated ones."""
    if not MIN_OPTIONS <= len(labels) <= MAX_OPTIONS:
        raise DomainError("poll_option_count", min=MIN_OPTIONS, max=MAX_OPTIONS,
                          given=len(labels))
    for label in labels:
        if len(label) > MAX_LABEL:
            raise DomainError("poll_option_long", max=MAX_LABEL, label=label)
    if len({x.casefold() for x in labels}) != len(labels):
        raise DomainError("poll_option_twice")


def can_remind(closes_at: datetime, *, now: datetime) -> bool:
    """Whether a poll sent now is open long enough for the reminder a day before closing."""
    return closes_at - REMIND_BEFORE > now


async def create(s: Session, p: PollIn, *, recipients: Sequence[Person], created_by: int,
                 now: datetime) -> Poll:
    """Store a poll with its options and recipients (the caller plans the cards).

    A poll closing within a day gets no reminder: it would come right after the card.
    """
    check_options([o.label for o in p.options])
    if p.closes_at <= now:
        raise DomainError("poll_closes_past")
    if not recipients:
        raise DomainError("poll_no_recipients")
    poll = Poll(kind=p.kind, question=p.question, multiple=p.multiple, anonymous=p.anonymous,
                per_company=p.per_company, audience=p.audience,
                remind=p.remind and can_remind(p.closes_at, now=now),
                closes_at=p.closes_at, created_by=created_by, created_at=now)
    s.add(poll)
    await s.flush()
    s.add_all([PollOption(poll_id=poll.id, position=i, label=o.label, start=o.start,
                          has_time=o.has_time) for i, o in enumerate(p.options, start=1)])
    s.add_all([PollRecipient(poll_id=poll.id, person_id=r.id, company_id=r.company_id)
               for r in recipients])
    await s.flush()
    return poll


# What a tap needs, in one statement built once: the poll, whether the person was asked (and
# for which company), its options in order, and the voter's ballot (the person's, or in
# one-vote-per-company polls the company's). One row per option.
_RECIPIENT = ((col(PollRecipient.poll_id) == col(Poll.id))
              & (col(PollRecipient.person_id) == bindparam("person_id")))
_VOTER = case((col(Poll.per_company) & col(PollRecipient.company_id).is_not(None),
               literal("c") + cast(col(PollRecipient.company_id), String)),
              else_=bindparam("person_voter"))
_BALLOT_SHEET = (
    select(Poll, PollRecipient, PollOption, PollBallot)
    .outerjoin(PollRecipient, _RECIPIENT)
    .outerjoin(PollOption, col(PollOption.poll_id) == col(Poll.id))
    .outerjoin(PollBallot, (col(PollBallot.poll_id) == col(Poll.id))
               & (col(PollBallot.voter) == _VOTER))
    .where(col(Poll.id) == bindparam("poll_id"))
    .order_by(col(PollOption.position))
    # The ballot may have changed since an earlier read in this unit: take it as stored.
    .execution_options(populate_existing=True)
)


@dataclass(frozen=True)
class Voted:
    """What a vote leaves: the poll, its options and the voter's ballot (for the card)."""

    poll: Poll
    options: list[PollOption]
    ballot: PollBallot


async def vote(s: Session, *, poll_id: int, option_id: int, answer: str, person_id: int,
               now: datetime) -> Voted:
    """Record one tap: choose (or for multiple choice toggle) an option, or answer a date.

    Refused after closing, for people the poll was not sent to, and in one-vote-per-company
    polls when a colleague has voted. Simultaneous taps leave one ballot per voter.
    """
    rows = (await s.exec(_BALLOT_SHEET, params={"poll_id": poll_id, "person_id": person_id,
                                                "person_voter": f"p{person_id}"})).all()
    if not rows:
        raise DomainError("poll_unknown")
    poll, recipient, _, ballot = rows[0]
    if poll.closed_at is not None or now >= poll.closes_at:
        raise DomainError("poll_closed", closes_at=poll.closes_at)
    if recipient is None:
        raise DomainError("poll_not_asked")
    if answer not in ((CHOSEN,) if poll.kind == "poll" else ANSWERS):
        raise DomainError("poll_unknown")
    options = [o for _, _, o, _ in rows if o is not None]
    if all(o.id != option_id for o in options):
        raise DomainError("poll_unknown")
    voter = (f"c{recipient.company_id}" if poll.per_company and recipient.company_id
             else f"p{person_id}")
    if ballot is not None and ballot.person_id != person_id:
        raise DomainError("poll_company_voted")
    choices = _next_choices(poll, dict(ballot.choices) if ballot else {}, str(option_id), answer)
    ballot = await _store(s, poll_id=poll_id, voter=voter, person_id=person_id,
                          company_id=recipient.company_id, choices=choices, now=now)
    return Voted(poll, options, ballot)


def _next_choices(poll: Poll, before: dict[str, str], option: str, answer: str
                  ) -> dict[str, str]:
    if poll.kind == "dates":
        return {**before, option: answer}
    if not poll.multiple:
        return {option: CHOSEN}
    if option in before:
        return {k: v for k, v in before.items() if k != option}
    return {**before, option: CHOSEN}


@cache
def _ballot_upsert(insert: Callable[..., Any]) -> Any:
    """Return the ballot upsert for the dialect's `insert`, built once (every tap runs it)."""
    ins = insert(PollBallot).values(
        poll_id=bindparam("poll_id"), voter=bindparam("voter"),
        person_id=bindparam("person_id"), company_id=bindparam("company_id"),
        choices=bindparam("choices", type_=JSONText()),
        updated_at=bindparam("updated_at", type_=UTCDateTime()))
    return ins.on_conflict_do_update(
        index_elements=["poll_id", "voter"],
        set_={"choices": ins.excluded.choices, "updated_at": ins.excluded.updated_at},
        # A colleague's ballot of the company stays theirs (one vote per company).
        where=col(PollBallot.person_id) == ins.excluded.person_id,
    ).returning(PollBallot).execution_options(
        populate_existing=True)  # the ballot read before this statement is stale now


async def _store(s: Session, *, poll_id: int, voter: str, person_id: int,
                 company_id: int | None, choices: dict[str, str], now: datetime) -> PollBallot:
    """Insert or update the voter's ballot in one statement (a concurrent tap cannot add one)."""
    stmt = _ballot_upsert(upsert_insert(s))
    row: PollBallot | None = (await s.exec(stmt, params={
        "poll_id": poll_id, "voter": voter, "person_id": person_id, "company_id": company_id,
        "choices": choices, "updated_at": now})).scalar_one_or_none()
    if row is None:  # the WHERE kept a colleague's ballot: nothing was written
        raise DomainError("poll_company_voted")
    return row


async def close_due(s: Session, *, now: datetime) -> list[Poll]:
    """Close every poll whose time has come; return them (each is closed exactly once)."""
    due = list(await s.exec(select(Poll).where(
        col(Poll.closed_at).is_(None), col(Poll.closes_at) <= now).with_for_update()))
    for poll in due:
        poll.closed_at = now
    await s.flush()
    return due


async def close_now(s: Session, *, poll_id: int, now: datetime) -> Poll:
    """Close one poll early (the team); refused when it is closed already."""
    done = await s.exec(update(Poll).where(col(Poll.id) == poll_id,
                                           col(Poll.closed_at).is_(None))
                        .values(closed_at=now, closes_at=now))
    poll = await s.get(Poll, poll_id, populate_existing=True)
    if poll is None:
        raise DomainError("poll_unknown")
    if not done.rowcount:
        raise DomainError("poll_closed", closes_at=poll.closes_at)
    return poll


async def due_reminders(s: Session, *, now: datetime) -> list[tuple[Poll, list[int]]]:
    """Mark polls a day before closing as reminded; return them with their non-voters."""
    due = list(await s.exec(select(Poll).where(
        col(Poll.remind).is_(True), col(Poll.reminded_at).is_(None),
        col(Poll.closed_at).is_(None), col(Poll.closes_at) > now,
        col(Poll.closes_at) <= now + REMIND_BEFORE).with_for_update()))
    out = []
    for poll in due:
        poll.reminded_at = now
        out.append((poll, await non_voters(s, poll=poll)))
    await s.flush()
    return out


async def non_voters(s: Session, *, poll: Poll) -> list[int]:
    """Return the recipients without an answer (nor, per company, a colleague's)."""
    ballots = list(await s.exec(select(PollBallot).where(col(PollBallot.poll_id) == poll.id)))
    voted = {b.voter for b in ballots if b.choices}
    rows = await s.exec(select(PollRecipient).where(col(PollRecipient.poll_id) == poll.id)
                        .order_by(col(PollRecipient.person_id)))
    return [r.person_id for r in rows
            if f"p{r.person_id}" not in voted
            and not (poll.per_company and f"c{r.company_id}" in voted)]
