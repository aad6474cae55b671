"""PTB's HTTP layer on an aiohttp connection pool instead of httpx, through PTB's public
`BaseRequest` extension point, and the mapping of Telegram's errors to delivery failures.

python-telegram-bot's default httpx backend costs more CPU per request than aiohttp, which
shows in a broadcast of thousands of reminders (bench/telegram.py measures both).
`UpdatesRequest`, the getUpdates connection, skips an update PTB cannot parse instead of
letting the poll fetch it again forever.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import IO, Any

import aiohttp
from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.chat import PermanentFailure, TemporaryFailure
from bot.transports import telegram_plan as tp

log = logging.getLogger(__name__)
_JSON = {"Content-Type": "application/json"}

# PTB hands files over as (file name, content, MIME type) per form field.
Files = Mapping[str, tuple[str | None, bytes | IO[bytes], str]]
# A timeout as PTB passes it: seconds, None, or BaseRequest.DEFAULT_NONE (use the default).
# PTB names this type ODVInput[float] in a private module, so it cannot be named here.
Timeout = Any


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


class AiohttpRequest(BaseRequest):
    """PTB's HTTP layer on our aiohttp pool instead of httpx."""

    def __init__(self, pool: int, read_timeout: float = 5.0) -> None:
        self._http = HttpPool(pool, read_timeout)

    @property
    def read_timeout(self) -> float | None:
        """Return the default read timeout in seconds."""
        return self._http.read_timeout

    async def initialize(self) -> None:
        """Open the connection pool."""
        await self._http.open()

    async def shutdown(self) -> None:
        """Close the connection pool."""
        await self._http.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Timeout = BaseRequest.DEFAULT_NONE,
        write_timeout: Timeout = BaseRequest.DEFAULT_NONE,
        connect_timeout: Timeout = BaseRequest.DEFAULT_NONE,
        pool_timeout: Timeout = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one Bot API request; map failures to PTB's network errors."""
        data = request_data
        files = data.multipart_data if data is not None and data.contains_files else None
        read, connect = _number(read_timeout), _number(connect_timeout)
        try:
            return await self._http.request(method, url, data and data.json_parameters, files,
                                            read_timeout=read, connect_timeout=connect)
        except TimeoutError as exc:
            raise TimedOut from exc
        except HttpError as exc:
            raise NetworkError(str(exc)) from exc


class UpdatesRequest(BaseRequest):
    """The getUpdates connection; skips updates PTB cannot parse instead of polling forever.

    When PTB cannot parse a batch, its Updater logs that and asks again with the same offset,
    and would get the same batch forever. A poll repeating the offset of a poll that brought
    updates is that case: only then is the answer checked update by update, so an ordinary
    poll costs nothing extra. Wraps any connection (ours on aiohttp, or PTB's HTTPXRequest).
    """

    def __init__(self, connection: BaseRequest) -> None:
        self._connection = connection
        self._offset: object = None  # of the previous poll
        self._brought = False  # whether the previous poll brought updates

    @property
    def read_timeout(self) -> float | None:
        """Return the connection's default read timeout in seconds."""
        return self._connection.read_timeout

    async def initialize(self) -> None:
        """Open the connection."""
        await self._connection.initialize()

    async def shutdown(self) -> None:
        """Close the connection."""
        await self._connection.shutdown()

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         *timeouts: Timeout, **named: Timeout) -> tuple[int, bytes]:
        """Poll; answer a repeated poll without the updates PTB could not parse."""
        status, body = await self._connection.do_request(url, method, request_data, *timeouts,
                                                         **named)
        offset = request_data.parameters.get("offset") if request_data else None
        if status == HTTPStatus.OK and self._brought and offset == self._offset:
            body = readable_updates(body)
        self._offset = offset
        self._brought = status == HTTPStatus.OK and b'"update_id"' in body
        return status, body


def readable_updates(body: bytes) -> bytes:
    """Return a getUpdates answer whose updates PTB cannot parse are replaced by empty ones.

    An empty update (its id only) confirms the offset and does nothing.
    """
    answer = json.loads(body)
    updates = answer.get("result")
    if not isinstance(updates, list):
        return body
    answer["result"] = [_readable(update) for update in updates]
    return json.dumps(answer).encode()


def _readable(update: dict[str, Any]) -> dict[str, Any]:
    try:
        Update.de_json(update, None)
    except Exception:
        log.exception("unreadable Telegram update %s skipped", update.get("update_id"))
        return {"update_id": update["update_id"]}
    return update


def _number(value: object) -> float | None:
    """Return a timeout PTB passed as a number, else None (PTB's DEFAULT_NONE: use default)."""
    return float(value) if isinstance(value, int | float) else None


def delivery_error(exc: TelegramError) -> Exception:
    """Map a Telegram error on the outbox path to a delivery failure (or keep it)."""
    if isinstance(exc, RetryAfter):
        return TemporaryFailure(str(exc), retry_after=tp.retry_seconds(exc))
    if isinstance(exc, Forbidden):
        return PermanentFailure(str(exc))
    if isinstance(exc, BadRequest):
        return PermanentFailure(exc.message) if tp.is_gone(exc.message) else exc
    if isinstance(exc, NetworkError):  # includes TimedOut
        return TemporaryFailure(str(exc))
    return exc
