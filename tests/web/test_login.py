"""Login by one-time link, the session cookie, refusals, CSRF, headers, the login rate limit."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import aiohttp

from bot.app import App, build_app
from bot.clock import ManualClock
from bot.settings import Settings
from bot.transports.console import incoming
from tests.support.databases import sqlite_copy
from tests.web.conftest import LINK, START, Desk, start_desk
from web.desk import client_address

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


async def log_in(desk: Desk, http: aiohttp.ClientSession, who: str = "chef") -> str:
    """Open a /web link and press Anmelden; return the Heute page."""
    link = await desk.link(who)
    form = await http.get(link)
    assert form.status == 200 and "Anmelden" in await form.text()
    token = link.rsplit("/", 1)[1]
    page = await http.post(f"{desk.base}/login", data={"token": token})
    assert page.status == 200, await page.text()
    return await page.text()


async def test_link_logs_in_once_and_sets_a_strict_cookie(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    link = await desk.link()
    token = link.rsplit("/", 1)[1]
    assert link.startswith(desk.base)
    async with browser_session.post(f"{desk.base}/login", data={"token": token},
                                    allow_redirects=False) as r:
        assert r.status == 303 and r.headers["Location"] == "/heute"
        cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Max-Age=28800" in cookie
    assert "Secure" not in cookie  # plain http on 127.0.0.1; https base URLs get Secure
    heute = await browser_session.get(f"{desk.base}/heute")
    assert heute.status == 200 and "<h1>Heute</h1>" in await heute.text()
    async with aiohttp.ClientSession() as other:  # the same link in another browser: used
        again = await other.post(f"{desk.base}/login", data={"token": token})
        assert again.status == 403 and "schon benutzt" in await again.text()


async def test_refused_without_session_with_expired_or_unknown_link(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    page = await browser_session.get(f"{desk.base}/heute")
    assert page.status == 401 and "/web" in await page.text()
    link = await desk.link()
    await desk.app.advance(desk.clock.now() + timedelta(minutes=10, seconds=1))
    expired = await browser_session.get(link)
    assert expired.status == 403 and "abgelaufen" in await expired.text()
    unknown = await browser_session.get(f"{desk.base}/login/nichtda")
    assert unknown.status == 403 and "kenne ich nicht" in await unknown.text()


async def test_members_get_no_link_and_a_demoted_admin_is_refused(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    refused = await desk.say("anna", "/web")
    assert "nur Admins" in refused[0].text and "/login/" not in refused[0].text
    await desk.say("chef", "/start")
    await desk.say("bert", "/start")
    await desk.say("chef", "/admin console:bert")
    await log_in(desk, browser_session, "bert")
    assert (await browser_session.get(f"{desk.base}/firmen")).status == 200
    # the role is checked on every request: take it away and the session no longer works
    from storage.members import people

    async with desk.app.db.unit() as s:
        bert = await people.by_key(s, "console:bert")
        assert bert is not None
        await people.set_role(s, person_id=bert.id, role="member")
    assert (await browser_session.get(f"{desk.base}/firmen")).status == 401


async def test_web_abmelden_ends_every_session_and_open_link(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    await log_in(desk, browser_session)
    spare = await desk.link()
    out = await desk.say("chef", "/web_abmelden")
    assert "Erledigt: 1 Anmeldung am Web-Schreibtisch beendet" in out[0].text
    assert (await browser_session.get(f"{desk.base}/heute")).status == 401
    assert (await browser_session.get(spare)).status == 403
    log = await desk.say("chef", "/protokoll")
    assert "vom Web-Schreibtisch ab" in log[0].text  # web_logout, in German
    assert "Anmeldelink für den Web-Schreibtisch geholt" in log[0].text  # web_link


async def test_forms_need_the_csrf_token_and_logout_works(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    page = await log_in(desk, browser_session)
    csrf = CSRF.search(page)
    assert csrf
    forged = await browser_session.post(f"{desk.base}/kalender/feed", data={"csrf": "x"})
    assert forged.status == 403 and "abgelaufen" in await forged.text()
    missing = await browser_session.post(f"{desk.base}/kalender/feed")
    assert missing.status == 403
    out = await browser_session.post(f"{desk.base}/abmelden", data={"csrf": csrf.group(1)})
    assert "abgemeldet" in await out.text()
    assert (await browser_session.get(f"{desk.base}/heute")).status == 401


async def test_security_headers_on_pages_and_refusals(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    for path in ("/heute", "/login/x", "/desk.css"):
        r = await browser_session.get(f"{desk.base}{path}")
        csp = r.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "script-src" not in csp
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert r.headers["X-Frame-Options"] == "DENY"
        assert r.headers["Referrer-Policy"] == "no-referrer"


async def test_login_route_is_rate_limited(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    codes = [(await browser_session.get(f"{desk.base}/login/falsch{n}")).status
             for n in range(11)]
    assert codes[:10] == [403] * 10 and codes[10] == 429
    link = await desk.link()  # even a good link waits until the minute is over
    assert (await browser_session.get(link)).status == 429
    await desk.app.advance(desk.clock.now() + timedelta(minutes=1, seconds=1))
    assert (await browser_session.get(link)).status == 200


async def test_behind_a_trusted_proxy_each_browser_has_its_own_login_limit(
        tmp_path: Path, sqlite_template: Path, browser_session: aiohttp.ClientSession) -> None:
    desk = await start_desk(tmp_path, sqlite_template, web_trusted_proxies="127.0.0.1")
    try:
        guesser = {"X-Forwarded-For": "203.0.113.7"}
        codes = [(await browser_session.get(f"{desk.base}/login/falsch{k}",
                                            headers=guesser)).status for k in range(11)]
        assert codes[:10] == [403] * 10 and codes[10] == 429  # the guesser waits
        link = await desk.link()
        ok = await browser_session.get(link, headers={"X-Forwarded-For": "198.51.100.2"})
        assert ok.status == 200  # the admin behind the same proxy does not
    finally:
        await desk.app.stop()


def test_only_a_trusted_proxy_names_the_client() -> None:
    proxy = frozenset({"127.0.0.1", "10.0.0.2"})
    assert client_address("127.0.0.1", "203.0.113.7", proxy) == "203.0.113.7"
    # The nearest address that is not a proxy (what the client wrote in front is ignored).
    assert client_address("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.2", proxy) == "203.0.113.7"
    assert client_address("198.51.100.9", "203.0.113.7", proxy) == "198.51.100.9"  # no proxy
    assert client_address("127.0.0.1", None, proxy) == "127.0.0.1"
    assert client_address("127.0.0.1", "10.0.0.2", proxy) == "127.0.0.1"
    assert client_address(None, None, frozenset()) == "?"


async def test_https_base_url_makes_the_cookie_secure(tmp_path: Path, sqlite_template: Path
                                                      ) -> None:
    settings = Settings(_env_file=None, database_url=sqlite_copy(sqlite_template, tmp_path),
                        admins="console:chef", web_port=0, web_base_url="https://desk.example.org/")
    app = await build_app(settings, clock=ManualClock(START))
    try:
        server = await app.start_web()
        assert server is not None
        replies = await app.handle(incoming("chef", text="/web"))
        link = LINK.search(replies[0].text)
        assert link and link.group(0).startswith("https://desk.example.org/login/")
        async with aiohttp.ClientSession() as http:
            r = await http.post(f"http://127.0.0.1:{server.port}/login", allow_redirects=False,
                                data={"token": link.group(0).rsplit("/", 1)[1]})
            assert r.status == 303 and "Secure" in r.headers["Set-Cookie"]
    finally:
        await app.stop()


def test_the_desk_is_off_unless_web_port_is_set() -> None:
    assert not Settings(_env_file=None, web_port="").web_enabled  # type: ignore[arg-type]
    on = Settings(_env_file=None, web_port=8080, web_listen="0.0.0.0")
    assert on.web_enabled and on.web_base() == "http://127.0.0.1:8080"
    assert Settings(_env_file=None, web_port=8080,
                    web_base_url="https://x.org/").web_base() == "https://x.org"


async def test_without_web_port_web_says_how_to_switch_it_on(console_app: App) -> None:
    replies = await console_app.handle(incoming("chef", text="/web"))
    assert "WEB_PORT" in replies[0].text and "/login/" not in replies[0].text


async def test_logout_on_the_page_is_audited_like_web_abmelden(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    csrf = CSRF.search(await log_in(desk, browser_session))
    assert csrf
    await browser_session.post(f"{desk.base}/abmelden", data={"csrf": csrf.group(1)})
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as other:
        await log_in(desk, other)
        log = await (await other.get(f"{desk.base}/protokoll?aktion=web_logout")).text()
    assert "1 Eintrag" in log and "vom Web-Schreibtisch abgemeldet (1 Sitzung)" in log
