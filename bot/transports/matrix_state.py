"""Small files the Matrix transport keeps in MATRIX_STORE_PATH: login and sync token.

Transports may not import storage/, and the sync token belongs with nio's key store anyway:
both must survive restarts together (a new key store with an old device id cannot upload keys).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import random
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

_CREDENTIALS = "credentials.json"
_SYNC_TOKEN = "sync-token.json"


@dataclass(frozen=True)
class Credentials:
    """A device login to keep: which user, which device, which token."""

    homeserver: str
    user_id: str
    device_id: str
    access_token: str


class StateFiles:
    """Read and atomically write the transport's state files under one directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def prepare(self) -> None:
        """Create the directory, readable only by us (it holds keys and a token)."""
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)

    def load_credentials(self, homeserver: str, user_id: str) -> Credentials | None:
        """Return the saved login if it belongs to this homeserver and user."""
        data = self._read(_CREDENTIALS)
        if not data or data.get("homeserver") != homeserver or data.get("user_id") != user_id:
            return None
        return Credentials(**data)

    def save_credentials(self, creds: Credentials) -> None:
        """Save the login (small, once per start)."""
        self._write(_CREDENTIALS, asdict(creds))

    def forget_credentials(self) -> None:
        """Drop a login the server no longer accepts."""
        (self.root / _CREDENTIALS).unlink(missing_ok=True)

    def load_token(self, device_id: str) -> str | None:
        """Return the persisted sync token of this device, if any."""
        data = self._read(_SYNC_TOKEN)
        if not data or data.get("device_id") != device_id:
            return None
        return data.get("next_batch")

    async def save_token(self, device_id: str, token: str) -> None:
        """Persist the sync token atomically, off the event loop."""
        await asyncio.to_thread(
            self._write, _SYNC_TOKEN, {"device_id": device_id, "next_batch": token}
        )

    def _read(self, name: str) -> dict[str, str] | None:
        path = self.root / name
        try:
            found: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
            return found
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.warning("Ignoring unreadable Matrix state file %s", path)
            return None

    def _write(self, name: str, data: dict[str, str]) -> None:
        path = self.root / name
        tmp = path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)


class Backoff:
    """Exponential backoff with jitter for reconnecting (1 s doubling up to 5 min)."""

    def __init__(self, first: float = 1.0, cap: float = 300.0) -> None:
        self.first, self.cap, self.failures = first, cap, 0

    def next_delay(self, retry_after: float | None = None) -> float:
        """Return how long to wait after one more failure (the server's retry_after wins)."""
        self.failures += 1
        if retry_after is not None:
            return retry_after
        delay = min(self.cap, self.first * (1 << (self.failures - 1)))
        return delay * random.uniform(0.8, 1.2)

    def reset(self) -> None:
        """Forget failures after a success."""
        self.failures = 0
