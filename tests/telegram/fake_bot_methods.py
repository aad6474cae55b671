"""The Bot API methods of the fake server (a mixin of FakeBotApi; state lives there)."""

from __future__ import annotations

import asyncio
import itertools
import time
from typing import Any

from tests.telegram.tg_html import render_html


class BadRequest(Exception):
    """Answer the call with 400 and this description."""


class BotMethods:
    """getMe, getUpdates, messages, documents, edits, callbacks, menus and webhooks."""

    username: str
    bot_id: int
    updates: list[dict[str, Any]]
    messages: dict[tuple[int, int], dict[str, Any]]
    webhook: dict[str, Any]
    commands: dict[str, list[dict[str, Any]]]
    files: dict[str, bytes]
    _changed: asyncio.Condition
    _msg_ids: itertools.count[int]
    _closing: bool

    async def _m_getMe(self, p: dict[str, Any]) -> dict[str, Any]:
        return {"id": self.bot_id, "is_bot": True, "first_name": "Zukunftsmacher",
                "username": self.username, "can_join_groups": True,
                "can_read_all_group_messages": False, "supports_inline_queries": False}

    async def _m_getUpdates(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        offset, limit = int(p.get("offset") or 0), int(p.get("limit") or 100)
        timeout = float(p.get("timeout") or 0)
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        if not self.updates and timeout > 0:
            async with self._changed:
                try:
                    async with asyncio.timeout(timeout):
                        await self._changed.wait_for(lambda: bool(self.updates) or self._closing)
                except TimeoutError:
                    pass
        return self.updates[:limit]

    async def _m_deleteWebhook(self, p: dict[str, Any]) -> bool:
        if str(p.get("drop_pending_updates")).lower() == "true":
            self.updates.clear()
        self.webhook = {}
        return True

    async def _m_setWebhook(self, p: dict[str, Any]) -> bool:
        self.webhook = p
        return True

    async def _m_getWebhookInfo(self, p: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self.updates)}

    async def _m_setMyCommands(self, p: dict[str, Any]) -> bool:
        scope = p.get("scope") or {"type": "default"}
        key = scope["type"] + (f":{scope['chat_id']}" if "chat_id" in scope else "")
        self.commands[key] = p["commands"]
        return True

    async def _m_deleteMyCommands(self, p: dict[str, Any]) -> bool:
        scope = p.get("scope") or {"type": "default"}
        self.commands.pop(scope["type"] + (f":{scope['chat_id']}" if "chat_id" in scope else ""),
                          None)
        return True

    async def _m_answerCallbackQuery(self, p: dict[str, Any]) -> bool:
        return True

    async def _m_sendMessage(self, p: dict[str, Any]) -> dict[str, Any]:
        text = _render(p["text"], p.get("parse_mode"))
        message = self._message(int(p["chat_id"]), None, text, markup=p.get("reply_markup"))
        message["html"] = p["text"]
        return _public(message)

    async def _m_sendDocument(self, p: dict[str, Any]) -> dict[str, Any]:
        upload = p["document"]
        caption = _render(p.get("caption", ""), p.get("parse_mode"))
        message = self._message(int(p["chat_id"]), None, None, markup=p.get("reply_markup"))
        message["document"] = {"file_id": f"doc{message['message_id']}",
                               "file_unique_id": f"u{message['message_id']}",
                               "file_name": upload["filename"], "mime_type": upload["mime"],
                               "file_size": len(upload["data"])}
        message["data"] = upload["data"]
        if caption:
            message["caption"] = caption
        return _public(message)

    async def _m_getFile(self, p: dict[str, Any]) -> dict[str, Any]:
        file_id = str(p["file_id"])
        data = self.files.get(file_id)
        if data is None:
            raise BadRequest("Bad Request: invalid file_id")
        return {"file_id": file_id, "file_unique_id": f"u-{file_id}", "file_size": len(data),
                "file_path": f"documents/{file_id}"}

    async def _m_editMessageText(self, p: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(p)
        text = _render(p["text"], p.get("parse_mode"))
        markup = p.get("reply_markup")
        if message.get("text") == text and message.get("reply_markup") == markup:
            raise BadRequest("Bad Request: message is not modified")
        message.update(text=text, html=p["text"], edit_count=message.get("edit_count", 0) + 1)
        _set_markup(message, markup)
        return _public(message)

    async def _m_editMessageReplyMarkup(self, p: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(p)
        _set_markup(message, p.get("reply_markup"))
        return _public(message)

    def _editable(self, p: dict[str, Any]) -> dict[str, Any]:
        key = (int(p["chat_id"]), int(p["message_id"]))
        if key not in self.messages or "text" not in self.messages[key]:
            raise BadRequest("Bad Request: message to edit not found")
        return self.messages[key]

    def _message(self, chat_id: int, chat_type: str | None, text: str | None, *,
                 sender: dict[str, Any] | None = None, markup: Any = None) -> dict[str, Any]:
        kind = chat_type or ("private" if chat_id > 0 else "supergroup")
        chat: dict[str, Any] = {"id": chat_id, "type": kind}
        chat.update({"first_name": "Anna"} if kind == "private" else {"title": "HR-Runde"})
        message: dict[str, Any] = {
            "message_id": next(self._msg_ids), "date": int(time.time()), "chat": chat,
            "from": sender or {"id": self.bot_id, "is_bot": True, "first_name": "Zukunftsmacher",
                               "username": self.username},
        }
        if text is not None:
            message["text"] = text
        _set_markup(message, markup)
        self.messages[(chat_id, message["message_id"])] = message
        return message


def user(user_id: int, name: str) -> dict[str, Any]:
    """Return a Bot API user object for a person."""
    return {"id": user_id, "is_bot": False, "first_name": name, "language_code": "de"}


def _set_markup(message: dict[str, Any], markup: Any) -> None:
    if markup:
        message["reply_markup"] = markup
    else:
        message.pop("reply_markup", None)


def _public(message: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in message.items() if k not in ("html", "data", "edit_count")}


def _render(text: str, parse_mode: str | None) -> str:
    if parse_mode and parse_mode.upper() == "HTML":
        return render_html(text)
    return text
