"""The console test harness keeps reading the bot's log, so a chatty bot never blocks."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.console import ConsoleBot, texts


def test_a_bot_logging_more_than_a_pipe_holds_does_not_hang(
    tmp_path: Path, sqlite_template: Path
) -> None:
    shutil.copyfile(sqlite_template, tmp_path / "bot.db")
    bot = ConsoleBot(tmp_path, now="2026-02-02T09:00:00+01:00", env={"LOG_LEVEL": "DEBUG"})
    try:
        for _ in range(60):  # the SQLite driver logs every statement at DEBUG: far beyond 64 KiB
            assert "Das kann ich für dich tun" in texts(bot.say("anna", "/hilfe"))
    finally:
        bot.stop()
    assert len(bot.stderr()) > 65536
