"""PTB's HTTP layer on an aiohttp connection pool instead of httpx.

python-telegram-bot's default httpx backend costs several times more CPU per request than
aiohttp, which dominates a broadcast of thousands of reminders (see bench/telegram.py).
Besides telegram.py this is the only module importing `telegram`: its request base class and
network errors, which the adapter must use, the mapping of Telegram's errors to delivery
failures for the outbox, and the Bot subclass that posts raw.
"""

from __future__ import annotations

import json
import logging
from typing import IO, Any

import aiohttp
from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import ExtBot
from telegram.request import BaseRequest

from bot.chat import PermanentFailure, TemporaryFailure
from bot.transports import telegram_plan as tp

log = logging.getLogger(__name__)
_JSON = {"Content-Type": "application/json"}

# PTB hands files over as (file name, content, MIME type) per form field.
Files = dict[str, tuple[str | None, bytes | IO[bytes], str]]


class BotApi(ExtBot):
    """PTB's ExtBot, calling methods raw and skipping an update it cannot parse (not forever)."""

    async def call(self, method: str, params: dict[str, Any]) -> Any:
        """Call a Bot API method; return its raw JSON answer instead of a parsed object.

        Why not send_message: it turns every answer into a Message object, which we never
        read; that parsing was a fifth of the time spent per message (bench/telegram.py).
        Errors, defaults and the rate limiter are the same: both end in `_post`.
        """
        return await self._post(method, dict(params))

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        """Fetch updates; on a parse failure fetch the batch raw and replace the broken ones."""
        try:
            return await super().get_updates(*args, **kwargs)
        except TelegramError:
            raise
        except Exception:
            data = {"offset": kwargs.get("offset"), "timeout": 0}
            raw = await self._post("getUpdates", data)
            return tuple(_parse_update(item, self) for item in raw)


def _parse_update(item: dict[str, Any], bot: ExtBot) -> Update:
    try:
        return Update.de_json(item, bot)
    except Exception:
        log.exception("unreadable Telegram update %s skipped", item.get("update_id"))
        return Update(int(item["update_id"]))  # empty: confirms the offset, does nothing


def wire(update: Update) -> dict[str, Any]:
    """Return the JSON form of what telegram_updates reads of an update.

    Messages and presses are rebuilt from the fields it needs: PTB's generic to_dict walks
    every attribute (of a pressed message its whole text and keyboard), which was a tenth of
    the time spent per update. Other updates (my_chat_member) go the generic way.
    """
    found: dict[str, Any] = {"update_id": update.update_id}
    query, message = update.callback_query, update.message
    if query is not None and query.message is not None:
        pressed = {"message_id": query.message.message_id, "chat": _chat(query.message.chat)}
        found["callback_query"] = {"id": query.id, "from": query.from_user.to_dict(),
                                   "data": query.data, "message": pressed}
    elif message is not None and update.callback_query is None:
        found["message"] = {
            "message_id": message.message_id, "chat": _chat(message.chat),
            "text": message.text, "caption": message.caption,
            **({"from": message.from_user.to_dict()} if message.from_user else {}),
        }
    else:
        return update.to_dict()
    return found


def _chat(chat: Any) -> dict[str, Any]:
    return {"id": chat.id, "type": chat.type}


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

    async def do_request(self, url: str, method: str, request_data: Any = None,
                         read_timeout: Any = None, write_timeout: Any = None,
                         connect_timeout: Any = None, pool_timeout: Any = None,
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
