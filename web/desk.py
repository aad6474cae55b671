"""The team's web desk: login by one-time link, session cookie, pages and actions.

`Desk(router).mount(server)` adds its routes to a `bot.web_server.WebServer`. Pages read with
the features' storage queries; actions run through `Router.run_as`, so they are the chat's
actions (role check, audit, notices to members) in one unit of work each.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import jinja2
from aiohttp import web

from bot.chat import Address, FileOut, Incoming, plain_text
from bot.chat import Person as ChatPerson
from bot.web_server import WebServer
from handlers.core import Ctx, Router, provisional
from handlers.core.format import fmt_date, fmt_dt, fmt_short_date, plural
from handlers.web.texts import RULES
from storage import audit
from storage import web as web_store
from storage.errors import DomainError
from storage.members import people
from web import texts as t
from web.auth import COOKIE, RateLimit, Viewer, is_admin

log = logging.getLogger(__name__)
Page = Callable[["Desk", web.Request, Viewer], Awaitable[web.StreamResponse]]
HandlerFn = Callable[[Ctx], Awaitable[None]]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Done:
    """What an action run through the router left: its German answers and files."""

    lines: list[str] = field(default_factory=list)
    files: list[FileOut] = field(default_factory=list)


MAX_ID = 2**63 - 1  # the largest id a database row can have (SQLite and PostgreSQL BIGINT)


def row_id(text: str) -> int:
    """Read a row id from an address; ValueError unless a number a database can hold.

    A longer number would not fit the query parameter (OverflowError, a 500 instead of
    "Diese Seite gibt es nicht").
    """
    number = int(text)
    if not 0 < number <= MAX_ID:
        raise ValueError(text)
    return number


def client_address(peer: str | None, forwarded: str | None, trusted: frozenset[str]) -> str:
    """Return whose login tries a request counts as: the peer, or behind a trusted proxy the
    nearest address in X-Forwarded-For that is not one of the proxies.

    Behind a reverse proxy every request comes from the proxy, so without this one guesser
    would lock every admin out. Only proxies named in WEB_TRUSTED_PROXIES are believed:
    anybody else can write the header.
    """
    address = peer or "?"
    if address not in trusted or not forwarded:
        return address
    for hop in reversed([h.strip() for h in forwarded.split(",")]):
        if hop and hop not in trusted:
            return hop
    return address


class Desk:
    """Routes, templates and the login rules of the web desk."""

    def __init__(self, router: Router, *, base: str, secure_cookies: bool = False,
                 login_limit: RateLimit | None = None,
                 trusted_proxies: frozenset[str] = frozenset()) -> None:
        self.router = router
        self.base = base.rstrip("/")
        self.services = router.services
        self.secure_cookies = secure_cookies
        self.login_limit = login_limit or RateLimit()
        self.trusted_proxies = trusted_proxies
        self._flash: dict[int, list[str]] = {}  # session id -> answers shown on the next page
        self.templates = jinja2.Environment(
            loader=jinja2.PackageLoader("web", "templates"), autoescape=True,
            undefined=jinja2.StrictUndefined,
        )
        self.templates.filters["date"] = fmt_date
        self.templates.filters["isodate"] = _iso_date  # days stored as ISO text (Schau rein)
        self.templates.filters["shortdate"] = (
            lambda v: fmt_short_date(v.astimezone(self.services.tz).date()))
        self.templates.filters["dt"] = lambda v: fmt_dt(v, self.services.tz) if v else "–"
        self.templates.globals["nav"] = t.NAV
        self.templates.globals["t"] = t
        self.templates.globals["plural"] = plural  # "1 Eintrag", "3 Einträge"
        # The "vorläufig" marks of the chat, for the catalogue's assumed values.
        self.templates.globals["mark"] = provisional.mark
        self.templates.globals["date_mark"] = provisional.date_mark
        self.templates.globals["time_mark"] = provisional.time_mark
        self.templates.globals["provisional_mark"] = provisional.PROVISIONAL
        self._css = jinja2.PackageLoader("web", "templates").get_source(
            self.templates, "desk.css")[0]

    def mount(self, server: WebServer) -> None:
        """Add the desk's routes to the server."""
        from web import actions, pages  # the route tables live with their handlers

        server.app.middlewares.append(self._german_errors)
        r = server.app.router
        r.add_get("/", self.home)
        r.add_get("/login/{token}", self.login_form)
        r.add_post("/login", self.login)
        r.add_post("/abmelden", self.logout)
        r.add_get("/desk.css", self.stylesheet)
        r.add_get("/kalender/{token}.ics", functools.partial(actions.feed, self))
        for path, page in pages.ROUTES:
            r.add_get(path, self._guarded(page))
        for path, page in actions.ROUTES:
            r.add_post(path, self._guarded(page, form=True))

    @web.middleware
    async def _german_errors(self, request: web.Request, handler: Handler
                             ) -> web.StreamResponse:
        """Answer an unknown address, a wrong method or a form too large with a German page,
        not aiohttp's English text."""
        try:
            return await handler(request)
        except web.HTTPNotFound:
            return self.message(t.NOT_FOUND, status=404)
        except web.HTTPMethodNotAllowed as err:
            response = self.message(t.WRONG_METHOD, status=405)
            response.headers["Allow"] = err.headers.get("Allow", "")
            return response
        except web.HTTPRequestEntityTooLarge:  # a form above client_max_size (forms only)
            return self.message(t.TOO_LARGE, status=413)

    # -- rendering --------------------------------------------------------------------------
    def render(self, name: str, *, status: int = 200, viewer: Viewer | None = None,
               **data: Any) -> web.Response:
        """Render a template as an HTML page that is never cached."""
        flash = self._flash.pop(viewer.session.id, []) if viewer else []
        html = self.templates.get_template(name).render(
            viewer=viewer, csrf=viewer.session.csrf if viewer else "", flash=flash, **data)
        return web.Response(text=html, status=status, content_type="text/html",
                            headers={"Cache-Control": "no-store"})

    def flash(self, viewer: Viewer, text: str) -> None:
        """Keep an answer for the viewer's next page."""
        self._flash.setdefault(viewer.session.id, []).append(text)

    def flash_clear(self, viewer: Viewer) -> None:
        """Forget the answers kept for the viewer (a download was the answer)."""
        self._flash.pop(viewer.session.id, None)

    def message(self, text: str, *, status: int) -> web.Response:
        """Render a page that only says something (refusals, logged out)."""
        return self.render("message.html", status=status, text=text)

    async def home(self, _request: web.Request) -> web.Response:
        """Send the browser to the Heute page."""
        return _redirect("/heute")

    async def stylesheet(self, _request: web.Request) -> web.Response:
        """Serve the one stylesheet (no inline styles: the CSP forbids them)."""
        css = self._css
        return web.Response(text=css, content_type="text/css",
                            headers={"Cache-Control": "max-age=3600"})

    # -- login ------------------------------------------------------------------------------
    async def _limited(self, request: web.Request) -> bool:
        """Count this try of the client (in the database: every process sees it)."""
        limit = self.login_limit
        async with self.services.db.unit() as s:
            client = client_address(request.remote, request.headers.get("X-Forwarded-For"),
                                    self.trusted_proxies)
            tries = await web_store.count_try(s, client=client,
                                              now=self.services.clock.now(), window=limit.window)
        return tries > limit.limit

    async def login_form(self, request: web.Request) -> web.Response:
        """Show the login button for a link (a GET never uses it: link previews fetch it)."""
        if await self._limited(request):
            return self.message(t.TOO_MANY, status=429)
        token = request.match_info["token"]
        try:
            async with self.services.db.read() as s:
                row = await web_store.check_link(s, token=token, now=self.services.clock.now())
                person = await people.get(s, person_id=row.person_id)
        except DomainError as err:
            return self.message(self._rule(err), status=403)
        name = person.display_name or person.key if person else "?"
        return self.render("login.html", token=token, intro=t.LOGIN_INTRO.format(name=name))

    async def login(self, request: web.Request) -> web.StreamResponse:
        """Use the link once, check the admin role, set the session cookie."""
        if await self._limited(request):
            return self.message(t.TOO_MANY, status=429)
        token = str((await request.post()).get("token", ""))
        now = self.services.clock.now()
        try:
            async with self.services.db.unit() as s:
                row, signed = await web_store.redeem(s, token=token, now=now)
                person = await people.get(s, person_id=row.person_id)
                if person is None or not is_admin(person, self.services.admin_keys):
                    await web_store.end_session(s, token=signed.token, now=now)
                    audit.record(s, actor=person.key if person else "?", action="denied",
                                 command="web.login", now=now)
                    return self.message(t.NOT_ADMIN, status=403)
                audit.record(s, actor=person.key, action="web_login", now=now)
        except DomainError as err:
            return self.message(self._rule(err), status=403)
        response = _redirect("/heute")
        ttl = int(web_store.SESSION_TTL.total_seconds())
        response.set_cookie(COOKIE, signed.token, max_age=ttl, httponly=True,
                            samesite="Strict", secure=self._secure(request), path="/")
        return response

    def _secure(self, request: web.Request) -> bool:
        return self.secure_cookies or request.secure

    async def logout(self, request: web.Request) -> web.StreamResponse:
        """End this browser's session (the chat's /web_abmelden ends all of them)."""
        viewer = await self.viewer(request)
        form = await request.post()
        if viewer is not None and viewer.csrf_ok(form.get("csrf")):
            now = self.services.clock.now()
            async with self.services.db.unit() as s:
                await web_store.end_session(s, token=request.cookies[COOKIE], now=now)
                # Audited like /web_abmelden in chat (and like the login).
                audit.record(s, actor=viewer.person.key, action="web_logout", now=now,
                             sessions=1)
        response = self.message(t.LOGGED_OUT, status=200)
        response.del_cookie(COOKIE, path="/")
        return response

    def _rule(self, err: DomainError) -> str:
        return RULES.get(err.code, t.NEED_LOGIN)

    # -- every page and action --------------------------------------------------------------
    async def viewer(self, request: web.Request) -> Viewer | None:
        """Return the admin behind the session cookie, checking the role again, else None."""
        token = request.cookies.get(COOKIE)
        if not token:
            return None
        async with self.services.db.read() as s:
            found = await web_store.session_person(s, token=token, now=self.services.clock.now())
        if found is None or not is_admin(found[1], self.services.admin_keys):
            return None
        return Viewer(person=found[1], session=found[0])

    def _guarded(self, page: Page, *, form: bool = False
                 ) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def run(request: web.Request) -> web.StreamResponse:
            viewer = await self.viewer(request)
            if viewer is None:
                return self.message(t.NEED_LOGIN, status=401)
            if form and not viewer.csrf_ok((await request.post()).get("csrf")):
                return self.message(t.CSRF_FAILED, status=403)
            return await page(self, request, viewer)

        return run

    async def act(self, viewer: Viewer, func: HandlerFn, *, name: str) -> Done:
        """Run a chat action as the viewer (one unit of work); keep its answers for the page."""
        p = viewer.person
        incoming = Incoming(person=ChatPerson(p.platform, p.external_id, p.display_name),
                            chat=Address(p.platform, p.chat_id or p.external_id),
                            numbered=False, meta={"via": "web"})
        replies = await self.router.run_as(incoming, func, name=name)
        done = Done([plain_text(r.text) for r in replies if r.text],
                    [r.file for r in replies if r.file is not None])
        for line in done.lines:
            self.flash(viewer, line)
        return done


def _iso_date(text: str) -> str:
    """Write a day stored as ISO text the German way ("Mo, 9. März 2026")."""
    try:
        return fmt_date(date.fromisoformat(text))
    except ValueError:
        return text


def _redirect(to: str) -> web.Response:
    """See other: after a form, the browser loads the page with GET."""
    return web.Response(status=303, headers={"Location": to})
