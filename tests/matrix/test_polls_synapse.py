"""Polls and broadcasts on Matrix against Synapse: a poll card with numbered options and a vote
by number; a broadcast whose picture the team sends as m.image reaches a member as a file."""

from __future__ import annotations

import io
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta

from nio import RoomSendResponse, UploadResponse

from bot.chat import FileOut
from bot.transports.matrix_format import file_content

from . import test_bot_synapse
from .human import Human
from .test_bot_synapse import START, Stage, receive_until

stage = test_bot_synapse.stage  # the fixture: App and transport on a fresh database


def number(body: str, label: str) -> str:
    """Return the number the bot put in front of a choice labelled `label`."""
    found = re.search(rf"(\d+)\) {re.escape(label)}", body)
    assert found, (label, body)
    return found.group(1)


async def answer(human: Human, room: str, bot_id: str, body: str, label: str,
                 wait_for: str) -> str:
    """Answer a numbered question by the number of `label`; return the reply with `wait_for`."""
    await human.say(room, number(body, label))
    return await receive_until(human, room, bot_id, wait_for)


@dataclass
class Two:
    """The admin and a member, each in their DM with the bot."""

    boss: Human
    boss_room: str
    anna: Human
    anna_room: str


@asynccontextmanager
async def boss_and_anna(stage: Stage, *, encrypted: bool) -> AsyncIterator[Two]:
    """Open the admin's DM (`encrypted` or not), invite Anna over Matrix and let her redeem
    the code in her own (plain) DM."""
    bot_id = stage.bot.user_id
    async with stage.human(stage.boss, "boss") as boss:
        boss_room = await boss.open_dm(bot_id, encrypted=encrypted)
        await boss.say(boss_room, "!einladung Zemmler Siebanlagen GmbH")
        code = re.search(r"/start (\S+)", await receive_until(boss, boss_room, bot_id, "/start"))
        assert code
        async with stage.human(await stage.synapse.register("anna"), "anna") as anna:
            anna_room = await anna.open_dm(bot_id, encrypted=False)
            await anna.say(anna_room, f"!start {code.group(1)}")
            await receive_until(anna, anna_room, bot_id, "Zemmler")
            yield Two(boss, boss_room, anna, anna_room)


async def test_poll_card_with_numbered_options_and_a_vote(stage: Stage) -> None:
    bot_id = stage.bot.user_id
    async with boss_and_anna(stage, encrypted=False) as two:
        boss, boss_room, anna, anna_room = two.boss, two.boss_room, two.anna, two.anna_room
        await boss.say(boss_room, "!umfrage_neu")
        await receive_until(boss, boss_room, bot_id, "Wie lautet die Frage")
        await boss.say(boss_room, "Welches Thema wünscht ihr euch?")
        await receive_until(boss, boss_room, bot_id, "eine pro Zeile")
        await boss.say(boss_room, "Best Practice\nAzubi-On-Boarding")
        body = await receive_until(boss, boss_room, bot_id, "eine oder mehrere")
        body = await answer(boss, boss_room, bot_id, body, "Eine Antwort", "anonym")
        body = await answer(boss, boss_room, bot_id, body, "Mit Namen", "pro Firma")
        body = await answer(boss, boss_room, bot_id, body, "Nein", "An wen")
        body = await answer(boss, boss_room, bot_id, body, "Alle Mitglieder", "Bis wann")
        await boss.say(boss_room, "Freitag 12 Uhr")
        preview = await receive_until(boss, boss_room, bot_id, "Vorschau")
        assert "Geht an 1 Person" in preview
        await answer(boss, boss_room, bot_id, preview, "Senden", "Gesendet an 1 Person")

        app = stage.app
        assert app is not None
        await app.advance(START + timedelta(minutes=1))
        card = await receive_until(anna, anna_room, bot_id, "Welches Thema")
        assert "1) 1. Best Practice" in card and "2) 2. Azubi-On-Boarding" in card, card
        voted = await answer(anna, anna_room, bot_id, card, "2. Azubi-On-Boarding",
                             "Deine Wahl")
        assert "Deine Wahl: Azubi-On-Boarding" in voted, voted

        await boss.say(boss_room, "!umfragen")
        live = await receive_until(boss, boss_room, bot_id, "abgestimmt")
        assert "1 von 1 abgestimmt" in live and "Azubi-On-Boarding: 1 Stimme" in live, live


async def send_image(human: Human, room_id: str, file: FileOut) -> None:
    """Send a picture as Element does: an m.image (encrypted attachment in encrypted rooms)."""
    room = human.client.rooms[room_id]
    upload, keys = await human.client.upload(
        io.BytesIO(file.data), content_type=file.mime, filename=file.name,
        encrypt=room.encrypted, filesize=len(file.data))
    assert isinstance(upload, UploadResponse), upload
    content = {**file_content(file, upload.content_uri, keys), "msgtype": "m.image"}
    resp = await human.client.room_send(room_id, "m.room.message", content,
                                        ignore_unverified_devices=True)
    assert isinstance(resp, RoomSendResponse), resp


async def test_broadcast_with_a_picture_sent_as_m_image(stage: Stage) -> None:
    bot_id = stage.bot.user_id
    picture = FileOut("flyer.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"flyer" * 200)
    async with boss_and_anna(stage, encrypted=True) as two:
        boss, boss_room, anna, anna_room = two.boss, two.boss_room, two.anna, two.anna_room
        await boss.say(boss_room, "!rundschreiben")
        await receive_until(boss, boss_room, bot_id, "Was sollen die Mitglieder lesen")
        await boss.say(boss_room, "Der Flyer für die Karrieretage")
        await receive_until(boss, boss_room, bot_id, "Datei oder ein Bild")
        await send_image(boss, boss_room, picture)
        body = await receive_until(boss, boss_room, bot_id, "An wen")
        body = await answer(boss, boss_room, bot_id, body, "Alle Mitglieder", "Normal")
        preview = await answer(boss, boss_room, bot_id, body, "Normal", "Vorschau")
        assert "Mit Datei: flyer.png" in preview
        await answer(boss, boss_room, bot_id, preview, "Senden", "geht an 1 Person")

        app = stage.app
        assert app is not None
        await app.advance(START + timedelta(minutes=1))
        await receive_until(anna, anna_room, bot_id, "Karrieretage")
        sent = await anna.receive(anna_room, sender=bot_id)
        while sent.body != "flyer.png":  # the file follows its text
            sent = await anna.receive(anna_room, sender=bot_id)
        assert await anna.download(sent) == picture.data
