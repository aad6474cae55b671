"""The Matrix sync runs in exactly one of several processes; another takes over when it dies.

Two real `python -m bot run` processes on one PostgreSQL and one host, both configured for the
same Matrix bot account and one MATRIX_STORE_PATH (one device, its keys and its sync token),
against the suite's Synapse, Telegram by webhook on the fake Bot API. Only the holder of the
leader lease logs in and syncs (bot/leader.py); the leader is killed with SIGKILL, and the
other one continues the same device's sync: it answers what was sent while nobody synced.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.ops.cluster import BotProcess, Cluster, until
from tests.telegram.fake_bot_api import FakeBotApi

from .human import Human
from .synapse import Synapse

TAKEOVER = 30.0  # seconds issue 18 allows for another process to take over the sync


async def syncing(cluster: Cluster) -> list[BotProcess]:
    """Return the running processes whose Matrix transport is connected (logged in, syncing)."""
    found = []
    for p in cluster.alive():
        report = await p.health()
        if report is not None and report["transports"].get("matrix"):
            found.append(p)
    return found


async def test_only_the_leader_syncs_matrix_and_another_takes_over_when_it_dies(
        synapse: Synapse, api: FakeBotApi, pg_url: str, tmp_path: Path) -> None:
    bot, anna_account = await synapse.register("leadbot"), await synapse.register("anna")
    cluster = Cluster(api, pg_url, tmp_path, webhook=True, env={
        "MATRIX_HOMESERVER": synapse.url, "MATRIX_USER_ID": bot.user_id,
        "MATRIX_PASSWORD": bot.password, "MATRIX_ACCESS_TOKEN": "",
        "MATRIX_STORE_PATH": str(tmp_path / "matrix-store"),
        "MATRIX_ALLOWED_SERVERS": "localhost", "LOG_LEVEL": "INFO"})
    try:
        cluster.start(2)
        await cluster.ready(60)
        [leader] = await cluster.leaders()
        assert await syncing(cluster) == [leader]  # exactly one process syncs

        async with Human(synapse.url, anna_account, tmp_path / "anna") as anna:
            room = await anna.open_dm(bot.user_id, encrypted=True)
            await anna.say(room, "!hilfe")
            assert "/hilfe" in (await anna.receive(room, sender=bot.user_id)).body

            leader.kill()
            started = time.monotonic()
            await anna.say(room, "!datenschutz")  # while nobody syncs
            await until(lambda: _one_syncing(cluster), TAKEOVER, "another process syncing")
            [follower] = await syncing(cluster)
            assert follower is not leader and await cluster.leaders() == [follower]
            # The first answer now is the one to the message sent in between: nothing before
            # it is answered again (the same device continues from its saved sync token).
            assert "Datenschutz" in (await anna.receive(room, sender=bot.user_id)).body
            assert time.monotonic() - started < TAKEOVER
            await anna.say(room, "!hilfe")
            assert "/hilfe" in (await anna.receive(room, sender=bot.user_id)).body
    finally:
        await cluster.stop()


async def _one_syncing(cluster: Cluster) -> bool:
    return len(await syncing(cluster)) == 1
