"""`python -m bot run` with Telegram and Matrix configured: one process answers on both."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.support.databases import sqlite_url
from tests.telegram.fake_bot_api import FakeBotApi

from .human import Human
from .synapse import Synapse

REPO = Path(__file__).resolve().parents[2]
TOKEN = "123456:TEST-token"


async def test_one_process_serves_telegram_and_matrix(synapse: Synapse, tmp_path: Path) -> None:
    bot, anna_account = await synapse.register("runbot"), await synapse.register("anna")
    api = FakeBotApi()
    await api.start()
    env = {
        **os.environ, "DATABASE_URL": sqlite_url(tmp_path), "LOG_LEVEL": "WARNING",
        "ADMINS": "", "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": api.base_url,
        "MATRIX_HOMESERVER": synapse.url, "MATRIX_USER_ID": bot.user_id,
        "MATRIX_PASSWORD": bot.password, "MATRIX_ACCESS_TOKEN": "",
        "MATRIX_STORE_PATH": str(tmp_path / "matrix-store"), "MATRIX_ALLOWED_SERVERS": "localhost",
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=tmp_path, env=env,
        stdout=subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )
    try:
        api.push_text(555, "/hilfe")
        await api.wait_until(lambda: len(api.sent(555)) >= 1, 60)
        assert "/hilfe" in api.sent(555)[0]["text"]

        async with Human(synapse.url, anna_account, tmp_path / "anna") as anna:
            room = await anna.open_dm(bot.user_id, encrypted=True)
            await anna.say(room, "!hilfe")
            assert "/hilfe" in (await anna.receive(room, sender=bot.user_id)).body
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        async with asyncio.timeout(30):
            _, err = await proc.communicate()
        await api.stop()
    assert proc.returncode == 0, err.decode()
