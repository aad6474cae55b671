"""QA: /erinnerungen never shows an internal kind name for rows other features planned."""

from __future__ import annotations

from datetime import timedelta

from bot.transports.console import incoming
from storage.catalogue import Catalogue
from storage.db import Database
from storage.outbox import Plan, plan
from tests.stammtisch.helpers import berlin, person, wired


async def test_a_row_of_an_unlabelled_kind_is_listed_as_a_notice(
    db: Database, catalogue: Catalogue
) -> None:
    now = berlin(2026, 3, 2, 21)
    pid = await person(db)
    async with db.unit() as s:
        await plan(s, Plan(pid, "fair.team", "t", now + timedelta(hours=1), text="x"), now=now)
    bot = wired(db, catalogue, now)
    replies = await bot.router.handle(incoming("anna", text="/erinnerungen"))
    text = "\n".join(r.text for r in replies)
    assert "Mitteilung" in text and "fair.team" not in text
