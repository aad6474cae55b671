"""Reminders and notices planned with sign-ups and rendered at delivery, the seeded catalogue,
the registrations export (through the router, on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.chat import Reply
from handlers.events import notices
from handlers.events import texts as t
from handlers.events.actions import ConfirmCancel, ConfirmSignOff, SignUp
from storage import outbox
from storage.catalogue import Catalogue
from storage.db import Database
from storage.events import catalogue as event_catalogue
from storage.events import manage, queries
from storage.members.models import Person
from tests.events.conftest import ADMIN, Chat
from tests.events.helpers import BERLIN, NOW, company, in_unit, meeting
from tests.events.helpers import people as make_people


async def _pending(db: Database, event_id: int, person_id: int) -> dict[str, datetime]:
    """Return what is planned for a person about an event ("d7", "promoted:3", ...): due."""
    head, tail = notices.prefix(event_id, person_id), f":{person_id}"
    async with db.unit() as s:
        rows = await outbox.pending_for(s, person_id=person_id)
    return {r.dedupe_key[len(head):-len(tail)]: r.due_at
            for r in rows if r.dedupe_key.startswith(head)}


async def _render(chat: Chat, person_id: int, what: str) -> Reply | None:
    """Render a person's planned row `what` as delivery would now."""
    async with chat.router.services.db.unit() as s:
        rows = await outbox.pending_for(s, person_id=person_id)
        row = next(r for r in rows if f":{what}:" in r.dedupe_key)
        person = await s.get(Person, person_id)
        assert person is not None
        return await chat.router.compose(s, row, person, now=NOW, numbered=False, memo={})


async def _edit(chat: Chat, field: str, value: str) -> str:
    """Let the admin change one field of "Netzwerktreffen" and save; return the answer."""
    shown = await chat.say(ADMIN, "/termin_bearbeiten Netzwerktreffen")
    await chat.tap(ADMIN, shown, field)
    confirm = await chat.say(ADMIN, value)
    return "\n".join(r.text for r in await chat.tap(ADMIN, confirm, "Speichern"))


async def test_sign_up_plans_reminders_and_cancel_drops_them(db: Database, chat: Chat) -> None:
    ev = await meeting(db, capacity=1)
    a, b = await make_people(db, 2, await company(db))
    assert "Angemeldet" in (await chat.press("p0", SignUp(ev.id, 1)))[0].text
    assert "Warteliste" in (await chat.press("p1", SignUp(ev.id, 1)))[0].text
    assert await _pending(db, ev.id, a) == {"d7": ev.start - timedelta(days=7),
                                            "d1": ev.start - timedelta(days=1)}
    assert await _pending(db, ev.id, b) == {}  # waiting: no reminders yet
    assert chat.router.notices.switchable()[notices.REMINDER] == t.KIND_REMINDER
    await chat.press("p0", ConfirmSignOff(ev.id))
    assert await _pending(db, ev.id, a) == {}
    moved = await _pending(db, ev.id, b)
    promoted = next(k for k in moved if k.startswith("promoted:"))
    assert set(moved) == {"d7", "d1", promoted} and moved[promoted] == NOW
    told = await _render(chat, b, "promoted")
    assert told is not None and "Platz frei geworden" in told.text
    assert told.file is not None and told.file.name.endswith(".ics")


async def test_signing_up_again_plans_the_reminders_again(db: Database, chat: Chat) -> None:
    ev = await meeting(db)
    (a,) = await make_people(db, 1, await company(db))
    await chat.press("p0", SignUp(ev.id, 1))
    await chat.press("p0", ConfirmSignOff(ev.id))
    assert await _pending(db, ev.id, a) == {}
    await chat.press("p0", SignUp(ev.id, 2))
    assert set(await _pending(db, ev.id, a)) == {"d7", "d1"}


async def test_time_change_replans_reminders_and_sends_notice(db: Database, chat: Chat) -> None:
    ev = await meeting(db)
    (a,) = await make_people(db, 1, await company(db))
    await chat.press("p0", SignUp(ev.id, 1))
    later = ev.start + timedelta(days=2)
    assert "Informiert: 1 Person" in await _edit(chat, "Zeit", "7.3. 10 Uhr")
    planned = await _pending(db, ev.id, a)
    assert planned["d7"] == later - timedelta(days=7) and planned["changed:1"] == NOW
    reminder = await _render(chat, a, "d1")  # shows the event as it is at delivery
    assert reminder is not None and "Sa, 7. März 2026, 10:00–15:00 Uhr" in reminder.text


async def test_a_change_overtaken_by_a_newer_one_is_not_sent(db: Database, chat: Chat) -> None:
    ev = await meeting(db)
    (a,) = await make_people(db, 1, await company(db))
    await chat.press("p0", SignUp(ev.id, 1))
    await _edit(chat, "Zeit", "7.3. 10 Uhr")
    await _edit(chat, "Ort", "Rathaus Zittau")
    assert await _render(chat, a, "changed:1") is None
    newest = await _render(chat, a, "changed:2")
    assert newest is not None and "Rathaus Zittau" in newest.text
    assert newest.file is not None and b"SEQUENCE:2" in newest.file.data


async def test_other_reminder_days_replan_without_a_notice(db: Database, chat: Chat) -> None:
    ev = await meeting(db)
    (a,) = await make_people(db, 1, await company(db))
    await chat.press("p0", SignUp(ev.id, 1))
    assert "Informiert: 0 Personen" in await _edit(chat, "Erinnerungen", "14, 2")
    edited = await in_unit(db, queries.get, event_id=ev.id)
    assert edited is not None and edited.sequence == 0
    assert await _pending(db, ev.id, a) == {"d14": ev.start - timedelta(days=14),
                                            "d2": ev.start - timedelta(days=2)}


async def test_cancelled_event_drops_reminders_and_tells_everyone(
    db: Database, chat: Chat
) -> None:
    ev = await meeting(db, capacity=1)
    a, b = await make_people(db, 2, await company(db))
    await chat.press("p0", SignUp(ev.id, 1))
    await chat.press("p1", SignUp(ev.id, 1))
    done = await chat.press(ADMIN, ConfirmCancel(ev.id))
    assert "Benachrichtigt: 2 Personen" in done[0].text
    assert await _pending(db, ev.id, a) == {"cancelled": NOW}
    assert await _pending(db, ev.id, b) == {"cancelled": NOW}
    told = await _render(chat, b, "cancelled")
    assert told is not None and told.file is not None and b"METHOD:CANCEL" in told.file.data


async def test_seeding_adds_catalogue_events_once_and_keeps_edits(
    db: Database, catalogue: Catalogue
) -> None:
    assert await in_unit(db, event_catalogue.seed, catalogue=catalogue) == 8
    march = (await in_unit(db, queries.find, query="Ausbildungs-Marketing"))[0]
    assert march.capacity == 40 and march.start == datetime(2026, 3, 5, 10, tzinfo=BERLIN)
    await in_unit(db, manage.update, event_id=march.id, changes={"capacity": 50}, now=NOW)
    assert await in_unit(db, event_catalogue.seed, catalogue=catalogue) == 0
    assert (await in_unit(db, queries.get, event_id=march.id)).capacity == 50  # type: ignore[union-attr]
    speed = (await in_unit(db, queries.find, query="Speed Dating Zittau"))[0]
    assert speed.kind == "extern" and speed.capacity is None and speed.link


async def test_export_table_for_german_excel(db: Database, chat: Chat) -> None:
    ev = await meeting(db)
    firm = await company(db, "Müller & Söhne GmbH")
    await make_people(db, 1, firm)
    await chat.press("p0", SignUp(ev.id, 3))
    files = [r.file for r in await chat.say(ADMIN, "/export anmeldungen") if r.file]
    data = next(f.data for f in files if f.name.endswith(".csv"))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = data.decode("utf-8-sig").splitlines()
    assert rows[1] == ("Netzwerktreffen;05.03.2026;Müller & Söhne GmbH;Person 0;Konsole;3;;"
                       "angemeldet;02.02.2026 09:00;;;")  # nothing assumed: both marks empty
