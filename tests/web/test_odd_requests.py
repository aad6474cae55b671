"""Odd addresses and numbers typed into the address bar: German answers, never a 500."""

from __future__ import annotations

import aiohttp

from tests.web.conftest import Desk
from tests.web.test_login import CSRF, log_in

HUGE = "9" * 25  # more than a database id can hold


async def test_ids_too_large_for_the_database_are_not_found(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    csrf = CSRF.search(await log_in(desk, browser_session))
    assert csrf
    for path in (f"/firmen/{HUGE}", "/firmen/abc"):
        page = await browser_session.get(f"{desk.base}{path}")
        assert page.status == 404 and "Diese Seite gibt es nicht." in await page.text(), path
    for path, data in ((f"/anfragen/medientag/{HUGE}/bestaetigen", {"day": "2026-02-16"}),
                       (f"/anfragen/medientag/{HUGE}/absagen", {"reason": "Urlaub"}),
                       (f"/anfragen/messestand/{HUGE}/ablehnen", {"note": ""})):
        r = await browser_session.post(f"{desk.base}{path}", data={"csrf": csrf.group(1), **data})
        text = await r.text()
        assert r.status in (400, 404), path
        assert "schiefgegangen" not in text and "Schreibtisch" in text, path


async def test_calendar_months_at_the_ends_of_time_show_this_month(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    await log_in(desk, browser_session)
    for month in ("9999-12", "0001-01", "12345-01", "2026-13", "abc"):
        page = await browser_session.get(f"{desk.base}/kalender?monat={month}")
        assert page.status == 200, month
        assert "<h1>Kalender: Februar 2026</h1>" in await page.text(), month
    late = await browser_session.get(f"{desk.base}/kalender?monat=2999-12")
    assert late.status == 200 and "Dezember 2999" in await late.text()


async def test_protocol_pages_beyond_the_last_show_the_last(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    await log_in(desk, browser_session)  # the login is the one entry
    for number in ("999", HUGE):
        page = await browser_session.get(f"{desk.base}/protokoll?seite={number}")
        text = await page.text()
        assert page.status == 200, number
        assert "Seite 1 von 1" in text and "web_login" in text and "neuere" not in text, number


async def test_unknown_addresses_and_wrong_methods_get_german_pages(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    await log_in(desk, browser_session)
    for path in ("/gibtsnicht", "/firmen/1/extra"):
        page = await browser_session.get(f"{desk.base}{path}")
        text = await page.text()
        assert page.status == 404 and page.content_type == "text/html", path
        assert "Diese Seite gibt es nicht." in text and "Not Found" not in text, path
    for method, path in (("get", "/abmelden"), ("post", "/heute"), ("get", "/login")):
        r = await getattr(browser_session, method)(f"{desk.base}{path}", allow_redirects=False)
        text = await r.text()
        assert r.status == 405 and "Method Not Allowed" not in text, (method, path)
        assert "Links und Knöpfe" in text and r.headers["Allow"], (method, path)


async def test_a_form_too_large_gets_a_german_page(
        desk: Desk, browser_session: aiohttp.ClientSession) -> None:
    csrf = CSRF.search(await log_in(desk, browser_session))
    assert csrf
    r = await browser_session.post(f"{desk.base}/anfragen/medientag/1/absagen",
                                   data={"csrf": csrf.group(1), "reason": "x" * 70_000})
    text = await r.text()
    assert r.status == 413 and "zu viel Text" in text and "Maximum" not in text
