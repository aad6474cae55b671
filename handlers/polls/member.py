"""A member's tap on a poll card: the vote is stored and the card shows their choice."""

from __future__ import annotations

from handlers.core import Ctx
from handlers.polls import texts as t
from handlers.polls.actions import Vote
from handlers.polls.view import card
from storage.polls import service


async def vote(ctx: Ctx, a: Vote) -> None:
    """Store the tap and answer with the card as it is now (edited in place where possible)."""
    done = await service.vote(ctx.s, poll_id=a.poll_id, option_id=a.option_id,
                              answer=a.answer, person_id=ctx.person_id, now=ctx.now)
    text, rows = card(done.poll, done.options, done.ballot, person_id=ctx.person_id,
                      tz=ctx.tz, header=t.CARD_THANKS)
    ctx.say(text, rows, edit=True)
