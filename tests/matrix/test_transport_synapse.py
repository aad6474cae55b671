"""The Matrix transport against a real Synapse, driven by a second nio client as the human.

The bot side here is a small recording handler, so these tests pin the transport alone;
test_bot_synapse.py runs the real App on top.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.chat import (
    Address,
    Button,
    FileOut,
    Incoming,
    PermanentFailure,
    Reply,
    TemporaryFailure,
)
from bot.settings import Settings
from bot.transports.matrix import MatrixTransport

from .human import Human
from .synapse import Account, Synapse

ICS = FileOut("termin.ics", "text/calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")


class Recorder:
    """A handler that records what it got and answers from a script keyed by text."""

    def __init__(self) -> None:
        self.got: list[Incoming] = []

    async def __call__(self, incoming: Incoming) -> list[Reply]:
        self.got.append(incoming)
        text = incoming.text or ""
        if text == "/wahl":
            row = (Button("a", "Montag"), Button("b", "Dienstag"), Button("c", "Abbrechen"))
            return [Reply("Welcher <b>Tag</b>?", (row,))]
        if text == "/datei":
            return [Reply("Hier dein Termin:", file=ICS)]
        if text == "/privat":
            return [Reply("Nur für dich", personal=True)]
        return [Reply(f"Echo: {text} option={incoming.option}")]


def matrix_settings(
    synapse: Synapse, user_id: str, password: str | None, store: Path, **extra: str
) -> Settings:
    """Build (validated) Settings for the bot account on the test homeserver."""
    values: dict[str, object] = {
        "matrix_homeserver": synapse.url,
        "matrix_user_id": user_id,
        "matrix_password": password,
        "matrix_store_path": store,
        "matrix_allowed_servers": "localhost",
    }
    return Settings(_env_file=None, **(values | extra))


class World:
    """One bot account with its store, one human, and a way to (re)start the transport."""

    def __init__(self, synapse: Synapse, tmp: Path, bot: Account, human: Account) -> None:
        self.synapse, self.tmp = synapse, tmp
        self.bot, self.human_account = bot, human
        self.recorder = Recorder()
        self.transport: MatrixTransport | None = None

    async def start_bot(self, **overrides: str) -> MatrixTransport:
        store = self.tmp / "bot-store"
        settings = matrix_settings(self.synapse, self.bot.user_id, self.bot.password, store,
                                   **overrides)
        self.transport = MatrixTransport(settings, poll_ms=2000)
        await self.transport.start(self.recorder)
        return self.transport

    async def stop_bot(self) -> None:
        if self.transport is not None:
            await self.transport.stop()
            self.transport = None


@pytest.fixture
async def world(synapse: Synapse, tmp_path: Path) -> AsyncIterator[World]:
    bot, human = await synapse.register("bot"), await synapse.register("anna")
    w = World(synapse, tmp_path, bot, human)
    await w.start_bot()
    try:
        yield w
    finally:
        await w.stop_bot()


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_dm_commands_options_and_files(world: World, encrypted: bool) -> None:
    async with Human(world.synapse.url, world.human_account, world.tmp / "human") as anna:
        room = await anna.open_dm(world.bot.user_id, encrypted=encrypted)

        await anna.say(room, "!wahl")
        seen = await anna.receive(room)
        assert "1) Montag" in seen.body and "Antworte mit 1, 2 oder 3." in seen.body
        assert "<b>Tag</b>" in (seen.formatted or "") and "<br>" in (seen.formatted or "")
        assert world.recorder.got[-1].text == "/wahl"
        assert world.recorder.got[-1].chat == Address("matrix", room)

        await anna.say(room, "2")
        assert (await anna.receive(room)).body == "Echo: 2 option=2"
        assert world.recorder.got[-1].person.external_id == world.human_account.user_id

        await anna.say(room, "/datei")
        assert (await anna.receive(room)).body == "Hier dein Termin:"
        file_msg = await anna.receive(room)
        assert file_msg.body == "termin.ics"
        assert type(file_msg.event).__name__ == ("RoomEncryptedFile" if encrypted
                                                  else "RoomMessageFile")
        assert await anna.download(file_msg) == ICS.data


async def test_restart_neither_replays_nor_misses(world: World) -> None:
    async with Human(world.synapse.url, world.human_account, world.tmp / "human") as anna:
        room = await anna.open_dm(world.bot.user_id, encrypted=True)
        await anna.say(room, "/eins")
        assert (await anna.receive(room)).body == "Echo: /eins option=None"
        assert world.transport is not None
        device = world.transport.client.device_id
        await world.stop_bot()

        await anna.say(room, "/zwei")  # sent while the bot is down
        restarted = await world.start_bot()
        assert restarted.client.device_id == device  # same device, same keys
        assert (await anna.receive(room)).body == "Echo: /zwei option=None"
        await anna.say(room, "/drei")
        assert (await anna.receive(room)).body == "Echo: /drei option=None"
        assert [i.text for i in world.recorder.got] == ["/eins", "/zwei", "/drei"]


async def test_outbox_send_and_unreachable(world: World) -> None:
    async with Human(world.synapse.url, world.human_account, world.tmp / "human") as anna:
        room = await anna.open_dm(world.bot.user_id, encrypted=True)
        assert world.transport is not None
        await world.transport.send(Address("matrix", room), Reply("Erinnerung: <i>morgen</i>"))
        seen = await anna.receive(room)
        assert seen.body == "Erinnerung: morgen"
        # A user id as chat (no DM known yet) reaches the person in their DM with the bot.
        await world.transport.send(Address("matrix", world.human_account.user_id), Reply("Hallo"))
        assert (await anna.receive(room)).body == "Hallo"

        with pytest.raises(PermanentFailure):
            await world.transport.send(Address("matrix", "!nirgends:localhost"), Reply("x"))


async def test_invite_from_foreign_server_is_declined(world: World) -> None:
    await world.stop_bot()
    await world.start_bot(matrix_allowed_servers="example.org")
    async with Human(world.synapse.url, world.human_account, world.tmp / "human") as anna:
        resp = await anna.client.room_create(is_direct=True, invite=[world.bot.user_id])
        room_id = resp.room_id
        async with asyncio.timeout(30):
            while world.bot.user_id in anna.client.rooms[room_id].invited_users:
                await anna.client.synced.wait()
        assert world.bot.user_id not in anna.client.rooms[room_id].users


async def test_access_token_login_keeps_its_device(synapse: Synapse, tmp_path: Path) -> None:
    bot, human = await synapse.register("tokenbot"), await synapse.register("ben")
    settings = matrix_settings(synapse, bot.user_id, None, tmp_path / "store",
                               matrix_access_token=bot.access_token)
    recorder = Recorder()
    transport = MatrixTransport(settings, poll_ms=2000)
    await transport.start(recorder)
    try:
        async with Human(synapse.url, human, tmp_path / "human") as ben:
            room = await ben.open_dm(bot.user_id, encrypted=True)
            await ben.say(room, "!hallo")
            assert (await ben.receive(room)).body == "Echo: /hallo option=None"
            devices = ben.client.device_store[bot.user_id]
            assert list(devices) == [transport.client.device_id]
    finally:
        await transport.stop()


async def test_group_room_commands_only_and_personal_to_dm(world: World) -> None:
    carl_account = await world.synapse.register("carl")
    async with (
        Human(world.synapse.url, world.human_account, world.tmp / "anna") as anna,
        Human(world.synapse.url, carl_account, world.tmp / "carl") as carl,
    ):
        resp = await anna.client.room_create(name="Ausbildung", invite=[carl_account.user_id])
        group = resp.room_id
        await anna.wait_for_member(group, carl_account.user_id)
        await anna.say(group, "!alt")  # before the bot is there: history, not for the bot
        await anna.client.room_invite(group, world.bot.user_id)
        await anna.wait_for_member(group, world.bot.user_id)

        await anna.say(group, "guten Morgen")
        await anna.say(group, "!hallo")
        bot_id = world.bot.user_id
        assert (await carl.receive(group, sender=bot_id)).body == "Echo: /hallo option=None"
        await anna.say(group, "!privat")
        personal = await anna.receive(sender=bot_id)
        while personal.room_id == group:  # the group's echo and notice reach anna too
            personal = await anna.receive(sender=bot_id)
        assert personal.body == "Nur für dich"
        assert anna.client.rooms[personal.room_id].encrypted
        assert "Direktchat" in (await carl.receive(group, sender=bot_id)).body
        assert [i.text for i in world.recorder.got] == ["/hallo", "/privat"]
        assert world.recorder.got[0].is_group


async def test_edits_are_not_answered_again(world: World) -> None:
    async with Human(world.synapse.url, world.human_account, world.tmp / "human") as anna:
        room = await anna.open_dm(world.bot.user_id, encrypted=False)
        await anna.say(room, "!eins")
        first = await anna.receive(room)
        assert first.body == "Echo: /eins option=None"
        original = world.recorder.got[-1].message_ref
        edit = {"msgtype": "m.text", "body": "* !zwei",
                "m.new_content": {"msgtype": "m.text", "body": "!zwei"},
                "m.relates_to": {"rel_type": "m.replace", "event_id": original}}
        await anna.client.room_send(room, "m.room.message", edit)
        await anna.say(room, "!drei")
        assert (await anna.receive(room)).body == "Echo: /drei option=None"
        assert [i.text for i in world.recorder.got] == ["/eins", "/drei"]


async def test_rate_limit_is_reported_with_retry_after(world: World) -> None:
    admin = await world.synapse.register("admin", admin=True)
    async with Human(world.synapse.url, world.human_account, world.tmp / "human") as anna:
        room = await anna.open_dm(world.bot.user_id, encrypted=False)
        url = (f"{world.synapse.url}/_synapse/admin/v1/users/{world.bot.user_id}"
               "/override_ratelimit")
        headers = {"Authorization": f"Bearer {admin.access_token}"}
        async with aiohttp.ClientSession() as http:
            limit = {"messages_per_second": 1, "burst_count": 1}
            async with http.post(url, json=limit, headers=headers) as resp:
                assert resp.status == 200, await resp.text()
        assert world.transport is not None
        with pytest.raises(TemporaryFailure) as caught:
            for n in range(5):
                await world.transport.send(Address("matrix", room), Reply(f"Nachricht {n}"))
        assert caught.value.retry_after is not None and caught.value.retry_after > 0


async def test_first_start_ignores_old_messages(world: World) -> None:
    async with Human(world.synapse.url, world.human_account, world.tmp / "human") as anna:
        room = await anna.open_dm(world.bot.user_id, encrypted=False)
        await world.stop_bot()
        await anna.say(room, "!alt")  # before the (new) bot device ever synced
        settings = matrix_settings(world.synapse, world.bot.user_id, world.bot.password,
                                   world.tmp / "fresh-store")
        fresh = MatrixTransport(settings, poll_ms=2000)
        await fresh.start(world.recorder)
        try:
            await anna.say(room, "!neu")
            assert (await anna.receive(room)).body == "Echo: /neu option=None"
            assert [i.text for i in world.recorder.got] == ["/neu"]
        finally:
            await fresh.stop()


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_a_file_sent_in_a_dm_reaches_the_bot(world: World, encrypted: bool) -> None:
    plan = FileOut("plan-2027.toml", "application/toml", '[cluster]\nname = "Zukunftsmacher"\n'
                   "max_members = 30\n# Umlaute: äöü\n".encode())
    async with Human(world.synapse.url, world.human_account, world.tmp / "human") as anna:
        room = await anna.open_dm(world.bot.user_id, encrypted=encrypted)
        await anna.send_file(room, plan)
        seen = await anna.receive(room)  # the recorder echoes; by then it holds the Incoming
        got = world.recorder.got[-1]
        assert got.attachment is not None, seen.body
        assert got.attachment.name == "plan-2027.toml"
        assert got.attachment.mime == "application/toml"
        assert got.attachment.data == plan.data  # downloaded (and decrypted) by the transport
        assert got.text is None and got.chat == Address("matrix", room)
