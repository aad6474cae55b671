"""A real browser for the desk's tests: Debian's chromium driven by Playwright.

The set-up installs chromium with apt-get when it is missing (as root, the way CI runs); the
Python side (playwright, axe-playwright-python) comes with the test extras. Playwright
launches the system executable, so no browser download is needed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "var" / "screenshots"
CANDIDATES = ("chromium", "chromium-browser")


def chromium() -> str | None:
    """Return the path of the system chromium, installing Debian's package if missing."""
    found = next((p for p in map(shutil.which, CANDIDATES) if p), None)
    if found or not shutil.which("apt-get") or os.geteuid() != 0:
        return found
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "chromium"]):
        subprocess.run(cmd, check=False, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=900)
    return next((p for p in map(shutil.which, CANDIDATES) if p), None)


def free_port() -> int:
    """Return a TCP port that is free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])
