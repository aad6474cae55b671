"""Logging set-up: one line per event (text or JSON, LOG_FORMAT), secrets never in a line.

The Telegram token is part of every Bot API URL (httpx logs them, PTB puts them in
`InvalidToken` and debug messages), Matrix access tokens and passwords can show up in
errors, a database URL carries its password; exceptions span many lines while a log
collector wants one record per line. The formatter masks each configured secret (also
URL-encoded) and anything shaped like a bot token in the message, the traceback and the
stack, and writes one line.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO
from urllib.parse import quote

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.settings import Settings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "***"
MIN_SECRET = 4  # shorter values would mask ordinary words
# A Telegram bot token anywhere (also one not from these settings, e.g. in a pasted URL).
_BOT_TOKEN = re.compile(r"(?<![0-9])[0-9]{5,}(?::|%3A)[A-Za-z0-9_-]{30,}")


class OneLineFormatter(logging.Formatter):
    """Format a record as one line (text or JSON) with the given secrets replaced."""

    def __init__(self, *, as_json: bool, secrets: Iterable[str] = ()) -> None:
        super().__init__(TEXT_FORMAT)
        self.as_json = as_json
        found = {v for s in secrets if len(s) >= MIN_SECRET for v in (s, quote(s, safe=""))}
        # Longest first, so a secret containing another one is replaced whole.
        self.secrets = sorted(found, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as one line, secrets replaced."""
        if not self.as_json:
            return self.redact(super().format(record)).replace("\n", "\\n")
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name,
            "message": self.redact(record.getMessage()),
        }
        if record.exc_info:
            entry["exception"] = self.redact(self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = self.redact(self.formatStack(record.stack_info))
        return json.dumps(entry, ensure_ascii=False)

    def redact(self, line: str) -> str:
        """Replace every known secret (and anything shaped like a bot token) in `line`."""
        for secret in self.secrets:
            line = line.replace(secret, REDACTED)
        return _BOT_TOKEN.sub(REDACTED, line)


def secrets_of(settings: Settings) -> list[str]:
    """Return the secret values of the settings (tokens, passwords)."""
    found = [s.get_secret_value() for s in (
        settings.telegram_bot_token, settings.telegram_webhook_secret,
        settings.matrix_password, settings.matrix_access_token) if s is not None]
    try:
        password = make_url(settings.database_url).password
    except ArgumentError:  # not a URL: the database start says so
        password = None
    return [*found, *([str(password)] if password else [])]


def setup(level: str, secrets: Iterable[str], *, as_json: bool = False,
          stream: TextIO | None = None) -> OneLineFormatter:
    """Send every log record to `stream` (stderr), one line each, secrets masked."""
    handler = logging.StreamHandler(stream or sys.stderr)
    formatter = OneLineFormatter(as_json=as_json, secrets=secrets)
    handler.setFormatter(formatter)
    logging.basicConfig(level=level.upper(), handlers=[handler], force=True)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # one line per wake-up is noise
    return formatter


def setup_logging(settings: Settings) -> None:
    """Set logging up as the settings say (LOG_LEVEL, LOG_FORMAT, their secrets)."""
    setup(settings.log_level, secrets_of(settings), as_json=settings.log_format == "json")
