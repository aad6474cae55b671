"""Configuration of the Telegram transport and what it needs from the app (no PTB imports)."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol
from urllib.parse import urlsplit

from bot.chat import Person, Reply

if TYPE_CHECKING:
    from bot.settings import Settings

PLATFORM = "telegram"
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class AppHooks(Protocol):
    """What the transport asks of the application besides handling updates."""

    def command_menu(self, *, admin: bool) -> list[tuple[str, str]]:
        """Return (command, German description) pairs for the menu."""
        ...

    def set_link_base(self, platform: str, base: str) -> None:
        """Tell the app how deep links to this bot start."""
        ...

    async def mark_unreachable(self, person: Person) -> None:
        """Record that the person blocked the bot."""
        ...

    async def admin_ids(self, platform: str) -> set[str]:
        """Return the platform ids of everyone who is admin now (settings or granted in chat)."""
        ...

    async def retry_later(self, person: Person, replies: list[Reply], key: str, *,
                          first: int = 0) -> None:
        """Hand direct replies that could not be sent to the outbox (retried with backoff).

        `first`: the position of replies[0] in the whole answer (keys stay the same when
        the same update fails at another reply).
        """
        ...


@dataclass(frozen=True)
class TelegramConfig:
    """Connection settings of the Telegram transport."""

    token: str
    base_url: str | None = None
    webhook_url: str | None = None
    webhook_secret: str | None = None
    listen: str = "127.0.0.1"
    port: int = 8443
    admin_ids: tuple[str, ...] = ()
    rate_limit: bool = True
    poll_timeout: float = 10.0
    concurrency: int = 8  # updates handled at once (different chats); 1 = one after another
    # HTTP client: our aiohttp adapter (cheaper per request) or PTB's default HTTPXRequest.
    http: Literal["aiohttp", "httpx"] = "aiohttp"

    @property
    def file_url(self) -> str | None:
        """Return the file download base next to `base_url` (…/bot -> …/file/bot)."""
        if not self.base_url:
            return None
        head, _, _ = self.base_url.rstrip("/").rpartition("/")
        return f"{head}/file/bot"

    @property
    def webhook_path(self) -> str:
        """Return the local URL path the webhook listens on (the public URL's path)."""
        return urlsplit(self.webhook_url or "").path.lstrip("/")

    def secret(self) -> str:
        """Return the webhook secret token, a fresh random one when none is configured."""
        return self.webhook_secret or secrets.token_urlsafe(32)


def config_from_settings(settings: Settings) -> TelegramConfig:
    """Build the transport configuration from Settings (token must be set)."""
    if settings.telegram_bot_token is None:
        raise ValueError("TELEGRAM_BOT_TOKEN fehlt")
    secret = settings.telegram_webhook_secret
    if secret and not _SECRET.match(secret.get_secret_value()):
        raise ValueError(
            "TELEGRAM_WEBHOOK_SECRET: 1–256 Zeichen aus A–Z, a–z, 0–9, _ und - (Telegrams Regel)."
        )
    prefix = f"{PLATFORM}:"
    admins = settings.admin_keys()
    admin_ids = tuple(k.removeprefix(prefix) for k in admins if k.startswith(prefix))
    return TelegramConfig(
        token=settings.telegram_bot_token.get_secret_value(),
        base_url=settings.telegram_base_url,
        webhook_url=settings.telegram_webhook_url,
        webhook_secret=secret.get_secret_value() if secret else None,
        listen=settings.telegram_webhook_listen,
        port=settings.telegram_webhook_port,
        admin_ids=admin_ids,
    )
