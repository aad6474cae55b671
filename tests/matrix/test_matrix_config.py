"""Building the Matrix transport from settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from bot.transports.matrix import build_matrix


def settings(tmp_path: Path, **extra: str) -> Settings:
    values = {"matrix_homeserver": "http://127.0.0.1:9", "matrix_user_id": "@bot:firma.de",
              "matrix_password": "pw", "matrix_store_path": str(tmp_path)}
    return Settings(_env_file=None, **(values | extra))


def test_invites_default_to_the_bots_own_server(tmp_path: Path) -> None:
    assert build_matrix(settings(tmp_path))._allowed == {"firma.de"}
    listed = build_matrix(settings(tmp_path, matrix_allowed_servers="a.de, b.de"))
    assert listed._allowed == {"a.de", "b.de"}


def test_unconfigured_matrix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not configured"):
        build_matrix(settings(tmp_path, matrix_password=""))
