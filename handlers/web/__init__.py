"""`/web` sends an admin a one-time link to the team's web desk; `/web_abmelden` ends sessions.

The desk itself lives in the top-level `web` package; it runs its actions through the router
(`Router.run_as`), so they are the chat's actions: same rules, audit and notices.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from handlers.core import Ctx, Router
from handlers.core.format import esc, fmt_dt, plural
from handlers.web import texts as t
from storage import web as web_store
from storage.db import Session
from storage.errors import DomainError

LINK_PLATFORM = "web"  # Services.links key of the desk's public address (WEB_BASE_URL)


def register(router: Router) -> None:
    """Register /web and /web_abmelden."""
    router.command("web", send_link, help=t.HELP_WEB, admin=True, personal=True)
    router.command("web_abmelden", log_out, help=t.HELP_WEB_ABMELDEN, admin=True)
    router.domain_errors({code: _fixed(msg) for code, msg in t.RULES.items()})


def _fixed(text: str) -> Callable[[DomainError], str]:
    """Return an error renderer that always says `text`."""
    return lambda _err: text


async def login_link(s: Session, *, base: str, person_id: int, now: datetime
                     ) -> tuple[str, datetime]:
    """Issue a one-time login link for an admin; return the address and its expiry."""
    token, until = await web_store.issue_link(s, person_id=person_id, now=now)
    return f"{base.rstrip('/')}/login/{token}", until


async def send_link(ctx: Ctx) -> None:
    """Send the one-time login link (only in a private chat, only to admins)."""
    base = ctx.services.links.get(LINK_PLATFORM)
    if not base:
        ctx.say(t.OFF)
        return
    link, until = await login_link(ctx.s, base=base, person_id=ctx.person_id, now=ctx.now)
    ctx.audit("web_link")  # never the token itself: the log is readable on the desk
    ctx.say(t.LINK.format(link=esc(link), until=fmt_dt(until, ctx.tz)), personal=True)


async def log_out(ctx: Ctx) -> None:
    """End every web session and unused link of the admin."""
    n = await web_store.revoke(ctx.s, person_id=ctx.person_id, now=ctx.now)
    ctx.audit("web_logout", sessions=n)
    ctx.say(t.LOGGED_OUT.format(n=plural(n, "Anmeldung", "Anmeldungen")) if n
            else t.NOTHING_TO_LOG_OUT)
