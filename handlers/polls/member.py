"""A member's tap on a poll card: the vote is stored and the card shows their choice."""

from __future__ import annotations

from handlers.core import Ctx
from handlers.polls import texts as t
from handlers.polls.actions import Vote
from handlers.polls.view import card
from storage.polls import queries, service


async def vote(ctx: Ctx, a: Vote) -> None:
    """Store the tap and answer with the card as it is now (edited in place where possible)."""
    done = await service.vote(ctx.s, poll_id=a.poll_id, option_id=a.option_id,
                              answer=a.answer, person_id=ctx.person_id, now=ctx.now)
    text, rows = card(done.poll, done.options, done.ballot, person_id=ctx.person_id,
                      tz=ctx.tz, header=t.CARD_THANKS)
    ctx.say(text, rows, edit=True)


async def open_polls(ctx: Ctx) -> None:
    """Show the cards of the open polls the person was asked (their choice marked)."""
    polls = await queries.open_for(ctx.s, person_id=ctx.person_id, now=ctx.now)
    if not polls:
        ctx.say(t.OPEN_NONE)
        return
    for poll in polls:
        ballot = await queries.ballot_of(ctx.s, poll=poll, person_id=ctx.person_id,
                                         company_id=ctx.company_id)
        options = await queries.options(ctx.s, poll_id=poll.id)
        text, rows = card(poll, options, ballot, person_id=ctx.person_id, tz=ctx.tz)
        ctx.say(text, rows, listed=True)
