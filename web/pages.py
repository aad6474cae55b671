"""The desk's pages (GET): each reads with the features' storage queries, renders German HTML."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from aiohttp import web

from bot.chat import plain_text
from handlers.ideas.member import themes
from handlers.media_days.view import config
from handlers.media_days.view import today as md_today
from handlers.team.audit_texts import describe
from storage import audit
from storage import web as web_store
from storage.db import Session
from storage.events import queries as events
from storage.fairs import queries as fairs
from storage.films.rules import FilmConfig
from storage.media_days import queries as media_days
from storage.schau_rein import queries as schau_rein
from storage.schau_rein.programme import programme
from storage.web import desk as desk_store
from web import calendar, charts
from web import texts as t
from web.auth import Viewer
from web.desk import row_id

if TYPE_CHECKING:
    from web.desk import Desk, Page


async def heute(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """Heute: new requests, deadlines in the next 14 days, waiting lists, undelivered messages."""
    svc = desk.services
    now = svc.clock.now()
    async with svc.db.read() as s:
        data = await desk_store.today(s, now=now)
        mds = await media_days.overview(s, today=md_today(now, svc.tz), cfg=config(svc.catalogue))
        # The Schau-rein week's deadline is the catalogue's, not a row: add it here.
        prog = programme(svc.catalogue)
        if prog is not None and now <= prog.deadline <= now + timedelta(days=14):
            assumed = "deadline" in await schau_rein.assumed(s, prog)
            data.deadlines.append(desk_store.Deadline(prog.deadline, prog.title, "schau", assumed))
            data.deadlines.sort(key=lambda d: d.at)
    named = desk.router.notices.switchable()
    kinds = {u.row.kind: t.notice_label(u.row.kind, named) for u in data.undelivered}
    return desk.render("heute.html", viewer=viewer, page="heute", d=data, requested=mds.requested,
                       themes=themes(svc.catalogue), kinds=kinds,
                       film_group=FilmConfig.from_catalogue(svc.catalogue).label)


async def firmen(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """Firmen: one row per company, filters BB/SN and "noch ohne Medientag"."""
    state = request.query.get("land", "")
    without = request.query.get("ohne_medientag") == "1"
    svc = desk.services
    day = md_today(svc.clock.now(), svc.tz)
    async with svc.db.read() as s:
        rows = await desk_store.companies(s)
    if state in ("BB", "SN"):
        rows = [r for r in rows if r.company.state == state]
    if without:
        rows = [r for r in rows if r.media_day is None or r.media_day.status not in
                ("confirmed", "requested")]
    status = {r.company.id: t.media_day_status(r.media_day, day) for r in rows}
    return desk.render("firmen.html", viewer=viewer, page="firmen", rows=rows, land=state,
                       without=without, md_status=status)


async def firma(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """A company's page: people, registrations, media days, booths, its audit history."""
    try:
        cid = row_id(request.match_info["id"])
    except ValueError:
        return desk.message(t.NOT_FOUND, status=404)
    svc = desk.services
    async with svc.db.read() as s:
        rows = await desk_store.companies(s, company_id=cid)
        if not rows:
            return desk.message(t.NOT_FOUND, status=404)
        regs = await events.entries(s, company_id=cid)
        booths = await fairs.company_requests(s, company_id=cid)
        history = await _described(desk, s, await desk_store.company_history(
            s, name=rows[0].company.name))
    return desk.render("firma.html", viewer=viewer, page="firmen", row=rows[0], regs=regs,
                       booths=booths, history=history)


async def anfragen(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """Anfragen: media-day requests to confirm or decline, booth requests."""
    svc = desk.services
    now = svc.clock.now()
    day = md_today(now, svc.tz)
    async with svc.db.read() as s:
        mds = await media_days.overview(s, today=day, cfg=config(svc.catalogue))
        data = await desk_store.today(s, now=now)
    cards = [(md, c, [d for d in md.wished_days if d >= day and d not in mds.full])
             for md, c in mds.requested]
    return desk.render("anfragen.html", viewer=viewer, page="anfragen", cards=cards,
                       confirmed=mds.confirmed, d=data)


async def termine(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """Termine: participant lists with waiting lists, the booth plan (m² used of total)."""
    svc = desk.services
    now = svc.clock.now()
    async with svc.db.read() as s:
        upcoming = await events.upcoming(s, now=now)
        lists = {e.id: await events.entries(s, event_id=e.id, active_only=True)
                 for e in upcoming}
        plan = []
        for fair in await fairs.list_fairs(s):
            reqs = await fairs.fair_requests(s, fair_id=fair.id)
            plan.append((fair, reqs, fairs.space(reqs)))
    return desk.render("termine.html", viewer=viewer, page="termine", events=upcoming,
                       lists=lists, plan=plan)


async def zahlen(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """Zahlen: charts as SVG, each with its data as a table and a CSV download."""
    figures = await charts.all_figures(desk.services)
    return desk.render("zahlen.html", viewer=viewer, page="zahlen", figures=figures)


async def zahlen_csv(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """The data of one chart as CSV (German Excel)."""
    name = request.match_info["name"]
    for fig in await charts.all_figures(desk.services):
        if fig.name == name:
            return web.Response(body=fig.csv(), content_type="text/csv", charset="utf-8",
                                headers={"Content-Disposition":
                                         f'attachment; filename="{fig.name}.csv"'})
    return desk.message(t.NOT_FOUND, status=404)


async def protokoll(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """Protokoll: the audit log with filters and paging."""
    action = request.query.get("aktion", "")
    actor = request.query.get("wer", "")
    try:
        page = max(1, int(request.query.get("seite", "1")))
    except ValueError:
        page = 1
    async with desk.services.db.read() as s:
        found, total, page = await desk_store.audit_page(s, page=page, action=action,
                                                         actor=actor)
        rows = await _described(desk, s, found)
        actions = await desk_store.audit_actions(s)
    pages = max(1, -(-total // desk_store.AUDIT_PAGE))
    return desk.render("protokoll.html", viewer=viewer, page="protokoll", rows=rows,
                       total=total, actions=actions, action=action, actor=actor,
                       current=page, pages=pages)


async def _described(desk: Desk, s: Session, entries: list[audit.AuditLog]
                     ) -> list[tuple[audit.AuditLog, str, str]]:
    """Return each audit entry with who (a name) and what it did in German, as /protokoll."""
    names = await audit.names(s, entries)
    tz = desk.services.tz
    return [(a, names.people.get(a.actor, a.actor),
             plain_text(describe(a.action, a.detail, names, tz))) for a in entries]


async def exporte(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """Exporte: every export of the chat as a download (a poll's export: pick the poll)."""
    async with desk.services.db.read() as s:
        polls = list(reversed(await desk_store.polls(s)))
    return desk.render("exporte.html", viewer=viewer, page="exporte",
                       kinds=desk.router.exports.kinds(), polls=polls)


async def kalender(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """Kalender: one month with events, fairs, media days and the holidays of BB and SN."""
    svc = desk.services
    first = _month(request.query.get("monat", ""), md_today(svc.clock.now(), svc.tz))
    month = await calendar.month(svc, first)
    async with svc.db.read() as s:
        feed = await web_store.feed_active(s)
    prev = (first - timedelta(days=1)).replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return desk.render("kalender.html", viewer=viewer, page="kalender", m=month,
                       prev=f"{prev:%Y-%m}", next=f"{nxt:%Y-%m}", feed=feed)


FIRST_YEAR, LAST_YEAR = 1900, 2999  # months the Kalender shows; others show this month


def _month(text: str, default: date) -> date:
    try:
        year, month = (int(p) for p in text.split("-", 1))
        if not FIRST_YEAR <= year <= LAST_YEAR:  # the pager's neighbours must be dates too
            raise ValueError(text)
        return date(year, month, 1)
    except ValueError:
        return default.replace(day=1)


ROUTES: list[tuple[str, Page]] = [
    ("/heute", heute), ("/firmen", firmen), ("/firmen/{id}", firma), ("/anfragen", anfragen),
    ("/termine", termine), ("/kalender", kalender), ("/zahlen", zahlen),
    ("/zahlen/{name}.csv", zahlen_csv), ("/protokoll", protokoll), ("/exporte", exporte),
]
