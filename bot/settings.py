"""Settings from the environment and `.env` (pydantic-settings); built once, passed down."""

from __future__ import annotations

import logging
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from storage.privacy.retention import Retention

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CATALOGUE = ROOT / "data" / "catalogue.toml"
_PLACEHOLDERS = ("", "changeme", "your-token-here", "<token>", "123456:abc", "xxx")


class Settings(BaseSettings):
    """Everything configurable; see `.env.example` for each variable."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = "sqlite+aiosqlite:///var/bot.db"
    timezone: str = "Europe/Berlin"
    admins: str = ""
    catalogue: Path = DEFAULT_CATALOGUE
    log_level: str = "INFO"

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = 8443
    telegram_rate_limit: bool = True

    matrix_homeserver: str | None = None
    matrix_user_id: str | None = None
    matrix_password: SecretStr | None = None
    matrix_access_token: SecretStr | None = None
    matrix_device_id: str | None = None
    matrix_store_path: Path = Path("var/matrix-store")
    matrix_allowed_servers: str = ""

    http_listen: str = "127.0.0.1"
    http_port: int | None = Field(None, ge=0, le=65535)
    log_format: str = Field("text", pattern="^(text|json)$")
    # How long data is kept (docs/privacy.md); the retention job runs daily.
    retention_messages_days: int = Field(30, ge=1)
    retention_unlinked_days: int = Field(30, ge=1)
    retention_registrations_months: int = Field(12, ge=1)
    retention_audit_months: int = Field(24, ge=1)
    web_listen: str = "127.0.0.1"
    web_port: int | None = Field(None, ge=0, le=65535)
    web_base_url: str | None = None
    # Reverse proxies whose X-Forwarded-For the desk believes (login rate limit per browser).
    web_trusted_proxies: str = ""

    outbox_rescan: float = Field(30.0, gt=0)

    quiet_start: int = Field(20, ge=0, le=23)
    quiet_end: int = Field(7, ge=0, le=23)

    invite_uses: int = Field(1, ge=1, le=500)
    invite_days: int = Field(14, ge=1, le=365)
    invite_attempts_per_hour: int = Field(5, ge=1, le=100)
    # Against floods and misuse, per person (0 messages per minute: no limit).
    rate_messages_per_minute: int = Field(30, ge=0)
    max_open_reminders: int = Field(20, ge=1)
    max_topics_per_meeting: int = Field(3, ge=1)

    @field_validator("catalogue", mode="before")
    @classmethod
    def _default_catalogue(cls, value: object) -> object:
        return DEFAULT_CATALOGUE if value in (None, "") else value

    @field_validator("http_port", "web_port", "web_base_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @model_validator(mode="after")
    def _one_address_per_port(self) -> Settings:
        # HTTP_PORT equal to WEB_PORT is one listening socket: it cannot have two addresses.
        if (self.http_port is not None and self.http_port == self.web_port
                and self.http_listen != self.web_listen):
            raise ValueError(
                f"HTTP_PORT und WEB_PORT sind gleich ({self.http_port}), aber HTTP_LISTEN "
                f"({self.http_listen}) und WEB_LISTEN ({self.web_listen}) nicht. Ein Port hat "
                "eine Adresse: setze beide gleich oder wähle verschiedene Ports."
            )
        return self

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"TIMEZONE {value!r} ist keine bekannte Zeitzone") from None
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        if value.upper() not in logging.getLevelNamesMapping():
            raise ValueError(f"LOG_LEVEL {value!r} gibt es nicht: DEBUG, INFO, WARNING, ERROR "
                             "oder CRITICAL")
        return value

    @field_validator("telegram_bot_token")
    @classmethod
    def _real_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None:
            return None
        raw = value.get_secret_value().strip()
        if raw == "":
            return None
        if raw.lower() in _PLACEHOLDERS or ":" not in raw or raw.startswith("<"):
            raise ValueError(
                "TELEGRAM_BOT_TOKEN ist ein Platzhalter. Trage den Token von @BotFather ein "
                "oder lass die Zeile leer (dann startet die Konsole)."
            )
        return SecretStr(raw)

    def secrets(self) -> list[str]:
        """Return every configured secret (tokens, passwords) that must never be logged."""
        found = [v.get_secret_value() for v in (
            self.telegram_bot_token, self.telegram_webhook_secret, self.matrix_password,
            self.matrix_access_token) if v is not None]
        try:
            password = make_url(self.database_url).password
        except ArgumentError:  # not a URL: the database start will say so
            password = None
        return [*found, *([str(password)] if password else [])]

    def retention(self) -> Retention:
        """Return the retention periods."""
        return Retention(
            messages_days=self.retention_messages_days,
            unlinked_days=self.retention_unlinked_days,
            registrations_months=self.retention_registrations_months,
            audit_months=self.retention_audit_months,
        )

    def admin_keys(self) -> frozenset[str]:
        """Return the configured admin identities as `platform:id` strings."""
        return frozenset(a.strip() for a in self.admins.split(",") if a.strip())

    def trusted_proxies(self) -> frozenset[str]:
        """Return the addresses of the reverse proxies in front of the web desk."""
        return frozenset(s.strip() for s in self.web_trusted_proxies.split(",") if s.strip())

    def allowed_matrix_servers(self) -> frozenset[str]:
        """Return the Matrix server names whose users may talk to the bot (and invite it)."""
        return frozenset(s.strip() for s in self.matrix_allowed_servers.split(",") if s.strip())

    @property
    def telegram_enabled(self) -> bool:
        """Tell whether a Telegram token is configured."""
        return self.telegram_bot_token is not None

    @property
    def web_enabled(self) -> bool:
        """Tell whether the web desk is switched on (WEB_PORT set)."""
        return self.web_port is not None

    def web_base(self, port: int | None = None) -> str:
        """Return the address the desk's links start with (WEB_BASE_URL, else host and port)."""
        if self.web_base_url:
            return self.web_base_url.rstrip("/")
        host = "127.0.0.1" if self.web_listen in ("", "0.0.0.0", "::") else self.web_listen
        return f"http://{host}:{port if port is not None else self.web_port}"

    @property
    def matrix_enabled(self) -> bool:
        """Tell whether Matrix is configured."""
        return bool(self.matrix_homeserver and self.matrix_user_id) and bool(
            self.matrix_password or self.matrix_access_token
        )
