"""Translate Bot API updates (their JSON form) into platform-neutral `Incoming`s.

Working on the wire format keeps this free of python-telegram-bot, so it is tested with plain
dicts exactly as Telegram documents them.
"""

from __future__ import annotations

from typing import Any

from bot.chat import Address, Incoming, Person
from bot.transports.telegram_plan import addressed_text

PLATFORM = "telegram"
GROUP_TYPES = {"group", "supergroup"}
GONE_STATUSES = {"kicked", "left"}

Json = dict[str, Any]


def incoming(update: Json, bot_username: str) -> Incoming | None:
    """Return what a person did in `update`, or None when the bot should not react."""
    if "callback_query" in update:
        return _press(update["callback_query"])
    message = update.get("message")
    if not message or "from" not in message:
        return None  # edits, channel posts, service updates: nothing to answer
    text = message.get("text") or message.get("caption")
    group = message["chat"]["type"] in GROUP_TYPES
    text = addressed_text(text, bot_username, is_group=group) if text else None
    if text is None:
        return None
    meta = {"update_id": str(update["update_id"])}
    sender = message["from"]
    for key, name in (("username", "username"), ("language_code", "language")):
        if sender.get(key):
            meta[name] = str(sender[key])
    return Incoming(
        person=person(sender),
        chat=Address(PLATFORM, str(message["chat"]["id"])),
        text=text,
        is_group=group,
        meta=meta,
        numbered=False,  # inline buttons only: a typed "2" is text
    )


def _press(query: Json) -> Incoming | None:
    if not query.get("data"):
        return None  # game or inline-mode callbacks carry no button id of ours
    message = query.get("message")
    chat = message["chat"] if message else {"id": query["from"]["id"], "type": "private"}
    return Incoming(
        person=person(query["from"]),
        chat=Address(PLATFORM, str(chat["id"])),
        press=query["data"],
        is_group=chat["type"] in GROUP_TYPES,
        message_ref=str(message["message_id"]) if message else None,
        meta={"callback_query": str(query["id"])},
        numbered=False,
    )


def retry_key(incoming: Incoming) -> str:
    """Return a key naming the update a reply answered (outbox rows are deduplicated by it)."""
    meta = incoming.meta
    update = meta.get("update_id") or meta.get("callback_query")
    return f"{PLATFORM}.reply:{incoming.chat.chat_id}:{update}"


def blocked_by(update: Json) -> Person | None:
    """Return the person who blocked the bot in their private chat, if `update` says so."""
    change = update.get("my_chat_member")
    if not change or change["chat"]["type"] != "private":
        return None
    if change["new_chat_member"]["status"] not in GONE_STATUSES:
        return None
    return person(change["from"])


def person(user: Json) -> Person:
    """Return the Person for a Bot API user object."""
    name = " ".join(p for p in (user.get("first_name"), user.get("last_name")) if p)
    return Person(PLATFORM, str(user["id"]), name)
