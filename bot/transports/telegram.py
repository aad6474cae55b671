"""Telegram transport on python-telegram-bot 22: the only module that imports `telegram`."""

from __future__ import annotations

import logging
import warnings
from datetime import timedelta
from typing import TYPE_CHECKING

import telegram as tg
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes, TypeHandler

from bot.chat import (
    Address,
    Handler,
    Incoming,
    PermanentFailure,
    Person,
    Reply,
    TemporaryFailure,
    plain_text,
)
from bot.transports import telegram_text as tt
from bot.transports.telegram_config import PLATFORM, AppHooks, TelegramConfig, config_from_settings

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
_GROUPS = {ChatType.GROUP, ChatType.SUPERGROUP}
_GONE = ("chat not found", "user is deactivated", "peer_id_invalid", "bot was kicked")


class TelegramTransport:
    """Receive Telegram updates as `Incoming`, send `Reply`s back natively."""

    platform = PLATFORM

    def __init__(self, config: TelegramConfig, hooks: AppHooks | None = None) -> None:
        self._config = config
        self._hooks = hooks
        self._app: Application | None = None
        self._handle: Handler | None = None
        self.username = ""

    async def start(self, handle: Handler) -> None:
        """Connect, publish the command menu and start polling (or the webhook)."""
        self._handle = handle
        app = self._build_application()
        await app.initialize()
        self._app = app
        self.username = app.bot.username
        if self._hooks:
            self._hooks.set_link_base(PLATFORM, f"https://t.me/{self.username}?start=")
        await self._publish_menus()
        await app.start()
        await self._start_receiving(app)
        log.info("Telegram-Bot @%s läuft", self.username)

    async def stop(self) -> None:
        """Stop receiving, finish queued updates, confirm offsets and close connections."""
        app, self._app = self._app, None
        if app is None:
            return
        if app.updater and app.updater.running:
            await app.updater.stop()  # the final getUpdates confirms what was fetched
        if app.running:
            await app.stop()  # handles updates still queued before returning
        await app.shutdown()

    async def send(self, address: Address, reply: Reply) -> None:
        """Deliver one reply (outbox path); map Telegram errors to delivery failures."""
        if self._app is None:
            raise TemporaryFailure("Telegram ist nicht verbunden")
        try:
            await self._deliver(int(address.chat_id), reply)
        except RetryAfter as exc:
            raise TemporaryFailure(str(exc), retry_after=_seconds(exc)) from exc
        except Forbidden as exc:
            raise PermanentFailure(str(exc)) from exc
        except BadRequest as exc:
            if any(marker in exc.message.lower() for marker in _GONE):
                raise PermanentFailure(exc.message) from exc
            raise
        except NetworkError as exc:  # includes TimedOut
            raise TemporaryFailure(str(exc)) from exc

    # -- setup -----------------------------------------------------------------------------
    def _build_application(self) -> Application:
        cfg = self._config
        builder = ApplicationBuilder().token(cfg.token)
        if cfg.base_url:
            builder = builder.base_url(cfg.base_url).base_file_url(cfg.file_url or "")
        if cfg.rate_limit:
            # Telegram: ~30 messages/s overall, 20/min per group; retry flood waits 3 times.
            builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
        app = builder.job_queue(None).concurrent_updates(False).build()
        app.add_handler(TypeHandler(tg.Update, self._on_update))
        app.add_error_handler(self._on_error)
        return app

    async def _start_receiving(self, app: Application) -> None:
        cfg, updater = self._config, app.updater
        assert updater is not None
        if not cfg.webhook_url:
            await updater.start_polling(
                timeout=timedelta(seconds=cfg.poll_timeout),
                allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False,
            )
            return
        await updater.start_webhook(
            listen=cfg.listen,
            port=cfg.port,
            url_path=cfg.webhook_path,
            webhook_url=cfg.webhook_url,
            secret_token=cfg.secret(),
            allowed_updates=ALLOWED_UPDATES,
            drop_pending_updates=False,
        )

    async def _publish_menus(self) -> None:
        if self._hooks is None or self._app is None:
            return
        bot = self._app.bot
        try:
            members = _commands(self._hooks.command_menu(admin=False))
            await bot.set_my_commands(members, scope=tg.BotCommandScopeDefault())
            admins = _commands(self._hooks.command_menu(admin=True))
            for chat_id in self._config.admin_ids:
                await bot.set_my_commands(admins, scope=tg.BotCommandScopeChat(int(chat_id)))
        except TelegramError as exc:  # an admin who never opened the bot has no chat yet
            log.warning("Befehlsmenü nicht vollständig gesetzt: %s", exc)

    # -- receiving -------------------------------------------------------------------------
    async def _on_update(self, update: tg.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.my_chat_member:
            await self._member_changed(update)
            return
        incoming = self._incoming(update)
        if update.callback_query:
            await self._answer(update.callback_query)
        if incoming is None or self._handle is None:
            log.debug("Update %s ignoriert", update.update_id)
            return
        replies = await self._handle(incoming)
        try:
            await self._reply(incoming, replies)
        except Forbidden as exc:
            log.info("Telegram: %s nicht erreichbar (%s)", incoming.person.key, exc.message)
            if not incoming.is_group and self._hooks:
                await self._hooks.mark_unreachable(incoming.person)

    def _incoming(self, update: tg.Update) -> Incoming | None:
        if update.callback_query:
            return self._from_press(update.callback_query)
        message = update.message
        if message is None or message.from_user is None:
            return None
        text = message.text or message.caption
        group = message.chat.type in _GROUPS
        text = tt.addressed_text(text, self.username, is_group=group) if text else None
        if text is None:
            return None
        return Incoming(
            person=_person(message.from_user),
            chat=Address(PLATFORM, str(message.chat.id)),
            text=text,
            is_group=group,
            meta=_meta(update, message.from_user),
        )

    def _from_press(self, query: tg.CallbackQuery) -> Incoming | None:
        if not query.data:
            return None
        message = query.message
        chat_id = message.chat.id if message else query.from_user.id
        return Incoming(
            person=_person(query.from_user),
            chat=Address(PLATFORM, str(chat_id)),
            press=query.data,
            is_group=bool(message and message.chat.type in _GROUPS),
            message_ref=str(message.message_id) if message else None,
            meta={"callback_query": query.id},
        )

    async def _answer(self, query: tg.CallbackQuery) -> None:
        try:
            await query.answer()
        except TelegramError as exc:  # too old or already answered: the press still counts
            log.info("Callback %s nicht beantwortet: %s", query.id, exc)

    async def _member_changed(self, update: tg.Update) -> None:
        change = update.my_chat_member
        assert change is not None
        blocked = change.new_chat_member.status in {ChatMemberStatus.BANNED, ChatMemberStatus.LEFT}
        if change.chat.type == ChatType.PRIVATE and blocked and self._hooks:
            log.info("Telegram: %s hat den Bot blockiert", change.from_user.id)
            await self._hooks.mark_unreachable(_person(change.from_user))

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        update_id = update.update_id if isinstance(update, tg.Update) else None
        log.error("Telegram-Update %s fehlgeschlagen", update_id, exc_info=context.error)

    # -- sending ---------------------------------------------------------------------------
    async def _reply(self, incoming: Incoming, replies: list[Reply]) -> None:
        chat_id = int(incoming.chat.chat_id)
        edit_id = int(incoming.message_ref) if incoming.message_ref else None
        moved = False
        for reply in replies:
            if incoming.is_group and reply.personal:
                if not moved:
                    await self._send_text(chat_id, tt.GROUP_NOTE, self._private_button())
                    moved = True
                continue
            await self._deliver(chat_id, reply, edit_id=edit_id if reply.edit else None)
            if reply.edit:
                edit_id = None  # one message can only be replaced once per press

    async def _deliver(self, chat_id: int, reply: Reply, *, edit_id: int | None = None) -> None:
        markup = _markup(reply)
        if reply.file is not None:
            await self._send_file(chat_id, reply, markup)
            return
        chunks = tt.split_text(reply.text)
        editable = edit_id is not None and len(chunks) == 1
        if editable and await self._edit(chat_id, int(edit_id or 0), reply.text, markup):
            return
        for number, chunk in enumerate(chunks, start=1):
            await self._send_text(chat_id, chunk, markup if number == len(chunks) else None)

    async def _send_text(self, chat_id: int, text: str, markup: object) -> None:
        assert self._app is not None
        bot = self._app.bot
        try:
            await bot.send_message(chat_id, text, parse_mode=ParseMode.HTML, reply_markup=markup)
        except BadRequest as exc:
            if "parse entities" not in exc.message.lower():
                raise
            # Handlers escape user input; should one slip through, plain text still arrives.
            log.warning("HTML abgelehnt (%s), sende als Klartext", exc.message)
            await bot.send_message(chat_id, plain_text(text), reply_markup=markup)

    async def _edit(self, chat_id: int, message_id: int, text: str, markup: object) -> bool:
        assert self._app is not None
        try:
            await self._app.bot.edit_message_text(
                text, chat_id, message_id, parse_mode=ParseMode.HTML, reply_markup=markup
            )
        except BadRequest as exc:
            if "not modified" in exc.message.lower():
                return True
            log.info("Nachricht %s nicht editierbar (%s), sende neu", message_id, exc.message)
            return False
        return True

    async def _send_file(self, chat_id: int, reply: Reply, markup: object) -> None:
        assert self._app is not None and reply.file is not None
        caption = tt.caption_for(reply.text)
        if caption is None and reply.text:
            for chunk in tt.split_text(reply.text):
                await self._send_text(chat_id, chunk, None)
        document = tg.InputFile(reply.file.data, filename=reply.file.name)
        await self._app.bot.send_document(
            chat_id, document, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
        )

    def _private_button(self) -> tg.InlineKeyboardMarkup:
        url = f"https://t.me/{self.username}"
        return tg.InlineKeyboardMarkup([[tg.InlineKeyboardButton(tt.GROUP_BUTTON, url=url)]])


def build_telegram(settings: Settings, hooks: AppHooks | None) -> TelegramTransport:
    """Create the transport from Settings (call only when `settings.telegram_enabled`)."""
    return TelegramTransport(config_from_settings(settings), hooks)


def _person(user: tg.User) -> Person:
    return Person(PLATFORM, str(user.id), user.full_name)


def _meta(update: tg.Update, user: tg.User) -> dict[str, str]:
    meta = {"update_id": str(update.update_id)}
    if user.username:
        meta["username"] = user.username
    if user.language_code:
        meta["language"] = user.language_code
    return meta


def _markup(reply: Reply) -> tg.InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    rows = tt.keyboard_rows(reply.buttons)
    return tg.InlineKeyboardMarkup(
        [[tg.InlineKeyboardButton(b.label, callback_data=tt.callback_data(b)) for b in row]
         for row in rows]
    )


def _commands(menu: list[tuple[str, str]]) -> list[tg.BotCommand]:
    return [tg.BotCommand(command.lstrip("/"), description) for command, description in menu]


def _seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns while retry_after may still be an int
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
