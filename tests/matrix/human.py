"""A second nio client that plays the human in the Matrix end-to-end tests."""

from __future__ import annotations

import asyncio
import contextlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    DownloadResponse,
    InviteMemberEvent,
    MatrixRoom,
    RoomCreateResponse,
    RoomEncryptedFile,
    RoomMessageFile,
    RoomMessageText,
    RoomSendResponse,
    UploadResponse,
)
from nio.crypto import decrypt_attachment
from nio.event_builders import EnableEncryptionBuilder

from bot.chat import FileOut
from bot.transports.matrix_format import file_content

from .synapse import Account

WAIT = 30.0  # seconds a test waits for a message over loopback before failing


@dataclass(frozen=True)
class Seen:
    """One message the human received."""

    room_id: str
    sender: str
    body: str
    formatted: str | None
    event: Any


class Human:
    """Log in as `account`, sync in the background and collect what the bot sends."""

    def __init__(self, homeserver: str, account: Account, store: Path) -> None:
        store.mkdir(parents=True, exist_ok=True)
        config = AsyncClientConfig(encryption_enabled=True, store_sync_tokens=False)
        self.account = account
        self.client = AsyncClient(homeserver, account.user_id, store_path=str(store),
                                  config=config)
        self.inbox: asyncio.Queue[Seen] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Human:
        resp = await self.client.login(self.account.password, device_name="test-human")
        assert resp.__class__.__name__ == "LoginResponse", resp
        self.client.add_event_callback(self._on_event, (RoomMessageText, RoomMessageFile,
                                                        RoomEncryptedFile))
        self.client.add_event_callback(self._on_invite, InviteMemberEvent)
        await self.client.sync(timeout=0, full_state=True)
        self._task = asyncio.create_task(self.client.sync_forever(timeout=1000))
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        await self.client.close()

    async def _on_event(self, room: MatrixRoom, event: Any) -> None:
        if event.sender != self.client.user_id:
            formatted = getattr(event, "formatted_body", None)
            await self.inbox.put(Seen(room.room_id, event.sender, event.body, formatted, event))

    async def _on_invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
        # The bot opens DMs for personal answers; a person would accept them.
        if event.state_key == self.client.user_id and event.membership == "invite":
            await self.client.join(room.room_id)

    async def open_dm(self, bot_id: str, *, encrypted: bool) -> str:
        """Create a DM with the bot (as Element does) and wait until the bot has joined."""
        state = [EnableEncryptionBuilder().as_dict()] if encrypted else []
        resp = await self.client.room_create(is_direct=True, invite=[bot_id], initial_state=state)
        assert isinstance(resp, RoomCreateResponse), resp
        await self.wait_for_member(resp.room_id, bot_id)
        return resp.room_id

    async def wait_for_member(self, room_id: str, user_id: str) -> None:
        """Wait until `user_id` has joined the room (as seen by our sync)."""
        async with asyncio.timeout(WAIT):
            while True:
                room = self.client.rooms.get(room_id)
                joined = room is not None and user_id in room.users
                if joined and user_id not in room.invited_users:
                    return
                await self.client.synced.wait()

    async def say(self, room_id: str, text: str) -> None:
        """Send a plain text message (encrypted if the room is)."""
        resp = await self.client.room_send(
            room_id, "m.room.message", {"msgtype": "m.text", "body": text},
            ignore_unverified_devices=True,
        )
        assert isinstance(resp, RoomSendResponse), resp

    async def send_file(self, room_id: str, file: FileOut) -> None:
        """Upload a file (encrypted in an encrypted room, as Element does) and send an m.file."""
        room = self.client.rooms[room_id]
        upload, keys = await self.client.upload(
            io.BytesIO(file.data), content_type=file.mime, filename=file.name,
            encrypt=room.encrypted, filesize=len(file.data))
        assert isinstance(upload, UploadResponse), upload
        resp = await self.client.room_send(
            room_id, "m.room.message", file_content(file, upload.content_uri, keys),
            ignore_unverified_devices=True,
        )
        assert isinstance(resp, RoomSendResponse), resp

    async def receive(self, room_id: str | None = None, *, sender: str | None = None) -> Seen:
        """Return the next message (in `room_id`, from `sender`, if given); others are dropped."""
        async with asyncio.timeout(WAIT):
            while True:
                seen = await self.inbox.get()
                if room_id in (None, seen.room_id) and sender in (None, seen.sender):
                    return seen

    async def download(self, seen: Seen) -> bytes:
        """Fetch a file message's bytes, decrypting an encrypted attachment."""
        event = seen.event
        resp = await self.client.download(event.url)
        assert isinstance(resp, DownloadResponse), resp
        if isinstance(event, RoomEncryptedFile):
            return decrypt_attachment(resp.body, event.key["k"], event.hashes["sha256"], event.iv)
        return resp.body
