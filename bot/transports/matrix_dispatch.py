"""Hand one Matrix text message to the bot and route the replies (no nio in here).

Group rooms get only commands; personal replies and replies with choices go to the person's
DM, because numbered answers are resolved per chat and a group is no place for personal things.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from bot.chat import Address, DeliveryError, Handler, Incoming, Person, Reply
from bot.transports.matrix_format import CHOOSE_IN_DM, MOVED_TO_DM, UNREADABLE, parse_text

log = logging.getLogger(__name__)


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


def to_incoming(event: TextEvent) -> Incoming | None:
    """Translate a message to router input; None when it is not for the bot."""
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


async def dispatch(event: TextEvent, handle: Handler, rooms: RoomSender) -> None:
    """Let the bot handle one message and deliver its replies (failures are logged)."""
    if event.unreadable:
        if not event.is_group:  # in a DM the person is waiting for an answer
            await _notify(rooms, event.room_id, UNREADABLE)
        return
    incoming = to_incoming(event)
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
