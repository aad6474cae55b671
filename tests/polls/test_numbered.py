"""A poll where buttons are answered by number (Matrix): the card's options, "2" votes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.app import build_app
from bot.chat import Address, Incoming
from bot.chat import Person as ChatPerson
from bot.clock import ManualClock
from bot.settings import Settings
from storage.members import companies
from storage.members.models import Person
from storage.polls import service
from storage.polls.service import OptionIn, PollIn
from tests.support.databases import sqlite_url

NOW = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)
ANNA = "@anna:firma.example"


def said(text: str, option: int | None = None) -> Incoming:
    """Return what Anna wrote in her Matrix DM (a bare number is an option)."""
    return Incoming(ChatPerson("matrix", ANNA, "Anna"), Address("matrix", "!dm-anna"),
                    text=text, option=option, numbered=True)


async def test_vote_by_number_on_a_numbered_platform(tmp_path: Path) -> None:
    # No .env file: the settings are only these (a plain dict, as pydantic-settings takes it).
    values: dict[str, Any] = {"_env_file": None, "database_url": sqlite_url(tmp_path),
                              "admins": "matrix:@chef:cluster.example"}
    settings = Settings(**values)
    app = await build_app(settings, clock=ManualClock(NOW))
    try:
        async with app.db.unit() as s:
            firm = await companies.create(s, name="Numbered GmbH", state="SN", city=None,
                                          max_members=1000)
            anna = Person(platform="matrix", external_id=ANNA, display_name="Anna",
                          chat_id="!dm-anna", company_id=firm.id)
            s.add(anna)
            await s.flush()
            await service.create(s, PollIn(
                kind="poll", question="Welches Thema?", options=[OptionIn("Best Practice"),
                                                                 OptionIn("On-Boarding")],
                multiple=False, anonymous=True, per_company=False, audience="all",
                closes_at=NOW + timedelta(days=3)), recipients=[anna], created_by=anna.id,
                now=NOW)
        [card] = await app.handle(said("/abstimmen"))
        assert [b.label for b in card.flat_buttons()] == ["1. Best Practice", "2. On-Boarding"]
        [voted] = await app.handle(said("2", option=2))
        assert "Deine Wahl: <b>On-Boarding</b>" in voted.text
        assert [b.label for b in voted.flat_buttons()] == ["1. Best Practice",
                                                           "✅ 2. On-Boarding"]
    finally:
        await app.stop()
