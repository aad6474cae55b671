"""Broadcast rules on SQLite and PostgreSQL: refusals and the delivery report from the outbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, select

from storage import broadcasts, outbox
from storage.broadcasts.models import BroadcastFile
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


async def test_file_is_kept_with_the_broadcast_and_abandoned_drafts_go(db: Database) -> None:
    async with db.unit() as s:
        chef = Person(platform="console", external_id="chef", chat_id="chef")
        s.add(chef)
        await s.flush()
        old = await broadcasts.keep_file(s, name="alt.pdf", mime="application/pdf",
                                         data=b"%PDF-alt", now=NOW - timedelta(days=3))
        sent_old = await broadcasts.keep_file(s, name="flyer.png", mime="image/png",
                                              data=b"\x89PNG-1", now=NOW - timedelta(days=3))
        await broadcasts.create(s, text="Flyer", audience="all", urgent=False, recipients=1,
                                created_by=chef.id, now=NOW - timedelta(days=3),
                                file_id=sent_old.id)
        fresh = await broadcasts.keep_file(s, name="neu.pdf", mime="application/pdf",
                                           data=b"%PDF-neu", now=NOW)
        ids = (old.id, sent_old.id, fresh.id)
        for data, code in ((b"", "news_file_empty"),
                           (b"0" * (broadcasts.MAX_FILE + 1), "news_file_too_large")):
            with pytest.raises(DomainError) as err:
                await broadcasts.keep_file(s, name="x", mime="x", data=data, now=NOW)
            assert err.value.code == code
    async with db.unit() as s:
        row = await broadcasts.create(s, text="Neu", audience="all", urgent=False,
                                      recipients=1, created_by=chef.id, now=NOW,
                                      file_id=ids[2])
        assert row.file_id == ids[2]
    async with db.unit() as s:
        kept = {f.id: f for f in await s.exec(select(BroadcastFile))}
        assert set(kept) == {ids[1], ids[2]}  # the abandoned draft went, sent files stay
        assert kept[ids[1]].data == b"\x89PNG-1"
        with pytest.raises(DomainError) as err:
            await broadcasts.create(s, text="Weg", audience="all", urgent=False, recipients=1,
                                    created_by=chef.id, now=NOW, file_id=ids[0])
        assert err.value.code == "news_file_gone"
