"""Translate python-telegram-bot's `Update` objects into platform-neutral `Incoming`s.

PTB parses every update once; this reads the parsed object directly (no to_dict round trip).
The tests build their updates with `Update.de_json` from the Bot API's documented JSON.
"""

from __future__ import annotations

from telegram import CallbackQuery, Message, Update, User
from telegram.constants import ChatMemberStatus, ChatType

from bot.chat import MAX_ATTACHMENT, Address, Attachment, Incoming, Person
from bot.transports.telegram_plan import addressed_text

PLATFORM = "telegram"
GROUP_TYPES = {ChatType.GROUP, ChatType.SUPERGROUP}
GONE_STATUSES = {ChatMemberStatus.BANNED, ChatMemberStatus.LEFT}  # "kicked", "left"


def incoming(update: Update, bot_username: str) -> Incoming | None:
    """Return what a person did in `update`, or None when the bot should not react."""
    if update.callback_query is not None:
        return _press(update.callback_query)
    message = update.message
    if message is None or message.from_user is None:
        return None  # edits, channel posts, service updates: nothing to answer
    return _text(update.update_id, message, message.from_user, bot_username)


def _text(update_id: int, message: Message, sender: User, bot_username: str) -> Incoming | None:
    text = message.text or message.caption
    group = message.chat.type in GROUP_TYPES
    text = addressed_text(text, bot_username, is_group=group) if text else None
    # A document or photo sent in a private chat is for the bot (its bytes are fetched by
    # the transport); in a group only a command in its caption is.
    file = None if group else _attachment(message)
    if text is None and file is None:
        return None
    meta = {"update_id": str(update_id)}
    if file is not None:
        meta["file_id"] = file[0]
    if sender.username:
        meta["username"] = sender.username
    if sender.language_code:
        meta["language"] = sender.language_code
    return Incoming(
        person=person(sender),
        chat=Address(PLATFORM, str(message.chat.id)),
        text=text,
        is_group=group,
        meta=meta,
        numbered=False,  # inline buttons only: a typed "2" is text
        attachment=None if file is None else file[1],
    )


def _attachment(message: Message) -> tuple[str, Attachment] | None:
    """Return the file id and the Attachment (bytes not yet fetched) of a document or photo."""
    document = message.document
    if document is not None:
        return document.file_id, Attachment(
            document.file_name or "datei", document.mime_type or "application/octet-stream",
            None, document.file_size or 0)
    if not message.photo:
        return None
    # Telegram sends each photo in several sizes, smallest first: the largest one that the
    # transport fetches (or, if none does, the smallest, which then counts as too large).
    fitting = [p for p in message.photo if (p.file_size or 0) <= MAX_ATTACHMENT]
    photo = fitting[-1] if fitting else message.photo[0]
    return photo.file_id, Attachment(f"foto-{photo.file_unique_id}.jpg", "image/jpeg", None,
                                     photo.file_size or 0)


def _press(query: CallbackQuery) -> Incoming | None:
    if not query.data:
        return None  # game or inline-mode callbacks carry no button id of ours
    # A press under an inline-mode message comes without the message: answer privately.
    pressed = query.message
    chat_id, chat_type = (pressed.chat.id, pressed.chat.type) if pressed else (
        query.from_user.id, ChatType.PRIVATE)
    return Incoming(
        person=person(query.from_user),
        chat=Address(PLATFORM, str(chat_id)),
        press=query.data,
        is_group=chat_type in GROUP_TYPES,
        message_ref=str(pressed.message_id) if pressed else None,
        meta={"callback_query": str(query.id)},
        numbered=False,
    )


def retry_key(incoming: Incoming) -> str:
    """Return a key naming the update a reply answered (outbox rows are deduplicated by it)."""
    meta = incoming.meta
    update = meta.get("update_id") or meta.get("callback_query")
    return f"{PLATFORM}.reply:{incoming.chat.chat_id}:{update}"


def blocked_by(update: Update) -> Person | None:
    """Return the person who blocked the bot in their private chat, if `update` says so."""
    change = update.my_chat_member
    if change is None or change.chat.type != ChatType.PRIVATE:
        return None
    if change.new_chat_member.status not in GONE_STATUSES:
        return None
    return person(change.from_user)


def person(user: User) -> Person:
    """Return the Person for a Telegram user."""
    name = " ".join(p for p in (user.first_name, user.last_name) if p)
    return Person(PLATFORM, str(user.id), name)
