"""Secrets never reach a log line; unreachable services are retried with backoff (no sleeping)."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from telegram.error import InvalidToken

from bot.app import open_database
from bot.chat import BadSetup, Incoming, Reply, Unreachable
from bot.logs import secrets_of, setup_logging
from bot.settings import Settings
from bot.startup import retrying
from bot.transports.telegram import build_telegram
from tests.support.databases import (
    PG_UNREACHABLE,
    PG_URL,
    missing,
    postgres_reachable,
    sqlite_url,
)
from tests.telegram.fake_bot_api import FakeBotApi

TOKEN = "123456:AAE-secret_Tok3n"
REPO = Path(__file__).resolve().parents[2]


class Stop(Exception):
    """Ends a retry loop in a test."""


class FakeSleep:
    """Records the waits asked for; stops the loop after `limit` of them (never sleeps)."""

    def __init__(self, limit: int) -> None:
        self.waits: list[float] = []
        self.limit = limit

    async def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)
        if len(self.waits) >= self.limit:
            raise Stop


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """Logging set up as `python -m bot` does it (with TOKEN as a secret), into a buffer."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    setup_logging(Settings(
        _env_file=None,  # type: ignore[call-arg]
        log_level="DEBUG", telegram_bot_token=TOKEN, matrix_access_token="syt_matrix_access",
        database_url="postgresql+asyncpg://bot:db-Passw0rd@db:5432/bot",
    ))
    buf = io.StringIO()
    for handler in root.handlers:  # the handler it installed, writing here instead of stderr
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(buf)
    yield buf
    root.handlers[:] = handlers
    root.setLevel(level)


def test_secrets_are_masked_in_messages_arguments_and_tracebacks(captured: io.StringIO) -> None:
    log = logging.getLogger("telegram.ext.ExtBot")
    log.debug("Calling Bot API endpoint `getMe` at https://api.telegram.org/bot%s/getMe", TOKEN)
    logging.getLogger("httpx").info(f"HTTP Request: POST https://x/bot{TOKEN}/getUpdates")
    logging.getLogger("nio").warning("url %s", "https://m/?access_token=syt_matrix_access")
    logging.getLogger("x").info("encoded %s", TOKEN.replace(":", "%3A"))
    try:
        raise InvalidToken(f"The token `{TOKEN}` was rejected by the server.")
    except InvalidToken:
        logging.getLogger("bot").exception("start failed with %s", "db-Passw0rd")
    logging.getLogger("bot").warning("stack", stack_info=True)
    out = captured.getvalue()
    assert TOKEN not in out and "123456%3AAAE" not in out
    assert "db-Passw0rd" not in out and "syt_matrix_access" not in out
    assert out.count("***") >= 6 and "Traceback" in out and "InvalidToken" in out


def test_settings_name_every_secret() -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=TOKEN, matrix_password="pw-matrix-1", matrix_access_token="syt_abc",
        database_url="postgresql+asyncpg://bot:db-Passw0rd@db:5432/bot",
    )
    assert set(secrets_of(settings)) == {TOKEN, "pw-matrix-1", "syt_abc", "db-Passw0rd"}
    assert secrets_of(Settings(_env_file=None)) == []  # type: ignore[call-arg]


async def test_retrying_backs_off_and_returns_once_the_service_answers(
    caplog: pytest.LogCaptureFixture,
) -> None:
    answers: list[object] = [Unreachable("a"), Unreachable("b"), Unreachable("c"), "up"]

    async def start() -> str:
        found = answers.pop(0)
        if isinstance(found, Exception):
            raise found
        return str(found)

    sleep = FakeSleep(limit=99)
    with caplog.at_level(logging.WARNING):
        assert await retrying(start, what="Dienst", sleep=sleep) == "up"
    assert sleep.waits == [1, 2, 4]
    assert [r.getMessage().split(" (")[0] for r in caplog.records] == [
        "Dienst nicht erreichbar / unreachable"] * 3


async def test_unreachable_postgresql_is_retried_with_one_line_each(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sleep = FakeSleep(limit=8)
    url = "postgresql+asyncpg://bot:db-Passw0rd@127.0.0.1:9/bot"  # port 9: nobody listens
    with caplog.at_level(logging.WARNING), pytest.raises(Stop):
        await open_database(url, sleep=sleep)
    assert sleep.waits == [1, 2, 4, 8, 16, 32, 60, 60]
    lines = [r for r in caplog.records if r.name == "bot.startup"]
    assert len(lines) == 8 and all(r.exc_info is None for r in lines)
    assert "127.0.0.1:9/bot" in lines[0].getMessage()
    assert "db-Passw0rd" not in caplog.text


async def test_a_refused_database_login_stops_with_one_clear_line() -> None:
    if not await postgres_reachable():
        missing(PG_UNREACHABLE)
    absent = f"{PG_URL.rpartition('/')[0]}/no_such_database_x"
    with pytest.raises(BadSetup) as caught:
        await open_database(absent, sleep=FakeSleep(limit=1))
    assert "no_such_database_x" in str(caught.value)


async def _nobody(_: Incoming) -> list[Reply]:
    return []


async def test_unreachable_bot_api_is_retried_without_token_or_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=TOKEN, telegram_base_url="http://127.0.0.1:9/bot",
    )
    transport = build_telegram(settings, None)
    sleep = FakeSleep(limit=3)
    with caplog.at_level(logging.WARNING), pytest.raises(Stop):
        await retrying(partial(transport.start, _nobody), what="Telegram", sleep=sleep)
    assert sleep.waits == [1, 2, 4]
    lines = [r for r in caplog.records if r.name == "bot.startup"]
    assert len(lines) == 3 and "Telegram Bot API" in lines[0].getMessage()
    assert TOKEN not in caplog.text


async def test_a_rejected_token_stops_the_bot_with_a_clear_line_and_no_token(
    tmp_path: Path,
) -> None:
    api = FakeBotApi()
    await api.start()
    api.fail_next("getMe", 401, "Unauthorized")
    env = {**os.environ, "DATABASE_URL": sqlite_url(tmp_path), "LOG_LEVEL": "DEBUG",
           "ADMINS": "", "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": api.base_url,
           "MATRIX_HOMESERVER": ""}
    try:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
            stdout=subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
        async with asyncio.timeout(60):
            _, err = await proc.communicate()
    finally:
        await api.stop()
    text = err.decode()
    assert proc.returncode not in (0, None)
    assert "TELEGRAM_BOT_TOKEN wurde abgelehnt" in text.splitlines()[-1]
    assert TOKEN not in text and "Traceback" not in text
    assert api.calls_of("getMe")  # it did talk to the (fake) Bot API, with debug logging on
