"""The bench's way to the Bot API server: in this event loop, or in a process of its own."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import aiohttp

from bench.telegram_server import BenchApi


class LocalApi:
    """The Bot API server in this process and event loop (--same-process)."""

    def __init__(self, rtt: float) -> None:
        self.server = BenchApi(rtt=rtt)

    @property
    def base_url(self) -> str:
        """Return the Bot API address."""
        return self.server.base_url

    async def start(self) -> None:
        """Start listening."""
        await self.server.start()

    async def stop(self) -> None:
        """Stop listening."""
        await self.server.stop()

    async def push_text(self, user: int, text: str) -> None:
        """Queue a text message from a user."""
        self.server.push_text(user, text)

    async def press(self, user: int) -> None:
        """Press the newest inline button in the user's chat."""
        self.server.press(user)

    async def last_text(self, chat: int) -> str:
        """Return the bot's newest message text in a chat."""
        return self.server.last_text(chat)

    async def flood(self, on: bool) -> int:
        """Switch flood control; return the 429s counted."""
        return self.server.flood(on)


class RemoteApi:
    """bench/telegram_server.py in a process of its own, driven over its control port."""

    def __init__(self, rtt: float) -> None:
        self.rtt = rtt
        self.port = self.control = 0
        self._proc: asyncio.subprocess.Process | None = None
        self._http: aiohttp.ClientSession | None = None

    @property
    def base_url(self) -> str:
        """Return the Bot API address."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def start(self) -> None:
        """Start the server process and wait for its ports."""
        script = Path(__file__).with_name("telegram_server.py")
        self._proc = await asyncio.create_subprocess_exec(
            sys.executable, str(script), "--rtt", str(self.rtt * 1000),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        )
        assert self._proc.stdout is not None
        line = (await asyncio.wait_for(self._proc.stdout.readline(), 60)).decode()
        _, port, control = line.split()
        self.port, self.control = int(port), int(control)
        self._http = aiohttp.ClientSession()

    async def stop(self) -> None:
        """Stop the server process."""
        if self._http:
            await self._http.close()
        if self._proc and self._proc.stdin:
            self._proc.stdin.close()
            await self._proc.wait()

    async def _op(self, name: str, **body: Any) -> Any:
        assert self._http is not None
        url = f"http://127.0.0.1:{self.control}/{name}"
        async with self._http.post(url, json=body) as response:
            return (await response.json())["result"]

    async def push_text(self, user: int, text: str) -> None:
        """Queue a text message from a user."""
        await self._op("push_text", user=user, text=text)

    async def press(self, user: int) -> None:
        """Press the newest inline button in the user's chat."""
        await self._op("press", user=user)

    async def last_text(self, chat: int) -> str:
        """Return the bot's newest message text in a chat."""
        return str(await self._op("last_text", chat=chat))

    async def flood(self, on: bool) -> int:
        """Switch flood control; return the 429s counted."""
        return int(await self._op("flood", on=on))


Api = LocalApi | RemoteApi
