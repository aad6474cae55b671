"""The desk in a real browser (chromium + Playwright) against the real console process.

Walks the login by link, Heute, confirming a media-day request (the member gets the chat
message exactly once), a chart page, and the refusals; saves a screenshot of each page in
var/screenshots and checks accessibility with axe-core.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

from tests.media_days.helpers import book, join
from tests.support.console import ConsoleBot, texts
from tests.support.databases import missing
from tests.web.browser import SHOTS, chromium, free_port

LINK = re.compile(r"http://127\.0\.0\.1:\d+/login/[A-Za-z0-9_-]+")
# Rules axe reports that are about content, not about the desk: none today.
AXE_IGNORED: set[str] = set()


@pytest.fixture(scope="module")
def browser(sqlite_template: Path) -> Iterator[Browser]:
    """One headless chromium for all browser tests (fast: pages get fresh contexts).

    Module scope: Playwright's sync API keeps its event loop set while it runs, so it must be
    gone before other modules' asyncio tests; the template database is made before it starts.
    """
    path = chromium()
    if path is None:
        missing("chromium not installed and apt-get not possible here")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def desk_bot(tmp_path: Path, sqlite_template: Path) -> Iterator[tuple[ConsoleBot, str]]:
    """The console bot with the web desk on a free port; yields it and the desk's address."""
    shutil.copyfile(sqlite_template, tmp_path / "bot.db")
    port = free_port()
    bot = ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00", env={"WEB_PORT": str(port)})
    bot.say("chef", "/start")  # answered: the desk listens (it starts before the chat)
    yield bot, f"http://127.0.0.1:{port}"
    if bot.proc is not None:
        bot.stop()


def link_for(bot: ConsoleBot, who: str = "chef") -> str:
    """Ask for a login link in chat and return it."""
    found = LINK.search(texts(bot.say(who, "/web")))
    assert found, "no link"
    return found.group(0)


def shot(page: Page, name: str) -> None:
    """Save a full-page screenshot as a test artefact."""
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def accessible(page: Page) -> None:
    """Check the page with axe-core (labels, contrast, landmarks, ...): no violations."""
    results = Axe().run(page)
    found: list[dict[str, Any]] = [v for v in results.response["violations"]
                                   if v["id"] not in AXE_IGNORED]
    assert not found, [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
                       for v in found]


def log_in(browser: Browser, link: str, *, phone: bool = False) -> Page:
    """Open the link in a fresh browser context and press Anmelden."""
    size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    page = browser.new_context(viewport=size).new_page()
    page.goto(link)
    shot(page, "01-anmelden")
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/heute")
    return page


def test_login_heute_confirm_and_chart(browser: Browser,
                                       desk_bot: tuple[ConsoleBot, str]) -> None:
    bot, base = desk_bot
    join(bot, "anna", "Pragma")
    book(bot, "anna", "16.2.")
    page = log_in(browser, link_for(bot))
    assert page.get_by_role("heading", name="Heute", level=1).is_visible()
    assert "Medientage: 1 offen" in page.content()
    shot(page, "02-heute")
    accessible(page)
    page.get_by_role("link", name="Anfragen").click()
    shot(page, "03-anfragen")
    accessible(page)
    page.get_by_label("Mo, 16. Februar 2026").check()
    page.get_by_label("Hinweis an die Firma (freiwillig)").fill("Bitte Parkplatz freihalten.")
    page.get_by_role("button", name="Bestätigen", exact=True).click()
    page.wait_for_url("**/anfragen")
    assert "Bestätigt: Pragma" in page.locator(".flash").inner_text()
    shot(page, "04-bestaetigt")
    told = bot.say("anna", "/medientag")  # the delivery printed meanwhile comes first
    assert texts(told, to="anna").count("Medientag bestätigt") == 1
    assert "bestätigt für Mo, 16. Februar 2026" in texts(told, to="anna")
    assert texts(told, to="anna").count("Hinweis vom Medienteam: Bitte Parkplatz freihalten.") == 1
    assert "Medientag bestätigt" not in texts(bot.say("anna", "/medientag"), to="anna")
    page.get_by_role("link", name="Zahlen").click()
    assert page.locator("svg.chart").first.is_visible()
    shot(page, "05-zahlen")
    accessible(page)
    for name in ("Firmen", "Termine", "Kalender", "Protokoll", "Exporte"):
        page.get_by_role("link", name=name, exact=True).click()
        assert page.get_by_role("heading", level=1).first.inner_text().startswith(name)
        shot(page, f"06-{name.lower()}")
        accessible(page)
    assert "media_day_confirm" in page.goto(f"{base}/protokoll").text()  # type: ignore[union-attr]
    page.context.close()


def test_refused_without_session_with_used_or_expired_link(
        browser: Browser, desk_bot: tuple[ConsoleBot, str]) -> None:
    bot, base = desk_bot
    page = browser.new_context().new_page()
    r = page.goto(f"{base}/heute")
    assert r is not None and r.status == 401
    assert "/web" in page.locator("main").inner_text()
    shot(page, "10-ohne-anmeldung")
    member = texts(bot.say("anna", "/web"))
    assert "nur Admins" in member and "/login/" not in member
    used = link_for(bot)
    log_in(browser, used).context.close()
    r = page.goto(used)
    assert r is not None and r.status == 403 and "schon benutzt" in page.content()
    shot(page, "11-link-benutzt")
    late = link_for(bot)
    bot.now("2026-02-02T09:11:00+01:00")
    r = page.goto(late)
    assert r is not None and r.status == 403 and "abgelaufen" in page.content()
    shot(page, "12-link-abgelaufen")
    page.context.close()


def test_phone_layout(browser: Browser, desk_bot: tuple[ConsoleBot, str]) -> None:
    bot, _ = desk_bot
    page = log_in(browser, link_for(bot), phone=True)
    shot(page, "20-heute-telefon")
    page.get_by_role("link", name="Firmen").click()
    shot(page, "21-firmen-telefon")
    accessible(page)
    page.context.close()


def test_calendar_entries_open_their_details_by_keyboard(
        browser: Browser, desk_bot: tuple[ConsoleBot, str]) -> None:
    bot, base = desk_bot
    page = log_in(browser, link_for(bot))
    page.goto(f"{base}/kalender?monat=2026-04")
    page.get_by_role("link", name="Nächster Monat →").focus()
    for _ in range(30):  # Tab from the pager into the month: the first entry takes the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    focused = page.locator("summary:focus")
    assert focused.count() == 1
    entry = page.locator("details.entry", has=focused)
    assert not entry.locator("dl").is_visible()
    page.keyboard.press("Enter")
    assert entry.locator("dl").is_visible() and entry.locator("dt").count() >= 2
    stammtisch = page.locator("details.entry.stammtisch").nth(1)  # the first may be open now
    stammtisch.locator("summary").focus()
    page.keyboard.press("Enter")
    details = stammtisch.locator("dl").inner_text()
    assert "Do, 16. April 2026" in details and "13:00–14:00 Uhr" in details
    assert stammtisch.get_by_role("link", name=re.compile("zoom")).is_visible()
    holiday = page.locator("details.entry.holiday", has_text="Ostersonntag")
    holiday.locator("summary").click()
    assert "Brandenburg (BB)" in holiday.locator("dl").inner_text()
    shot(page, "07-kalender-einzelheiten")
    accessible(page)
    page.context.close()
