"""The read side of polls: one poll with its options, counts, a person's ballot, listings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import case, func
from sqlmodel import col, select

from storage.db import Session
from storage.members.models import Company, Person
from storage.polls.models import Poll, PollBallot, PollOption, PollRecipient

RECENT = timedelta(days=30)
# Who a poll asked, one per vote it can get (count it distinct, with Poll joined): in
# one-vote-per-company polls the company (a person without one counts alone), else the person.
ASKED = case((col(Poll.per_company),
              func.coalesce(-col(PollRecipient.company_id), col(PollRecipient.person_id))),
             else_=col(PollRecipient.person_id))


@dataclass(frozen=True)
class Tally:
    """A poll with its options, the answers per option and how many were asked and answered."""

    poll: Poll
    options: list[PollOption]
    counts: dict[int, dict[str, int]] = field(default_factory=dict)  # option -> answer -> n
    asked: int = 0
    answered: int = 0

    def count(self, option_id: int, answer: str) -> int:
        """Return how many gave `answer` to an option."""
        return self.counts.get(option_id, {}).get(answer, 0)

    def ranked(self) -> list[PollOption]:
        """Return the options by most Ja, then most Vielleicht, then fewest Nein (date
        findings), else by votes."""
        def key(o: PollOption) -> tuple[int, int, int, int]:
            return (-self.count(o.id, "ja") - self.count(o.id, "x"),
                    -self.count(o.id, "vielleicht"), self.count(o.id, "nein"), o.position)
        return sorted(self.options, key=key)

    def winner(self) -> PollOption | None:
        """Return the best date of a date finding; None when no date got a Ja or Vielleicht."""
        best = self.ranked()[0] if self.options else None
        if best is None or not (self.count(best.id, "ja") or self.count(best.id, "vielleicht")):
            return None
        return best


async def get(s: Session, *, poll_id: int) -> Poll | None:
    """Return a poll."""
    return await s.get(Poll, poll_id)


async def options(s: Session, *, poll_id: int) -> list[PollOption]:
    """Return a poll's options in their order."""
    return list(await s.exec(select(PollOption).where(col(PollOption.poll_id) == poll_id)
                             .order_by(col(PollOption.position))))


async def ballot_of(s: Session, *, poll: Poll, person_id: int, company_id: int | None
                    ) -> PollBallot | None:
    """Return the ballot that counts for a person (their company's in per-company polls)."""
    voter = f"c{company_id}" if poll.per_company and company_id else f"p{person_id}"
    return (await s.exec(select(PollBallot).where(col(PollBallot.poll_id) == poll.id,
                                                  col(PollBallot.voter) == voter))).first()


async def tally(s: Session, *, poll_id: int) -> Tally | None:
    """Return a poll with its counts (None if it does not exist)."""
    poll = await s.get(Poll, poll_id)
    if poll is None:
        return None
    opts = await options(s, poll_id=poll_id)
    ballots = list(await s.exec(select(PollBallot.choices).where(
        col(PollBallot.poll_id) == poll_id)))
    counts: dict[int, dict[str, int]] = {}
    for choices in ballots:
        for option, answer in choices.items():
            per = counts.setdefault(int(option), {})
            per[answer] = per.get(answer, 0) + 1
    asked = (await s.exec(select(func.count(func.distinct(ASKED))).select_from(PollRecipient)
                          .join(Poll, col(Poll.id) == col(PollRecipient.poll_id))
                          .where(col(PollRecipient.poll_id) == poll_id))).one()
    return Tally(poll, opts, counts, int(asked), sum(1 for c in ballots if c))


async def listing(s: Session, *, now: datetime) -> list[Poll]:
    """Return the open polls and those closed in the last 30 days, newest first."""
    q = select(Poll).where((col(Poll.closed_at).is_(None))
                           | (col(Poll.closed_at) >= now - RECENT))
    return list(await s.exec(q.order_by(col(Poll.id).desc())))


async def recipients(s: Session, *, poll_id: int) -> list[int]:
    """Return the ids of the people a poll was sent to."""
    return list(await s.exec(select(PollRecipient.person_id).where(
        col(PollRecipient.poll_id) == poll_id).order_by(col(PollRecipient.person_id))))


async def named_ballots(s: Session, *, poll_id: int
                        ) -> list[tuple[PollBallot, Person | None, Company | None]]:
    """Return the ballots with who cast them (for named polls' exports only)."""
    q = (select(PollBallot, Person, Company)
         .outerjoin(Person, col(Person.id) == col(PollBallot.person_id))
         .outerjoin(Company, col(Company.id) == col(PollBallot.company_id))
         .where(col(PollBallot.poll_id) == poll_id).order_by(col(PollBallot.id)))
    return [(b, p, c) for b, p, c in await s.exec(q)]


async def open_for(s: Session, *, person_id: int, now: datetime) -> list[Poll]:
    """Return the open polls a person was asked, closing soonest first."""
    q = (select(Poll).join(PollRecipient, col(PollRecipient.poll_id) == col(Poll.id))
         .where(col(PollRecipient.person_id) == person_id, col(Poll.closed_at).is_(None),
                col(Poll.closes_at) > now)
         .order_by(col(Poll.closes_at)))
    return list(await s.exec(q))
