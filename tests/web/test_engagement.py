"""Polls, ideas and feedback on the desk: Heute, Zahlen and Firmen show them."""

from __future__ import annotations

from datetime import timedelta

import aiohttp

from handlers.ideas.member import themes
from storage import ideas
from storage.members import people
from storage.members.models import Person
from storage.polls import queries
from storage.polls import service as polls
from tests.web.conftest import Desk
from tests.web.test_login import log_in
from tests.web.test_pages import join


async def person(desk: Desk, key: str) -> Person:
    """Return a console person by key."""
    async with desk.app.db.read() as s:
        found = await people.by_key(s, f"console:{key}")
    assert found is not None
    return found


async def make_poll(desk: Desk, question: str, days: int, asked: list[Person],
                    voters: list[Person]) -> int:
    """Create an open poll closing in `days` days; `voters` choose its first option."""
    now = desk.clock.now()
    chef = await person(desk, "chef")
    async with desk.app.db.unit() as s:
        poll = await polls.create(s, polls.PollIn(
            kind="poll", question=question,
            options=[polls.OptionIn("Ja"), polls.OptionIn("Nein")], multiple=False,
            anonymous=False, per_company=False, audience="all",
            closes_at=now + timedelta(days=days)), recipients=asked, created_by=chef.id,
            now=now)
        first = (await queries.options(s, poll_id=poll.id))[0]
        for v in voters:
            await polls.vote(s, poll_id=poll.id, option_id=first.id, answer=polls.CHOSEN,
                             person_id=v.id, now=now)
    return poll.id


async def test_heute_lists_new_ideas_and_polls_closing_soon(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    await join(desk, "anna", "Pragma")
    await join(desk, "bert", "EMIS")
    await log_in(desk, browser_session)
    anna, bert = await person(desk, "anna"), await person(desk, "bert")
    now = desk.clock.now()
    theme = next(iter(themes(desk.app.catalogue)))
    async with desk.app.db.unit() as s:
        for text in ("Azubi-Speeddating im Mai", "Gemeinsamer Messebus", "Schon erledigt"):
            idea = await ideas.submit(s, person_id=anna.id, company_id=anna.company_id,
                                      theme=theme, text=text, now=now,
                                      themes=themes(desk.app.catalogue))
        await ideas.set_status(s, idea_id=idea.id, status="erledigt", note="", now=now)
    await make_poll(desk, "Sommerfest im Juli?", 3, [anna, bert], [anna])
    await make_poll(desk, "Weit weg: Weihnachtsfeier?", 40, [anna, bert], [])
    page = await (await browser_session.get(f"{desk.base}/heute")).text()
    assert "Ideen: 2 neu" in page
    assert "Azubi-Speeddating im Mai" in page and "Gemeinsamer Messebus" in page
    assert "Schon erledigt" not in page
    assert "<td>Sommerfest im Juli?</td>" in page and "<td>1 von 2</td>" in page
    assert "Weihnachtsfeier" not in page
