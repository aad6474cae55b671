"""The read cache: fresh after our own writes, after other processes' writes, never a stale store.

Two Database objects on one SQLite file stand for two processes (a console on the bot's file).
"""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from storage import chat_state, event_board, event_signup, people
from storage.db import Database
from storage.models import ButtonToken
from storage.read_cache import ReadCache
from tests.events.helpers import NOW, company, meeting
from tests.support.console import ConsoleBot, texts
from tests.support.databases import sqlite_copy


async def _touch(db: Database, name: str = "Anna") -> tuple[int, str, str]:
    person, _ = await people.touch(db, platform="telegram", external_id="7", display_name=name,
                                   chat_id="7")
    return person.id, person.role, person.display_name  # type: ignore[return-value]


async def test_own_write_is_seen_at_once_without_sync(db: Database) -> None:
    await db.cache.sync()
    pid, role, _ = await _touch(db)
    assert role == "member"
    await people.set_role(db, person_id=pid, role="admin")
    assert (await _touch(db))[1] == "admin"


async def test_write_by_another_process_is_seen_after_sync(
    tmp_path: Path, sqlite_template: Path
) -> None:
    url = sqlite_copy(sqlite_template, tmp_path)
    bot, other = Database(url), Database(url)
    try:
        pid, _, _ = await _touch(bot)  # created: a write, nothing cached yet
        await bot.cache.sync()
        await _touch(bot)
        await people.set_role(other, person_id=pid, role="admin")
        assert (await _touch(bot))[1] == "member"  # served from the cache: it is used
        await bot.cache.sync()  # what the router does at the start of every update
        assert (await _touch(bot))[1] == "admin"
    finally:
        await other.dispose()
        await bot.dispose()


async def test_a_read_overtaken_by_a_write_is_not_kept() -> None:
    cache = ReadCache("unused.db")
    reading, release = asyncio.Event(), asyncio.Event()

    async def slow_load() -> str:
        reading.set()
        await release.wait()
        return "old"

    task = asyncio.create_task(cache.get("k", slow_load))
    await reading.wait()
    cache.clear()  # a write committed while the read was under way
    release.set()
    assert await task == "old"  # the caller gets what it read...
    assert await cache.get("k", _new) == "new"  # ...but nobody after it


async def _new() -> str:
    return "new"


async def test_board_shows_a_sign_up_at_once_and_drops_started_events(db: Database) -> None:
    cid = await company(db)
    pid, _, _ = await _touch(db)
    async with db.transaction() as s:
        from storage.models import Person

        (await s.get(Person, pid)).company_id = cid  # type: ignore[union-attr]
    event = await meeting(db)
    before = await event_board.board(db, now=NOW, person_id=pid, company_id=cid)
    assert [b.mine for b in before] == [None]
    await event_signup.register(db, event_id=event.id, person_id=pid, people=2, now=NOW)  # type: ignore[arg-type]
    after = await event_board.board(db, now=NOW, person_id=pid, company_id=cid)
    assert after[0].mine is not None and after[0].mine.people == 2
    later = event.start + timedelta(minutes=1)
    assert await event_board.board(db, now=later, person_id=pid, company_id=cid) == []


async def _tokens(db: Database) -> int:
    async with db.read() as s:
        return (await s.execute(select(func.count()).select_from(ButtonToken))).scalar_one()


async def test_buttons_without_numbers_reuse_their_tokens_for_a_day(db: Database) -> None:
    pid, _, _ = await _touch(db)
    actions = ["ev.signup 1", "ev.ics 1", "ev.signup 1"]
    first = await chat_state.issue_tokens(db, person_id=pid, chat_id="7", batches=[actions],
                                          now=NOW, numbered=False)
    assert first[0][0] == first[0][2] and len(set(first[0])) == 2
    again = await chat_state.issue_tokens(db, person_id=pid, chat_id="7", batches=[actions],
                                          now=NOW + timedelta(hours=23), numbered=False)
    assert again == first and await _tokens(db) == 2  # nothing written the second time
    assert await chat_state.resolve_token(db, token=first[0][0], person_id=pid) == "ev.signup 1"
    assert await chat_state.resolve_token(db, token=first[0][0], person_id=pid + 1) is None
    renewed = await chat_state.issue_tokens(db, person_id=pid, chat_id="7", batches=[actions],
                                            now=NOW + timedelta(days=2), numbered=False)
    assert renewed[0][0] != first[0][0] and await _tokens(db) == 4
    # the old token still works until it is purged
    assert await chat_state.resolve_token(db, token=first[0][0], person_id=pid) == "ev.signup 1"


async def test_numbered_buttons_get_a_new_batch_every_answer(db: Database) -> None:
    pid, _, _ = await _touch(db)
    one = await chat_state.issue_tokens(db, person_id=pid, chat_id="7", batches=[["a", "b"]],
                                        now=NOW)
    two = await chat_state.issue_tokens(db, person_id=pid, chat_id="7", batches=[["b", "a"]],
                                        now=NOW)
    assert set(one[0]).isdisjoint(two[0])
    assert await chat_state.resolve_option(db, person_id=pid, chat_id="7", option=1) == "b"


async def test_purge_forgets_cached_tokens(db: Database) -> None:
    pid, _, _ = await _touch(db)
    [[token]] = await chat_state.issue_tokens(db, person_id=pid, chat_id="7", batches=[["x"]],
                                              now=NOW, numbered=False)
    assert await chat_state.purge_tokens(db, now=NOW + timedelta(days=61)) == 1
    assert await chat_state.resolve_token(db, token=token, person_id=pid) is None


async def test_postgres_reads_are_never_cached(db: Database) -> None:
    assert db.cache.enabled is db.is_sqlite


def test_console_sees_a_change_written_by_another_process(console: ConsoleBot) -> None:
    """The console caches anna after her first updates; a direct write must still count."""
    console.say("anna", "/hilfe")  # first contact: anna is written
    assert "/einladung" not in texts(console.say("anna", "/hilfe"))  # read, now cached
    with sqlite3.connect(console.workdir / "bot.db") as conn:  # another process's write
        conn.execute("UPDATE person SET role = 'admin' WHERE external_id = 'anna'")
    assert "/start " in texts(console.say("anna", "/einladung Zemmler"))


async def test_check_mode_catches_a_cached_object_changed_in_place(db: Database) -> None:
    checked = Database(str(db.url.render_as_string(hide_password=False)), check_cache=True)
    try:
        await _touch(checked)
        person, _ = await people.touch(checked, platform="telegram", external_id="7",
                                       display_name="Anna", chat_id="7")
        person.role = "admin"  # what a handler must never do
        if not checked.cache.enabled:
            return  # PostgreSQL: nothing cached, nothing to catch
        with pytest.raises(AssertionError, match="changed in place"):
            await _touch(checked)
    finally:
        await checked.dispose()


async def test_a_failing_watch_connection_only_drops_the_cache(
    tmp_path: Path, sqlite_template: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = Database(sqlite_copy(sqlite_template, tmp_path))
    try:
        await _touch(db)
        await _touch(db)
        db.cache._path = str(tmp_path / "missing" / "dir" / "x.db")  # cannot be opened
        await db.cache.close()
        await db.cache.sync()
        assert "data_version" in caplog.text and not db.cache._entries
        assert (await _touch(db))[2] == "Anna"  # reads still work
    finally:
        await db.dispose()


def test_file_uri_databases_are_not_cached(tmp_path: Path) -> None:
    uri = f"sqlite+aiosqlite:///file:{tmp_path / 'x.db'}?uri=true"
    assert not Database(uri).cache.enabled
