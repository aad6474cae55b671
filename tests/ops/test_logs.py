"""Logs: one line per event (text or JSON), tokens and passwords redacted."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from bot.logs import OneLineFormatter, secrets_of
from bot.settings import Settings
from tests.support.console import REPO

TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def _record(message: str, *args: object) -> logging.LogRecord:
    try:
        raise ValueError("kaputt\nzweite Zeile " + TOKEN)
    except ValueError:
        return logging.getLogger("bot.test").makeRecord(
            "bot.test", logging.ERROR, __file__, 1, message, args, sys.exc_info())


def test_json_lines_carry_the_exception_and_no_secret() -> None:
    settings = Settings(_env_file=None, telegram_bot_token=TOKEN,  # type: ignore[call-arg]
                        matrix_password="geheim-123",
                        database_url="postgresql+asyncpg://bot:pg-pass@db/bot")
    fmt = OneLineFormatter(as_json=True, secrets=secrets_of(settings))
    line = fmt.format(_record("login %s with %s at %s", "geheim-123", "pg-pass",
                              f"https://api.telegram.org/bot{TOKEN}/getMe"))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["logger"] == "bot.test"
    assert entry["message"] == "login *** with *** at https://api.telegram.org/bot***/getMe"
    assert "ValueError: kaputt" in entry["exception"] and TOKEN not in entry["exception"]


def test_text_lines_stay_one_line_and_redact_tokens_of_any_bot() -> None:
    fmt = OneLineFormatter(as_json=False)  # no configured secrets: token shapes still go
    line = fmt.format(_record("request failed: %s", f"/bot{TOKEN}/sendMessage"))
    assert "\n" not in line and TOKEN not in line
    assert "bot.test: request failed: /bot***/sendMessage" in line
    assert "kaputt\\nzweite Zeile ***" in line


def test_the_running_bot_writes_json_lines(tmp_path: Path) -> None:
    env = {**os.environ, "LOG_FORMAT": "json", "LOG_LEVEL": "DEBUG", "TELEGRAM_BOT_TOKEN": "",
           "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}", "MATRIX_HOMESERVER": ""}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--jsonl", "--now", "2026-02-02T09:00:00+01:00"],
        input='{"from": "anna", "text": "/start"}\n', capture_output=True, text=True,
        cwd=REPO, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines and all(json.loads(line)["level"] for line in lines)
