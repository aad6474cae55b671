"""Collect what one Matrix sync brought: text messages for the bot, and invites (no nio here).

nio calls these callbacks with its room and event objects while it processes a sync response;
the transport takes the batch afterwards and hands it to the worker.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.transports.matrix_dispatch import FileRef, TextEvent

log = logging.getLogger(__name__)


class EventCollector:
    """nio event callbacks that gather one sync's messages and invites."""

    def __init__(self, own_user_id: str) -> None:
        self.me = own_user_id
        self._batch: list[TextEvent] = []
        self._invites: dict[str, str] = {}

    def take_batch(self) -> list[TextEvent]:
        """Return and forget the messages collected so far."""
        batch, self._batch = self._batch, []
        return batch

    def take_invites(self) -> dict[str, str]:
        """Return and forget the invites collected so far (room id -> inviter)."""
        invites, self._invites = self._invites, {}
        return invites

    async def on_message(self, room: Any, event: Any) -> None:
        """Collect a text message (not our own echo, not an edit of an answered one)."""
        relation = event.source.get("content", {}).get("m.relates_to", {})
        if event.sender == self.me or relation.get("rel_type") == "m.replace":
            return
        name = room.user_name(event.sender) or event.sender
        self._batch.append(TextEvent(room.room_id, event.sender, name, event.body,
                                     event.event_id, room.member_count > 2))

    async def on_file(self, room: Any, event: Any) -> None:
        """Collect an m.file or m.image message (plain or encrypted); the worker downloads it."""
        if event.sender == self.me:
            return
        content = event.source.get("content", {})
        info = content.get("info") or {}
        crypto = {}
        if "file" in content:  # encrypted: the keys travel in the event (nio read them)
            crypto = {"key": event.key, "hashes": event.hashes, "iv": event.iv}
        mime = getattr(event, "mimetype", None) or info.get("mimetype") or ""
        ref = FileRef(content.get("filename") or event.body or "datei",
                      mime or "application/octet-stream", event.url,
                      int(info.get("size") or 0), crypto)
        name = room.user_name(event.sender) or event.sender
        self._batch.append(TextEvent(room.room_id, event.sender, name, event.body or "",
                                     event.event_id, room.member_count > 2, file=ref))

    async def on_undecryptable(self, room: Any, event: Any) -> None:
        """Collect a message nio could not decrypt (the person gets a notice in a DM)."""
        log.warning("Matrix: cannot decrypt %s in %s (session %s)",
                    event.event_id, room.room_id, event.session_id)
        self._batch.append(TextEvent(room.room_id, event.sender, event.sender, "",
                                     event.event_id, room.member_count > 2, unreadable=True))

    async def on_member(self, room: Any, event: Any) -> None:
        """Drop what a group said before we joined: that history is not addressed to us."""
        me = event.state_key == self.me
        if me and event.membership == "join" and room.member_count > 2:
            self._batch = [e for e in self._batch if e.room_id != room.room_id]

    async def on_invite(self, room: Any, event: Any) -> None:
        """Collect an invite of us into a room."""
        if event.state_key == self.me and event.membership == "invite":
            self._invites[room.room_id] = event.sender
