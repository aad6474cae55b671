"""Personal reminders: only their owner deletes them, late ones say so, switched-off kinds hide."""

from __future__ import annotations

from datetime import timedelta

from bot.transports.console import incoming
from storage.catalogue import Catalogue
from storage.db import Database
from storage.outbox import Plan, plan, preferences
from storage.reminders import PERSONAL, delete_personal, planned_for
from tests.stammtisch.helpers import Bot, berlin, person, wired


async def _confirmed(bot: Bot, line: str) -> None:
    asked = await bot.router.handle(incoming("anna", text=line))
    assert "passt das?" in asked[-1].text, asked
    done = await bot.router.handle(incoming("anna", text="ja"))
    assert "Ich erinnere dich" in done[-1].text, done


async def test_personal_reminders_are_only_deleted_by_their_owner(db: Database) -> None:
    anna, bert = await person(db, "anna"), await person(db, "bert")
    now = berlin(2026, 3, 20)
    async with db.unit() as s:
        await plan(s, Plan(anna, PERSONAL, "p:1", now + timedelta(hours=1),
                           params={"text": "t"}, urgent=True), now=now)
    async with db.unit() as s:
        (row,) = await planned_for(s, person_id=anna)
        assert not await delete_personal(s, person_id=bert, row_id=row.id, now=now)
        assert await delete_personal(s, person_id=anna, row_id=row.id, now=now)
        assert not await delete_personal(s, person_id=anna, row_id=row.id, now=now)
        assert await planned_for(s, person_id=anna) == []


async def test_planned_lists_leave_out_switched_off_kinds(db: Database) -> None:
    anna = await person(db)
    now = berlin(2026, 3, 20)
    async with db.unit() as s:
        for kind in ("stammtisch.soon", "event.reminder"):
            await plan(s, Plan(anna, kind, kind, now + timedelta(hours=1)), now=now)
        await preferences.switch(s, person_id=anna, kind="stammtisch.soon", enabled=False)
    async with db.unit() as s:
        assert [r.kind for r in await planned_for(s, person_id=anna)] == ["event.reminder"]


async def test_a_reminder_delivered_long_after_its_time_says_so(
    db: Database, catalogue: Catalogue
) -> None:
    await person(db)
    bot = wired(db, catalogue, berlin(2026, 2, 2, 9))
    await _confirmed(bot, "/erinnerung morgen 10 Uhr Angebot <b>prüfen</b>")
    await _confirmed(bot, "/erinnerung morgen 15 Uhr Kammer anrufen")
    await bot.advance(berlin(2026, 2, 3, 10, 30))  # running: on time
    bot.clock.set(berlin(2026, 2, 3, 17, 30))  # down from 14:00 until 17:30
    await bot.deliverer.deliver_due()
    on_time, late = bot.port.texts("anna")
    assert on_time == "🔔 Erinnerung: Angebot &lt;b&gt;prüfen&lt;/b&gt;"
    assert late.startswith("🔔 Erinnerung: Kammer anrufen")
    assert "(verspätet, eigentlich für Di, 3. Februar 2026, 15:00 Uhr)" in late


async def test_a_personal_row_planned_before_rendering_at_delivery_keeps_its_text(
    db: Database, catalogue: Catalogue
) -> None:
    now = berlin(2026, 2, 2, 9)
    anna = await person(db)
    async with db.unit() as s:  # planned by an earlier version: literal text, no params
        await plan(s, Plan(anna, PERSONAL, "old", now, text="🔔 Erinnerung: alt"), now=now)
    bot = wired(db, catalogue, now)
    await bot.deliverer.deliver_due()
    assert bot.port.texts() == ["🔔 Erinnerung: alt"]
