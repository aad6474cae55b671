"""Settings: defaults, placeholders refused, admin lists."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.settings import DEFAULT_CATALOGUE, Settings


def make(**env: str) -> Settings:
    return Settings(_env_file=None, **env)  # type: ignore[call-arg]


def test_defaults_give_console_on_sqlite() -> None:
    s = make()
    assert s.database_url == "sqlite+aiosqlite:///var/bot.db"
    assert s.timezone == "Europe/Berlin"
    assert s.catalogue == DEFAULT_CATALOGUE
    assert not s.telegram_enabled and not s.matrix_enabled


@pytest.mark.parametrize("token", ["changeme", "your-token-here", "<token>", "abc"])
def test_placeholder_token_is_refused_with_a_clear_message(token: str) -> None:
    with pytest.raises(ValidationError, match="Platzhalter"):
        make(telegram_bot_token=token)


def test_real_looking_token_and_admins() -> None:
    s = make(telegram_bot_token="123456789:AAHk-real-token", admins=" telegram:1, console:chef ,")
    assert s.telegram_enabled
    assert s.admin_keys() == {"telegram:1", "console:chef"}


def test_unknown_timezone_is_refused() -> None:
    with pytest.raises(ValidationError, match="Zeitzone"):
        make(timezone="Mars/Olympus")


def test_main_reports_bad_settings_in_german(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.__main__ import main

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "changeme")
    with pytest.raises(SystemExit, match="Platzhalter"):
        main(["console", "--jsonl"])
