"""An aiohttp connection pool for Bot API requests (the PTB glue lives in telegram.py).

python-telegram-bot's default httpx backend costs several times more CPU per request than
aiohttp, which dominates a broadcast of thousands of reminders (see bench/telegram.py).
"""

from __future__ import annotations

import json
from typing import IO, Any

import aiohttp

_JSON = {"Content-Type": "application/json"}

# PTB hands files over as (file name, content, MIME type) per form field.
Files = dict[str, tuple[str | None, bytes | IO[bytes], str]]


class HttpError(Exception):
    """The request did not get an HTTP answer (connection refused, reset, ...)."""


class HttpPool:
    """A keep-alive connection pool that posts form fields and files."""

    def __init__(self, size: int, read_timeout: float | None = 5.0) -> None:
        self.size = size
        self.read_timeout = read_timeout
        self._session: aiohttp.ClientSession | None = None

    async def open(self) -> None:
        """Create the pool (again after close)."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self.size)
            self._session = aiohttp.ClientSession(connector=connector)

    async def close(self) -> None:
        """Close all connections."""
        if self._session is not None:
            await self._session.close()

    async def request(
        self,
        method: str,
        url: str,
        fields: dict[str, str] | None,
        files: Files | None = None,
        *,
        read_timeout: float | None = None,
        connect_timeout: float | None = None,
    ) -> tuple[int, bytes]:
        """Send the request; return status and body, raise TimeoutError or HttpError."""
        if self._session is None:
            raise HttpError("connection pool not open")
        timeout = aiohttp.ClientTimeout(
            sock_connect=connect_timeout or 5.0, sock_read=read_timeout or self.read_timeout
        )
        if files:
            data, headers = _form(fields or {}, files), None
        else:  # JSON is the cheapest body to build; the Bot API accepts it for every method
            data, headers = json.dumps(fields or {}).encode(), _JSON
        try:
            async with self._session.request(
                method, url, data=data, headers=headers, timeout=timeout
            ) as resp:
                return resp.status, await resp.read()
        except aiohttp.ClientError as exc:
            raise HttpError(f"aiohttp.{type(exc).__name__}: {exc}") from exc


def _form(fields: dict[str, str], files: Files) -> Any:
    form = aiohttp.FormData()
    for name, value in fields.items():
        form.add_field(name, value)
    for name, (filename, content, mime) in files.items():
        form.add_field(name, content, filename=filename, content_type=mime)
    return form
