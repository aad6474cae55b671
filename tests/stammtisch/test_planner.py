"""The series planner job and the Stammtisch renderers on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from bot.transports.console import incoming
from storage.catalogue import Catalogue
from storage.db import Database
from storage.members.models import Person
from storage.outbox import OutboxMessage, preferences
from storage.reminders import planned_for
from storage.stammtisch import service
from tests.stammtisch.helpers import BERLIN, berlin, mark_unreachable, person, wired

CHEF = frozenset({"console:chef"})


async def _subscribe(db: Database, pid: int, now: datetime) -> None:
    async with db.unit() as s:
        await service.set_subscribed(s, person_id=pid, on=True, now=now)


async def _planned(db: Database, pid: int) -> list[OutboxMessage]:
    async with db.unit() as s:
        return await planned_for(s, person_id=pid)


async def _row(db: Database, key: str) -> OutboxMessage:
    async with db.unit() as s:
        return (await s.exec(select(OutboxMessage).where(OutboxMessage.dedupe_key == key))).one()


async def test_dst_switches_keep_reminders_at_local_times(
    db: Database, catalogue: Catalogue
) -> None:
    pid = await person(db)
    await _subscribe(db, pid, berlin(2026, 3, 20))
    for start, end, day in ((berlin(2026, 3, 20), berlin(2026, 4, 3), 2),
                            (berlin(2026, 10, 20), berlin(2026, 10, 30), 29)):
        bot = wired(db, catalogue, start)
        await bot.advance(end)
        sent = [(when.astimezone(BERLIN), text) for when, _, text in bot.port.sent]
        assert [(w.day, w.hour, w.minute) for w, _ in sent][-2:] == [(day, 9, 0), (day, 12, 45)]
        assert all("13:00 Uhr" in text for _, text in sent) and len(sent) >= 2


async def test_unreachable_subscriber_is_planned_again_when_back(
    db: Database, catalogue: Catalogue
) -> None:
    now = berlin(2026, 3, 20)
    pid = await person(db)
    bot = wired(db, catalogue, now)
    await _subscribe(db, pid, now)
    await bot.router.run_jobs(now)
    assert len(await _planned(db, pid)) == 6  # 3 meetings x 2
    await mark_unreachable(db, pid, now)
    await bot.router.run_jobs(now)
    assert await _planned(db, pid) == []
    await person(db)  # writes again: reachable
    await bot.router.run_jobs(now)
    assert len(await _planned(db, pid)) == 6


async def test_a_switched_off_kind_is_dropped_once_due_and_not_brought_back(
    db: Database, catalogue: Catalogue
) -> None:
    now = berlin(2026, 2, 2, 9)
    pid = await person(db)
    bot = wired(db, catalogue, now)
    await _subscribe(db, pid, now)
    async with db.unit() as s:
        await preferences.switch(s, person_id=pid, kind="stammtisch.morning", enabled=False)
    await bot.router.run_jobs(now)
    key = f"stammtisch:{pid}:2026-02-05:morning"
    assert (await _row(db, key)).dropped_at is None  # still ahead: kept, but not listed
    assert all(r.kind != "stammtisch.morning" for r in await _planned(db, pid))
    await bot.advance(berlin(2026, 2, 5, 10))
    assert bot.port.texts() == []
    dropped = await _row(db, key)
    assert dropped.dropped_at is not None
    await bot.router.run_jobs(bot.clock.now())  # the next job run leaves it dropped
    assert (await _row(db, key)).dropped_at == dropped.dropped_at
    async with db.unit() as s:
        await preferences.switch(s, person_id=pid, kind="stammtisch.morning", enabled=True)
    await bot.advance(berlin(2026, 2, 19, 12))
    # Switched on before the meeting: today's morning reminder comes now, late but useful.
    # (The person's company also gets the events' deadline reminders: not this test's topic.)
    sent = [(when.astimezone(BERLIN).strftime("%d. %H:%M"), text[:5])
            for when, _, text in bot.port.sent if not text.startswith("Erinnerung")]
    assert sent == [("05. 10:00", "☀️ He"), ("05. 12:45", "⏰ In "), ("19. 09:00", "☀️ He")]


async def test_a_change_overtaken_by_a_later_one_is_not_sent(
    db: Database, catalogue: Catalogue
) -> None:
    now = berlin(2026, 2, 2, 9)
    pid = await person(db)
    await person(db, "chef")
    await _subscribe(db, pid, now)
    bot = wired(db, catalogue, now, admin_keys=CHEF)  # no wake-up: nothing sent in between
    for line in ("/stammtisch_link https://zoom.example/a", "/stammtisch_link https://zoom.example/b",
                 "/stammtisch_absagen 5.2.", "/stammtisch_verschieben 5.2. auf 6.2. 15 Uhr",
                 "/stammtisch_zeit 14:00", "/stammtisch_zeit 14:30"):
        replies = await bot.router.handle(incoming("chef", text=line))
        # every change is previewed with its recipients and confirmed
        assert "1 Abonnent:in bekommt dazu eine Nachricht" in replies[-1].text, replies
        yes = next(b.id for r in replies for b in r.flat_buttons() if b.label.startswith("Ja"))
        replies = await bot.router.handle(incoming("chef", press=yes))
        assert "1 Abonnent:in wird einmal benachrichtigt" in replies[-1].text, replies
    await bot.advance(now)
    told = bot.port.texts("anna")
    assert len(told) == 3, told
    link, moved, later = told
    assert "zoom.example/b" in link
    assert "verschoben auf Fr, 6. Februar 2026, 15:00 Uhr" in moved and "fällt aus" not in moved
    assert "um 14:30 Uhr" in later and "Nächster Termin: Fr, 6. Februar 2026, 15:00" in later


async def test_a_reminder_renders_the_meeting_as_it_is_at_delivery(
    db: Database, catalogue: Catalogue
) -> None:
    now = berlin(2026, 2, 5, 8)
    pid = await person(db)
    await _subscribe(db, pid, now)
    bot = wired(db, catalogue, now)
    await bot.router.run_jobs(now)

    async def render() -> str | None:
        async with db.unit() as s:
            row = (await s.exec(select(OutboxMessage).where(
                col(OutboxMessage.dedupe_key) == f"stammtisch:{pid}:2026-02-05:morning"))).one()
            anna = await s.get(Person, pid)
            assert anna is not None
            reply = await bot.router.compose(s, row, anna, now=now, numbered=False, memo={})
            return None if reply is None else reply.text

    assert "Heute um 13:00 Uhr" in (await render() or "")
    async with db.unit() as s:  # changed behind the planner's back: the renderer follows
        await service.change_setting(s, key="link", value="https://zoom.example/neu", now=now)
    assert "zoom.example/neu" in (await render() or "")
    async with db.unit() as s:
        await service.change_meeting(s, meeting="2026-02-05", cancelled=True, moved_to=None,
                                     now=now)
    assert await render() is None  # skipped: dropped, not sent
