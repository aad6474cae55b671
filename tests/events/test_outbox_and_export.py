"""Reminders and notices planned with sign-ups, the seeded catalogue, the registrations export."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.chat import Address, Incoming
from bot.chat import Person as ChatPerson
from bot.clock import ManualClock
from handlers.context import Ctx, Services
from handlers.events_admin import export
from handlers.events_notify import notes_for
from handlers.exports import to_csv
from storage import event_signup as signup
from storage import events, outbox, people
from storage.catalogue import Catalogue
from storage.db import Database
from tests.events.helpers import BERLIN, NOW, company, meeting
from tests.events.helpers import people as make_people


async def _pending(db: Database, person_id: int) -> dict[str, datetime]:
    return {r.dedupe_key.split(f":person:{person_id}:", 1)[1]: r.due_at
            for r in await outbox.pending_for(db, person_id=person_id)}


async def test_sign_up_plans_reminders_and_cancel_drops_them(db: Database) -> None:
    ev = await meeting(db, capacity=1)
    a, b = await make_people(db, 2)
    notes = notes_for(NOW, BERLIN)
    await signup.register(db, event_id=ev.id, person_id=a, people=1, now=NOW, notes=notes)
    await signup.register(db, event_id=ev.id, person_id=b, people=1, now=NOW, notes=notes)
    assert await _pending(db, a) == {"d7": ev.start - timedelta(days=7),
                                     "d1": ev.start - timedelta(days=1)}
    assert await _pending(db, b) == {}  # waiting: no reminders yet
    await signup.cancel(db, event_id=ev.id, person_id=a, now=NOW, notes=notes)
    assert await _pending(db, a) == {}
    moved = await _pending(db, b)
    promoted = next(k for k in moved if k.startswith("promoted:"))
    assert set(moved) == {"d7", "d1", promoted} and moved[promoted] == NOW


async def test_time_change_replans_reminders_and_sends_notice(db: Database) -> None:
    ev = await meeting(db)
    (a,) = await make_people(db, 1)
    notes = notes_for(NOW, BERLIN)
    await signup.register(db, event_id=ev.id, person_id=a, people=1, now=NOW, notes=notes)
    later = ev.start + timedelta(days=2)
    await events.update(db, event_id=ev.id, changes={"start": later, "end": None}, now=NOW,
                        notes=notes)
    planned = await _pending(db, a)
    assert planned["d7"] == later - timedelta(days=7) and planned["changed:1"] == NOW


async def test_other_reminder_days_replan_without_a_notice(db: Database) -> None:
    ev = await meeting(db)
    (a,) = await make_people(db, 1)
    notes = notes_for(NOW, BERLIN)
    await signup.register(db, event_id=ev.id, person_id=a, people=1, now=NOW, notes=notes)
    out = await events.update(db, event_id=ev.id, changes={"reminder_days": [14, 2]}, now=NOW,
                              notes=notes)
    assert out.event.sequence == 0
    assert await _pending(db, a) == {"d14": ev.start - timedelta(days=14),
                                     "d2": ev.start - timedelta(days=2)}


async def test_seeding_adds_catalogue_events_once_and_keeps_edits(
    db: Database, catalogue: Catalogue
) -> None:
    assert await events.seed_events(db, catalogue) == 8
    march = (await events.find(db, query="Ausbildungs-Marketing"))[0]
    assert march.capacity == 40 and march.start == datetime(2026, 3, 5, 10, tzinfo=BERLIN)
    await events.update(db, event_id=march.id, changes={"capacity": 50}, now=NOW)
    assert await events.seed_events(db, catalogue) == 0
    assert (await events.get(db, event_id=march.id)).capacity == 50  # type: ignore[union-attr]
    speed = (await events.find(db, query="Speed Dating Zittau"))[0]
    assert speed.kind == "extern" and speed.capacity is None and speed.link


async def test_export_table_for_german_excel(db: Database, catalogue: Catalogue) -> None:
    ev = await meeting(db)
    firm = await company(db, "Müller & Söhne GmbH")
    (a,) = await make_people(db, 1, firm)
    await signup.register(db, event_id=ev.id, person_id=a, people=3, now=NOW)
    person = await people.get(db, person_id=a)
    services = Services(db=db, clock=ManualClock(NOW), catalogue=catalogue,
                        admin_keys=frozenset())
    inc = Incoming(ChatPerson("console", "chef"), Address("console", "chef"), text="/export")
    ctx = Ctx(services, inc, person, None, True, NOW)  # type: ignore[arg-type]
    data = to_csv(await export(ctx, ""))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = data.decode("utf-8-sig").splitlines()
    assert rows[1] == ("Netzwerktreffen;05.03.2026;Müller & Söhne GmbH;Person 0;console;3;"
                       "angemeldet;02.02.2026")
