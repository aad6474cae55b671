"""Rules of the desk's access on SQLite and PostgreSQL: links once, sessions end, feed secret."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from storage import web as web_store
from storage.db import Database
from storage.errors import DomainError
from storage.members import people
from storage.members.models import Person

NOW = datetime(2026, 2, 2, 8, 0, tzinfo=UTC)


async def admin(db: Database) -> Person:
    """Add an admin person."""
    async with db.unit() as s:
        p = people.new_person(platform="console", external_id="chef", display_name="chef",
                              chat_id="chef")
        p.role = "admin"
        s.add(p)
        await s.flush()
        return p


async def refused(db: Database, token: str, now: datetime) -> str:
    """Return the rule that refused redeeming `token`."""
    try:
        async with db.unit() as s:
            await web_store.redeem(s, token=token, now=now)
    except DomainError as err:
        return err.code
    raise AssertionError("redeemed")


async def test_a_link_opens_one_session_once_within_ten_minutes(db: Database) -> None:
    p = await admin(db)
    async with db.unit() as s:
        token, until = await web_store.issue_link(s, person_id=p.id, now=NOW)
        late, _ = await web_store.issue_link(s, person_id=p.id, now=NOW)
    assert until == NOW + timedelta(minutes=10)
    async with db.unit() as s:
        row, signed = await web_store.redeem(s, token=token, now=NOW + timedelta(minutes=9))
    assert row.person_id == p.id and signed.expires_at == NOW + timedelta(minutes=9, hours=8)
    assert await refused(db, token, NOW + timedelta(minutes=9)) == "web_link_used"
    assert await refused(db, late, NOW + timedelta(minutes=10)) == "web_link_expired"
    assert await refused(db, "unbekannt", NOW) == "web_link_unknown"
    async with db.read() as s:
        found = await web_store.session_person(s, token=signed.token, now=NOW + timedelta(hours=8))
        gone = await web_store.session_person(s, token=signed.token,
                                              now=NOW + timedelta(hours=8, minutes=10))
    assert found is not None and found[1].id == p.id and gone is None


async def test_two_browsers_racing_for_one_link_get_one_session(db: Database) -> None:
    p = await admin(db)
    async with db.unit() as s:
        token, _ = await web_store.issue_link(s, person_id=p.id, now=NOW)

    async def one() -> str:
        try:
            async with db.unit() as s:
                await web_store.redeem(s, token=token, now=NOW)
            return "ok"
        except DomainError as err:
            return err.code
        except Exception as exc:  # SQLite: the loser of the write lock is refused as busy
            assert db.is_busy(exc)
            return "busy"

    results = await asyncio.gather(one(), one(), one())
    assert results.count("ok") == 1


async def test_revoke_ends_sessions_and_open_links(db: Database) -> None:
    p = await admin(db)
    async with db.unit() as s:
        signed = web_store.open_session(s, person_id=p.id, now=NOW)
        token, _ = await web_store.issue_link(s, person_id=p.id, now=NOW)
    async with db.unit() as s:
        assert await web_store.revoke(s, person_id=p.id, now=NOW) == 1
    async with db.read() as s:
        assert await web_store.session_person(s, token=signed.token, now=NOW) is None
    assert await refused(db, token, NOW) == "web_link_used"


async def test_a_new_feed_secret_revokes_the_old_one(db: Database) -> None:
    p = await admin(db)
    async with db.unit() as s:
        first = await web_store.new_feed(s, person_id=p.id, now=NOW)
    async with db.unit() as s:
        second = await web_store.new_feed(s, person_id=p.id, now=NOW)
    async with db.read() as s:
        assert not await web_store.feed_valid(s, token=first)
        assert await web_store.feed_valid(s, token=second)
    async with db.unit() as s:
        await web_store.revoke_feed(s, now=NOW)
    async with db.read() as s:
        assert not await web_store.feed_valid(s, token=second)
        assert not await web_store.feed_active(s)
