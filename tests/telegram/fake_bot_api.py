"""A small local Telegram Bot API server (aiohttp) that records every call.

It speaks just enough of the real HTTP API for python-telegram-bot's network stack: getMe,
long-polling getUpdates with offsets, send/edit messages, documents, callback answers, command
menus, webhooks, and files people send (getFile, then GET /file/bot<token>/<file_path>).
Tests inject updates, force flood-control (429) or Forbidden (403) answers and
read back what a user would see. HTML is validated like Telegram does, so unescaped user input
is rejected here just as it would be there.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.telegram.fake_bot_methods import BadRequest, BotMethods, user
from tests.telegram.tg_html import HtmlError

JSON_FIELDS = {
    "reply_markup", "commands", "scope", "allowed_updates", "entities", "link_preview_options",
}


@dataclass
class Call:
    """One recorded Bot API request."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)


@dataclass
class Fault:
    """An error answer to give instead of the real one."""

    status: int
    description: str
    retry_after: int | None = None


class TokenBucket:
    """Telegram-like flood control: `rate` per `period`, bursts up to `burst`."""

    def __init__(self, rate: float, period: float, burst: float) -> None:
        self.rate, self.period, self.burst = rate, period, burst
        self.level = burst
        self.stamp = time.monotonic()

    def take(self) -> int | None:
        """Take one token; return a retry_after in seconds when none is left."""
        now = time.monotonic()
        self.level = min(self.burst, self.level + (now - self.stamp) * self.rate / self.period)
        self.stamp = now
        if self.level >= 1:
            self.level -= 1
            return None
        return max(1, round((1 - self.level) * self.period / self.rate))


class FakeBotApi(BotMethods):
    """Local Bot API server for one bot token; start() it and point PTB's base_url at it."""

    def __init__(self, *, username: str = "zm_test_bot", bot_id: int = 4242) -> None:
        self.username, self.bot_id = username, bot_id
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.faults: dict[str, list[Fault]] = {}
        self.blocked: set[int] = set()
        self.flood_control = False
        self.flood_429s = 0
        self.webhook: dict[str, Any] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.chats: set[tuple[int, str]] = set()  # (chat id, type) of every pushed message
        self.files: dict[str, bytes] = {}  # file_id -> bytes of documents people sent
        self.downloads: list[str] = []  # file paths fetched through the file URL
        self._ids = itertools.count(1)
        self._msg_ids = itertools.count(100)
        self._changed = asyncio.Condition()
        self._overall = TokenBucket(30, 1.0, 33)
        self._groups: dict[int, TokenBucket] = {}
        self._runner: web.AppRunner | None = None
        self._closing = False
        self.port = 0

    # -- lifecycle -------------------------------------------------------------------------
    async def start(self) -> None:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application(client_max_size=50 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._dispatch)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        """Close the server."""
        self._closing = True
        await self.notify()  # release long polls still waiting
        if self._runner:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        """Return the value for ApplicationBuilder.base_url / TELEGRAM_BASE_URL."""
        return f"http://127.0.0.1:{self.port}/bot"

    # -- test controls ---------------------------------------------------------------------
    def fail_next(self, method: str, status: int, description: str, **kw: Any) -> None:
        """Answer the next call of `method` with an error."""
        self.faults.setdefault(method, []).append(Fault(status, description, **kw))

    def push_update(self, payload: dict[str, Any]) -> int:
        """Queue a raw update (its `update_id` is assigned here) and return the id."""
        update_id = next(self._ids)
        self.updates.append({"update_id": update_id, **payload})
        asyncio.get_running_loop().create_task(self.notify())
        return update_id

    def push_text(self, user_id: int, text: str, *, chat_id: int | None = None,
                  chat_type: str = "private", name: str = "Anna") -> int:
        """Queue a text message from a user (private chat unless chat_id says otherwise)."""
        self.chats.add((chat_id or user_id, chat_type))
        message = self._message(chat_id or user_id, chat_type, text, sender=user(user_id, name))
        if text.startswith("/"):
            length = len(text.split()[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self.push_update({"message": message})

    def push_document(self, user_id: int, name: str, data: bytes, *,
                      mime: str = "application/octet-stream", caption: str | None = None,
                      chat_id: int | None = None, chat_type: str = "private",
                      announced_size: int | None = None) -> int:
        """Queue a document a user sends (its bytes are served through getFile)."""
        self.chats.add((chat_id or user_id, chat_type))
        message = self._message(chat_id or user_id, chat_type, None, sender=user(user_id, "Anna"))
        file_id = f"up{len(self.files) + 1}"
        self.files[file_id] = data
        message["document"] = {"file_id": file_id, "file_unique_id": f"u-{file_id}",
                               "file_name": name, "mime_type": mime,
                               "file_size": len(data) if announced_size is None
                               else announced_size}
        if caption is not None:
            message["caption"] = caption
        return self.push_update({"message": message})

    def push_photo(self, user_id: int, sizes: list[bytes], *, caption: str | None = None) -> int:
        """Queue a photo a user sends in a private chat: one JPEG per size, smallest first."""
        self.chats.add((user_id, "private"))
        message = self._message(user_id, "private", None, sender=user(user_id, "Anna"))
        photo = []
        for n, data in enumerate(sizes):
            file_id = f"up{len(self.files) + 1}"
            self.files[file_id] = data
            photo.append({"file_id": file_id, "file_unique_id": f"ph{n}-{file_id}",
                          "width": 90 * (n + 1), "height": 60 * (n + 1),
                          "file_size": len(data)})
        message["photo"] = photo
        if caption is not None:
            message["caption"] = caption
        return self.push_update({"message": message})

    def push_press(self, user_id: int, data: str, message_id: int, *,
                   chat_id: int | None = None, name: str = "Anna") -> int:
        """Queue a button press on a message the bot sent earlier."""
        chat = chat_id or user_id
        # As Telegram sends it: without what the fake keeps for the tests (a document's bytes).
        message = {k: v for k, v in self.messages[(chat, message_id)].items()
                   if k not in ("html", "data", "edit_count")}
        query = {"id": f"cq{next(self._ids)}", "from": user(user_id, name),
                 "chat_instance": str(chat), "data": data, "message": message}
        return self.push_update({"callback_query": query})

    def sent(self, chat_id: int) -> list[dict[str, Any]]:
        """Return the bot's messages in a chat, oldest first, as they look now."""
        return [m for (c, _), m in sorted(self.messages.items()) if c == chat_id
                and m["from"]["id"] == self.bot_id]

    def calls_of(self, method: str) -> list[Call]:
        """Return the recorded calls of one method."""
        return [c for c in self.calls if c.method == method]

    async def wait_until(self, check: Callable[[], bool], seconds: float = 5.0) -> None:
        """Wait until `check()` holds after some call (fail after `seconds`)."""
        async with asyncio.timeout(seconds):
            async with self._changed:
                await self._changed.wait_for(check)

    # -- dispatch --------------------------------------------------------------------------
    async def _download(self, request: web.Request) -> web.Response:
        path = request.match_info["path"]
        self.downloads.append(path)
        data = self.files.get(path.rpartition("/")[2])
        if data is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=data, content_type="application/octet-stream")

    async def _dispatch(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await _params(request)
        self.calls.append(Call(method, params))
        try:
            fault = self._fault_for(method, params)
            if fault:
                return _error(fault)
            handler = getattr(self, f"_m_{method}", None)
            if handler is None:
                return _error(Fault(404, "Not Found: method not found"))
            result = await handler(params)
            return web.json_response({"ok": True, "result": result})
        except HtmlError as exc:
            return _error(Fault(400, f"Bad Request: can't parse entities: {exc}"))
        except BadRequest as exc:
            return _error(Fault(400, str(exc)))
        finally:
            await self.notify()

    async def notify(self) -> None:
        """Wake everyone waiting in wait_until (call after work done outside a request)."""
        async with self._changed:
            self._changed.notify_all()

    def _fault_for(self, method: str, params: dict[str, Any]) -> Fault | None:
        if self.faults.get(method):
            return self.faults[method].pop(0)
        chat = params.get("chat_id")
        if chat is None or not method.startswith(("send", "edit")):
            return None
        if int(chat) in self.blocked:
            return Fault(403, "Forbidden: bot was blocked by the user")
        if self.flood_control:
            wait = self._overall.take()
            if wait is None and int(chat) < 0:
                bucket = self._groups.setdefault(int(chat), TokenBucket(20, 60.0, 20))
                wait = bucket.take()
            if wait is not None:
                self.flood_429s += 1
                return Fault(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
        return None

def _error(fault: Fault) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": fault.status,
                            "description": fault.description}
    if fault.retry_after is not None:
        body["parameters"] = {"retry_after": fault.retry_after}
    return web.json_response(body, status=fault.status)


async def _params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            params.update(await request.json())
        else:
            for key, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    params[key] = {"filename": value.filename, "mime": value.content_type,
                                   "data": value.file.read()}
                else:
                    params[key] = value
    for key in JSON_FIELDS & params.keys():
        if isinstance(params[key], str):
            params[key] = json.loads(params[key])
    return params
