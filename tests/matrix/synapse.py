"""A throw-away Synapse homeserver for the Matrix end-to-end tests.

Synapse is installed from PyPI into its own virtual environment (its dependencies must not mix
with the bot's) under a per-user cache directory keyed by version, so a fresh clone on the same
machine reuses it; the first run installs it (measured 23 s on an idle 2-core machine, 50-75 s
while other test runs load it).
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import itertools
import json
import logging
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

log = logging.getLogger(__name__)

SYNAPSE_VERSION = "1.163.2"
SERVER_NAME = "localhost"
_READY_TIMEOUT = 90.0


class SynapseUnavailable(RuntimeError):
    """Synapse could not be installed on this machine (the tests are skipped with this reason)."""


def venv_dir(version: str = SYNAPSE_VERSION) -> Path:
    """Return where the Synapse venv for `version` lives (outside the repo, survives clones)."""
    if override := os.environ.get("SYNAPSE_VENV"):
        return Path(override)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    tag = f"py{sys.version_info.major}{sys.version_info.minor}"
    return cache / "cluster-bot" / f"synapse-{version}-{tag}"


def _base_python() -> str:
    # The interpreter behind the test venv: same version, but no bot packages leak in.
    return getattr(sys, "_base_executable", None) or sys.executable


def ensure_installed(version: str = SYNAPSE_VERSION) -> Path:
    """Install Synapse into its own venv on first use; return that venv's python."""
    target = venv_dir(version)
    python = target / "bin" / "python"
    marker = target / ".installed"
    if marker.exists() and python.exists():
        return python
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.parent / f".{target.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second test run waits instead of racing pip
        if marker.exists() and python.exists():
            return python
        started = time.monotonic()
        _run([_base_python(), "-m", "venv", "--clear", str(target)])
        _run([str(python), "-m", "pip", "install", "-q", f"matrix-synapse=={version}"])
        marker.write_text(version)
        took = time.monotonic() - started
        print(f"\n[synapse] installed matrix-synapse {version} into {target} in {took:.1f} s")
    return python


def _run(cmd: list[str]) -> None:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=900, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SynapseUnavailable(f"Synapse-Installation fehlgeschlagen: {exc}") from exc
    if done.returncode != 0:
        tail = (done.stderr or done.stdout)[-2000:]
        raise SynapseUnavailable(f"`{' '.join(cmd)}` failed ({done.returncode}):\n{tail}")


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _limit(rate: float = 1000, burst: int = 1000) -> dict[str, float]:
    return {"per_second": rate, "burst_count": burst}


def homeserver_config(data: Path, port: int, shared_secret: str) -> dict[str, object]:
    """Build a test homeserver.yaml: loopback client listener, SQLite, no federation, no TLS."""
    fast = _limit()
    return {
        "server_name": SERVER_NAME,
        "public_baseurl": f"http://127.0.0.1:{port}/",
        "pid_file": str(data / "homeserver.pid"),
        "listeners": [
            {
                "port": port,
                "bind_addresses": ["127.0.0.1"],
                "type": "http",
                "tls": False,
                "x_forwarded": False,
                "resources": [{"names": ["client"], "compress": False}],
            }
        ],
        "database": {"name": "sqlite3", "args": {"database": str(data / "homeserver.db")}},
        "log_config": str(data / "log.config"),
        "media_store_path": str(data / "media"),
        "signing_key_path": str(data / "signing.key"),
        "registration_shared_secret": shared_secret,
        "enable_registration": False,
        "report_stats": False,
        "macaroon_secret_key": secrets.token_hex(16),
        "form_secret": secrets.token_hex(16),
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "federation_domain_whitelist": [],
        "presence": {"enabled": False},
        "url_preview_enabled": False,
        "enable_metrics": False,
        "bcrypt_rounds": 4,  # password hashing is most of the cost of register/login in tests
        "rc_message": fast,
        "rc_registration": fast,
        "rc_login": {"address": fast, "account": fast, "failed_attempts": fast},
        "rc_joins": {"local": fast, "remote": fast},
        "rc_joins_per_room": fast,
        "rc_invites": {"per_room": fast, "per_user": fast, "per_issuer": fast},
        "rc_admin_redaction": fast,
        "rc_3pid_validation": fast,
        "rc_key_requests": fast,
        "rc_media_create": fast,
        "rc_room_creation": fast,
        "rc_presence": {"per_user": fast},
        "rc_delayed_event_mgmt": fast,
    }


_LOG_CONFIG = """\
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(message)s'
handlers:
  file:
    class: logging.FileHandler
    formatter: precise
    filename: {path}
root:
  level: WARNING
  handlers: [file]
disable_existing_loggers: false
"""


@dataclass
class Account:
    """A registered user: id, password and an access token from registration."""

    user_id: str
    password: str
    access_token: str


@dataclass
class Synapse:
    """One running Synapse process on 127.0.0.1 with its data directory."""

    python: Path
    data: Path
    port: int = field(default_factory=free_port)
    shared_secret: str = field(default_factory=lambda: secrets.token_hex(16))
    process: subprocess.Popen[bytes] | None = None
    start_seconds: float = 0.0
    _ids: Iterator[int] = field(default_factory=itertools.count)

    @property
    def url(self) -> str:
        """Return the client-server API base URL."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Write the config, start Synapse and wait until the client API answers."""
        self.data.mkdir(parents=True, exist_ok=True)
        config = self.data / "homeserver.yaml"
        # JSON is valid YAML, so no YAML writer is needed on the bot's side.
        cfg = homeserver_config(self.data, self.port, self.shared_secret)
        config.write_text(json.dumps(cfg, indent=1))
        (self.data / "log.config").write_text(_LOG_CONFIG.format(path=self.data / "synapse.log"))
        started = time.monotonic()
        with open(self.data / "stdout.log", "wb") as out:
            self.process = subprocess.Popen(
                [str(self.python), "-m", "synapse.app.homeserver", "-c", str(config)],
                cwd=self.data,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self._wait_ready()
        self.start_seconds = time.monotonic() - started
        print(f"\n[synapse] started on {self.url} in {self.start_seconds:.1f} s")

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + _READY_TIMEOUT
        assert self.process is not None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Synapse exited early:\n{self.logs()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_matrix/client/versions", timeout=2):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Synapse did not answer within {_READY_TIMEOUT} s:\n{self.logs()}")

    def logs(self) -> str:
        """Return the tail of Synapse's output and log (for failure messages)."""
        parts = []
        for name in ("stdout.log", "synapse.log"):
            path = self.data / name
            if path.exists():
                parts.append(path.read_text(errors="replace")[-3000:])
        return "\n".join(parts)

    def stop(self) -> None:
        """Stop the Synapse process (terminate, then kill after 10 s)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    async def register(self, name: str, *, admin: bool = False) -> Account:
        """Register a new user `<name><n>` through the shared-secret admin API."""
        localpart = f"{name}{next(self._ids)}"  # unique across all tests of the session
        password = secrets.token_hex(8)
        url = f"{self.url}/_synapse/admin/v1/register"
        async with aiohttp.ClientSession() as http:
            async with http.get(url) as resp:
                nonce = (await resp.json())["nonce"]
            signed = "\x00".join((nonce, localpart, password, "admin" if admin else "notadmin"))
            mac = hmac.new(self.shared_secret.encode(), signed.encode(), hashlib.sha1)
            body = {
                "nonce": nonce,
                "username": localpart,
                "password": password,
                "admin": admin,
                "mac": mac.hexdigest(),
            }
            async with http.post(url, json=body) as resp:
                data = await resp.json()
                if resp.status != 200:
                    raise RuntimeError(f"register {localpart}: {resp.status} {data}")
        return Account(data["user_id"], password, data["access_token"])
