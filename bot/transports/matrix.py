"""Matrix transport on matrix-nio (end-to-end encryption via vodozemac): the only `import nio`.

The sync loop only collects events; a worker hands them to the bot one batch at a time and then
persists that batch's sync token, so a restart neither replays handled commands nor skips new
ones. Device trust policy and its risk: docs/matrix.md.
"""

from __future__ import annotations

import asyncio
import io
import logging
from typing import Any

from aiohttp import ClientError
from nio import (
    AsyncClient,
    AsyncClientConfig,
    ErrorResponse,
    InviteMemberEvent,
    LocalProtocolError,
    MatrixRoom,
    MegolmEvent,
    RoomCreateError,
    RoomMemberEvent,
    RoomMessageText,
    RoomPreset,
    SyncError,
    SyncResponse,
    UploadResponse,
)
from nio.crypto import ENCRYPTION_ENABLED
from nio.event_builders import EnableEncryptionBuilder

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
from bot.transports.matrix_state import Backoff, Credentials, StateFiles

log = logging.getLogger(__name__)

_Batch = tuple[list[TextEvent], str]


class MatrixTransport:
    """Talk to people on Matrix: DMs (encrypted or not) and, for commands only, group rooms."""

    platform = "matrix"

    def __init__(
        self, settings: Settings, *, device_name: str = "Zukunftsmacher-Bot", poll_ms: int = 30_000
    ) -> None:
        if not settings.matrix_enabled:
            raise ValueError("Matrix is not configured (MATRIX_HOMESERVER, MATRIX_USER_ID, ...)")
        self._settings = settings
        self._allowed = settings.allowed_matrix_servers()
        self._files = StateFiles(settings.matrix_store_path)
        self._device_name, self._poll_ms = device_name, poll_ms
        self._client: AsyncClient | None = None
        self._handle: Handler | None = None
        self._batch: list[TextEvent] = []
        self._invites: dict[str, str] = {}
        self._queue: asyncio.Queue[_Batch] = asyncio.Queue()
        self._synced = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    @property
    def client(self) -> AsyncClient:
        """Return the logged-in nio client (after start)."""
        if self._client is None:
            raise RuntimeError("MatrixTransport.start() was not called")
        return self._client

    async def start(self, handle: Handler) -> None:
        """Log in (keeping device and keys), catch up once, then sync in the background."""
        self._handle = handle
        await asyncio.to_thread(self._files.prepare)
        config = AsyncClientConfig(
            max_limit_exceeded=0,  # return 429s to us: send() reports retry_after to the outbox
            max_timeouts=2,
            request_timeout=self._poll_ms / 1000 + 15,
            encryption_enabled=ENCRYPTION_ENABLED,
            store_sync_tokens=False,  # we persist the token only after handling its events
        )
        s = self._settings
        self._client = AsyncClient(
            s.matrix_homeserver or "", s.matrix_user_id or "",
            store_path=str(s.matrix_store_path), config=config,
        )  # fmt: skip
        await self._login()
        self._client.add_event_callback(self._on_message, RoomMessageText)
        self._client.add_event_callback(self._on_undecryptable, MegolmEvent)
        self._client.add_event_callback(self._on_member, RoomMemberEvent)
        self._client.add_event_callback(self._on_invite, InviteMemberEvent)
        token = self._files.load_token(self._client.device_id)
        if token is None:
            log.info("Matrix: first start of this device, old events are ignored")
        await self._catch_up(token)
        self._tasks = [asyncio.create_task(self._sync_loop()), asyncio.create_task(self._work())]

    async def stop(self) -> None:
        """Stop syncing, finish the batch in hand, close the connection."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        if self._client is not None:
            await self._client.close()

    async def _login(self) -> None:
        """Reuse the saved device login; else use the token or password (keeps the device id)."""
        s, client = self._settings, self.client
        home, user = s.matrix_homeserver or "", s.matrix_user_id or ""
        creds = self._files.load_credentials(home, user)
        if creds and s.matrix_device_id and creds.device_id != s.matrix_device_id:
            creds = None  # a configured device id wins over a saved login
        if creds is None and s.matrix_access_token:
            client.access_token = s.matrix_access_token.get_secret_value()
            who = await client.whoami()
            if isinstance(who, ErrorResponse):
                raise RuntimeError(f"MATRIX_ACCESS_TOKEN wird nicht angenommen: {who}")
            creds = Credentials(home, who.user_id, who.device_id or "", client.access_token)
        elif creds is not None:
            client.access_token = creds.access_token
            if isinstance(await client.whoami(), ErrorResponse) and s.matrix_password:
                client.device_id = creds.device_id  # log in again on the same device and keys
                creds = None
        if creds is None:
            if s.matrix_password is None:
                raise RuntimeError("Matrix-Login nicht möglich: MATRIX_PASSWORD fehlt")
            client.device_id = client.device_id or s.matrix_device_id or ""
            resp = await client.login(s.matrix_password.get_secret_value(), self._device_name)
            if isinstance(resp, ErrorResponse):
                raise RuntimeError(f"Matrix-Login fehlgeschlagen: {resp}")
            creds = Credentials(home, resp.user_id, resp.device_id, resp.access_token)
        client.restore_login(creds.user_id, creds.device_id, creds.access_token)
        await asyncio.to_thread(self._files.save_credentials, creds)
        log.info("Matrix: logged in as %s, device %s", creds.user_id, creds.device_id)

    async def _catch_up(self, token: str | None) -> None:
        """Run the first sync: full state; its timeline only counts when we have a token."""
        resp = await self.client.sync(timeout=0, since=token, full_state=True)
        if not isinstance(resp, SyncResponse):
            raise RuntimeError(f"Matrix: first sync failed: {resp}")
        batch = self._take_batch()
        await self._after_sync(resp, batch if token is not None else [])

    async def _sync_loop(self) -> None:
        backoff = Backoff()
        while True:
            try:
                resp = await self.client.sync(timeout=self._poll_ms)
            except (ClientError, TimeoutError) as exc:
                resp = SyncError(str(exc))
            if isinstance(resp, SyncResponse):
                backoff.reset()
                await self._after_sync(resp, self._take_batch())
                continue
            self._take_batch()  # nothing valid arrived; nio keeps the old token
            retry = resp.retry_after_ms / 1000 if resp.retry_after_ms else None
            delay = backoff.next_delay(retry)
            log.warning("Matrix sync failed (%s); retrying in %.1f s", resp, delay)
            await asyncio.sleep(delay)

    async def _after_sync(self, resp: SyncResponse, batch: list[Any]) -> None:
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
        except (ClientError, TimeoutError, LocalProtocolError) as exc:
            log.warning("Matrix key maintenance failed, will retry: %s", exc)

    def _take_batch(self) -> list[TextEvent]:
        batch, self._batch = self._batch, []
        return batch

    async def _on_message(self, room: MatrixRoom, event: RoomMessageText) -> None:
        if event.sender != self.client.user_id:
            name = room.user_name(event.sender) or event.sender
            self._batch.append(TextEvent(room.room_id, event.sender, name, event.body,
                                         event.event_id, room.member_count > 2))  # fmt: skip

    async def _on_undecryptable(self, room: MatrixRoom, event: MegolmEvent) -> None:
        log.warning("Matrix: cannot decrypt %s in %s (session %s)",
                    event.event_id, room.room_id, event.session_id)  # fmt: skip

    async def _on_member(self, room: MatrixRoom, event: RoomMemberEvent) -> None:
        me = event.state_key == self.client.user_id
        if me and event.membership == "join" and room.member_count > 2:
            # History a group had before we joined is not addressed to us.
            self._batch = [e for e in self._batch if e.room_id != room.room_id]

    async def _on_invite(self, room: MatrixRoom, event: InviteMemberEvent) -> None:
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
                if self._handle is not None:
                    await dispatch(event, self._handle, self)
            await self._files.save_token(self.client.device_id, token)

    async def send(self, address: Address, reply: Reply) -> None:
        """Deliver one reply to a room; raise Temporary/PermanentFailure for the outbox."""
        await self.send_to(address.chat_id, reply)

    async def send_to(
        self, room_id: str, reply: Reply, *, with_options: bool = True, note: str = ""
    ) -> None:
        room = self.client.rooms.get(room_id) or await self._room_after_sync(room_id)
        if room is None:
            raise PermanentFailure(f"not in Matrix room {room_id}")
        if room.joined_count + room.invited_count < 2:
            raise PermanentFailure(f"everyone else left Matrix room {room_id}")
        html = message_html(reply, with_options=with_options, note=note)
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
            )  # fmt: skip
        except (ClientError, TimeoutError) as exc:
            raise TemporaryFailure(f"Matrix upload: {exc}") from exc
        if not isinstance(resp, UploadResponse):
            raise failure(resp.status_code, resp.retry_after_ms, str(resp))
        return resp.content_uri, keys

    async def _room_send(self, room_id: str, content: dict[str, Any]) -> None:
        try:
            resp = await self.client.room_send(
                room_id, "m.room.message", content, ignore_unverified_devices=True
            )
        except (ClientError, TimeoutError, LocalProtocolError) as exc:
            raise TemporaryFailure(f"Matrix send: {exc}") from exc
        if isinstance(resp, ErrorResponse):
            raise failure(resp.status_code, resp.retry_after_ms, str(resp))

    async def _room_after_sync(self, room_id: str) -> MatrixRoom | None:
        """Give a just-joined room one sync to show up before calling it unknown."""
        try:
            await asyncio.wait_for(self._synced.wait(), self._poll_ms / 1000 + 20)
        except TimeoutError:
            return None
        return self.client.rooms.get(room_id)

    async def dm_with(self, user_id: str) -> str:
        """Return our DM room with `user_id`, creating an encrypted one if there is none."""
        for room in self.client.rooms.values():
            if room.member_count == 2 and user_id in room.users:
                return room.room_id
        resp = await self.client.room_create(
            is_direct=True, invite=[user_id], preset=RoomPreset.trusted_private_chat,
            initial_state=[EnableEncryptionBuilder().as_dict()],
        )  # fmt: skip
        if isinstance(resp, RoomCreateError):
            raise failure(resp.status_code, resp.retry_after_ms, str(resp))
        for _ in range(3):  # the room is usable once a sync has told nio about it
            if resp.room_id in self.client.rooms:
                return resp.room_id
            try:
                await asyncio.wait_for(self._synced.wait(), self._poll_ms / 1000 + 20)
            except TimeoutError as exc:
                raise TemporaryFailure("Matrix: new DM not synced yet") from exc
        raise TemporaryFailure("Matrix: new DM not synced yet")


def build_matrix(settings: Settings) -> MatrixTransport:
    """Build the Matrix transport from settings (call only when `settings.matrix_enabled`)."""
    return MatrixTransport(settings)
