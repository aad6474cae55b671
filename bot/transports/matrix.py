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

from bot.chat import (
    Address,
    DeliveryError,
    Handler,
    PartlySent,
    PermanentFailure,
    Reply,
    TemporaryFailure,
)
from bot.settings import Settings
from bot.transports.matrix_chores import answer_invites, crypto_upkeep
from bot.transports.matrix_dispatch import FileRef, TextEvent, dispatch
from bot.transports.matrix_events import EventCollector
from bot.transports.matrix_format import failure, file_content, message_html, text_content
from bot.transports.matrix_login import login
from bot.transports.matrix_state import Backoff, StateFiles

log = logging.getLogger(__name__)

_Batch = tuple[list[TextEvent], str]
_NETWORK = (ClientError, TimeoutError, OSError)
_TOLERATED = (*_NETWORK, nio.LocalProtocolError)


class MatrixTransport:
    """Talk to people on Matrix: DMs (encrypted or not) and, for commands only, group rooms."""

    platform = "matrix"
    numbered = True

    def __init__(
        self, settings: Settings, *, device_name: str = "Zukunftsmacher-Bot",
        poll_ms: int = 30_000, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if not settings.matrix_enabled:
            raise ValueError("Matrix is not configured (MATRIX_HOMESERVER, MATRIX_USER_ID, ...)")
        self._settings = settings
        # Unset means: only people on the bot's own homeserver may invite it or talk to it.
        own = (settings.matrix_user_id or "").partition(":")[2]
        self._allowed = settings.allowed_matrix_servers() or frozenset({own})
        self._files = StateFiles(settings.matrix_store_path)
        self._device_name, self._poll_ms, self._sleep = device_name, poll_ms, sleep
        self._client: nio.AsyncClient | None = None
        self._handle: Handler | None = None
        self._events = EventCollector(settings.matrix_user_id or "")
        self._queue: asyncio.Queue[_Batch] = asyncio.Queue()
        self._synced = asyncio.Event()
        self._ready = False
        self._starter: asyncio.Task[None] | None = None
        self._sync_task: asyncio.Task[None] | None = None
        self._worker: asyncio.Task[None] | None = None

    @property
    def connected(self) -> bool:
        """Tell whether the bot is logged in and its sync loop runs."""
        task = self._sync_task
        return self._ready and task is not None and not task.done()

    @property
    def client(self) -> nio.AsyncClient:
        """Return the logged-in nio client (after start)."""
        if self._client is None:
            raise RuntimeError("MatrixTransport.start() was not called")
        return self._client

    async def start(self, handle: Handler) -> None:
        """Log in (same device and keys), catch up once, then sync in the background.

        An unreachable homeserver is retried in the background instead of stopping the whole
        bot (Telegram keeps running); wrong credentials still fail here.
        """
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
        events = self._events
        self._client.add_event_callback(events.on_message, nio.RoomMessageText)
        self._client.add_event_callback(events.on_file, (
            nio.RoomMessageFile, nio.RoomEncryptedFile,  # m.file (a catalogue, a flyer)
            nio.RoomMessageImage, nio.RoomEncryptedImage))  # m.image (a broadcast's picture)
        self._client.add_event_callback(events.on_undecryptable, nio.MegolmEvent)
        self._client.add_event_callback(events.on_member, nio.RoomMemberEvent)
        self._client.add_event_callback(events.on_invite, nio.InviteMemberEvent)
        try:
            await self._connect()
        except _NETWORK as exc:
            log.warning("Matrix: homeserver not reachable (%s); retrying in the background", exc)
            self._starter = asyncio.create_task(self._connect_later())

    async def _connect(self) -> None:
        await login(self.client, self._settings, self._files, device_name=self._device_name,
                    error=nio.ErrorResponse)
        self._events.me = self.client.user_id  # as the server spells it
        token = self._files.load_token(self.client.device_id)
        if token is None:
            log.info("Matrix: first start of this device, old events are ignored")
        await self._catch_up(token)
        self._sync_task = asyncio.create_task(self._sync_loop())
        self._worker = asyncio.create_task(self._work())
        self._ready = True

    async def _connect_later(self) -> None:
        backoff = Backoff()
        while True:
            await self._sleep(backoff.next_delay())
            try:
                await self._connect()
                log.info("Matrix: connected")
                return
            except _NETWORK as exc:
                log.warning("Matrix: homeserver still not reachable: %s", exc)

    async def stop(self) -> None:
        """Stop syncing, let the worker finish what was received, close the connection."""
        self._ready = False
        await _cancel(self._starter)
        await _cancel(self._sync_task)
        if self._worker is not None:
            # Finish the batches already received, so their sync tokens get saved.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._queue.join(), 10)
            await _cancel(self._worker)
        if self._client is not None:
            await self._client.close()

    async def _catch_up(self, token: str | None) -> None:
        """Run the first sync: full state; its timeline only counts when we have a token."""
        resp = await self.client.sync(timeout=0, since=token, full_state=True)
        if not isinstance(resp, nio.SyncResponse):
            raise ConnectionError(f"Matrix: first sync failed: {resp}")
        batch = self._events.take_batch()
        await self._after_sync(resp, batch if token is not None else [])

    async def _sync_loop(self) -> None:
        backoff = Backoff()
        while True:
            try:
                resp = await self.client.sync(timeout=self._poll_ms)
                if isinstance(resp, nio.SyncResponse):
                    backoff.reset()
                    await self._after_sync(resp, self._events.take_batch())
                    continue
            except (ClientError, TimeoutError) as exc:
                resp = nio.SyncError(str(exc))
            except Exception as exc:  # keep syncing whatever one response did to us
                log.exception("Matrix: sync round failed")
                resp = nio.SyncError(repr(exc))
            self._events.take_batch()  # nothing valid arrived; nio keeps the old token
            retry = resp.retry_after_ms / 1000 if resp.retry_after_ms else None
            delay = backoff.next_delay(retry)
            log.warning("Matrix sync failed (%s); retrying in %.1f s", resp, delay)
            await self._sleep(delay)

    async def _after_sync(self, resp: nio.SyncResponse, batch: list[Any]) -> None:
        await crypto_upkeep(self.client, _TOLERATED)
        invites = self._events.take_invites()
        await answer_invites(self.client, invites, self._allowed, _TOLERATED)
        await self._queue.put((batch, resp.next_batch))
        self._synced.set()
        self._synced = asyncio.Event()

    async def _work(self) -> None:
        while True:
            batch, token = await self._queue.get()
            for event in batch:
                try:
                    if self._handle is not None:
                        await dispatch(event, self._handle, self, self.fetch, self._allowed)
                except Exception:  # one bad message must not stop the bot
                    log.exception("Matrix: handling %s failed", event.event_id)
            await self._files.save_token(self.client.device_id, token)
            self._queue.task_done()

    async def fetch(self, ref: FileRef) -> bytes | None:
        """Download a sent file (decrypting it in an encrypted room); None when that fails."""
        try:
            resp = await self.client.download(mxc=ref.url)
        except _TOLERATED as exc:
            log.warning("Matrix: download of %s failed: %s", ref.url, exc)
            return None
        if not isinstance(resp, nio.DownloadResponse) or not isinstance(resp.body, bytes):
            log.warning("Matrix: download of %s failed: %s", ref.url, resp)
            return None
        if not ref.encryption:
            return resp.body
        enc = ref.encryption
        try:
            plain: bytes = nio.crypto.decrypt_attachment(
                resp.body, enc["key"]["k"], enc["hashes"]["sha256"], enc["iv"])
        except (KeyError, TypeError, ValueError, nio.EncryptionError) as exc:
            log.warning("Matrix: file %s not decrypted: %s", ref.url, exc)
            return None
        return plain

    async def send(self, address: Address, reply: Reply) -> None:
        """Deliver one reply to a room (or a user id's DM); raise Temporary/PermanentFailure."""
        chat = address.chat_id
        await self.send_to(await self.dm_with(chat) if chat.startswith("@") else chat, reply)

    async def send_to(
        self, room_id: str, reply: Reply, *, with_options: bool = True, note: str = "",
        first_option: int = 1,
    ) -> None:
        """Send a reply into a room: text (options numbered from `first_option`), then file."""
        if not self._ready:
            raise TemporaryFailure("Matrix is not connected yet")
        room = self.client.rooms.get(room_id)
        if room is None and await self._next_sync(5):  # a fresh join ends the long poll at once
            room = self.client.rooms.get(room_id)
        if room is None:
            raise PermanentFailure(f"not in Matrix room {room_id}")
        if len(room.users) < 2:  # joined or invited, from the room state
            raise PermanentFailure(f"everyone else left Matrix room {room_id}")
        html = message_html(reply, with_options=with_options, note=note, first_option=first_option)
        if html:
            await self._room_send(room_id, text_content(html))
        if reply.file is not None:
            try:
                url, keys = await self._upload(reply, encrypt=room.encrypted)
                await self._room_send(room_id, file_content(reply.file, url, keys))
            except DeliveryError as exc:
                if not html:
                    raise
                raise PartlySent(f"text sent, file failed: {exc}") from exc  # never resend text

    async def _upload(self, reply: Reply, *, encrypt: bool) -> tuple[str, dict[str, Any] | None]:
        assert reply.file is not None
        data = reply.file.data
        resp, keys = await self._checked(self.client.upload(
            io.BytesIO(data), content_type=reply.file.mime, filename=reply.file.name,
            encrypt=encrypt, filesize=len(data),
        ))
        return resp.content_uri, keys

    async def _room_send(self, room_id: str, content: dict[str, Any]) -> None:
        await self._checked(self.client.room_send(
            room_id, "m.room.message", content, ignore_unverified_devices=True
        ))

    async def _checked(self, call: Awaitable[Any]) -> Any:
        """Await a nio call; turn network trouble and error answers into delivery failures."""
        try:
            resp = await call
        except _TOLERATED as exc:
            raise TemporaryFailure(f"Matrix: {exc!r}") from exc
        error = resp[0] if isinstance(resp, tuple) else resp  # upload() answers with a pair
        if isinstance(error, nio.ErrorResponse):
            raise failure(error.status_code, error.retry_after_ms, str(error))
        return resp

    async def _next_sync(self, seconds: float) -> bool:
        """Wait for the next completed sync; tell whether one came within `seconds`."""
        try:
            await asyncio.wait_for(self._synced.wait(), seconds)
        except TimeoutError:
            return False
        return True

    async def dm_with(self, user_id: str) -> str:
        """Return our DM room with `user_id`, creating an encrypted one if there is none."""
        for room in self.client.rooms.values():
            if room.member_count == 2 and user_id in room.users:
                return str(room.room_id)
        resp = await self._checked(self.client.room_create(
            is_direct=True, invite=[user_id], preset=nio.RoomPreset.trusted_private_chat,
            initial_state=[nio.event_builders.EnableEncryptionBuilder().as_dict()],
        ))
        for _ in range(3):  # usable once a sync has told nio about the room and the invite
            room = self.client.rooms.get(resp.room_id)
            if room is not None and user_id in room.users:
                return str(resp.room_id)
            if not await self._next_sync(self._poll_ms / 1000 + 20):
                break
        raise TemporaryFailure("Matrix: new DM not synced yet")


def build_matrix(settings: Settings) -> MatrixTransport:
    """Build the Matrix transport from settings (call only when `settings.matrix_enabled`)."""
    return MatrixTransport(settings)


async def _cancel(task: asyncio.Task[None] | None) -> None:
    if task is not None:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
