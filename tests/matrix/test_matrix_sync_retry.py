"""Network trouble: the sync loop backs off (and honours retry_after); a dead server at start
is retried in the background."""

from __future__ import annotations

import asyncio
from pathlib import Path

import nio
import pytest
from aiohttp import ClientConnectionError

from bot.chat import Address, Reply, TemporaryFailure
from bot.settings import Settings
from bot.transports.matrix import MatrixTransport

from .synapse import free_port


class FlakyServer:
    """A stand-in nio client whose sync fails in scripted ways, then ends the test."""

    def __init__(self) -> None:
        self.calls = 0

    async def sync(self, **kwargs: object) -> object:
        self.calls += 1
        if self.calls == 1:
            raise ClientConnectionError("connection reset")
        if self.calls == 2:
            return nio.SyncError("too many", "M_LIMIT_EXCEEDED", retry_after_ms=2500)
        if self.calls == 3:
            return nio.SyncError("bad gateway")
        raise asyncio.CancelledError  # stop the loop like stop() does


async def test_sync_loop_backs_off_and_honours_retry_after(tmp_path: Path) -> None:
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    settings = Settings(_env_file=None, matrix_homeserver="http://127.0.0.1:9",
                        matrix_user_id="@bot:localhost", matrix_password="x",
                        matrix_store_path=tmp_path)
    transport = MatrixTransport(settings, sleep=record)
    transport._client = FlakyServer()  # type: ignore[assignment]
    with pytest.raises(asyncio.CancelledError):
        await transport._sync_loop()
    assert len(waits) == 3
    assert 0.8 <= waits[0] <= 1.2  # first disconnect: about 1 s
    assert waits[1] == 2.5  # the server's retry_after_ms wins
    assert 3.2 <= waits[2] <= 4.8  # backoff keeps growing until a sync succeeds


async def test_unreachable_homeserver_does_not_stop_the_bot(tmp_path: Path) -> None:
    retried = asyncio.Event()

    async def hold(seconds: float) -> None:
        retried.set()
        await asyncio.Event().wait()  # one background retry is enough to see

    settings = Settings(_env_file=None, matrix_homeserver=f"http://127.0.0.1:{free_port()}",
                        matrix_user_id="@bot:localhost", matrix_password="x",
                        matrix_store_path=tmp_path)
    transport = MatrixTransport(settings, sleep=hold)
    await transport.start(lambda incoming: None)  # type: ignore[arg-type,return-value]
    await asyncio.wait_for(retried.wait(), 30)
    with pytest.raises(TemporaryFailure):
        await transport.send(Address("matrix", "!room"), Reply("Hallo"))
    await transport.stop()
