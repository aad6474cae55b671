"""GET /healthz and GET /metrics over real HTTP, the bot running on Telegram (fake Bot API)."""

from __future__ import annotations

import json
import math
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text

from bot.app import App, build_app
from bot.clock import ManualClock
from bot.settings import Settings
from bot.transports.telegram import TelegramTransport
from bot.web_server import WebServer
from storage.db import script_head
from tests.ops.cluster import free_port
from tests.support.databases import PG_URL, sqlite_url
from tests.support.store import find_person, plan_text
from tests.telegram.conftest import ADMIN, TOKEN, Synced
from tests.telegram.fake_bot_api import FakeBotApi

ANNA = 222


@dataclass
class Served:
    """The bot on Telegram with its HTTP server on a free port."""

    api: FakeBotApi
    app: App
    transport: TelegramTransport
    synced: Synced
    http: WebServer

    async def get(self, path: str) -> tuple[int, str]:
        """GET `path` from the bot's HTTP server; return status and body."""
        url = f"http://127.0.0.1:{self.http.port}{path}"
        async with aiohttp.ClientSession() as session, session.get(url) as response:
            return response.status, await response.text()

    async def metrics(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        """Return every sample of /metrics as (name, sorted labels) -> value."""
        status, body = await self.get("/metrics")
        assert status == 200
        return {(s.name, tuple(sorted(s.labels.items()))): s.value
                for family in text_string_to_metric_families(body) for s in family.samples}


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Served]:
    """Start App + Telegram over the fake Bot API, and the HTTP server (HTTP_PORT=0: free)."""
    api = FakeBotApi()
    await api.start()
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=sqlite_url(tmp_path), admins=f"telegram:{ADMIN}",
        telegram_bot_token=TOKEN, telegram_base_url=api.base_url, http_port=0,
    )
    app = await build_app(settings, clock=ManualClock(
        datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))))
    [transport] = app.platform_transports()
    assert isinstance(transport, TelegramTransport)
    app.add_port(transport)
    synced = Synced(api, app.handle)
    await transport.start(synced)
    http = await app.start_web()  # HTTP_PORT alone: /healthz and /metrics, no desk
    assert http is not None
    yield Served(api, app, transport, synced, http)
    await transport.stop()
    await app.stop()
    await api.stop()


async def test_healthz_reports_database_migrations_and_transports(served: Served) -> None:
    status, body = await served.get("/healthz")
    assert status == 200, body
    report: dict[str, Any] = json.loads(body)
    assert report == {"ok": True, "database": True, "migrations": script_head(), "leader": True,
                      "delivering": False, "migrations_current": True,
                      "transports": {"telegram": True}}
    async with served.app.db.unit() as s:  # as if the code were newer than the database
        await s.exec(text("UPDATE alembic_version SET version_num = '0001'"))  # type: ignore[call-overload]
    status, body = await served.get("/healthz")
    assert status == 503 and '"migrations_current": false' in body
    async with served.app.db.unit() as s:
        await s.exec(text(f"UPDATE alembic_version SET version_num = '{script_head()}'"))  # type: ignore[call-overload]
    await served.transport.stop()
    status, body = await served.get("/healthz")
    assert status == 503 and '"telegram": false' in body


async def test_metrics_count_updates_latency_outbox_and_rate_limit_waits(served: Served) -> None:
    served.api.push_text(ANNA, "/start")
    served.api.push_text(ANNA, "Hallo")
    await served.synced.settle()
    person = await find_person(served.app.db, platform="telegram", external_id=str(ANNA))
    assert person is not None and person.id is not None
    now = served.app.clock.now()
    for n in range(3):
        await plan_text(served.app.db, person_id=person.id, text=f"Nachricht {n}",
                        due_at=now - timedelta(minutes=1), key=f"m{n}", now=now)
    before = await served.metrics()
    tg = ("platform", "telegram")
    assert before[("bot_updates_handled_total", (("kind", "command"), tg))] == 1
    assert before[("bot_updates_handled_total", (("kind", "text"), tg))] == 1
    assert before[("bot_reply_seconds_count", (("kind", "command"),))] == 1
    assert before[("bot_outbox_due", ())] == 3
    await served.app.deliver_due()
    after = await served.metrics()
    assert after[("bot_outbox_due", ())] == 0
    assert after[("bot_outbox_rows_total", (("outcome", "sent"),))] == 3
    # Every Bot API call went through the rate limiter; each one's wait is recorded.
    waits = after[("bot_rate_limit_wait_seconds_count", (tg,))]
    assert waits >= 5 and waits == before[("bot_rate_limit_wait_seconds_count", (tg,))] + 3


async def test_health_and_metrics_join_the_desk_server_when_ports_are_equal(
        tmp_path: Path) -> None:
    settings = Settings(_env_file=None,  # type: ignore[call-arg]
                        database_url=sqlite_url(tmp_path), admins="console:chef",
                        web_port=0, http_port=0)
    app = await build_app(settings, clock=ManualClock(
        datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))))
    try:
        server = await app.start_web()
        assert server is not None and len(server.sites) == 1  # one server, one port
        async with aiohttp.ClientSession() as session:
            base = f"http://127.0.0.1:{server.port}"
            async with session.get(f"{base}/healthz") as response:
                assert response.status == 200
                assert (await response.json())["database"] is True
            async with session.get(f"{base}/metrics") as response:
                assert response.status == 200 and "bot_outbox_due" in await response.text()
            async with session.get(f"{base}/heute") as response:
                assert response.status == 401  # the desk: needs a login
    finally:
        await app.stop()


async def test_different_ports_serve_one_application_on_both(tmp_path: Path) -> None:
    web_port, http_port = free_port(), free_port()
    settings = Settings(_env_file=None,  # type: ignore[call-arg]
                        database_url=sqlite_url(tmp_path), admins="console:chef",
                        web_port=web_port, http_port=http_port)
    app = await build_app(settings, clock=ManualClock(
        datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))))
    try:
        server = await app.start_web()
        assert server is not None
        assert server.sites == [("127.0.0.1", web_port), ("127.0.0.1", http_port)]
        assert await app.start_web() is None  # started once
        async with aiohttp.ClientSession() as session:
            for port in (web_port, http_port):
                base = f"http://127.0.0.1:{port}"
                async with session.get(f"{base}/healthz") as response:
                    assert response.status == 200
                async with session.get(f"{base}/login/falsch") as response:
                    assert response.status == 403  # the desk's German refusal, on both
                    assert response.headers["X-Frame-Options"] == "DENY"
        assert app.services.links["web"] == f"http://127.0.0.1:{web_port}"  # links: WEB_PORT
    finally:
        await app.stop()
    assert not await _answers(web_port) and not await _answers(http_port)  # both closed


async def _answers(port: int) -> bool:
    try:
        async with aiohttp.ClientSession() as session, \
                session.get(f"http://127.0.0.1:{port}/healthz") as response:
            return response.status > 0
    except aiohttp.ClientConnectionError:
        return False


def test_equal_ports_need_one_listen_address() -> None:
    with pytest.raises(ValueError, match=r"HTTP_LISTEN .* und WEB_LISTEN .* nicht"):
        Settings(_env_file=None, web_port=8080, http_port=8080,  # type: ignore[call-arg]
                 web_listen="0.0.0.0", http_listen="127.0.0.1")
    both = Settings(_env_file=None, web_port=8080, http_port=9180,  # type: ignore[call-arg]
                    web_listen="0.0.0.0", http_listen="127.0.0.1")
    assert both.web_port == 8080 and both.http_port == 9180  # different ports: fine


async def test_database_down_healthz_503_and_outbox_due_unknown(pg_url: str) -> None:
    import asyncpg

    settings = Settings(_env_file=None,  # type: ignore[call-arg]
                        database_url=pg_url, admins="console:chef", http_port=0)
    app = await build_app(settings, clock=ManualClock(
        datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))))
    name = pg_url.rpartition("/")[2]
    admin = await asyncpg.connect(PG_URL.replace("postgresql+asyncpg://", "postgresql://", 1))
    try:
        server = await app.start_web()
        assert server is not None
        base = f"http://127.0.0.1:{server.port}"

        async def get(path: str) -> tuple[int, str]:
            async with aiohttp.ClientSession() as session, \
                    session.get(f"{base}{path}") as response:
                return response.status, await response.text()

        def due(body: str) -> float:
            [family] = [f for f in text_string_to_metric_families(body)
                        if f.name == "bot_outbox_due"]
            return float(family.samples[0].value)

        assert due((await get("/metrics"))[1]) == 0
        # The database goes away (its connections end, its name no longer exists).
        await admin.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                            "WHERE datname = $1", name)  # returns when they have ended
        await admin.execute(f'ALTER DATABASE "{name}" RENAME TO "{name}_weg"')
        try:
            status, body = await get("/healthz")
            assert status == 503 and json.loads(body)["database"] is False
            status, body = await get("/metrics")
            assert status == 200  # still valid Prometheus text, the counters still there
            assert math.isnan(due(body))  # unknown now, not the last count
        finally:
            await admin.execute(f'ALTER DATABASE "{name}_weg" RENAME TO "{name}"')
        assert due((await get("/metrics"))[1]) == 0
    finally:
        await admin.close()
        await app.stop()
