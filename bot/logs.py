"""Logging set-up: one line per event (text or JSON, LOG_FORMAT), secrets redacted.

Libraries log URLs with the bot token in them (python-telegram-bot's HTTP requests) and
exceptions span many lines; a log collector wants one record per line, with no secret in it.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from urllib.parse import quote

from sqlalchemy.engine import make_url

from bot.settings import Settings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
REDACTED = "***"
# A Telegram bot token anywhere (also one not from these settings, e.g. in a pasted URL).
_BOT_TOKEN = re.compile(r"(?<![0-9])[0-9]{5,}:[A-Za-z0-9_-]{30,}")


class OneLineFormatter(logging.Formatter):
    """Format a record as one line (text or JSON) with the given secrets replaced."""

    def __init__(self, *, as_json: bool, secrets: Iterable[str] = ()) -> None:
        super().__init__(TEXT_FORMAT)
        self.as_json = as_json
        # Longest first, so a secret containing another one is replaced whole.
        # Also as they appear in a URL ("123:abc" -> "123%3Aabc").
        found = {v for s in secrets if len(s) >= 4 for v in (s, quote(s, safe=""))}
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
    password = make_url(settings.database_url).password
    if password:
        found.append(str(password))
    return found


def setup_logging(settings: Settings) -> None:
    """Send every log record to stderr, one line each, in the format LOG_FORMAT names."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineFormatter(as_json=settings.log_format == "json",
                                          secrets=secrets_of(settings)))
    logging.basicConfig(level=settings.log_level.upper(), handlers=[handler], force=True)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # one line per wake-up is noise
