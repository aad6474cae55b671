"""Matrix transport on matrix-nio (end-to-end encryption via vodozemac): the only `import nio`.

The sync loop only collects events; a worker hands them to the bot one batch at a time and then
persists that batch's sync token, so a restart neither replays handled commands nor skips new
ones. Device trust policy and its risk: docs/matrix.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import nio
from aiohttp import ClientError

from bot.chat import Address, Handler, PermanentFailure, Reply, TemporaryFailure
from bot.settings import Settings
from bot.transports.matrix_dispatch import TextEvent, dispatch
from bot.transports.matrix_format import (
    failure,
    file_content,
    message_html,
    server_of,
    text_content,
)
from bot.transports.matrix_login import login
from bot.transports.matrix_state import Backoff, StateFiles

log = logging.getLogger(__name__)

_Batch = tuple[list[TextEvent], str]


class MatrixTransport:
    """Talk to people on Matrix: DMs (encrypted or not) and, for commands only, group rooms."""

    platform = "matrix"

    def __init__(
        self, settings: Settings, *, device_name: str = "Zukunftsmacher-Bot",
        poll_ms: int = 30_000, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if not settings.matrix_enabled:
            raise ValueError("Matrix is not configured (MATRIX_HOMESERVER, MATRIX_USER_ID, ...)")
        self._settings = settings
        # Unset means: only people on the bot's own homeserver may invite it.
        own = server_of(settings.matrix_user_id or "")
        self._allowed = settings.allowed_matrix_servers() or frozenset({own})
        self._files = StateFiles(settings.matrix_store_path)
        self._device_name, self._poll_ms, self._sleep = device_name, poll_ms, sleep
        self._client: nio.AsyncClient | None = None
        self._handle: Handler | None = None
        self._batch: list[TextEvent] = []
        self._invites: dict[str, str] = {}
        self._queue: asyncio.Queue[_Batch] = asyncio.Queue()
        self._synced = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    @property
    def client(self) -> nio.AsyncClient:
        """Return the logged-in nio client (after start)."""
        if self._client is None:
            raise RuntimeError("MatrixTransport.start() was not called")
        return self._client

    async def start(self, handle: Handler) -> None:
        """Log in (keeping device and keys), catch up once, then sync in the background."""
        if not nio.crypto.ENCRYPTION_ENABLED:
            raise RuntimeError("matrix-nio ohne E2EE installiert: pip install 'matrix-nio[e2e]'")
        self._handle = handle
        await asyncio.to_thread(self._files.prepare)
        config = nio.AsyncClientConfig(
            max_limit_exceeded=0,  # return 429s to us: send() reports retry_after to the outbox
            max_timeouts=2,
            request_timeout=self._poll_ms / 1000 + 15,
            encryption_enabled=True,
            store_sync_tokens=False,  # we persist the token only after handling its events
        )
        s = self._settings
        self._client = nio.AsyncClient(
            s.matrix_homeserver or "", s.matrix_user_id or "",
            store_path=str(s.matrix_store_path), config=config,
        )
        await login(self._client, s, self._files, device_name=self._device_name,
                    error=nio.ErrorResponse)
        self._client.add_event_callback(self._on_message, nio.RoomMessageText)
        self._client.add_event_callback(self._on_undecryptable, nio.MegolmEvent)
        self._client.add_event_callback(self._on_member, nio.RoomMemberEvent)
        self._client.add_event_callback(self._on_invite, nio.InviteMemberEvent)
        token = self._files.load_token(self._client.device_id)
        if token is None:
            log.info("Matrix: first start of this device, old events are ignored")
        await self._catch_up(token)
        self._tasks = [asyncio.create_task(self._sync_loop()), asyncio.create_task(self._work())]

    async def stop(self) -> None:
        """Stop syncing, let the worker finish what was received, close the connection."""
        for i, task in enumerate(self._tasks):
            if i == 1:  # the worker: drain the queue first, a later batch's token must not win
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._queue.join(), 10)
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        self._tasks = []
        if self._client is not None:
            await self._client.close()

    async def _catch_up(self, token: str | None) -> None:
        """Run the first sync: full state; its timeline only counts when we have a token."""
        resp = await self.client.sync(timeout=0, since=token, full_state=True)
        if not isinstance(resp, nio.SyncResponse):
            raise RuntimeError(f"Matrix: first sync failed: {resp}")
        batch = self._take_batch()
        await self._after_sync(resp, batch if token is not None else [])

    async def _sync_loop(self) -> None:
        backoff = Backoff()
        while True:
            try:
                resp = await self.client.sync(timeout=self._poll_ms)
                if isinstance(resp, nio.SyncResponse):
                    backoff.reset()
                    await self._after_sync(resp, self._take_batch())
                    continue
            except (ClientError, TimeoutError) as exc:
                resp = nio.SyncError(str(exc))
            except Exception as exc:  # keep syncing whatever one response did to us
                log.exception("Matrix: sync round failed")
                resp = nio.SyncError(repr(exc))
            self._take_batch()  # nothing valid arrived; nio keeps the old token
            retry = resp.retry_after_ms / 1000 if resp.retry_after_ms else None
            delay = backoff.next_delay(retry)
            log.warning("Matrix sync failed (%s); retrying in %.1f s", resp, delay)
            await self._sleep(delay)

    async def _after_sync(self, resp: nio.SyncResponse, batch: list[Any]) -> None:
        await self._keys()
        await self._accept_invites()
        await self._queue.put((batch, resp.next_batch))
        self._synced.set()
        self._synced = asyncio.Event()

    async def _keys(self) -> None:
        """Do the crypto chores sync_forever() would do: upload, query, claim, to-device."""
        client = self.client
        try:
            if client.should_upload_keys:
                await client.keys_upload()
            if client.should_query_keys:
                await client.keys_query()
            if client.should_claim_keys:
                await client.keys_claim(client.get_users_for_key_claiming())
            await client.send_to_device_messages()
        except (ClientError, TimeoutError, nio.LocalProtocolError) as exc:
            log.warning("Matrix key maintenance failed, will retry: %s", exc)

    def _take_batch(self) -> list[TextEvent]:
        batch, self._batch = self._batch, []
        return batch

    async def _on_message(self, room: nio.MatrixRoom, event: nio.RoomMessageText) -> None:
        relation = event.source.get("content", {}).get("m.relates_to", {})
        if event.sender == self.client.user_id or relation.get("rel_type") == "m.replace":
            return  # our own echo, or an edit of a message we already answered
        name = room.user_name(event.sender) or event.sender
        self._batch.append(TextEvent(room.room_id, event.sender, name, event.body,
                                     event.event_id, room.member_count > 2))

    async def _on_undecryptable(self, room: nio.MatrixRoom, event: nio.MegolmEvent) -> None:
        log.warning("Matrix: cannot decrypt %s in %s (session %s)",
                    event.event_id, room.room_id, event.session_id)
        self._batch.append(TextEvent(room.room_id, event.sender, event.sender, "",
                                     event.event_id, room.member_count > 2, unreadable=True))

    async def _on_member(self, room: nio.MatrixRoom, event: nio.RoomMemberEvent) -> None:
        me = event.state_key == self.client.user_id
        if me and event.membership == "join" and room.member_count > 2:
            # History a group had before we joined is not addressed to us.
            self._batch = [e for e in self._batch if e.room_id != room.room_id]

    async def _on_invite(self, room: nio.MatrixRoom, event: nio.InviteMemberEvent) -> None:
        if event.state_key == self.client.user_id and event.membership == "invite":
            self._invites[room.room_id] = event.sender

    async def _accept_invites(self) -> None:
        invites, self._invites = self._invites, {}
        for room_id, inviter in invites.items():
            if server_of(inviter) in self._allowed:
                resp = await self.client.join(room_id)
                log.info("Matrix: joined %s on invite from %s: %s", room_id, inviter, resp)
            else:
                log.info("Matrix: declined invite from %s (server not allowed)", inviter)
                await self.client.room_leave(room_id)

    async def _work(self) -> None:
        while True:
            batch, token = await self._queue.get()
            for event in batch:
                try:
                    if self._handle is not None:
                        await dispatch(event, self._handle, self)
                except Exception:  # one bad message must not stop the bot
                    log.exception("Matrix: handling %s failed", event.event_id)
            await self._files.save_token(self.client.device_id, token)
            self._queue.task_done()

    async def send(self, address: Address, reply: Reply) -> None:
        """Deliver one reply to a room (or a user id's DM); raise Temporary/PermanentFailure."""
        chat = address.chat_id
        await self.send_to(await self.dm_with(chat) if chat.startswith("@") else chat, reply)

    async def send_to(
        self, room_id: str, reply: Reply, *, with_options: bool = True, note: str = "",
        first_option: int = 1,
    ) -> None:
        """Send a reply into a room: text (options numbered from `first_option`), then file."""
        room = self.client.rooms.get(room_id) or await self._room_after_sync(room_id)
        if room is None:
            raise PermanentFailure(f"not in Matrix room {room_id}")
        if len(room.users) < 2:  # joined or invited, from the room state
            raise PermanentFailure(f"everyone else left Matrix room {room_id}")
        html = message_html(reply, with_options=with_options, note=note, first_option=first_option)
        if html:
            await self._room_send(room_id, text_content(html))
        if reply.file is not None:
            url, keys = await self._upload(reply, encrypt=room.encrypted)
            await self._room_send(room_id, file_content(reply.file, url, keys))

    async def _upload(self, reply: Reply, *, encrypt: bool) -> tuple[str, dict[str, Any] | None]:
        assert reply.file is not None
        try:
            resp, keys = await self.client.upload(
                io.BytesIO(reply.file.data), content_type=reply.file.mime,
                filename=reply.file.name, encrypt=encrypt, filesize=len(reply.file.data),
            )
        except (ClientError, TimeoutError) as exc:
            raise TemporaryFailure(f"Matrix upload: {exc}") from exc
        if not isinstance(resp, nio.UploadResponse):
            raise failure(resp.status_code, resp.retry_after_ms, str(resp))
        return resp.content_uri, keys

    async def _room_send(self, room_id: str, content: dict[str, Any]) -> None:
        try:
            resp = await self.client.room_send(
                room_id, "m.room.message", content, ignore_unverified_devices=True
            )
        except (ClientError, TimeoutError, nio.LocalProtocolError) as exc:
            raise TemporaryFailure(f"Matrix send: {exc}") from exc
        if isinstance(resp, nio.ErrorResponse):
            raise failure(resp.status_code, resp.retry_after_ms, str(resp))

    async def _room_after_sync(self, room_id: str) -> nio.MatrixRoom | None:
        """Give a just-joined room one sync to show up before calling it unknown."""
        try:
            # A fresh join ends the long poll at once; an idle one would hold the outbox up.
            await asyncio.wait_for(self._synced.wait(), 5)
        except TimeoutError:
            return None
        return self.client.rooms.get(room_id)

    async def dm_with(self, user_id: str) -> str:
        """Return our DM room with `user_id`, creating an encrypted one if there is none."""
        for room in self.client.rooms.values():
            if room.member_count == 2 and user_id in room.users:
                return room.room_id
        resp = await self.client.room_create(
            is_direct=True, invite=[user_id], preset=nio.RoomPreset.trusted_private_chat,
            initial_state=[nio.event_builders.EnableEncryptionBuilder().as_dict()],
        )
        if isinstance(resp, nio.RoomCreateError):
            raise failure(resp.status_code, resp.retry_after_ms, str(resp))
        for _ in range(3):  # usable once a sync has told nio about the room and the invite
            room = self.client.rooms.get(resp.room_id)
            if room is not None and user_id in room.users:
                return resp.room_id
            try:
                await asyncio.wait_for(self._synced.wait(), self._poll_ms / 1000 + 20)
            except TimeoutError as exc:
                raise TemporaryFailure("Matrix: new DM not synced yet") from exc
        raise TemporaryFailure("Matrix: new DM not synced yet")


def build_matrix(settings: Settings) -> MatrixTransport:
    """Build the Matrix transport from settings (call only when `settings.matrix_enabled`)."""
    return MatrixTransport(settings)
