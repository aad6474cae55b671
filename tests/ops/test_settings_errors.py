"""A setting the bot refuses stops every command with one line naming it (no traceback)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.console import REPO


@pytest.mark.parametrize(("setting", "named"), [
    ({"HTTP_PORT": "abc"}, "HTTP_PORT: "),
    ({"WEB_PORT": "70000"}, "WEB_PORT: "),
    ({"LOG_LEVEL": "LAUT"}, "LOG_LEVEL 'LAUT' gibt es nicht"),
    ({"LOG_FORMAT": "xml"}, "LOG_FORMAT: "),
])
def test_a_refused_setting_is_named(tmp_path: Path, setting: dict[str, str],
                                    named: str) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
           "LOG_LEVEL": "WARNING", **setting}
    done = subprocess.run([sys.executable, "-m", "bot", "backup", str(tmp_path / "b.db")],
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith("Einstellungen fehlerhaft: ") and named in done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert not list(tmp_path.iterdir())  # nothing was done
