"""Retention on SQLite and PostgreSQL: what is due is emptied or deleted, nothing else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import col, select

from storage.audit.models import AuditLog
from storage.chat.models import DialogState
from storage.db import Database, Session
from storage.events.models import Event, Registration
from storage.members.models import Company, Person
from storage.outbox.models import OutboxMessage
from storage.privacy.retention import Purged, Retention, months_before, purge

NOW = datetime(2027, 6, 15, 3, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def test_months_before_keeps_the_day_where_the_month_has_it() -> None:
    assert months_before(datetime(2027, 3, 31, tzinfo=UTC), 1) == datetime(2027, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2027, 1, 15, tzinfo=UTC), 13) == datetime(2025, 12, 15,
                                                                              tzinfo=UTC)


def _person(name: str, *, age: timedelta, company_id: int | None = None,
            role: str = "member") -> Person:
    return Person(platform="console", external_id=name, display_name=name, chat_id=name,
                  company_id=company_id, role=role, created_at=NOW - age)


def _message(s: Session, person_id: int, key: str, *, sent: timedelta | None = None,
             dropped: timedelta | None = None) -> None:
    s.add(OutboxMessage(person_id=person_id, kind="personal", text=f"Text {key}",
                        params={"x": 1}, due_at=NOW - 60 * DAY, dedupe_key=key,
                        sent_at=None if sent is None else NOW - sent,
                        dropped_at=None if dropped is None else NOW - dropped,
                        created_at=NOW - 60 * DAY))


def _event(s: Session, title: str, start: datetime) -> Event:
    event = Event(title=title, start=start, end=start + timedelta(hours=2), capacity=10,
                  booked=1, created_at=start - 90 * DAY)
    s.add(event)
    return event


async def _fill(db: Database) -> None:
    async with db.unit() as s:
        company = Company(name="Pragma")
        s.add(company)
        await s.flush()
        people = {
            "member": _person("member", age=400 * DAY, company_id=company.id),
            "stranger_old": _person("stranger_old", age=31 * DAY),
            "stranger_new": _person("stranger_new", age=29 * DAY),
            "left_with_audit": _person("left_with_audit", age=90 * DAY),
            "granted_admin": _person("granted_admin", age=90 * DAY, role="admin"),
            "settings_admin": _person("settings_admin", age=90 * DAY),
        }
        s.add_all(people.values())
        await s.flush()
        s.add(DialogState(person_id=people["stranger_old"].id, dialog="x", step="y", run="r",
                          data={}, updated_at=NOW - 31 * DAY))
        s.add(AuditLog(at=NOW - 60 * DAY, actor="console:left_with_audit", action="leave"))
        s.add(AuditLog(at=months_before(NOW, 24) - DAY, actor="console:member", action="old"))
        s.add(AuditLog(at=months_before(NOW, 24) + DAY, actor="console:member", action="kept"))
        pid = people["member"].id
        _message(s, pid, "sent-31", sent=31 * DAY)
        _message(s, pid, "sent-29", sent=29 * DAY)
        _message(s, pid, "dropped-31", dropped=31 * DAY)
        _message(s, pid, "pending")
        events = [_event(s, "alt", months_before(NOW, 12) - 3 * DAY),
                  _event(s, "jüngst", months_before(NOW, 12) + 3 * DAY),
                  _event(s, "kommend", NOW + 30 * DAY)]
        await s.flush()
        for ev in events:
            s.add(Registration(event_id=ev.id, person_id=pid, company_id=company.id, people=1,
                               status="registered", created_at=ev.created_at))


async def test_retention_deletes_what_is_due_and_nothing_else(db: Database) -> None:
    await _fill(db)
    async with db.unit() as s:
        done = await purge(s, now=NOW, policy=Retention(),
                           admin_keys=frozenset({"console:settings_admin"}))
    assert done == Purged(messages=2, people=1, registrations=1, audit=1)
    async with db.unit() as s:
        names = set((await s.exec(select(Person.external_id))).all())
        assert names == {"member", "stranger_new", "left_with_audit", "granted_admin",
                         "settings_admin"}
        assert (await s.exec(select(DialogState))).all() == []
        texts = dict((await s.exec(select(OutboxMessage.dedupe_key, OutboxMessage.text))).all())
        assert texts == {"sent-31": "", "sent-29": "Text sent-29", "dropped-31": "",
                         "pending": "Text pending"}
        kept = (await s.exec(select(Event.title).join(
            Registration, col(Registration.event_id) == col(Event.id)))).all()
        assert sorted(kept) == ["jüngst", "kommend"]
        actions = set((await s.exec(select(AuditLog.action))).all())
        assert actions == {"leave", "kept"}
    async with db.unit() as s:  # a second run finds nothing more
        assert await purge(s, now=NOW, policy=Retention(),
                           admin_keys=frozenset({"console:settings_admin"})) == Purged()


async def test_shorter_settings_delete_sooner(db: Database) -> None:
    await _fill(db)
    async with db.unit() as s:
        done = await purge(s, now=NOW, policy=Retention(messages_days=7, unlinked_days=7,
                                                        registrations_months=0, audit_months=1),
                           admin_keys=frozenset({"console:settings_admin"}))
    # stranger_new goes too; registrations of every ended event; all audit entries but none
    assert done == Purged(messages=3, people=2, registrations=2, audit=3)
