"""The desk's actions (POST, CSRF-checked): each runs the chat's own handler via the router.

So the role is checked again, the change, its audit row and the member's notice commit in one
unit of work, and the member is told exactly as if the team had pressed the chat button.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from aiohttp import web

from handlers.core import Ctx
from handlers.fairs import team as fair_team
from handlers.fairs import texts as fair_t
from handlers.fairs.actions import Decide
from handlers.media_days import team as md_team
from handlers.media_days.actions import Confirm, Decline
from handlers.media_days.view import today as md_today
from storage import audit
from storage import web as web_store
from storage.fairs import queries as fair_queries
from storage.media_days import queries as md_queries
from web import calendar
from web import texts as t
from web.auth import Viewer
from web.desk import row_id

if TYPE_CHECKING:
    from web.desk import Desk, Page


def _back(to: str) -> web.Response:
    return web.Response(status=303, headers={"Location": to})


async def confirm_media_day(desk: Desk, request: web.Request, viewer: Viewer
                            ) -> web.StreamResponse:
    """Confirm a wished media day (the chat's ✓ button), with an optional note."""
    form = await request.post()
    try:
        md_id, day = row_id(request.match_info["id"]), date.fromisoformat(str(form.get("day")))
    except ValueError:
        return desk.message(t.BAD_DAY, status=400)
    action, note = Confirm(md_id, day), str(form.get("note", ""))

    async def run(ctx: Ctx) -> None:
        # The chat's button carries a wished day; a form can be sent with any day.
        md = await md_queries.get(ctx.s, md_id=md_id)
        if md is not None and (day not in md.wished_days or day < md_today(ctx.now, ctx.tz)):
            ctx.say(t.BAD_DAY)
            return
        await md_team.confirm(ctx, action, note)

    await desk.act(viewer, run, name=Confirm.name)
    return _back("/anfragen")


async def decline_media_day(desk: Desk, request: web.Request, viewer: Viewer
                            ) -> web.StreamResponse:
    """Decline a media-day request with a reason the company reads (the chat's dialog)."""
    form = await request.post()
    reason = str(form.get("reason", "")).strip()
    try:
        md_id = row_id(request.match_info["id"])
    except ValueError:
        return desk.message(t.NOT_FOUND, status=404)
    if not reason:
        desk.flash(viewer, t.NO_REASON)
        return _back("/anfragen")

    async def run(ctx: Ctx) -> None:
        await md_team.decline(ctx, md_id=md_id, reason=reason)

    await desk.act(viewer, run, name=Decline.name)
    return _back("/anfragen")


async def decide_booth(desk: Desk, request: web.Request, viewer: Viewer
                       ) -> web.StreamResponse:
    """Confirm or decline a booth request with an optional note (the chat's /messestand)."""
    form = await request.post()
    try:
        request_id = row_id(request.match_info["id"])
    except ValueError:
        return desk.message(t.NOT_FOUND, status=404)
    op = request.match_info["op"]
    if op not in ("bestaetigen", "ablehnen"):
        return desk.message(t.NOT_FOUND, status=404)
    # The chat's note step: "-" is its "ohne Hinweis" button.
    note = " ".join(str(form.get("note", "")).split()) or "-"

    async def run(ctx: Ctx) -> None:
        found = await fair_queries.request_with_fair(ctx.s, request_id=request_id)
        if found is None:
            ctx.say(fair_t.GONE)
            return
        req, fair, company = found
        data = {"op": fair_team.OPS[op == "bestaetigen"], "id": req.id,
                "company": company.name, "title": fair.title}
        await fair_team.on_note(ctx, data, note)

    await desk.act(viewer, run, name=Decide.name)
    return _back("/anfragen")


async def export(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """Download one of the chat's exports (CSV or XLSX), audited like /export."""
    kind = request.match_info["kind"]
    form = await request.post()
    xlsx = form.get("format") == "xlsx"
    # The poll export needs its poll's number, as in chat: /export umfrage NUMMER.
    number = str(form.get("nummer", "")).strip()
    if kind not in dict(desk.router.exports.kinds()):
        return desk.message(t.NOT_FOUND, status=404)

    async def run(ctx: Ctx) -> None:
        ctx.args = f"{kind} {number}" if number.isdigit() else kind
        await desk.router.exports.run(ctx)

    done = await desk.act(viewer, run, name="export")
    files = [f for f in done.files if f.name.endswith(".xlsx" if xlsx else ".csv")]
    if not files:
        return _back("/exporte")
    desk.flash_clear(viewer)  # the download is the answer
    f = files[0]
    return web.Response(body=f.data, content_type=f.mime.split(";")[0],
                        headers={"Content-Disposition": f'attachment; filename="{f.name}"'})


async def new_feed(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """Create the secret calendar feed address (an older one stops working)."""
    svc = desk.services
    async with svc.db.unit() as s:
        token = await web_store.new_feed(s, person_id=viewer.person.id, now=svc.clock.now())
        audit.record(s, actor=viewer.person.key, action="web_feed_new", now=svc.clock.now())
    desk.flash(viewer, t.FEED_NEW.format(url=f"{desk.base}/kalender/{token}.ics"))
    return _back("/kalender")


async def revoke_feed(desk: Desk, request: web.Request, viewer: Viewer) -> web.StreamResponse:
    """Stop the calendar feed address."""
    svc = desk.services
    async with svc.db.unit() as s:
        await web_store.revoke_feed(s, now=svc.clock.now())
        audit.record(s, actor=viewer.person.key, action="web_feed_revoke", now=svc.clock.now())
    desk.flash(viewer, t.FEED_REVOKED)
    return _back("/kalender")


async def feed(desk: Desk, request: web.Request) -> web.StreamResponse:
    """Serve the .ics feed to whoever has its secret address (no cookie: calendar apps)."""
    token = request.match_info["token"]
    async with desk.services.db.read() as s:
        ok = await web_store.feed_valid(s, token=token)
    if not ok:
        return web.Response(status=404, text=t.NOT_FOUND)
    year = desk.services.clock.now().astimezone(desk.services.tz).year
    return web.Response(body=await calendar.feed(desk.services, year=year),
                        content_type="text/calendar", charset="utf-8")


ROUTES: list[tuple[str, Page]] = [
    ("/anfragen/medientag/{id}/bestaetigen", confirm_media_day),
    ("/anfragen/medientag/{id}/absagen", decline_media_day),
    ("/anfragen/messestand/{id}/{op}", decide_booth),
    ("/exporte/{kind}", export),
    ("/kalender/feed", new_feed),
    ("/kalender/feed/aus", revoke_feed),
]
