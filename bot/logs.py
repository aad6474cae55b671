"""Logging set-up: one format, and secrets (tokens, passwords) never in a log line.

The Telegram token is part of every Bot API URL (httpx logs them, PTB puts them in
`InvalidToken` and debug messages), Matrix access tokens and passwords can show up in
errors, a database URL carries its password. `RedactSecrets` replaces each configured
secret in the message, its arguments, the exception text and the stack before any handler
writes the record.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from typing import TextIO
from urllib.parse import quote

MASK = "***"
MIN_SECRET = 6  # shorter values would mask ordinary words


class RedactSecrets(logging.Filter):
    """A handler filter that masks the given secrets in everything a record will print."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        found = {v for s in secrets if len(s) >= MIN_SECRET for v in (s, quote(s, safe=""))}
        self._secrets = sorted(found, key=len, reverse=True)  # longest first: no half masks

    def redact(self, text: str) -> str:
        """Return `text` with every secret masked."""
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, MASK)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask secrets in the record (always keeps it)."""
        if not self._secrets:
            return True
        record.msg, record.args = self.redact(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            # Formatters use exc_text when set: format the traceback here, masked.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def setup(level: str, secrets: Iterable[str], *, stream: TextIO | None = None) -> RedactSecrets:
    """Configure the root logger (stderr, one format) with the secrets filter on its handlers."""
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # one line per wake-up is noise
    logging.basicConfig(
        level=level.upper(), stream=stream or sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True,
    )
    redact = RedactSecrets(secrets)
    for handler in logging.getLogger().handlers:
        handler.addFilter(redact)
    return redact
