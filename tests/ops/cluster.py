"""Several real `python -m bot run` processes on one PostgreSQL, against the fake Bot API."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp
from sqlalchemy import insert

from storage.db import Database
from storage.members.models import Person
from storage.outbox import OutboxMessage
from tests.support.console import REPO
from tests.telegram.fake_bot_api import FakeBotApi

TOKEN = "123456:TEST-token"
SECRET = "geheim_123"
WEBHOOK_PATH = "tg-hook"


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class BotProcess:
    """One bot process: its HTTP (health) port, webhook port and OS process."""

    http_port: int
    hook_port: int
    proc: subprocess.Popen[bytes]
    log: Path

    async def health(self) -> dict[str, Any] | None:
        """Return /healthz of this process (None while it does not answer)."""
        try:
            async with aiohttp.ClientSession() as session, session.get(
                    f"http://127.0.0.1:{self.http_port}/healthz",
                    timeout=aiohttp.ClientTimeout(total=2)) as response:
                report: dict[str, Any] = await response.json()
                return report
        except (aiohttp.ClientError, TimeoutError):
            return None

    async def metrics(self) -> str:
        """Return /metrics of this process (Prometheus text)."""
        async with aiohttp.ClientSession() as session, session.get(
                f"http://127.0.0.1:{self.http_port}/metrics",
                timeout=aiohttp.ClientTimeout(total=5)) as response:
            return await response.text()

    def kill(self) -> None:
        """Kill the process without any clean-up (as a crash or an OOM kill would)."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)


@dataclass
class Cluster:
    """N bot processes on one database; all stopped on exit."""

    api: FakeBotApi
    database_url: str
    workdir: Path
    webhook: bool
    rate_limit: bool = False
    env: dict[str, str] = field(default_factory=dict)  # more settings, e.g. Matrix
    procs: list[BotProcess] = field(default_factory=list)
    proxy: aiohttp.ClientSession | None = None

    def start(self, n: int) -> None:
        """Start `n` processes."""
        for i in range(n):
            http_port, hook_port = free_port(), free_port()
            env = {**os.environ, "DATABASE_URL": self.database_url, "TELEGRAM_BOT_TOKEN": TOKEN,
                   "TELEGRAM_BASE_URL": self.api.base_url,
                   "TELEGRAM_RATE_LIMIT": str(self.rate_limit),
                   "HTTP_PORT": str(http_port), "LOG_LEVEL": "INFO", "MATRIX_HOMESERVER": "",
                   "ADMINS": "telegram:111", "TELEGRAM_WEBHOOK_URL": "", "OUTBOX_RESCAN": "1",
                   "TELEGRAM_WEBHOOK_PORT": str(hook_port)}
            if self.webhook:
                env.update(TELEGRAM_WEBHOOK_URL=f"https://bot.example/{WEBHOOK_PATH}",
                           TELEGRAM_WEBHOOK_SECRET=SECRET)
            env.update({k: v.replace("{n}", str(i)) for k, v in self.env.items()})
            log = self.workdir / f"bot{i}.log"
            with log.open("wb") as out:
                proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=REPO, env=env,
                                        stdout=out, stderr=subprocess.STDOUT)
            self.procs.append(BotProcess(http_port, hook_port, proc, log))

    async def ready(self, seconds: float = 40) -> None:
        """Wait until every running process answers /healthz with ok."""
        deadline = time.monotonic() + seconds
        for p in self.alive():
            while True:
                report = await p.health()
                if report is not None and report["ok"]:
                    break
                assert p.proc.poll() is None, p.log.read_text()
                assert time.monotonic() < deadline, f"not ready: {p.log.read_text()}"
                await asyncio.sleep(0.2)

    def alive(self) -> list[BotProcess]:
        """Return the processes still running."""
        return [p for p in self.procs if p.proc.poll() is None]

    async def leaders(self) -> list[BotProcess]:
        """Return the running processes that say they lead."""
        reports = [(p, await p.health()) for p in self.alive()]
        return [p for p, r in reports if r is not None and r.get("leader")]

    async def post_update(self, payload: dict[str, Any], n: int) -> None:
        """Deliver one webhook update as a reverse proxy would: round robin, skipping the dead."""
        alive = self.alive()
        if self.proxy is None:
            self.proxy = aiohttp.ClientSession()
        for k in range(len(alive)):
            target = alive[(n + k) % len(alive)]
            try:
                async with self.proxy.post(
                        f"http://127.0.0.1:{target.hook_port}/{WEBHOOK_PATH}",
                        data=json.dumps(payload),
                        headers={"Content-Type": "application/json",
                                 "X-Telegram-Bot-Api-Secret-Token": SECRET}) as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                continue
        raise AssertionError("no process took the update")

    async def idle(self) -> bool:
        """Tell whether no running process is in a delivery round (none holds claimed rows)."""
        reports = [await p.health() for p in self.alive()]
        return all(r is not None and not r["delivering"] for r in reports)

    async def stop(self) -> None:
        """Stop every process that still runs (SIGTERM, then SIGKILL)."""
        if self.proxy is not None:
            await self.proxy.close()
        for p in self.alive():
            p.proc.terminate()
        for p in self.procs:
            try:
                await asyncio.to_thread(p.proc.wait, 20)
            except subprocess.TimeoutExpired:
                p.kill()


async def people_with_rows(db: Database, *, people: int, rows: int, now: datetime,
                           first_id: int = 10_000) -> list[int]:
    """Create Telegram people and plan `rows` urgent messages due now, spread over them."""
    async with db.unit() as s:
        found = [Person(platform="telegram", external_id=str(first_id + i),
                        display_name=f"P{i}", chat_id=str(first_id + i), role="member")
                 for i in range(people)]
        s.add_all(found)
        await s.flush()
        # The rows a broadcast would plan (outbox.plan), inserted in one batched statement
        # (the ORM's flush would take seconds); columns not named here are NULL.
        planned = [{"person_id": found[n % people].id, "kind": "test", "text": f"Nachricht {n}",
                    "params": {}, "payload": {}, "due_at": now, "urgent": True,
                    "dedupe_key": f"last:{n}", "attempts": 0, "created_at": now}
                   for n in range(rows)]
        await s.exec(insert(OutboxMessage), params=planned)  # type: ignore[call-overload]
    return [first_id + i for i in range(people)]


def texts_sent(api: FakeBotApi) -> Counter[str]:
    """Count the texts of every sendMessage call the fake Bot API answered."""
    return Counter(str(c.params.get("text")) for c in api.calls_of("sendMessage"))


async def until(check: Callable[[], Any], seconds: float, what: str) -> float:
    """Wait until `check()` is true (it may be a coroutine function); return the time taken."""
    started = time.monotonic()
    while True:
        found = check()
        if asyncio.iscoroutine(found):
            found = await found
        if found:
            return time.monotonic() - started
        assert time.monotonic() - started < seconds, f"timed out waiting for {what}"
        await asyncio.sleep(0.1)


def answers(api: FakeBotApi, users: range) -> dict[int, int]:
    """Return how many messages each user got (one pass: the fake API's loop must not stall)."""
    got = Counter(chat for (chat, _), m in api.messages.items()
                  if chat in users and m["from"]["id"] == api.bot_id)
    return {u: got[u] for u in users}


async def post_all(api: FakeBotApi, cluster: Cluster, users: range) -> None:
    """POST one "/hilfe" update per user to the processes' webhooks, a few at a time."""
    gate = asyncio.Semaphore(8)
    payloads = []
    for user in users:
        api.push_text(user, "/hilfe")
        payloads.append(api.updates.pop())  # not for getUpdates: it goes to a webhook

    async def post(n: int, payload: dict[str, Any]) -> None:
        async with gate:
            await cluster.post_update(payload, n)

    await asyncio.gather(*(post(n, p) for n, p in enumerate(payloads)))
