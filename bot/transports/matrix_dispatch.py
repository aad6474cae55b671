"""Hand one Matrix text message to the bot and route the replies (no nio in here).

Group rooms get only commands; personal replies and replies with choices go to the person's
DM, because numbered answers are resolved per chat and a group is no place for personal things.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.chat import (
    MAX_ATTACHMENT,
    Address,
    Attachment,
    DeliveryError,
    Handler,
    Incoming,
    Person,
    Reply,
)
from bot.transports.matrix_format import (
    CHOOSE_IN_DM,
    MOVED_TO_DM,
    UNREADABLE,
    parse_text,
    server_of,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileRef:
    """A file someone sent (m.file): where it is, and its key when the room is encrypted."""

    name: str
    mime: str
    url: str  # mxc://
    size: int = 0
    encryption: dict[str, Any] = field(default_factory=dict)  # key, hashes, iv (encrypted)


Fetch = Callable[[FileRef], Awaitable[bytes | None]]


@dataclass(frozen=True)
class TextEvent:
    """A text message someone sent in a room the bot is in."""

    room_id: str
    sender: str
    sender_name: str
    body: str
    event_id: str
    is_group: bool
    unreadable: bool = False
    file: FileRef | None = None  # an m.file message (body is then its name)


class RoomSender(Protocol):
    """What dispatching needs from the transport: send into a room, find a DM."""

    async def send_to(
        self, room_id: str, reply: Reply, *, with_options: bool = True, note: str = "",
        first_option: int = 1,
    ) -> None:
        """Send `reply` into a room (options numbered from `first_option`, or a note)."""
        ...

    async def dm_with(self, user_id: str) -> str:
        """Return the id of the DM room with `user_id` (created if needed)."""
        ...


def to_incoming(event: TextEvent, data: bytes | None = None) -> Incoming | None:
    """Translate a message to router input; None when it is not for the bot."""
    if event.file is not None:
        if event.is_group:
            return None  # files shared in a group are not for the bot
        ref = event.file
        return Incoming(
            Person("matrix", event.sender, event.sender_name), Address("matrix", event.room_id),
            message_ref=event.event_id,
            attachment=Attachment(ref.name, ref.mime, data, len(data) if data else ref.size),
        )
    parsed = parse_text(event.body, is_group=event.is_group)
    if parsed is None:
        return None
    return Incoming(
        Person("matrix", event.sender, event.sender_name),
        Address("matrix", event.room_id),
        text=parsed.text,
        option=parsed.option,
        is_group=event.is_group,
        message_ref=event.event_id,
    )


async def dispatch(event: TextEvent, handle: Handler, rooms: RoomSender,
                   fetch: Fetch | None = None, allowed: frozenset[str] | None = None) -> None:
    """Let the bot handle one message and deliver its replies (failures are logged).

    allowed: the servers whose people the bot talks to (MATRIX_ALLOWED_SERVERS); a message
    from anyone else is ignored, also in a group room someone allowed invited the bot to.
    """
    if allowed is not None and server_of(event.sender) not in allowed:
        log.info("Matrix: ignored %s from %s (server not allowed)", event.event_id, event.sender)
        return
    if event.unreadable:
        if not event.is_group:  # in a DM the person is waiting for an answer
            await _notify(rooms, event.room_id, UNREADABLE)
        return
    data = None
    small = event.file is not None and event.file.size <= MAX_ATTACHMENT
    if event.file is not None and not event.is_group and small and fetch is not None:
        data = await fetch(event.file)
    incoming = to_incoming(event, data)
    if incoming is None:
        return
    replies = await handle(incoming)
    moved, offered = False, 0
    for reply in replies:
        # Count every reply's choices, sent or not: the router stored them all, in this order.
        first, offered = offered + 1, offered + len(reply.flat_buttons())
        try:
            if event.is_group and (reply.personal or reply.buttons):
                dm = await rooms.dm_with(event.sender)
                await rooms.send_to(dm, reply, with_options=False, note=CHOOSE_IN_DM)
                moved = True
            else:
                await rooms.send_to(event.room_id, reply, first_option=first)
        except DeliveryError as exc:
            log.warning("Matrix: reply to %s in %s failed: %s", event.sender, event.room_id, exc)
    if moved:
        await _notify(rooms, event.room_id, MOVED_TO_DM)


async def _notify(rooms: RoomSender, room_id: str, text: str) -> None:
    try:
        await rooms.send_to(room_id, Reply(text))
    except DeliveryError as exc:
        log.warning("Matrix: notice in %s failed: %s", room_id, exc)
