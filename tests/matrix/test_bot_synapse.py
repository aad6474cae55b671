"""The real bot (App + router + outbox) on Matrix against Synapse, with nio clients as people."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.app import App, build_app
from bot.clock import ManualClock
from bot.settings import Settings
from bot.transports.matrix import MatrixTransport
from tests.support.databases import sqlite_url
from tests.support.store import find_person, plan_text

from .human import Human
from .synapse import Account, Synapse

START = datetime(2026, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))


class Stage:
    """App on a fresh database, the Matrix transport, and accounts for bot, admin and a member."""

    def __init__(self, synapse: Synapse, tmp: Path, bot: Account, boss: Account) -> None:
        self.synapse, self.tmp, self.bot, self.boss = synapse, tmp, bot, boss
        self.settings = Settings(
            _env_file=None,
            database_url=sqlite_url(tmp),
            admins=f"matrix:{boss.user_id}",
            matrix_homeserver=synapse.url,
            matrix_user_id=bot.user_id,
            matrix_password=bot.password,
            matrix_store_path=tmp / "matrix-store",
            matrix_allowed_servers="localhost",
        )
        self.app: App | None = None
        self.transport: MatrixTransport | None = None

    async def start(self) -> App:
        if self.app is None:
            self.app = await build_app(self.settings, clock=ManualClock(START))
        self.transport = MatrixTransport(self.settings, poll_ms=2000)
        self.app.add_port(self.transport)
        await self.transport.start(self.app.handle)
        return self.app

    async def stop_transport(self) -> None:
        if self.transport is not None:
            await self.transport.stop()
            self.transport = None

    def human(self, account: Account, name: str) -> Human:
        return Human(self.synapse.url, account, self.tmp / name)


@pytest.fixture
async def stage(synapse: Synapse, tmp_path: Path) -> AsyncIterator[Stage]:
    bot, boss = await synapse.register("zm"), await synapse.register("chef")
    s = Stage(synapse, tmp_path, bot, boss)
    await s.start()
    try:
        yield s
    finally:
        await s.stop_transport()
        if s.app is not None:
            await s.app.stop()


async def invite_code(stage: Stage, company: str) -> str:
    """Let the admin create an invite over Matrix and return the CODE of "/start CODE"."""
    async with stage.human(stage.boss, "boss") as boss:
        room = await boss.open_dm(stage.bot.user_id, encrypted=True)
        await boss.say(room, f"!einladung {company}")
        seen = await boss.receive(room, sender=stage.bot.user_id)
    match = re.search(r"/start (\S+)", seen.body)
    assert match, seen.body
    return match.group(1)


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_onboarding_and_reminder_in_a_dm(stage: Stage, encrypted: bool) -> None:
    code = await invite_code(stage, "Zemmler Siebanlagen GmbH")
    anna_account = await stage.synapse.register("anna")
    bot_id = stage.bot.user_id
    async with stage.human(anna_account, "anna") as anna:
        room = await anna.open_dm(bot_id, encrypted=encrypted)
        await anna.say(room, f"/start {code}")
        welcome = await anna.receive(room, sender=bot_id)
        assert "Zemmler Siebanlagen GmbH" in welcome.body, welcome.body
        assert welcome.formatted and "<br>" in welcome.formatted

        app = stage.app
        assert app is not None
        person = await find_person(app.db, platform="matrix", external_id=anna_account.user_id)
        assert person is not None and person.chat_id == room
        await plan_text(
            app.db, person_id=person.id, text="Erinnerung: <b>morgen</b> Stammtisch",
            due_at=(START + timedelta(hours=1)).astimezone(ZoneInfo("UTC")),
            key=f"test:{code}", now=app.clock.now(),
        )
        await app.advance(START + timedelta(hours=2))
        reminder = await anna.receive(room, sender=bot_id)
        assert reminder.body == "Erinnerung: morgen Stammtisch"


async def test_restart_does_not_replay_commands(stage: Stage) -> None:
    code = await invite_code(stage, "Zemmler Siebanlagen GmbH")
    anna_account = await stage.synapse.register("anna")
    bot_id = stage.bot.user_id
    async with stage.human(anna_account, "anna") as anna:
        room = await anna.open_dm(bot_id, encrypted=True)
        await anna.say(room, f"!start {code}")
        assert "Zemmler" in (await anna.receive(room, sender=bot_id)).body

        await stage.stop_transport()
        await anna.say(room, "!gibtsnicht")  # while the bot is down: answered after the restart
        await stage.start()
        first = await anna.receive(room, sender=bot_id)
        assert "kenne ich nicht" in first.body, first.body  # not a replayed welcome
        await anna.say(room, "!hilfe")
        assert "/hilfe" in (await anna.receive(room, sender=bot_id)).body


async def receive_until(human: Human, room: str, sender: str, needle: str) -> str:
    """Skip the bot's messages until one contains `needle`; return its body."""
    while needle not in (body := (await human.receive(room, sender=sender)).body):
        pass
    return body


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_sign_up_by_number_gets_ics_and_reminder(stage: Stage, encrypted: bool) -> None:
    code = await invite_code(stage, "Zemmler Siebanlagen GmbH")
    anna_account = await stage.synapse.register("anna")
    bot_id = stage.bot.user_id
    async with stage.human(anna_account, "anna") as anna:
        room = await anna.open_dm(bot_id, encrypted=encrypted)
        await anna.say(room, f"!start {code}")
        await receive_until(anna, room, bot_id, "Zemmler")

        await anna.say(room, "!termine")
        card = await receive_until(anna, room, bot_id, "Ausbildungs-Marketing")
        number = re.search(r"(\d+)\) Anmelden", card)
        assert number, card
        await anna.say(room, number.group(1))
        ask = await receive_until(anna, room, bot_id, "Wie viele Personen")
        assert "Antworte mit 1" in ask
        await anna.say(room, "2")
        done = await receive_until(anna, room, bot_id, "Angemeldet")
        assert "Personen: 2" in done
        ics_msg = await anna.receive(room, sender=bot_id)
        while not ics_msg.body.endswith(".ics"):  # the file follows its caption message
            ics_msg = await anna.receive(room, sender=bot_id)
        ics = (await anna.download(ics_msg)).decode()
        assert "DTSTART;TZID=Europe/Berlin:20260305T100000" in ics

        app = stage.app
        assert app is not None
        await app.advance(datetime(2026, 2, 26, 10, 30, tzinfo=ZoneInfo("Europe/Berlin")))
        await receive_until(anna, room, bot_id, "ist in einer Woche")


async def test_number_of_a_later_card_signs_up_for_that_card(stage: Stage) -> None:
    code = await invite_code(stage, "Zemmler Siebanlagen GmbH")
    anna_account = await stage.synapse.register("anna")
    bot_id = stage.bot.user_id
    async with stage.human(anna_account, "anna") as anna:
        room = await anna.open_dm(bot_id, encrypted=False)
        await anna.say(room, f"!start {code}")
        await receive_until(anna, room, bot_id, "Zemmler")
        await anna.say(room, "!termine")
        cards = [await receive_until(anna, room, bot_id, "Netzwerktreffen")]
        while "Runde Sachsen" not in cards[-1]:  # /termine ends with this card
            cards.append((await anna.receive(room, sender=bot_id)).body)
        offers = [(m.group(1), card.splitlines()[0]) for card in cards
                  if (m := re.search(r"(\d+)\) Anmelden", card))]
        number, title = offers[-1]  # the last card that takes sign-ups: numbers counted on
        assert int(number) > 3, offers
        await anna.say(room, number)
        await receive_until(anna, room, bot_id, "Wie viele Personen")
        await anna.say(room, "1")
        done = await receive_until(anna, room, bot_id, "Angemeldet")
        assert title in done, (title, done)
