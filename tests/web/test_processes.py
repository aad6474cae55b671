"""Two bot processes behind one proxy: the desk's login rate limit holds across them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.app import App, build_app
from bot.clock import ManualClock
from bot.settings import Settings
from tests.support.databases import PG_UNREACHABLE, missing, postgres_database, sqlite_copy
from tests.web.conftest import START


@pytest.fixture(params=["sqlite", "postgres"])
async def shared_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path,
                     postgres_template: str | None) -> AsyncIterator[str]:
    """One migrated database for both processes: SQLite always, PostgreSQL when reachable."""
    if request.param == "sqlite":
        yield sqlite_copy(sqlite_template, tmp_path)
        return
    if postgres_template is None:
        missing(PG_UNREACHABLE)
    async with postgres_database(postgres_template) as url:
        yield url


@pytest.fixture
async def two_desks(shared_url: str) -> AsyncIterator[tuple[ManualClock, list[str]]]:
    """Two apps on one database, each serving the desk on its own free port."""
    clock = ManualClock(START)
    settings = Settings(_env_file=None, database_url=shared_url,  # type: ignore[call-arg]
                        admins="console:chef", web_port=0)
    apps: list[App] = []
    bases = []
    try:
        for _ in range(2):
            app = await build_app(settings, clock=clock)
            apps.append(app)
            server = await app.start_web()
            assert server is not None
            bases.append(f"http://127.0.0.1:{server.port}")
        yield clock, bases
    finally:
        for app in apps:
            await app.stop()


async def test_the_login_rate_limit_holds_across_processes(
        two_desks: tuple[ManualClock, list[str]]) -> None:
    clock, (one, two) = two_desks
    async with aiohttp.ClientSession() as browser:
        async def tries(base: str, n: int) -> list[int]:
            return [(await browser.get(f"{base}/login/falsch{k}")).status for k in range(n)]

        # A proxy sends one client's tries to either process: they count together.
        assert await tries(one, 6) == [403] * 6
        assert await tries(two, 4) == [403] * 4
        assert await tries(one, 1) == [429]
        assert await tries(two, 1) == [429]
        form = await browser.post(f"{two}/login", data={"token": "falsch"})
        assert form.status == 429 and "Zu viele Anmeldeversuche" in await form.text()
        clock.set(START + timedelta(minutes=1, seconds=1))  # the window is over, everywhere
        assert await tries(two, 1) == [403]
        assert await tries(one, 1) == [403]
