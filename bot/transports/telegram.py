"""Telegram transport on python-telegram-bot 22, through PTB's public API only.

Only this module and its helpers telegram_http (connections) and telegram_updates (updates ->
Incoming) import `telegram`; tests/telegram/test_public_ptb_api.py keeps PTB's private names out.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import telegram as tg
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, ExtBot
from telegram.request import BaseRequest, HTTPXRequest

from bot.chat import (
    Address,
    BadSetup,
    Handler,
    Incoming,
    PartlySent,
    Reply,
    TemporaryFailure,
    Unreachable,
)
from bot.transports import telegram_plan as tp
from bot.transports import telegram_updates as tu
from bot.transports.ordering import ChatOrder
from bot.transports.telegram_config import PLATFORM, AppHooks, TelegramConfig, config_from_settings
from bot.transports.telegram_http import AiohttpRequest, UpdatesRequest, delivery_error
from bot.transports.telegram_menu import AdminMenus
from bot.transports.telegram_pace import SharedPace, Take

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
HTML = "HTML"  # parse mode; handlers send the <b>/<i>/<a>/<code> subset
POOL = 256  # connections for Bot API calls: a broadcast has 256 messages in flight
Markup = dict[str, Any] | None  # a step's inline keyboard as api_kwargs (see _keyboard)
OnWait = Callable[[str, float], None]  # platform, seconds a Bot API call waited for the limiter
Pace = Callable[[object], Awaitable[None]]  # waits for the shared budget before a call to a chat
TgApp = Application[
    ExtBot[int], ContextTypes.DEFAULT_TYPE, dict[Any, Any], dict[Any, Any], dict[Any, Any], None
]


def _start_error(exc: Exception) -> Exception:
    """Tell a wrong token (fix the settings) from a Bot API that does not answer (retry)."""
    if isinstance(exc, InvalidToken):
        return BadSetup("Telegram: TELEGRAM_BOT_TOKEN wurde abgelehnt / the token was rejected "
                        "by the server (prüfe den Token von @BotFather)")
    if isinstance(exc, NetworkError):  # also TimedOut
        return Unreachable(f"Telegram Bot API: {type(exc).__name__}")
    return exc


class TelegramTransport:
    """Receive Telegram updates as `Incoming`, send `Reply`s back natively."""

    platform = PLATFORM
    numbered = False

    def __init__(self, config: TelegramConfig, hooks: AppHooks | None = None, *,
                 on_wait: OnWait | None = None, pace: Pace | None = None) -> None:
        self._config = config
        self._hooks = hooks
        self._on_wait = on_wait
        self._pace = pace  # several processes: the budget they share (telegram_pace)
        self.receiving = False  # polling or webhook wanted (not just sending)
        self._app: TgApp | None = None
        self._handle: Handler | None = None
        self.username = ""
        self._url = "https://t.me/"
        lookup = (lambda: hooks.admin_ids(PLATFORM)) if hooks else None
        self._menus = AdminMenus(config.admin_ids, lookup)

    async def start(self, handle: Handler, *, receive: bool = True) -> None:
        """Connect, publish the command menu and start polling (or the webhook).

        `receive=False`: connect for sending only; `start_receiving()` starts polling later
        (several processes: only the leader polls).
        """
        self._handle = handle
        app = self._build_application()
        try:
            await app.initialize()  # getMe: checks the token
        except Exception as exc:
            await app.bot.shutdown()  # close the connection pools opened before the failure
            raise _start_error(exc) from None  # PTB's message names the token
        self._app, self.username = app, app.bot.username
        self._url = f"https://t.me/{self.username}"
        if self._hooks:
            self._hooks.set_link_base(PLATFORM, f"https://t.me/{self.username}?start=")
            await self._menus.refresh(self._set_menu, everyone=True)
        await app.start()
        self.receiving = receive
        if receive:
            await self._start_receiving(app)
        log.info("Telegram bot @%s is running%s", self.username,
                 "" if receive else " (sending only until it leads)")

    async def start_receiving(self) -> None:
        """Start polling (or the webhook) on a transport started with `receive=False`."""
        app = self._app
        if app is not None and app.updater is not None and not app.updater.running:
            await self._start_receiving(app)
        self.receiving = True

    async def stop_receiving(self) -> None:
        """Stop polling (or the webhook) but keep sending."""
        self.receiving = False
        app = self._app
        if app is not None and app.updater is not None and app.updater.running:
            await app.updater.stop()  # the final getUpdates confirms what was fetched

    async def stop(self) -> None:
        """Stop receiving, finish queued updates, confirm offsets and close connections."""
        app = self._app
        if app is None:
            return
        if app.updater and app.updater.running:
            await app.updater.stop()  # the final getUpdates confirms what was fetched
        if app.running:
            await app.stop()  # handles updates still queued before returning
        await app.shutdown()
        self._app = None

    @property
    def connected(self) -> bool:
        """Tell whether the bot is started and receiving (polling or webhook)."""
        app = self._app
        if app is None or not app.running:
            return False
        return not self.receiving or bool(app.updater and app.updater.running)

    async def send(self, address: Address, reply: Reply) -> None:
        """Deliver one reply (outbox path); map Telegram errors to delivery failures."""
        if self._app is None:
            raise TemporaryFailure("Telegram is not connected")
        sent = 0
        try:
            for step in tp.plan([reply], is_group=False, edit_id=None, bot_url=self._url):
                await self._step(int(address.chat_id), step)
                sent += 1
        except TelegramError as exc:
            if sent:  # part of it arrived: a retry would repeat that part (at-most-once)
                raise PartlySent(f"{sent} part(s) sent, then: {exc}") from exc
            mapped = delivery_error(exc)
            if mapped is exc:
                raise
            raise mapped from exc

    def _build_application(self) -> TgApp:
        cfg = self._config
        # Telegram allows ~30 messages/s overall and 20/min per group. We pace 30/s in bursts of
        # at most 10, so a stalled event loop cannot release a burst Telegram would refuse.
        # Several processes also share one budget per token (`pace`, telegram_pace.py).
        limiter = TimedLimiter(self._on_wait, overall_max_rate=10, overall_time_period=1 / 3,
                               max_retries=3, pace=self._pace)
        bot = ExtBot(
            cfg.token,
            base_url=cfg.base_url or "https://api.telegram.org/bot",
            base_file_url=cfg.file_url or "https://api.telegram.org/file/bot",
            request=_connection(cfg, POOL),
            get_updates_request=UpdatesRequest(_connection(cfg, 1)),
            rate_limiter=limiter if cfg.rate_limit else None,
        )
        order = _ChatOrder(cfg.concurrency)
        app = ApplicationBuilder().bot(bot).job_queue(None).concurrent_updates(order).build()
        app.add_handler(tg.ext.TypeHandler(tg.Update, self._on_update))
        return app

    async def _start_receiving(self, app: TgApp) -> None:
        cfg, updater = self._config, app.updater
        assert updater is not None
        common: dict[str, Any] = {"allowed_updates": ALLOWED_UPDATES}  # pending ones are kept
        if not cfg.webhook_url:
            await updater.start_polling(timeout=timedelta(seconds=cfg.poll_timeout), **common)
            return
        await updater.start_webhook(
            listen=cfg.listen, port=cfg.port, url_path=cfg.webhook_path,
            webhook_url=cfg.webhook_url, secret_token=cfg.secret(), **common,
        )

    async def _set_menu(self, chat: str | None, admin: bool) -> None:
        """Show the member menu to all (chat None), the admin menu in an admin's chat."""
        assert self._hooks is not None
        scope = tg.BotCommandScopeChat(int(chat)) if chat else tg.BotCommandScopeDefault()
        if chat and not admin:  # a former admin falls back to the default menu
            await self._api.delete_my_commands(scope)
            return
        menu = tp.menu(self._hooks.command_menu(admin=admin))
        await self._api.set_my_commands([tg.BotCommand(*c) for c in menu], scope)

    # -- receiving -------------------------------------------------------------------------
    async def _on_update(self, update: tg.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        blocked = tu.blocked_by(update)
        if blocked and self._hooks:
            log.info("%s blocked the bot", blocked.key)
            await self._hooks.mark_unreachable(blocked)
        incoming = tu.incoming(update, self.username)
        if update.callback_query:
            await self._answer(update.callback_query)
        if incoming is None or self._handle is None:
            log.debug("update %s ignored", update.update_id)
            return
        if incoming.attachment is not None:
            incoming = await self._fetched(incoming)
        replies = await self._handle(incoming)
        try:
            await self._reply(incoming, replies)
        except Forbidden as exc:
            log.info("%s unreachable (%s)", incoming.person.key, exc.message)
            if not incoming.is_group and self._hooks:
                await self._hooks.mark_unreachable(incoming.person)
        if self._hooks and self._menus.wants_refresh(incoming):
            await self._menus.refresh(self._set_menu)

    async def _fetched(self, incoming: Incoming) -> Incoming:
        """Download a sent document (getFile, then the file URL) unless it is too large."""
        file = incoming.attachment
        if file is None or file.too_large:
            return incoming  # the handler tells the person it is too large; nothing fetched
        try:
            found = await self._api.get_file(incoming.meta["file_id"])
            data = bytes(await found.download_as_bytearray())
        except TelegramError as exc:  # the handler says it could not be loaded
            log.warning("document of %s not downloaded: %s", incoming.person.key, exc)
            return incoming
        return dataclasses.replace(incoming, attachment=dataclasses.replace(
            file, data=data, size=len(data)))

    async def _answer(self, query: tg.CallbackQuery) -> None:
        try:
            await query.answer()
        except TelegramError as exc:  # too old or already answered: the press still counts
            log.info("callback query %s not answered: %s", query.id, exc)

    # -- sending ---------------------------------------------------------------------------
    async def _reply(self, incoming: Incoming, replies: list[Reply]) -> None:
        edit_id = int(incoming.message_ref) if incoming.message_ref else None
        replies = tp.merge_lists(replies)
        personal = [r for r in replies if r.personal] if incoming.is_group else []
        privately = bool(personal) and await self._to_private(incoming, personal)
        steps = tp.plan(replies, is_group=incoming.is_group, edit_id=edit_id, bot_url=self._url,
                        sent_privately=privately)
        for n, step in enumerate(steps):
            try:
                await self._step(int(incoming.chat.chat_id), step)
            except (BadRequest, Forbidden):
                raise  # BadRequest is a NetworkError in PTB, but retrying cannot help it
            except (RetryAfter, NetworkError) as exc:  # limiter retries used up, or no network
                log.warning("reply to %s failed (%s); the outbox retries it", incoming.person.key,
                            exc)
                # The outbox delivers to private chats only; a group's answer is not retried.
                if self._hooks and not incoming.is_group:
                    unsent = tp.unsent(replies, steps[n:])
                    await self._hooks.retry_later(incoming.person, unsent, tu.retry_key(incoming),
                                                  first=step.part)
                return

    async def _to_private(self, incoming: Incoming, replies: list[Reply]) -> bool:
        """Send a group's personal replies to the person's private chat; False if refused.

        Telegram lets a bot write to people who started it; anyone else gets the link to the
        private chat in the group instead (the caller's note).
        """
        chat_id = int(incoming.person.external_id)  # a user's private chat has the user's id
        steps = tp.plan(replies, is_group=False, edit_id=None, bot_url=self._url)
        for n, step in enumerate(steps):
            try:
                await self._step(chat_id, step)
            except (BadRequest, Forbidden) as exc:
                log.info("private answer to %s refused (%s)", incoming.person.key, exc.message)
                return n > 0  # part of it arrived: the group is told so, nothing is resent
            except (RetryAfter, NetworkError) as exc:
                log.warning("private answer to %s failed (%s); the outbox retries it",
                            incoming.person.key, exc)
                if self._hooks is None:
                    return n > 0
                await self._hooks.retry_later(incoming.person, tp.unsent(replies, steps[n:]),
                                              tu.retry_key(incoming), first=step.part)
                return True
        return True

    async def _step(self, chat_id: int, step: tp.Step) -> None:
        markup = _keyboard(step)
        if isinstance(step, tp.SendFile):
            await self._send_file(chat_id, step, markup)
        elif not (isinstance(step, tp.EditText) and await self._edit(chat_id, step, markup)):
            await self._send_text(chat_id, step.text, markup)

    async def _send_text(self, chat_id: int, text: str, markup: Markup) -> None:
        try:
            await self._api.send_message(chat_id, text, parse_mode=HTML, api_kwargs=markup)
        except BadRequest as exc:
            if "parse entities" not in exc.message.lower():
                raise
            # Handlers escape user input; should one slip through, plain text still arrives.
            log.warning("HTML refused (%s), sending plain text", exc.message)
            await self._api.send_message(chat_id, tp.fallback_text(text), api_kwargs=markup)

    async def _send_file(self, chat_id: int, step: tp.SendFile, markup: Markup) -> None:
        document = tg.InputFile(step.file.data, filename=step.file.name)
        document.mimetype = step.file.mime  # PTB would guess it from the name; we know it
        try:
            await self._api.send_document(chat_id, document, caption=step.caption,
                                          parse_mode=HTML, api_kwargs=markup)
        except BadRequest as exc:
            if not step.caption or "parse entities" not in exc.message.lower():
                raise
            log.warning("caption HTML refused (%s), sending plain text", exc.message)
            caption = tp.fallback_text(step.caption)  # the file must not be lost over a caption
            await self._api.send_document(chat_id, document, caption=caption, api_kwargs=markup)

    async def _edit(self, chat_id: int, step: tp.EditText, markup: Markup) -> bool:
        try:
            await self._api.edit_message_text(step.text, chat_id=chat_id,
                                              message_id=step.message_id, parse_mode=HTML,
                                              api_kwargs=markup)
        except BadRequest as exc:
            if "not modified" in exc.message.lower():
                return True
            log.info("message %s not editable (%s), sending a new one", step.message_id, exc)
            return False
        return True

    @property
    def _api(self) -> ExtBot[int]:
        assert self._app is not None, "Telegram transport not started"
        return self._app.bot


def _keyboard(step: tp.Step) -> Markup:
    """Return the step's inline keyboard as api_kwargs: Bot API JSON, not PTB objects.

    `api_kwargs` is PTB's public way to pass parameters as JSON. Building InlineKeyboardMarkup
    objects only for PTB to turn them back into JSON doubled the cost of sending a list with
    its buttons (bench/telegram_calls.py); callback data is plain text here, so PTB's keyboard
    handling (arbitrary callback data) has nothing to do.
    """
    keyboard = tp.inline_keyboard(step.rows, getattr(step, "link", None))
    return {"reply_markup": keyboard} if keyboard else None


def _connection(config: TelegramConfig, pool: int) -> BaseRequest:
    """Return a connection to the Bot API: our aiohttp adapter, or PTB's default httpx one."""
    if config.http == "httpx":
        return HTTPXRequest(connection_pool_size=pool)
    return AiohttpRequest(pool=pool)


class _ChatOrder(tg.ext.BaseUpdateProcessor):
    """Handle updates of different chats concurrently, those of one chat strictly in order."""

    def __init__(self, limit: int) -> None:
        super().__init__(max(2, limit) * 64)  # wide, so PTB's own semaphore never reorders
        self._order = ChatOrder(limit)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update after the earlier ones of its chat."""
        chat = update.effective_chat if isinstance(update, tg.Update) else None
        await self._order.run(chat.id if chat else 0, coroutine)

    async def initialize(self) -> None:
        """Nothing to prepare."""

    async def shutdown(self) -> None:
        """Nothing to release."""


class TimedLimiter(AIORateLimiter):
    """PTB's rate limiter, reporting how long each call waited before it went out.

    With `pace`, every attempt of a call to a chat (PTB's limiter counts the same ones, and a
    retry after a 429 is one more message for Telegram) first waits for the shared budget.
    """

    def __init__(self, on_wait: OnWait | None, *, pace: Pace | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_wait = on_wait
        self._pace = pace

    async def process_request(self, callback: Callable[..., Coroutine[Any, Any, Any]],
                              args: Any, kwargs: dict[str, Any], endpoint: str,
                              data: dict[str, Any], rate_limit_args: int | None) -> Any:
        """Run the call through the limiter; report the time until it was first sent."""
        on_wait, pace, chat_id = self._on_wait, self._pace, data.get("chat_id")
        if pace is None or chat_id is None:
            pace = None
            if on_wait is None:
                return await super().process_request(callback, args, kwargs, endpoint, data,
                                                     rate_limit_args)
        entered, reported = time.perf_counter(), False

        async def timed(*a: Any, **kw: Any) -> Any:
            nonlocal reported
            if pace is not None:
                await pace(chat_id)
            if not reported and on_wait is not None:  # a retry after a 429 is no new call
                reported = True
                on_wait(PLATFORM, time.perf_counter() - entered)
            return await callback(*a, **kw)

        return await super().process_request(timed, args, kwargs, endpoint, data,
                                             rate_limit_args)


def build_telegram(settings: Settings, hooks: AppHooks | None, *,
                   on_wait: OnWait | None = None, take: Take | None = None) -> TelegramTransport:
    """Create the transport from Settings (call only when `settings.telegram_enabled`).

    `take`: the budget several processes share (None: this process paces only itself).
    """
    config = dataclasses.replace(config_from_settings(settings),
                                 rate_limit=settings.telegram_rate_limit)
    pace = SharedPace(take, config.token) if take is not None and config.rate_limit else None
    return TelegramTransport(config, hooks, on_wait=on_wait, pace=pace)
