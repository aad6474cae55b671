"""Polls, ideas and feedback on the desk: Heute, Zahlen and Firmen show them."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import aiohttp

from handlers.ideas.member import themes
from handlers.media_days.view import config
from storage import feedback, ideas
from storage.events import queries as events
from storage.events import signup
from storage.media_days import service
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
                    voters: list[Person], *, anonymous: bool = False,
                    per_company: bool = False) -> int:
    """Create an open poll closing in `days` days; `voters` choose its first option."""
    now = desk.clock.now()
    chef = await person(desk, "chef")
    async with desk.app.db.unit() as s:
        poll = await polls.create(s, polls.PollIn(
            kind="poll", question=question,
            options=[polls.OptionIn("Ja"), polls.OptionIn("Nein")], multiple=False,
            anonymous=anonymous, per_company=per_company, audience="all",
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
    assert f"<td>{themes(desk.app.catalogue)[theme]}</td>" in page  # the theme's German label
    assert "<td>Sommerfest im Juli?</td>" in page and "<td>1 von 2</td>" in page
    assert "Weihnachtsfeier" not in page


async def test_zahlen_charts_poll_turnout_and_feedback_averages(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    await join(desk, "anna", "Pragma")
    await join(desk, "bert", "EMIS")
    await log_in(desk, browser_session)
    anna, bert = await person(desk, "anna"), await person(desk, "bert")
    await make_poll(desk, "Sommerfest im Juli?", 3, [anna, bert], [anna])
    now = desk.clock.now()
    async with desk.app.db.unit() as s:
        first = (await events.upcoming(s, now=now))[0]
        for who in (anna, bert):
            await signup.register(s, event_id=first.id, person_id=who.id, people=1, now=now)
        await feedback.rate(s, event_id=first.id, person_id=anna.id, stars=5, now=now)
        await feedback.rate(s, event_id=first.id, person_id=bert.id, stars=4, now=now)
    page = await (await browser_session.get(f"{desk.base}/zahlen")).text()
    assert "Beteiligung an Umfragen" in page and "Feedback je Termin" in page
    assert ">1 / 2</text>" in page and ">4,5 / 5</text>" in page
    assert "<td>Sommerfest im Juli?</td>" in page and "<td>50 %</td>" in page
    polls_csv = await browser_session.get(f"{desk.base}/zahlen/umfragen.csv")
    assert polls_csv.status == 200
    assert "Sommerfest im Juli?" in (await polls_csv.read()).decode("utf-8-sig")
    fb_csv = (await (await browser_session.get(f"{desk.base}/zahlen/feedback.csv")).read())
    assert first.title in fb_csv.decode("utf-8-sig") and "4,5" in fb_csv.decode("utf-8-sig")


async def three_members(desk: Desk) -> tuple[int, tuple[Person, Person, Person]]:
    """Link anna and cora to Pragma and bert to EMIS; return Pragma's id and the three."""
    pragma = await join(desk, "anna", "Pragma")
    await join(desk, "bert", "EMIS")
    await join(desk, "cora", "Pragma")
    return pragma, (await person(desk, "anna"), await person(desk, "bert"),
                    await person(desk, "cora"))


async def test_firmen_shows_poll_participation_per_company(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    pragma, (anna, bert, cora) = await three_members(desk)
    await log_in(desk, browser_session)
    await make_poll(desk, "Sommerfest?", 3, [anna, bert, cora], [anna, cora])
    await make_poll(desk, "Messebus?", 5, [anna, bert, cora], [])
    page = await (await browser_session.get(f"{desk.base}/firmen")).text()
    rows = {m.group(1): m.group(0) for m in re.finditer(r"<tr><td><a href=\"/firmen/\d+\">"
                                                        r"([^<]+)</a>.*?</tr>", page, re.S)}
    assert "<td>1 von 2</td>" in rows["Pragma"] and "<td>0 von 2</td>" in rows["EMIS"]
    assert rows["Pragma"].count("<td>1 von 2</td>") == 1
    assert all(row.endswith("<td>–</td></tr>") for name, row in rows.items()
               if name not in ("Pragma", "EMIS"))  # companies never asked
    firma = await (await browser_session.get(f"{desk.base}/firmen/{pragma}")).text()
    assert "1 von 2 Umfragen mit Namen beantwortet" in firma


async def test_desk_counts_as_the_chat_does_and_keeps_anonymous_polls_out_of_firmen(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    pragma, (anna, bert, cora) = await three_members(desk)
    await log_in(desk, browser_session)
    # One vote per company: two companies were asked, one answered (as /umfragen says).
    await make_poll(desk, "Stand teilen?", 3, [anna, bert, cora], [anna], per_company=True)
    page = await (await browser_session.get(f"{desk.base}/zahlen")).text()
    assert ">1 / 2</text>" in page and "<td>50 %</td>" in page
    # Whether a company answered an anonymous poll is shown nowhere, not even as a count.
    await make_poll(desk, "Wie zufrieden?", 3, [anna, bert, cora], [cora], anonymous=True)
    firma = await (await browser_session.get(f"{desk.base}/firmen/{pragma}")).text()
    assert "1 von 1 Umfragen mit Namen beantwortet" in firma
    page = await (await browser_session.get(f"{desk.base}/firmen")).text()
    assert "<td>1 von 1</td>" in page and "<td>0 von 1</td>" in page


async def test_a_poll_is_exported_on_the_desk_after_picking_it(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    await join(desk, "anna", "Pragma")
    anna = await person(desk, "anna")
    poll_id = await make_poll(desk, "Grillfest <im> Juni? 🎉", 5, [anna], [anna])
    exporte = await log_in(desk, browser_session)
    page = await (await browser_session.get(f"{desk.base}/exporte")).text()
    assert f'<option value="{poll_id}">{poll_id}: Grillfest &lt;im&gt; Juni? 🎉</option>' in page
    csrf = re.search(r'name="csrf" value="([^"]+)"', exporte)
    assert csrf
    for fmt in ("csv", "xlsx"):
        r = await browser_session.post(f"{desk.base}/exporte/umfrage", data={
            "csrf": csrf.group(1), "nummer": str(poll_id), "format": fmt}, allow_redirects=False)
        assert r.status == 200, await r.text()
        assert r.headers["Content-Disposition"].endswith(f'.{fmt}"')
        if fmt == "csv":
            assert "anna" in (await r.read()).decode("utf-8-sig")
    log = await (await browser_session.get(f"{desk.base}/protokoll?aktion=export")).text()
    assert "Export umfrage (1 Zeile)" in log


async def test_zahlen_dates_and_months_are_the_clusters_not_utc(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    cid = await join(desk, "anna", "Pragma")
    anna = await person(desk, "anna")
    tz = desk.app.services.tz
    now = desk.clock.now()
    async with desk.app.db.unit() as s:  # wished for Monday 16 March
        md = await service.request(
            s, company_id=cid, person_id=None, formats=["fotos"], wishes=[date(2026, 3, 16)],
            contact_name="Anna", contact_reach="0171 1", note="", now=now, today=now.date(),
            cfg=config(desk.app.catalogue))
    # Half past midnight in Berlin is still the day (and month) before in UTC.
    late = datetime(2026, 3, 1, 0, 30, tzinfo=tz)
    await desk.app.advance(late)
    async with desk.app.db.unit() as s:
        await service.confirm(s, md_id=md.id, day=date(2026, 3, 16), now=late,
                              today=late.date(), cfg=config(desk.app.catalogue))
    await make_poll(desk, "Frühstück?", 2, [anna], [anna])  # closes Tue 3 March, 00:30
    await log_in(desk, browser_session)
    page = await (await browser_session.get(f"{desk.base}/zahlen")).text()
    assert "<td>Frühstück?</td><td>03.03.2026</td>" in page  # German, as the exports
    assert "<td>März 2026</td><td>1</td>" in page and "Februar 2026" not in page
    csv = (await (await browser_session.get(f"{desk.base}/zahlen/umfragen.csv")).read())
    assert "Frühstück?;03.03.2026;" in csv.decode("utf-8-sig")
