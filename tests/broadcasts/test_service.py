"""Broadcast rules on SQLite and PostgreSQL: refusals and the delivery report from the outbox."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlmodel import col, select

from storage import broadcasts, outbox
from storage.db import Database
from storage.errors import DomainError
from storage.members.models import Person
from storage.outbox import OutboxMessage, Plan

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


async def test_report_counts_sent_unreachable_opted_out_and_waiting(db: Database) -> None:
    async with db.unit() as s:
        people = [Person(platform="console", external_id=f"p{i}", chat_id=f"p{i}")
                  for i in range(5)]
        s.add_all(people)
        await s.flush()
        row = await broadcasts.create(s, text="Hallo", audience="all", urgent=False,
                                      recipients=5, created_by=people[0].id, now=NOW)
        for p in people:
            await outbox.plan(s, Plan(person_id=p.id, kind=broadcasts.KIND,
                                      key=f"{broadcasts.key_prefix(row.id)}{p.id}",
                                      due_at=NOW, params={"b": row.id}), now=NOW)
        # Another broadcast's row must not count.
        await outbox.plan(s, Plan(person_id=people[0].id, kind=broadcasts.KIND,
                                  key=f"{broadcasts.key_prefix(row.id + 1)}1", due_at=NOW),
                          now=NOW)
    async with db.unit() as s:
        rows = {r.person_id: r for r in await s.exec(
            select(OutboxMessage).where(col(OutboxMessage.dedupe_key).startswith(
                broadcasts.key_prefix(row.id))))}
        rows[people[0].id].sent_at = NOW
        rows[people[1].id].sent_at = NOW
        rows[people[2].id].dropped_at, rows[people[2].id].drop_reason = NOW, "unreachable"
        rows[people[3].id].dropped_at, rows[people[3].id].drop_reason = NOW, "switched_off"
    async with db.unit() as s:
        report = await broadcasts.report(s, broadcast_id=row.id)
    assert report == broadcasts.Report(sent=2, unreachable=1, opted_out=1, other=0, waiting=1)


async def test_empty_or_long_or_nobody_is_refused(db: Database) -> None:
    async with db.unit() as s:
        for text, n, code in (("  ", 3, "news_empty"), ("x" * 1801, 3, "news_too_long"),
                              ("Hallo", 0, "poll_no_recipients")):
            with pytest.raises(DomainError) as err:
                await broadcasts.create(s, text=text, audience="all", urgent=False,
                                        recipients=n, created_by=0, now=NOW)
            assert err.value.code == code
